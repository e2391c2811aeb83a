"""spaCy DocBin (.spacy) export for ``spacy train``: entities, all spans, triggers and events.

Per document:
- ``doc.ents``: the entities that do not overlap (longest first); tokens outside them are *missing*
  for documents not reviewed and *O* for reviewed ones.
- ``doc.spans["sc"]``: every exported entity; ``attrs["entities"]`` holds id, state, source, annotator
  per span, in the same order, and ``event_proxy: true`` for an entity that stands for a nested event (a
  label that is also an event type: see brat import); those are never in ``doc.ents``.
- ``doc.spans["triggers"]``: one span per event, labelled with the event type; ``attrs["events"]`` holds
  one dict per span: id, type, trigger [start_char, end_char], attributes, arguments
  (role, entity_id, start, end, label, span: index in ``doc.spans["sc"]``), state and source.
- ``doc.user_data``: ``annotator_name``, ``annotator_id``, ``annotator_status``, ``annotator_meta``,
  ``annotator_comments``.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from annotator.formats.brat_conf import proxy_labels
from annotator.formats.common import (
    FormatExportReport,
    atomic_outputs,
    no_cyclic_gc,
    option_choice,
    part_path,
    parts_of,
    records_with_tokens,
    split_option,
)
from annotator.formats.docbin_stream import DocBinWriter
from annotator.formats.records import CHUNK, ExportRequest, export_writer
from annotator.formats.tokens import ALIGN_MODES, DocTokens, align
from annotator.store import Project

SPAN_KEY = "sc"
TRIGGER_KEY = "triggers"


@dataclass
class DocPlan:
    """What one record's Doc holds, worked out without spaCy: token spans are (first token, end token, label)."""

    spans: list[tuple[int, int, str]]
    infos: list[dict[str, Any]]
    ents: list[tuple[int, int, str]]
    outside: bool  # tokens outside doc.ents are O (reviewed) rather than missing
    triggers: list[tuple[int, int, str]]
    events: list[dict[str, Any]]
    user_data: dict[str, Any]


