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
- ``doc.spans["scored"]``: the exported entities that have a score (a suggester's), ``attrs["scores"]`` their
  scores in the same order: where spaCy's span categorizer leaves its predictions' scores (absent when none has one).
- ``doc.user_data``: ``annotator_name``, ``annotator_id``, ``annotator_status``, ``annotator_meta``,
  ``annotator_comments``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.formats import docbin_split
from annotator.formats.common import option_choice
from annotator.formats.writing import (
    FormatExportReport,
    atomic_outputs,
    no_cyclic_gc,
    part_path,
    parts_of,
    split_option,
)
from annotator.formats.docbin_plan import SCORED_KEY, SPAN_KEY, TRIGGER_KEY, check_rebuilds, plan_doc
from annotator.formats.docbin_records import add_records, msgpack_encoders_looked_up_once
from annotator.formats.docbin_stream import DocBinWriter, spacy_layout
from annotator.formats.entity_links import LINK_KEYS
from annotator.formats.records import ExportRequest, export_writer
from annotator.formats.tokens import ALIGN_MODES, DocTokens
from annotator.store import Project


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
    kbs = plan.ent_kbs or [""] * len(plan.ents)
    doc.set_ents(
        [Span(doc, s, e, label=lab, kb_id=kb) for (s, e, lab), kb in zip(plan.ents, kbs)],
        default="outside" if plan.outside else "missing",
    )
    span_kbs = plan.span_kbs or [""] * len(plan.spans)
    doc.spans[span_key] = [Span(doc, s, e, label=lab, kb_id=kb) for (s, e, lab), kb in zip(plan.spans, span_kbs)]
    doc.spans[span_key].attrs["entities"] = plan.infos
    doc.spans[trigger_key] = [Span(doc, s, e, label=lab) for s, e, lab in plan.triggers]
    doc.spans[trigger_key].attrs["events"] = plan.events
    if plan.scored:  # the entities with a score, as a span categorizer leaves its predictions
        doc.spans[SCORED_KEY] = [Span(doc, s, e, label=lab) for s, e, lab in plan.scored]
        doc.spans[SCORED_KEY].attrs["scores"] = plan.scores
    for key, spans in plan.groups.items():  # a file's groups of its own names
        if key not in doc.spans:
            doc.spans[key] = [Span(doc, s, e, label=lab) for s, e, lab in spans]
    doc.user_data.update(plan.user_data)
    doc.cats = dict(plan.cats)
    return doc


@export_writer("spacy")
def write_spacy(project: Project, out: str | Path, request: ExportRequest) -> FormatExportReport:
    """Write a DocBin (or one per part with ``split=train=0.8,dev=0.2``, ``seed=N``), no spaCy ``Doc`` made:
    documents are read and encoded as arrays (``docbin_arrays``), or planned from their record (``plan_doc``)
    and written by ``DocBinWriter.add_plan`` (see ``add_records``). A large export is done in two document ranges
    at once, the second in a child process (``docbin_split``), joined in order."""
    option_choice(dict(request.options), "misaligned", ALIGN_MODES)  # a bad value refused before anything starts
    assignment = split_option(project, request.statuses, request.options, request.annotation_set, request.documents)
    parts = parts_of(assignment)
    report = FormatExportReport(format="spacy")
    spill = Path(out).parent if str(Path(out).parent) else Path(".")
    with msgpack_encoders_looked_up_once(), no_cyclic_gc(), atomic_outputs(out, parts, ".spacy") as handles:
        linked = any(project.db.any_meta_naming(k) for k in LINK_KEYS)  # ENT_KB_ID only where some has one
        layout = spacy_layout(kb_ids=linked)
        bins = {p: DocBinWriter(fh, spill_dir=spill, layout=layout) for p, fh in handles.items()}
        try:
            with docbin_split.second_range(project, request, assignment, parts, spill, layout) as (ids, joined):
                add_records(project, request, report, bins, assignment, ids)
                joined(bins, report)
            for p, fh in handles.items():
                bins[p].finish()
                report.bytes += fh.tell()
        finally:
            for b in bins.values():
                b.discard()
    report.files = [str(part_path(out, p, ".spacy")) for p in parts]
    return report
