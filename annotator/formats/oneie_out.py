"""OneIE's JSON lines, out: a line per sentence of each document, as ``formats.oneie`` reads them back.

``doc_id`` (the document's name), ``sent_id`` (the one a OneIE import kept, else ``NAME-K``; ``wnd_id`` when the
import's lines had those, as TextEE's), ``tokens`` (the stored
tokens, else the one fallback's; whitespace tokens are not written), ``sentence`` and ``text`` (OneIE's and TextEE's
names of the text from the sentence's first token to its last; TextEE's ``lang`` when the meta has one), ``entity_mentions`` (``id``, ``text``, ``entity_type``, ``mention_type`` (the one a OneIE import kept, else ``UNK``) and ``entity_subtype`` when kept, ``start``,
``end``: token indices of the sentence, end exclusive), ``relation_mentions`` (the relations between entities a OneIE
or DyGIE++ import kept, and since session 24 another tool's: brat's of two spans, doccano's, Label Studio's, WebAnno
TSV's, Prodigy's, ``kept_relations``; ``Arg-1`` and ``Arg-2`` by ``entity_id``) and ``event_mentions`` (``event_type``, ``trigger``
``{text, start, end}``, ``arguments`` by ``entity_id`` with their ``role``). OneIE keeps everything within a sentence:
an entity or trigger across a sentence end, and an argument or relation end outside its sentence, is left out and
reported. Not written: ``pieces``/``token_lens`` (made by OneIE's preprocessing with its model's tokenizer), states,
sources, attributes, comments; an argument that is a nested event's stand-in (brat) is left out and reported.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


from annotator.formats.problem_place import Where
from annotator.formats.brat_conf import proxy_labels
from annotator.formats.writing import (
    FormatExportReport,
    arguments_in_line,
    placed_triggers,
    write_event_lines,
)
from annotator.formats.kept_relations import entity_relations
from annotator.formats.meta_keys import ONEIE as SOURCE
from annotator.formats.records import ExportRequest, export_writer
from annotator.formats.schema_names import AliasNames, written_names
from annotator.formats.tokens import DocTokens, line_span
from annotator.formats.wikievents_names import kept_levels, written_type
from annotator.store import Project


def record_to_oneie(
    rec: dict[str, Any],
    toks: DocTokens,
    report: FormatExportReport,
    mode: str = "expand",
    proxies: set[str] | frozenset[str] = frozenset(),
    names: AliasNames | None = None,
    file_names: bool = True,
) -> list[dict[str, Any]]:
    """One document as OneIE lines, a sentence each (names as ``schema_names.written_names`` gives them)."""
    text, name = rec["text"], rec["name"]
    label_of, type_of, role_of = written_names(rec["meta"], names, file_names)
    # names=aliases keeps the schema's event types: OneIE's ACE types are spelt as the news schema's (Conflict:Attack),
    # where their first aliases are DyGIE++'s (Conflict.Attack)
    type_of = str if names else type_of
    keep = [k for k in range(len(toks)) if not toks.is_space(text, k)]
    sentence_tokens: dict[int, list[int]] = {}
    for k in keep:
        sentence_tokens.setdefault(toks.sentence_of(k), []).append(k)
    order = list(sentence_tokens)
    place = {k: (n, j) for n, s in enumerate(order) for j, k in enumerate(sentence_tokens[s])}
    kept = rec["meta"].get(SOURCE) if isinstance(rec["meta"].get(SOURCE), dict) else {}
    id_key = "wnd_id" if isinstance(kept.get("wnd_id"), list) and "sent_id" not in kept else "sent_id"  # TextEE's
    given_ids = kept.get(id_key) if isinstance(kept.get(id_key), list) else []
    ids = [str(given_ids[n]) if n < len(given_ids) else f"{name}-{n}" for n in range(len(order))]
    lines: list[dict[str, Any]] = []
    for n, s in enumerate(order):
        first, last = sentence_tokens[s][0], sentence_tokens[s][-1]
        lines.append(
            {
                "doc_id": name,
                id_key: ids[n],
                "tokens": [text[toks.starts[k] : toks.ends[k]] for k in sentence_tokens[s]],
                "sentence": text[toks.starts[first] : toks.ends[last]],
                "text": text[toks.starts[first] : toks.ends[last]],  # TextEE's name of it
                **({"lang": rec["meta"]["lang"]} if isinstance(rec["meta"].get("lang"), str) else {}),
                "entity_mentions": [],
                "relation_mentions": [],
                "event_mentions": [],
            }
        )

    def span(start: int, end: int, what: str, label: str | None = None) -> tuple[int, int, int] | None:
        """(sentence, first, end exclusive) of [start, end), or None (reported)."""
        return line_span(toks, start, end, mode, report, Where(rec.get("id"), name, what, label), place)

    kinds = {  # (start, end) -> the mention type and entity subtype a OneIE import kept
        (m[0], m[1]): m[2:4]
        for m in (kept.get("mentions") if isinstance(kept.get("mentions"), list) else [])
        if isinstance(m, list) and len(m) == 4
    }
    mention: dict[int, tuple[int, str, str]] = {}  # entity id -> (sentence, mention id, its text)
    by_span: dict[tuple[int, int, str], int] = {}
    for e in rec["entities"]:
        if e["label"] in proxies:
            continue
        got = span(e["start"], e["end"], f"entity {e['label']}", e["label"])
        if got is None:
            continue
        n, a, b = got
        line = lines[n]
        mid = f"{line[id_key]}-E{len(line['entity_mentions'])}"
        words = " ".join(line["tokens"][a:b])
        mention_type, subtype = kinds.get((e["start"], e["end"]), (None, None))
        line["entity_mentions"].append(
            {
                "id": mid,
                "text": words,
                "entity_type": label_of(e["label"]),
                **({"entity_subtype": subtype} if isinstance(subtype, str) else {}),
                "mention_type": mention_type if isinstance(mention_type, str) else "UNK",
                "start": a,
                "end": b,
            }
        )
        mention[e["id"]] = (n, mid, words)
        by_span[(e["start"], e["end"], e["label"])] = e["id"]
    labels = {e["id"]: e["label"] for e in rec["entities"]}
    levels = kept_levels(kept)  # WikiEvents' three-level types
    for _k, v, (n, a, b) in placed_triggers(rec["events"], span, report, Where(rec.get("id"), name)):
        line = lines[n]
        args = [
            {"entity_id": m[1], "text": m[2], "role": role_of(arg["role"])}
            for arg, m in arguments_in_line(v, n, mention, labels, proxies, report, name)
        ]
        line["event_mentions"].append(
            {
                "id": f"{line[id_key]}-EV{len(line['event_mentions'])}",
                "event_type": written_type(v, levels, type_of),
                "trigger": {"text": " ".join(line["tokens"][a:b]), "start": a, "end": b},
                "arguments": args,
            }
        )
    # relations between entities a OneIE or DyGIE++ import kept, then another tool's, while their ends are there
    for r, one, two in entity_relations(rec["meta"], by_span, mention, report, name):
        (n1, id1, w1), (n2, id2, w2) = mention[one], mention[two]
        if n1 != n2:
            report.problem("relations left out (ends in two sentences)", f"{name}: {r.get('type')}")
            continue
        line = lines[n1]
        line["relation_mentions"].append(
            {
                "id": f"{line[id_key]}-R{len(line['relation_mentions'])}",
                "relation_type": r.get("type"),
                "arguments": [
                    {"entity_id": id1, "text": w1, "role": "Arg-1"},
                    {"entity_id": id2, "text": w2, "role": "Arg-2"},
                ],
            }
        )
    return lines


@export_writer("oneie")
def write_oneie(project: Project, out: str | Path, request: ExportRequest) -> FormatExportReport:
    """A line per sentence (one file per part with ``split=...``)."""
    proxies = proxy_labels(project.schema)
    return write_event_lines(
        project,
        out,
        request,
        "oneie",
        lambda rec, toks, report, mode, names, file_names: record_to_oneie(
            rec, toks, report, mode, proxies, names, file_names
        ),
    )