def filter_token_spans(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """``spacy.util.filter_spans`` on (start, end, label) tuples: longest first, then earliest; no overlaps."""
    if all(a[1] <= b[0] for a, b in zip(spans, spans[1:])):  # already in order and apart: nothing to filter
        return list(spans)
    seen: set[int] = set()
    out = []
    for sp in sorted(spans, key=lambda x: (x[1] - x[0], -x[0]), reverse=True):
        if sp[0] not in seen and sp[1] - 1 not in seen:
            out.append(sp)
            seen.update(range(sp[0], sp[1]))
    return sorted(out, key=lambda x: x[0])


def entity_info(eid: int, state: str, source: str, annotator: str | None, proxy: bool) -> dict[str, Any]:
    """One entity of ``attrs["entities"]``; ``event_proxy`` only for an entity standing for a nested event."""
    info = {"id": eid, "state": state, "source": source, "annotator": annotator}
    if proxy:
        info["event_proxy"] = True
    return info


def plan_doc(
    rec: dict[str, Any],
    toks: DocTokens,
    report: FormatExportReport,
    mode: str = "expand",
    proxies: set[str] | frozenset[str] = frozenset(),
) -> DocPlan:
    """Align a record's entities and triggers to ``toks`` and report what cannot be kept (see the module doc)."""
    name = rec["name"]
    spans: list[tuple[int, int, str]] = []
    infos: list[dict[str, Any]] = []
    index: dict[Any, int] = {}
    ents = rec["entities"]
    exact = toks.exact_many([e["start"] for e in ents], [e["end"] for e in ents])
    for e, x in zip(ents, exact):
        hit = x if x is not None else align(toks, e["start"], e["end"], mode, report, f"{name}: entity {e['label']}", x)
        if hit is None:
            continue
        index[e["id"]] = len(spans)
        spans.append((hit[0], hit[1] + 1, e["label"]))
        infos.append(entity_info(e["id"], e["state"], e["source"], e["annotator"], e["label"] in proxies))
    candidates = [sp for sp, info in zip(spans, infos) if not info.get("event_proxy")]
    flat = filter_token_spans(candidates)
    kept = set(flat)
    for sp in candidates:  # one problem per entity left out of doc.ents
        if sp not in kept:
            report.problem(
                "overlapping entities kept only in doc.spans",
                f"{name}: {sp[2]} [{toks.starts[sp[0]]}, {toks.ends[sp[1] - 1]})",
            )
        else:
            kept.discard(sp)
    triggers: list[tuple[int, int, str]] = []
    events: list[dict[str, Any]] = []
    trig = [v["trigger"] for v in rec["events"]]
    exact = toks.exact_many([t["start"] for t in trig], [t["end"] for t in trig])
    for v, t, x in zip(rec["events"], trig, exact):
        hit = (
            x
            if x is not None
            else align(toks, t["start"], t["end"], mode, report, f"{name}: trigger of {v['type']}", x)
        )
        if hit is None:
            report.problem("events left out (trigger not on token edges)", f"{name}: event {v['id']} {v['type']}")
            continue
        arguments = []
        for a in v["arguments"]:
            k = index.get(a["entity_id"])
            if k is None:
                report.problem("arguments left out (entity not exported)", f"{name}: event {v['id']} {a['role']}")
                continue
            s, e, label = spans[k]
            arguments.append(argument_entry(a, k, label, toks.starts[s], toks.ends[e - 1]))
        events.append(event_entry(v, arguments))
        triggers.append((hit[0], hit[1] + 1, v["type"]))
    return DocPlan(spans, infos, flat, rec["status"] == "reviewed", triggers, events, user_data_of(rec))


def argument_entry(a: dict[str, Any], k: int, label: str, start: int, end: int) -> dict[str, Any]:
    """An event argument in ``attrs["events"]``: its entity is span ``k`` of ``doc.spans["sc"]``, [start, end)."""
    return {"role": a["role"], "entity_id": a["entity_id"], "start": start, "end": end, "label": label, "span": k}


def event_entry(v: dict[str, Any], arguments: list[dict[str, Any]]) -> dict[str, Any]:
    """One event of ``attrs["events"]`` from its exported record (``event_dicts``)."""
    t = v["trigger"]
    return {
        "id": v["id"],
        "type": v["type"],
        "trigger": [t["start"], t["end"]],
        "attributes": v["attributes"],
        "arguments": arguments,
        "state": v["state"],
        "source": v["source"],
    }


def user_data_of(rec: dict[str, Any]) -> dict[str, Any]:
    """``doc.user_data`` of a record (name, id, status, meta, comments)."""
    return {
        "annotator_name": rec["name"],
        "annotator_id": rec["id"],
        "annotator_status": rec["status"],
        "annotator_meta": rec["meta"],
        "annotator_comments": [{"author": c["author"], "text": c["text"]} for c in rec["comments"]],
    }


def record_to_doc(
    vocab: Any,
    rec: dict[str, Any],
    toks: DocTokens,
    report: FormatExportReport,
    mode: str = "expand",
    span_key: str = SPAN_KEY,
    trigger_key: str = TRIGGER_KEY,
    proxies: set[str] | frozenset[str] = frozenset(),
    words: list[str] | None = None,
) -> Any:
    """One exported document record (see ``iter_document_records``) as a spaCy Doc on ``toks``."""
    from spacy.attrs import SENT_START
    from spacy.tokens import Doc, Span

    words = words if words is not None else toks.words(rec["text"])
    check_rebuilds(rec, toks, words, report)
    plan = plan_doc(rec, toks, report, mode, proxies)
    doc = Doc(vocab, words=words, spaces=toks.spaces)
    if toks.sent_starts:  # as Doc(sent_starts=...) would set them, with one array instead of a step per token
        import numpy

        starts = numpy.full((len(toks), 1), -1, dtype=numpy.int64)
        starts[toks.sent_starts, 0] = 1
        doc.from_array([SENT_START], starts.astype(numpy.uint64))
    doc.set_ents(
        [Span(doc, s, e, label=lab) for s, e, lab in plan.ents], default="outside" if plan.outside else "missing"
    )
    doc.spans[span_key] = [Span(doc, s, e, label=lab) for s, e, lab in plan.spans]
    doc.spans[span_key].attrs["entities"] = plan.infos
    doc.spans[trigger_key] = [Span(doc, s, e, label=lab) for s, e, lab in plan.triggers]
    doc.spans[trigger_key].attrs["events"] = plan.events
    doc.user_data.update(plan.user_data)
    return doc


def check_rebuilds(rec: dict[str, Any], toks: DocTokens, words: list[str], report: FormatExportReport) -> None:
    # the length doc.text would have, without making a Token object per token (complete() guarantees the rest)
    if sum(map(len, words)) + sum(toks.spaces) != len(rec["text"]):  # pragma: no cover - complete() guarantees it
        report.problem("documents whose tokens do not rebuild the text", rec["name"])


def labels_of(rec: dict[str, Any]) -> set[str]:
    """Every label a record's Doc can carry (entity labels and event types)."""
    return {e["label"] for e in rec["entities"]} | {v["type"] for v in rec["events"]}


_EXPORTING = threading.local()  # the encoders found once by the export running in this thread
_INSTALL = threading.Lock()


def _install_per_thread_lookup() -> None:
    """Once per process: srsly's encoder lookup answers from this thread's export when one runs, and looks
    them up as before everywhere else (other threads, other exports, spaCy itself)."""
    from srsly.msgpack import msgpack_encoders

    with _INSTALL:
        if getattr(msgpack_encoders, "_annotator_per_thread", False):
            return
        look_up = msgpack_encoders.get_all

        def get_all() -> dict:  # type: ignore[type-arg]
            found = getattr(_EXPORTING, "encoders", None)
            return found if found is not None else look_up()

        msgpack_encoders.get_all = get_all  # type: ignore[method-assign]
        msgpack_encoders._annotator_per_thread = True  # type: ignore[attr-defined]


@contextmanager
def _msgpack_encoders_looked_up_once() -> Iterator[None]:
    """srsly looks its msgpack encoders up among all installed entry points on every ``packb`` call
    (a quarter of a DocBin export's time); they cannot change during an export, so this export (in this
    thread only) looks them up once. Two exports at once each keep their own."""
    from srsly.msgpack import msgpack_encoders

    _install_per_thread_lookup()
    outer = getattr(_EXPORTING, "encoders", None)
    _EXPORTING.encoders = outer if outer is not None else msgpack_encoders.get_all()
    try:
        yield
    finally:
        _EXPORTING.encoders = outer


def add_records(
    project: Project,
    request: ExportRequest,
    report: FormatExportReport,
    bins: dict[str, DocBinWriter],
    assignment: dict[int, str],
    ids: list[int] | None = None,
) -> None:
    """Add each document (of ``ids`` only, when given) to the writer of its part, in order: a chunk's documents
    with stored tokens in spaCy's shape and spans on token edges read and encoded as arrays
    (``docbin_arrays``), the others planned from their record (``plan_doc``), which reports what it changes."""
    from annotator.formats import docbin_arrays

    opts = request.options
    mode = option_choice(dict(opts), "misaligned", ALIGN_MODES)
    keys = (opts.get("span_key", SPAN_KEY), opts.get("trigger_key", TRIGGER_KEY))
    proxies = proxy_labels(project.schema)
    aset = request.annotation_set or project.annotation_set
    ids = project.document_ids(request.statuses_list) if ids is None else ids
    for k in range(0, len(ids), CHUNK):
        chunk = docbin_arrays.read_chunk(project.db.conn, ids[k : k + CHUNK], request, aset, proxies)
        docs = chunk.docs
        lo = 0
        while lo < len(docs):  # runs of documents of one part, all regular or all not
            part, regular = assignment[docs[lo][0]], chunk.regular[lo]
            hi = lo + 1
            while hi < len(docs) and chunk.regular[hi] == regular and assignment[docs[hi][0]] == part:
                hi += 1
            writer = bins[part]
            if regular:
                before = report.documents
                attrs = (writer.cols, len(writer.attrs))
                writer.add_encoded(docbin_arrays.encode(chunk, lo, hi, writer.hashes(), *attrs, keys, report))
                if request.progress:
                    for done in range(before + 1, report.documents + 1):
                        request.progress(done)
            else:
                for rec, toks in records_with_tokens(project, request, report, [d[0] for d in docs[lo:hi]]):
                    words = toks.words(rec["text"])
                    check_rebuilds(rec, toks, words, report)
                    plan = plan_doc(rec, toks, report, mode, proxies)
                    writer.add_plan(plan, toks, words, labels_of(rec), *keys)
            lo = hi


@export_writer("spacy")
def write_spacy(project: Project, out: str | Path, request: ExportRequest) -> FormatExportReport:
    """Write a DocBin (or one per part with ``split=train=0.8,dev=0.2``, ``seed=N``), no spaCy ``Doc`` made:
    documents are read and encoded as arrays (``docbin_arrays``), or planned from their record (``plan_doc``)
    and written by ``DocBinWriter.add_plan`` (see ``add_records``). A large export is done in two document ranges
    at once, the second in a child process (``docbin_split``), joined in order."""
    from annotator.formats import docbin_split

    option_choice(dict(request.options), "misaligned", ALIGN_MODES)  # a bad value refused before anything starts
    assignment = split_option(project, request.statuses, request.options)
    parts = parts_of(assignment)
    report = FormatExportReport(format="spacy")
    spill = Path(out).parent if str(Path(out).parent) else Path(".")
    with _msgpack_encoders_looked_up_once(), no_cyclic_gc(), atomic_outputs(out, parts) as handles:
        bins = {p: DocBinWriter(fh, spill_dir=spill) for p, fh in handles.items()}
        try:
            with docbin_split.second_range(project, request, assignment, parts, spill) as (ids, joined):
                add_records(project, request, report, bins, assignment, ids)
                joined(bins, report)
            for p, fh in handles.items():
                bins[p].finish()
                report.bytes += fh.tell()
        finally:
            for b in bins.values():
                b.discard()
    report.files = [str(part_path(out, p)) for p in parts]
    return report
