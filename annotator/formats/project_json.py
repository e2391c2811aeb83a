"""The project's own JSON and JSONL, written (the export; ``project_json_read`` reads them back, for round trips)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from annotator.categories import project_categories
from annotator.exporting import atomic_output
from annotator.formats.common import option_choice
from annotator.formats.writing import no_cyclic_gc
from annotator.formats.json_stream import write_documents
from annotator.formats.project_json_names import FORMAT, VERSION
from annotator.formats.records import (  # noqa: F401  (DEFAULT_STATES, iter_document_records: the names others import)
    DEFAULT_STATES,
    ExportReport,
    ExportRequest,
    event_dicts,
    export_writer,
    iter_document_records,
)
from annotator.store import Project


def header(project: Project, annotation_set: str | None = None) -> dict[str, Any]:
    """The export's header: format and version, the set, the schema, and the project's categories (``categories``:
    the list the app offers, a category no document has any more among them; absent when none)."""
    head: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "annotation_set": annotation_set or project.annotation_set,
        "schema": project.schema.to_dict(),
    }
    categories = project_categories(project)
    if categories:
        head["categories"] = categories
    return head


def _documents(fh, project: Project, ids: list[int], request: ExportRequest, report: ExportReport, sep: bytes) -> None:  # type: ignore[no-untyped-def]
    """The document objects of ``ids``, joined by ``sep`` (JSON's list or JSONL's lines)."""
    write_documents(
        fh,
        project,
        ids,
        request.annotation_set or project.annotation_set,
        request.states,
        report,
        event_dicts,
        sep,
        request.progress,
        option_choice(dict(request.options), "tokens", ("yes", "no")) == "yes",
    )


@export_writer("json")
def write_json(project: Project, out: str | Path, request: ExportRequest) -> ExportReport:
    """One JSON file: format marker, schema, documents; written to a temporary file and renamed."""
    report = ExportReport()
    head = orjson.dumps(header(project, request.annotation_set))
    ids = request.document_ids(project)
    with atomic_output(out) as fh, no_cyclic_gc():
        fh.write(head[:-1] + b',"documents":[')
        _documents(fh, project, ids, request, report, b",")
        fh.write(b"]}")
        report.bytes = fh.tell()
    return report


@export_writer("jsonl")
def write_jsonl(project: Project, out: str | Path, request: ExportRequest) -> ExportReport:
    """The same document objects, one a line."""
    report = ExportReport()
    ids = request.document_ids(project)
    with atomic_output(out) as fh, no_cyclic_gc():
        _documents(fh, project, ids, request, report, b"\n")
        report.bytes = fh.tell()
    return report
