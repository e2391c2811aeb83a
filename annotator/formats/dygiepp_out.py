"""DyGIE++ JSONL out: ``doc_key``, ``dataset``, sentence-split ``sentences``, per-sentence ``ner``, ``relations`` and
``events`` with document-level, end-inclusive token indices (whitespace tokens are not counted), ``clusters``
(``dygiepp`` reads them back in).

An event is ``[[trigger_token, type], [start, end, role], ...]``; a multi-token trigger keeps one token
(``trigger_head=last``, the default, or ``first``) and is reported. An entity or argument that crosses a
sentence boundary, and an argument outside its trigger's sentence, is left out and reported (DyGIE++
keeps everything within a sentence). Events whose triggers fall on the same token are reported (DyGIE++'s
reader keeps one of them). Entities that stand for a nested event (a label that is also an event type: see
brat import) are not in ``ner``; an argument may still point at their span. Attributes, states and comments
are lost; ``relations`` and ``clusters`` are those a DyGIE++ import kept (``meta["dygiepp"]``), while their spans
are still there, and (session 24) the relations between entities another tool's import kept (brat's of two spans,
doccano's, Label Studio's, WebAnno TSV's, Prodigy's: ``kept_relations``) whose ends lie in one sentence; they were
left out without a word.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from annotator.formats.problem_place import Where
from annotator.formats.brat_conf import proxy_labels
from annotator.formats.common import option_choice
from annotator.formats.writing import (
    FormatExportReport,
    option_file_names,
    option_names,
    placed_triggers,
    report_alias_choices,
    write_per_part,
)
from annotator.formats.kept_relations import EVENT_ENDED, event_ended, from_words, with_others
from annotator.formats.meta_keys import DYGIEPP as KEPT
from annotator.formats.records import ExportRequest, export_writer
from annotator.formats.schema_names import AliasNames, written_names
from annotator.formats.tokens import ALIGN_MODES, DocTokens, placed_span
from annotator.store import Project


def record_to_dygiepp(
    rec: dict[str, Any],
    toks: DocTokens,
    report: FormatExportReport,
    dataset: str,
    mode: str = "expand",
    head: str = "last",
    proxies: set[str] | frozenset[str] = frozenset(),
    schema_name: str = "",
    names: AliasNames | None = None,
    file_names: bool = True,
) -> dict[str, Any]:
    """One document as a DyGIE++ line; ``names`` writes the schema's first aliases (ACE's ``PER``,
    ``Conflict.Attack``) for its labels, event types and roles, else the document's as its file spelt them
    (``file_names``; off: the schema's, ``schema_names.written_names``)."""
    text, name = rec["text"], rec["name"]
    label_of, type_of, role_of = written_names(rec["meta"], names, file_names)
    keep = [k for k in range(len(toks)) if not toks.is_space(text, k)]
    new_index = {k: n for n, k in enumerate(keep)}
    sent_of_new: list[int] = []
    sentences: list[list[str]] = []
    last = None
    for k in keep:
        s = toks.sentence_of(k)
        if s != last:
            sentences.append([])
            last = s
        sentences[-1].append(text[toks.starts[k] : toks.ends[k]])
        sent_of_new.append(len(sentences) - 1)

    def span(start: int, end: int, what: str, label: str | None = None) -> tuple[int, int] | None:
        where = Where(rec.get("id"), name, what, label)
        return placed_span(toks, start, end, mode, report, where, new_index, sent_of_new.__getitem__)

    ner: list[list] = [[] for _ in sentences]
    ent_span: dict[int, tuple[int, int]] = {}
    for e in rec["entities"]:
        got = span(e["start"], e["end"], f"entity {e['label']}", e["label"])
        if got is not None:
            ent_span[e["id"]] = got
            if e["label"] not in proxies:
                ner[sent_of_new[got[0]]].append([got[0], got[1], label_of(e["label"])])
    events: list[list] = [[] for _ in sentences]
    trigger_tokens: dict[int, str] = {}
    for _k, v, got in placed_triggers(rec["events"], span, report, Where(rec.get("id"), name)):
        t = v["trigger"]
        if got[0] != got[1]:
            report.problem(
                f"multi-token triggers reduced to their {head} token", f"{name}: {v['type']} [{t['start']}, {t['end']})"
            )
        tok = got[1] if head == "last" else got[0]
        if tok in trigger_tokens:
            report.problem(
                "events sharing a trigger token (DyGIE++'s reader keeps one)",
                f"{name}: {v['type']} and {trigger_tokens[tok]} on token {tok}",
            )
        trigger_tokens.setdefault(tok, v["type"])
        sent = sent_of_new[tok]
        item: list[list] = [[tok, type_of(v["type"])]]
        for a in v["arguments"]:
            arg = ent_span.get(a["entity_id"])
            if arg is None:
                continue
            if sent_of_new[arg[0]] != sent:
                report.problem(
                    "arguments left out (outside the trigger's sentence)", f"{name}: {v['type']} {a['role']}"
                )
                continue
            item.append([arg[0], arg[1], role_of(a["role"])])
        events[sent].append(item)
    kept = (rec.get("meta") or {}).get(KEPT)
    kept = kept if isinstance(kept, dict) else {}
    spans_here = {(e["start"], e["end"], e["label"]) for e in rec["entities"]}
    relations: list[list] = [[] for _ in sentences]
    own = [r for r in kept.get("relations") or [] if isinstance(r, dict)]
    for t in event_ended(rec["meta"]):  # brat's from an event: the format's relations join entities
        report.problem(EVENT_ENDED, f"{name}: {t}")
    for r in with_others(
        own, rec["meta"]
    ):  # a DyGIE++ import's relations, while their ends are still there; then the others'
        ends = [r.get("from"), r.get("to")]
        if not all(isinstance(x, list) and len(x) == 3 for x in ends):
            continue
        if r not in own and from_words(r):
            report.problem("relations from words that are no entity left out", f"{name}: {r.get('type')}")
            continue
        if any(x[2] is not None and tuple(x) not in spans_here for x in ends):
            report.problem("relations left out (an end is gone)", f"{name}: {r.get('type')}")
            continue
        got = [span(x[0], x[1], f"relation {r.get('type')}") for x in ends]
        if got[0] is None or got[1] is None:
            continue
        if sent_of_new[got[0][0]] != sent_of_new[got[1][0]]:
            report.problem("relations left out (ends in two sentences)", f"{name}: {r.get('type')}")
            continue
        relations[sent_of_new[got[0][0]]].append([*got[0], *got[1], r.get("type")])
    out = {
        "doc_key": name,
        "dataset": dataset or kept.get("dataset") or schema_name,
        "sentences": sentences,
        "ner": ner,
        "events": events,
        "relations": relations,
    }
    for key in ("clusters", "event_clusters"):  # coreference clusters a DyGIE++ import kept, mention by mention
        if isinstance(kept.get(key), list):
            clusters = [[span(m[0], m[1], f"{key} mention") for m in c] for c in kept[key]]
            out[key] = [[list(m) for m in c if m is not None] for c in clusters]
    if "clusters" not in out and (
        chains := _webanno_clusters(rec, ent_span, report) + _brat_clusters(rec, ent_span, report)
    ):
        out["clusters"] = chains
    return out


def _webanno_clusters(
    rec: dict[str, Any], ent_span: dict[int, tuple[int, int]], report: FormatExportReport
) -> list[list[list[int]]]:
    """The coreference chains a WebAnno TSV import kept (``webanno_chains``), as DyGIE++'s ``clusters``: each chain
    its mentions' token spans in order, a mention the span of its entity as written in ``ner`` (session 10: chains
    were not written, though DyGIE++ has a place for them)."""
    from annotator.formats.webanno_chains import kept_chains
    from annotator.formats.webanno_tsv import SOURCE

    by_span: dict[tuple[int, int, str], tuple[int, int]] = {}
    for e in rec["entities"]:
        if e["id"] in ent_span:
            by_span.setdefault((e["start"], e["end"], e["label"]), ent_span[e["id"]])
    chains = kept_chains(
        (rec.get("meta") or {}).get(SOURCE),
        lambda x: by_span.get(tuple(x)) if isinstance(x, list) else None,
        lambda what: report.problem("coreference links left out (a mention is gone)", f"{rec['name']}: {what}"),
    )
    return [[list(link.span) for link in chain] for _layer, chain in chains]


def _brat_clusters(
    rec: dict[str, Any], ent_span: dict[int, tuple[int, int]], report: FormatExportReport
) -> list[list[list[int]]]:
    """The equivalences a brat import kept (``*\tEquiv T1 T2 T3``: entities brat declares the same, symmetric and
    transitive) as DyGIE++'s ``clusters``, each its members' token spans; one with a member gone, or of fewer than
    two entities written, is left out and said (session 31: every equivalence was said as left out, "the format has
    no place for them", though DyGIE++'s clusters are that place)."""
    from annotator.formats.meta_keys import BRAT

    kept = (rec.get("meta") or {}).get(BRAT)
    by_span: dict[tuple[int, int], tuple[int, int]] = {}
    for e in rec["entities"]:
        if e["id"] in ent_span:
            by_span.setdefault((e["start"], e["end"]), ent_span[e["id"]])
    clusters: list[list[list[int]]] = []
    for item in kept.get("equivalences", []) if isinstance(kept, dict) else []:
        members = item.get("members") if isinstance(item, dict) else None
        spans = [
            by_span.get((m[2], m[3])) if isinstance(m, list) and len(m) >= 4 and m[0] == "T" else None
            for m in members or []
        ]
        if len(spans) < 2 or any(x is None for x in spans):
            report.problem("brat equivalences left out (a member is gone)", f"{rec['name']}: {item.get('type')}")
            continue
        clusters.append([list(x) for x in dict.fromkeys(spans) if x is not None])
    return clusters


@export_writer("dygiepp")
def write_dygiepp(project: Project, out: str | Path, request: ExportRequest) -> FormatExportReport:
    opts = dict(request.options)
    mode = option_choice(opts, "misaligned", ALIGN_MODES)
    head = option_choice(opts, "trigger_head", ("last", "first"))
    names, file_names = option_names(project.schema, opts), option_file_names(opts)
    dataset = opts.get("dataset")  # else the dataset a DyGIE++ import kept, else the schema's name
    proxies = proxy_labels(project.schema)
    report = write_per_part(
        project,
        out,
        request,
        "dygiepp",
        lambda rec, toks, report: orjson.dumps(
            record_to_dygiepp(
                rec, toks, report, dataset or "", mode, head, proxies, project.schema.name, names, file_names
            ),
            option=orjson.OPT_APPEND_NEWLINE,
        ),
    )
    report_alias_choices(report, names)
    return report
