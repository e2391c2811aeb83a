"""Import through a named reader: read and check everything first, then store it in one transaction."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from annotator.errors import AnnotatorError, ImportFileError
from annotator.formats.common import ReadResult, check_with_line
from annotator.importing import ImportReport, IncomingDocument, store_documents
from annotator.schema import Schema
from annotator.store import Project


@dataclass
class FormatImportReport(ImportReport):
    warnings: list[str] = field(default_factory=list)  # what could not be kept
    notes: list[str] = field(default_factory=list)  # how something was read (not a loss)
    schema_adopted: str | None = None
    formats: list[tuple[str, str]] = field(default_factory=list)  # (path, reader) told from the content

    def summary(self) -> str:
        s = super().summary()
        if self.schema_adopted:
            s += f"; the project now uses the schema {self.schema_adopted!r} from the input"
        if self.warnings:
            s += f"; {len(self.warnings)} things not kept (see warnings)"
        return s


def as_result(got: ReadResult | list[IncomingDocument]) -> ReadResult:
    return got if isinstance(got, ReadResult) else ReadResult(list(got))


def covers(have: Schema, new: Schema) -> bool:
    """Does ``have`` already hold every label, event type, role and attribute value of ``new``?"""
    for e in new.entities:
        if have.label(e.name) is None:
            return False
    for t in new.events:
        mine = have.event_type(t.name)
        if mine is None or any(
            mine.role(r.name) is None or set(r.labels) - set(mine.role(r.name).labels) for r in t.roles
        ):
            return False
    for a in new.attributes:
        mine_a = have.attribute(a.name)
        if mine_a is None or set(a.values) - set(mine_a.values):
            return False
    return True


def import_format(
    project: Project,
    fmt: str,
    paths: Iterable[str | Path],
    progress: Callable[[int, int, str], None] | None = None,
    skip_bad: bool = False,
) -> FormatImportReport:
    """Read ``paths`` with the reader ``fmt``; if anything is wrong nothing is stored (ImportFileError).

    A schema the input brings (brat's annotation.conf) becomes the project's schema when the project has
    no documents yet; otherwise the project's schema must already hold it.
    """
    from annotator.formats import readers
    from annotator.formats.registry import FORMATS

    table = readers()
    if fmt not in table:
        raise AnnotatorError(f"unknown import format {fmt!r}; choose one of {', '.join(table)}")
    if skip_bad and "skip_bad" not in FORMATS[fmt].read_options:
        can = ", ".join(f.name for f in FORMATS.values() if "skip_bad" in f.read_options)
        raise AnnotatorError(f"skipping bad lines is for {can}; {fmt} files are read whole or refused")
    paths = [Path(p) for p in paths]
    results = []
    for k, p in enumerate(paths, start=1):
        extra = {"skip_bad": True} if skip_bad else {}
        results.append((p, as_result(table[fmt](p, schema=project.schema, **extra))))
        if progress:
            progress(k, len(paths), str(p))
    report = FormatImportReport()
    new_schema = None
    for p, r in results:
        report.warnings += r.warnings
        report.notes += r.notes
        if r.schema is None or covers(project.schema, r.schema):
            continue
        if project.document_ids() or (new_schema is not None and not covers(new_schema, r.schema)):
            raise ImportFileError(
                str(p),
                "its annotation.conf defines types the project's schema does not have; "
                "import it into a new project (nothing was imported)",
            )
        new_schema = r.schema
    use = new_schema or project.schema
    docs = []
    for p, r in results:
        for d in r.documents:
            check_with_line(use, d, d.source_path or p, None)
            docs.append(d)
    old = project.schema
    try:
        with project.transaction():
            if new_schema is not None:
                project.set_schema(new_schema)
                report.schema_adopted = new_schema.name
            store_documents(project, docs, report)
    except BaseException:
        project.schema = old
        raise
    return report
