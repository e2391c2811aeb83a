"""The project from Python, for an NLP engineer's pipeline: open, bring documents in, pre-annotate, read the
annotations back as plain records or spaCy Docs, export. Each call is the one the command line makes (the same
readers, writers, checks and typed errors: ``annotator.errors.AnnotatorError`` and its kinds); docs/api.md shows
them at work.

Nothing here is imported with ``annotator`` itself (spaCy, sqlite-utils and the formats load on first use)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Mapping

from annotator.errors import AnnotatorError

if TYPE_CHECKING:  # pragma: no cover
    from annotator.formats.common import FormatExportReport
    from annotator.formats.loading import FormatImportReport
    from annotator.preannotate import PreannotateReport
    from annotator.store import Project

EXPORTED_STATES = ("suggested", "accepted", "added")  # what an export holds unless told (rejected left out)


def open_project(path: str | Path, *, write: bool = False, annotator: str | None = None) -> Project:
    """An existing project file, read-only unless ``write`` (then ``annotator`` is recorded on each edit).

    Use it in a ``with`` block or call ``close()``; a missing or damaged file raises ``ProjectFileError``."""
    from annotator.store import Project

    return Project(path, create=False, read_only=not write, annotator=annotator)


def new_project(path: str | Path, *, schema: str | Path | None = None, annotator: str | None = None) -> Project:
    """A new project file at ``path`` (refused when one is there), with the schema file ``schema`` (default:
    the news schema of ``annotator init``)."""
    from annotator.schema import load_schema
    from annotator.store import Project

    if Path(path).exists() and Path(path).stat().st_size > 0:
        raise AnnotatorError(f"{path}: a file is there already; open it with open_project")
    return Project(path, schema=load_schema(schema) if schema is not None else None, annotator=annotator)


def import_files(
    project: Project,
    paths: Iterable[str | Path],
    *,
    format: str | None = None,
    options: Mapping[str, str] | None = None,
) -> FormatImportReport:
    """Bring files and folders in, as ``annotator import`` does: without ``format`` each file is told by its name
    and content and a bad one is skipped with its reason (``report.skipped``); with ``format`` (``brat``,
    ``conll``, ...: ``annotator.formats.readers()``) everything is read by that reader and stored in one
    transaction or not at all (``ImportFileError``)."""
    from annotator.formats.loading import import_format, import_paths

    if format is None:
        if options:
            raise AnnotatorError("options go with a format (they are its reader's): name the format")
        return import_paths(project, paths)
    return import_format(project, format, paths, options=options)


def preannotate(
    project: Project,
    *,
    model: str | None = None,
    version: int | None = None,
    only_new: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> PreannotateReport:
    """Suggest entities, and events where the schema has event types, as ``annotator preannotate`` does:
    ``model`` a spaCy pipeline's name or path, or ``"original"`` (the shipped one); ``version`` a trained version
    (``annotator models``); neither: the project's default. Decided suggestions are never touched."""
    from annotator.learn.versions import select_for_preannotation
    from annotator.preannotate import preannotate as run

    if model is not None and version is not None:
        raise AnnotatorError("model and version do not go together (model='original' is the shipped pipeline)")
    project.check_writable()
    chosen = select_for_preannotation(project, model, version)
    return run(project, chosen.pipeline, only_new=only_new, progress=progress, event_suggester=chosen.events)


def records(
    project: Project,
    *,
    states: Iterable[str] = EXPORTED_STATES,
    statuses: Iterable[str] | None = None,
    annotation_set: str | None = None,
) -> Iterator[dict[str, Any]]:
    """Each document as the JSON export's record (``id``, ``name``, ``text``, ``status``, ``meta``, ``entities``,
    ``events`` with their arguments, ``comments``: docs/formats.md), read a chunk at a time; entities and events
    of ``states`` only, documents of ``statuses`` only (default: every document)."""
    from annotator.formats.records import iter_document_records

    yield from iter_document_records(
        project, tuple(states), list(statuses) if statuses is not None else None, annotation_set
    )


def spacy_docs(
    project: Project,
    *,
    vocab: Any = None,
    states: Iterable[str] = EXPORTED_STATES,
    statuses: Iterable[str] | None = None,
    annotation_set: str | None = None,
    misaligned: str = "expand",
    report: FormatExportReport | None = None,
) -> Iterator[Any]:
    """Each document as the spaCy ``Doc`` the DocBin export holds (``doc.ents``, ``doc.spans["sc"]``,
    ``doc.spans["triggers"]`` with the events in its ``attrs``, ``doc.user_data``: docs/formats.md), on the
    project's stored tokens; ``vocab`` a pipeline's (``nlp.vocab``) or a new one. A span that is not on token
    edges is widened to them (``misaligned="expand"``) or left out (``"skip"``), as the export's
    ``--option misaligned`` does; each such span is named in ``report`` when one is given (a
    ``FormatExportReport``: its ``summary()`` says what the export would say)."""
    from spacy.vocab import Vocab

    from annotator.formats.common import FormatExportReport, records_with_tokens
    from annotator.formats.records import ExportRequest
    from annotator.formats.spacy_docbin import record_to_doc
    from annotator.formats.tokens import ALIGN_MODES

    if misaligned not in ALIGN_MODES:
        raise AnnotatorError(f"misaligned={misaligned!r}: choose one of {', '.join(ALIGN_MODES)}")
    vocab = vocab if vocab is not None else Vocab()
    request = ExportRequest(
        states=tuple(states), statuses=tuple(statuses) if statuses is not None else None, annotation_set=annotation_set
    )
    report = report if report is not None else FormatExportReport(format="spacy")
    for rec, toks in records_with_tokens(project, request, report):
        yield record_to_doc(vocab, rec, toks, report, misaligned)


def export(
    project: Project,
    out: str | Path,
    format: str | None = None,
    *,
    states: Iterable[str] = EXPORTED_STATES,
    statuses: Iterable[str] | None = None,
    annotation_set: str | None = None,
    options: Mapping[str, str] | None = None,
) -> FormatExportReport:
    """Write ``out`` as ``annotator export`` does (atomically: a failed export leaves no file): ``format`` one of
    ``annotator.formats.writers()``, else told from ``out``'s name, else JSON; ``options`` the format's
    (``{"split": "train=0.8,dev=0.2"}``)."""
    from annotator.formats import writers
    from annotator.formats.records import ExportRequest, nothing_selected
    from annotator.formats.registry import export_format_for

    table = writers()
    fmt = format or export_format_for(out) or "json"
    if fmt not in table:
        raise AnnotatorError(f"unknown format {fmt!r}; choose one of {', '.join(table)}")
    statuses = list(statuses) if statuses is not None else None
    if (why := nothing_selected(project, statuses)) is not None:
        raise AnnotatorError(why)
    request = ExportRequest(
        states=tuple(states), statuses=statuses, annotation_set=annotation_set, options=dict(options or {})
    )
    return table[fmt](project, out, request)
