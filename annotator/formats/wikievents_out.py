"""WikiEvents' document lines, out (``formats.wikievents`` reads them back, through the OneIE reader): a line a
document, for document-level event argument extraction (``gen-arg`` and the tools after it, TextEE's WikiEvents), where
an argument may lie in another sentence than its trigger, which the OneIE export's sentence lines leave out.

``doc_id`` (the document's name), ``tokens`` (all of the document's: the stored tokens, else the one fallback's;
whitespace tokens are not written), ``text`` (the document's text), ``sentences`` (each ``[[[token, start, end], ...],
its text]``, characters of the document's text, end exclusive), ``entity_mentions`` (``id``, ``sent_idx``, ``start``,
``end``: token indices of the document, end exclusive, ``entity_type``, ``mention_type``: the one a OneIE or WikiEvents
import kept, else ``UNK``, ``text``), ``relation_mentions`` (the relations between entities an import kept,
``Arg-1`` and ``Arg-2`` by ``entity_id``, ``kept_relations``) and ``event_mentions`` (``id``, ``event_type``: the three
levels a WikiEvents import kept for an event still of the type it was read as, else the schema's name as the
``names`` option spells it, ``trigger`` ``{start, end, text, sent_idx}``, ``arguments`` by ``entity_id`` with their
``role`` and ``text``, in any sentence). A span across a sentence end is left out and reported, as OneIE's. Not written:
states, sources, attributes, comments; an argument that is a nested event's stand-in (brat) is left out and reported.

Coreference goes to gen-arg's file of its own, ``coref/NAME.jsonlines`` beside each file written, a split's part's
``coref/PART.jsonlines`` (``wikievents_names.coref_path``, which the reader reads back: gen-arg opens
``coref/train.jsonlines``, ``dev`` and ``test`` whatever its documents files are named; session 32: a part's was
``coref/corpus.train.jsonlines``, which gen-arg never opens): a line for each line written, in the same order
(gen-arg's ``KAIROSDataModule.prepare_data`` opens it for every split and zips its lines with the documents', asserting
``doc_key`` is ``doc_id``: without it no training starts, with a line missing the documents after it are dropped
silently), ``clusters`` the project's chains (``webanno_chains.kept_chains``: WebAnno TSV's, CorefUD's, CoNLL-2012's,
WikiEvents' own) as the entity mention ids written, ``informative_mentions`` each cluster's longest mention's words
(the original's are names over descriptions over pronouns; the project's chains join entities), a line per document
line (session 32: two documents of one name, as a merge keeps them, both had the last one's). Session 31: the chains
were said as left out and no file written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from annotator.formats.problem_place import Where
from annotator.formats.brat_conf import proxy_labels
from annotator.formats.kept_relations import entity_relations
from annotator.formats.meta_keys import ONEIE
from annotator.formats.records import ExportRequest, export_writer
from annotator.formats.schema_names import AliasNames, written_names
from annotator.formats.tokens import DocTokens, line_span
from annotator.formats.webanno_chains import kept_chains
from annotator.formats.webanno_tsv import SOURCE as WEBANNO
from annotator.formats.wikievents_names import coref_path, kept_levels, written_type
from annotator.formats.writing import FormatExportReport, arguments_in_line, placed_triggers, write_event_lines
from annotator.store import Project


def record_to_wikievents(
    rec: dict[str, Any],
    toks: DocTokens,
    report: FormatExportReport,
    mode: str = "expand",
    proxies: set[str] | frozenset[str] = frozenset(),
    names: AliasNames | None = None,
    file_names: bool = True,
    coref: dict[tuple[str, str], dict[str, Any]] | None = None,
) -> list[dict[str, Any]]:
    """One document as its WikiEvents line (names as ``schema_names.written_names`` gives them); its coreference line
    goes to ``coref`` by its ``doc_id`` and text (``write_coref``: two documents of one name, as a merge keeps them,
    have a line each)."""
    text, name = rec["text"], rec["name"]
    label_of, type_of, role_of = written_names(rec["meta"], names, file_names)
    type_of = str if names else type_of  # the schema's types, as the OneIE export writes them
    keep = [k for k in range(len(toks)) if not toks.is_space(text, k)]
    order = list(dict.fromkeys(toks.sentence_of(k) for k in keep))
    sent_idx = {s: n for n, s in enumerate(order)}
    place = {k: (sent_idx[toks.sentence_of(k)], j) for j, k in enumerate(keep)}  # token -> (sentence written, index)
    sentences: list[list[Any]] = [[[], ""] for _ in order]
    for k in keep:
        sentences[sent_idx[toks.sentence_of(k)]][0].append(
            [text[toks.starts[k] : toks.ends[k]], toks.starts[k], toks.ends[k]]
        )
    for s in sentences:
        s[1] = text[s[0][0][1] : s[0][-1][2]]
    words = [text[toks.starts[k] : toks.ends[k]] for k in keep]

    def span(start: int, end: int, what: str, label: str | None = None) -> tuple[int, int, int] | None:
        """(sentence index, first token, end token exclusive) of [start, end), or None (reported)."""
        return line_span(toks, start, end, mode, report, Where(rec.get("id"), name, what, label), place)

    kept = rec["meta"].get(ONEIE) if isinstance(rec["meta"].get(ONEIE), dict) else {}
    kinds = {(m[0], m[1]): m[2] for m in kept.get("mentions") or [] if isinstance(m, list) and len(m) == 4}
    entities: list[dict[str, Any]] = []
    mention: dict[int, tuple[int, str, str]] = {}  # entity id -> (0: one line, mention id, its text)
    by_span: dict[tuple[int, int, str], int] = {}
    for e in rec["entities"]:
        got = span(e["start"], e["end"], f"entity {e['label']}", e["label"]) if e["label"] not in proxies else None
        if got is None:
            continue
        n, a, b = got
        mid, said = f"{name}-T{len(entities)}", " ".join(words[a:b])
        mention_type = kinds.get((e["start"], e["end"]))
        entities.append(
            {
                "id": mid,
                "sent_idx": n,
                "start": a,
                "end": b,
                "entity_type": label_of(e["label"]),
                "mention_type": mention_type if isinstance(mention_type, str) else "UNK",
                "text": said,
            }
        )
        mention[e["id"]] = (0, mid, said)
        by_span[(e["start"], e["end"], e["label"])] = e["id"]
    labels = {e["id"]: e["label"] for e in rec["entities"]}
    levels = kept_levels(kept)
    events = []
    for _k, v, (n, a, b) in placed_triggers(rec["events"], span, report, Where(rec.get("id"), name)):
        args = [
            {"entity_id": m[1], "role": role_of(arg["role"]), "text": m[2]}
            for arg, m in arguments_in_line(v, 0, mention, labels, proxies, report, name)
        ]
        trigger = {"start": a, "end": b, "text": " ".join(words[a:b]), "sent_idx": n}
        events.append(
            {"id": f"{name}-E{len(events)}", "event_type": written_type(v, levels, type_of), "trigger": trigger,
             "arguments": args}
        )  # fmt: skip
    if coref is not None and words:
        coref[(name, text)] = _coref_line(rec, name, by_span, mention, report)
    relations = []
    for r, one, two in entity_relations(rec["meta"], by_span, mention, report, name, coref is not None):
        (_, id1, w1), (_, id2, w2) = mention[one], mention[two]
        relations.append(
            {"id": f"{name}-R{len(relations)}", "relation_type": r.get("type"),
             "arguments": [{"entity_id": id1, "text": w1, "role": "Arg-1"},
                           {"entity_id": id2, "text": w2, "role": "Arg-2"}]}
        )  # fmt: skip
    line = {"doc_id": name, "tokens": words, "text": text, "sentences": sentences, "entity_mentions": entities,
            "relation_mentions": relations, "event_mentions": events}  # fmt: skip
    return [line] if words else []


def _coref_line(
    rec: dict[str, Any],
    name: str,
    by_span: dict[tuple[int, int, str], int],
    mention: dict[int, tuple[int, str, str]],
    report: FormatExportReport,
) -> dict[str, Any]:
    """The document's gen-arg coreference line: its chains as clusters of the mention ids written, each cluster's
    longest mention's words its informative mention; a chain with a mention not written goes in the pieces left
    (said, as the DyGIE++ export says it)."""
    ids = {span: mention[e][1] for span, e in by_span.items() if e in mention}
    words = {mid: said for _, mid, said in mention.values()}
    chains = kept_chains(
        (rec.get("meta") or {}).get(WEBANNO),
        lambda x: ids.get(tuple(x)) if isinstance(x, list) else None,
        lambda what: report.problem("coreference links left out (a mention is gone)", f"{name}: {what}"),
    )
    clusters = [list(dict.fromkeys(link.span for link in chain)) for _layer, chain in chains]
    clusters = [c for c in clusters if len(c) > 1]
    informative = [max(c, key=lambda m: len(words[m])) for c in clusters]
    return {"doc_key": name, "clusters": clusters, "informative_mentions": [words[m] for m in informative]}


def write_coref(files: list[str], coref: dict[tuple[str, str], dict[str, Any]], parts: bool) -> list[str]:
    """gen-arg's coreference file beside each file written, ``coref/NAME.jsonlines``, or a split's part's
    ``coref/PART.jsonlines`` (``parts``: ``corpus.train.jsonl`` -> ``coref/train.jsonlines``, as gen-arg opens it): a
    line for each of its lines, in order (a document without chains an empty ``clusters``); the files written."""
    from annotator.exporting import atomic_output

    written = []
    for file in files:
        target = coref_path(Path(file), Path(file).stem.rpartition(".")[2] if parts else "")
        target.parent.mkdir(exist_ok=True)
        with Path(file).open("rb") as lines, atomic_output(target) as fh:
            for raw in lines:
                doc = orjson.loads(raw)
                doc_id = doc["doc_id"]
                line = coref.get((doc_id, doc["text"])) or {
                    "doc_key": doc_id,
                    "clusters": [],
                    "informative_mentions": [],
                }
                fh.write(orjson.dumps(line, option=orjson.OPT_APPEND_NEWLINE))
        written.append(str(target))
    return written


@export_writer("wikievents")
def write_wikievents(project: Project, out: str | Path, request: ExportRequest) -> FormatExportReport:
    """A line per document (one file per part with ``split=...``), and gen-arg's coreference file beside each."""
    proxies = proxy_labels(project.schema)
    coref: dict[tuple[str, str], dict[str, Any]] = {}
    report = write_event_lines(
        project,
        out,
        request,
        "wikievents",
        lambda rec, toks, report, mode, names, file_names: record_to_wikievents(
            rec, toks, report, mode, proxies, names, file_names, coref
        ),
    )
    from annotator.exporting import spooled_for_stream

    files = report.files or [str(out)]
    if spooled_for_stream(out):  # -o -: the one file goes to standard output, a file beside it nowhere
        for (doc_id, _), line in coref.items():
            for said in line["informative_mentions"]:
                report.problem(
                    "coreference clusters left out (standard output takes one file: name one for coref/)",
                    f"{doc_id}: {said}",
                )
        return report
    report.files = files + write_coref(files, coref, [Path(f) for f in files] != [Path(out)])
    return report
