"""doccano JSONL out (its relation export's shape, or the sequence-labelling and intent shapes a line came in), and
the choice of its text classification CSV or fastText (``formats.doccano_tables_out``): the doccano side of
``regions_out``, which holds what the doccano and Label Studio exports share (the regions and relations of a
document, the meta written beside them, the file written a document at a time).

One line a document, ``{"id", "name", "text", "entities": [{"id", "label", "start_offset", "end_offset"}],
"relations": [{"id", "from_id", "to_id", "type"}], "Comments": [...]}`` and the document's meta as its other keys
(the events' attributes among them, ``event_attributes``, by their trigger's region: doccano keeps a line's other
keys; ``event_attributes_record``). Offsets in code points, or as the line was read (UTF-16 units, graphemes). Lost:
entity and event states and sources.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any, Callable

from annotator.categories import CATEGORIES, CATS, document_categories
from annotator.exporting import atomic_output
from annotator.formats.doccano_names import DOCCANO_ID, TARGETS, kept_targets
from annotator.formats.event_attributes_record import record
from annotator.formats.meta_keys import DOCCANO_FORM, EVENT_ATTRIBUTES, EVENT_TYPES
from annotator.formats.records import SETS_KEY, ExportRequest, KeptIds, export_writer, request_records
from annotator.formats.regions_out import (
    KEPT,
    beside,
    meta_without,
    recorded_event_types,
    regions_and_relations,
    write_documents,
)
from annotator.formats.schema_names import GivenSpellings
from annotator.formats.writing import FormatExportReport
from annotator.graphemes import GraphemeMap
from annotator.offsets import Utf16Map
from annotator.store import Project


def _offsets_as_read(text: str, form: dict[str, Any]) -> Callable[[int], int]:
    """A stored offset as the doccano line it came from counted: UTF-16 units (a browser's), grapheme clusters
    (doccano's grapheme mode, session 29), else code points."""
    if form.get("graphemes"):
        return GraphemeMap(text).to_grapheme
    if form.get("utf16"):
        return Utf16Map(text).to_utf16
    return lambda cp: cp


def doccano_line(rec: dict[str, Any], report: FormatExportReport, ids: KeptIds | None = None) -> dict[str, Any]:
    """A document as doccano's relation export writes it (with ``name`` and the document's meta beside); a line that
    came from doccano's sequence-labelling export (``"label": [[start, end, LABEL]]``) goes back in that shape while it
    has no relations, and offsets read as UTF-16 units go back as UTF-16 units (``meta["doccano_form"]``).

    The document's categories go in one key, the one doccano reads them from beside the line's labels: ``label`` on a
    line of that shape (its text classification reads ``label``), ``cats`` beside ``entities`` (its intent detection
    and slot filling reads ``cats`` and ``entities``; none of its imports reads a ``label`` there). The meta's own
    ``cats`` (spaCy's scores, doccano's intent list) is what that key says: not written again beside it."""
    regions, relations = regions_and_relations(rec, report)
    reserved = {"text", "label", "labels", "entities", "relations", "Comments", "comments", "id", "name"}
    meta = meta_without(
        rec, (*KEPT, DOCCANO_ID, DOCCANO_FORM, CATEGORIES, CATS, SETS_KEY, EVENT_TYPES, EVENT_ATTRIBUTES)
    ) | recorded_event_types(rec)  # one set in the file: none to record
    for k in sorted(set(meta) & reserved):
        report.problem("meta keys left out (doccano's own keys)", f"{rec['name']}: {k}")
    line: dict[str, Any] = {
        "id": (ids or KeptIds(DOCCANO_ID)).of(rec, report),
        "name": rec["name"],
        "text": rec["text"],
    }
    form = rec["meta"].get(DOCCANO_FORM)
    form = form if isinstance(form, dict) else {}
    at = _offsets_as_read(rec["text"], form)
    if form.get("labels_key") in ("label", "labels") and not relations:
        meta.pop(TARGETS, None)  # written under the line's label key; beside it in any other shape
    spelt = GivenSpellings.of_meta(rec["meta"])  # the labels and roles as its file spelt them (PER for PERSON)
    triggers = {r.number for r in regions[len(rec["entities"]) :]}  # the events' regions: their relations are roles
    regions = [replace(r, label=spelt.label(r.label)) for r in regions]
    attributes = record(rec["events"], at, spelt.label)  # doccano keeps a line's other keys: they go there
    if attributes:
        meta[EVENT_ATTRIBUTES] = attributes
    relations = [(a, b, spelt.role(x) if a in triggers and x is not None else x) for a, b, x in relations]
    categories = document_categories(rec["meta"])
    if form.get("labels_key") in ("label", "labels") and not relations:  # sequence labelling, as it came
        text = rec["text"]  # with each span's text when the line came with them
        line[form["labels_key"]] = [
            [at(r.start), at(r.end), r.label] + ([text[r.start : r.end]] if form.get("texts") else []) for r in regions
        ] + categories  # a text classification's labels after the spans, as doccano writes either
        line[form["labels_key"]] += kept_targets(rec["meta"])  # a sequence-to-sequence export's target texts
        line["Comments"] = [c["text"] for c in rec["comments"]]
        line.update({k: beside(k, v) for k, v in meta.items() if k not in reserved})
        return line
    if form.get("entity_lists") and not relations:  # doccano's intent detection and slot filling, as it came
        text = rec["text"]
        line["entities"] = [
            [at(r.start), at(r.end), r.label] + ([text[r.start : r.end]] if form.get("texts") else []) for r in regions
        ]
        if categories:
            line[CATS] = categories
        line["Comments"] = [c["text"] for c in rec["comments"]]
        line.update({k: beside(k, v) for k, v in meta.items() if k not in reserved})
        return line
    line["entities"] = [
        {"id": r.number, "label": r.label, "start_offset": at(r.start), "end_offset": at(r.end)}
        | ({"text": rec["text"][r.start : r.end]} if form.get("texts") else {})  # with its text when it came with one
        for r in regions
    ]
    for _, _, label in relations:
        if label is None:
            report.problem("relations without a label left out (a doccano relation needs a type)", rec["name"])
    line["relations"] = [
        {"id": k, "from_id": a, "to_id": b, "type": label}
        for k, (a, b, label) in enumerate([r for r in relations if r[2] is not None], start=1)
    ]
    if categories:  # doccano's intent lines: the categories beside the entities, read back as categories
        line[CATS] = categories
    line["Comments"] = [c["text"] for c in rec["comments"]]
    line.update({k: beside(k, v) for k, v in meta.items() if k not in reserved})
    return line


@export_writer("doccano")
def write_doccano(project: Project, out: str | Path, request: ExportRequest) -> FormatExportReport:
    """doccano JSONL (its relation export's shape), one document a line; or its text classification CSV or fastText
    (``form``, else told from the output's name: ``formats.doccano_tables_out``)."""
    from annotator.formats import doccano_tables_out as tables

    form = tables.form_for(request.options, out)
    ids = KeptIds(DOCCANO_ID, project)
    if form == "jsonl":
        return write_documents(
            project, out, request, "doccano", lambda rec, report: doccano_line(rec, report, ids), array=False
        )
    report = FormatExportReport(format="doccano")
    records = request_records(project, request, report)
    if form == "csv":
        data = tables.csv_text(records, report, tab=Path(out).suffix.lower() == ".tsv", ids=ids).encode("utf-8")
    else:
        data = b"".join(tables.fasttext_line(rec, report).encode("utf-8") for rec in records)
    with atomic_output(out) as fh:
        fh.write(data)
        report.bytes = fh.tell()
    report.files = [str(out)]
    return report
