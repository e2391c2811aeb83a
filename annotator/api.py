"""The project from Python, for an NLP engineer's pipeline: open, bring documents in, pre-annotate, read the
annotations back as plain records or spaCy Docs, export. Each call is the one the command line makes (the same
readers, writers, checks and typed errors: ``annotator.errors.AnnotatorError`` and its kinds); docs/api.md shows
them at work.

Nothing here is imported with ``annotator`` itself (spaCy, sqlite-utils and the formats load on first use)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Mapping

from annotator.errors import AnnotatorError, OptionError

if TYPE_CHECKING:  # pragma: no cover
    from annotator.formats.writing import FormatExportReport
    from annotator.formats.import_report import FormatImportReport
    from annotator.preannotate_report import PreannotateReport
    from annotator.store import Project

EXPORTED_STATES = ("suggested", "accepted", "added")  # what an export holds unless told (rejected left out)


def open_project(path: str | Path, *, write: bool = False, annotator: str | None = None) -> Project:
    """An existing project file, read-only unless ``write`` (then ``annotator`` is recorded on each edit).

    Use it in a ``with`` block or call ``close()``; a missing or damaged file raises ``ProjectFileError``."""
    from annotator import kept_replay
    from annotator.store import Project

    project = Project(path, create=False, read_only=not write, annotator=annotator)
    kept_replay.replay(project)  # edits the app kept and was killed before saving: written first, in order
    if write:
        from annotator.learn.versions import remove_killed_runs_folders

        remove_killed_runs_folders(project)  # a killed training's half-written model folder
    return project


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
    skip_bad: bool = False,
    batch: int | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    add_types: bool = False,
    mapped: Mapping[str, str] | None = None,
    encoding: str | None = None,
) -> FormatImportReport:
    """Bring files and folders in (``annotator import`` is this call): without ``format`` each file is told by its
    name and content and a bad one is skipped with its reason (``report.skipped``), small files stored ``batch`` to
    a transaction; with ``format`` (``brat``, ``conll``, ...: ``annotator.formats.readers()``) everything is read by
    that reader, with its ``options`` (and ``skip_bad`` for a reader that can skip bad lines), and stored in one
    transaction or not at all (``ImportFileError``). ``progress(files done, files, path)`` after each file.

    A file with a schema of its own (a brat folder) that uses names a project with documents neither has nor matches
    is refused (``SchemaLacksError``, its ``lacks``) unless ``add_types`` (its labels and event types are added to the
    project's schema) or ``mapped`` names them ({"Report": "ORG"}: the file's label or event type as the project's);
    so are the labels of a doccano, Label Studio, Prodigy or CoNLL file (``UnknownLabelsError``).

    Text files are read in ``encoding`` ("cp1252" for a corpus of older Windows-1252 files: any codec Python knows,
    an unknown one refused before anything is read, ``OptionError``), by default strict UTF-8; offsets are code points
    of the text as read."""
    from annotator.formats.loading import import_format, import_paths
    from annotator.formats.schema_choices import SchemaChoices
    from annotator.importing import BATCH

    check_import(format, options, skip_bad, encoding)
    choices = SchemaChoices(add_types, dict(mapped or {}))
    if format is None:
        return import_paths(project, paths, batch=batch or BATCH, progress=progress, choices=choices, encoding=encoding)
    return import_format(
        project,
        format,
        paths,
        progress=progress,
        skip_bad=skip_bad,
        options=options,
        choices=choices,
        encoding=encoding,
    )


def check_import(
    format: str | None,
    options: Mapping[str, str] | None = None,
    skip_bad: bool = False,
    encoding: str | None = None,
) -> None:
    """What ``import_files`` refuses before it opens anything (``OptionError``): options or ``skip_bad`` without
    a format (they are a reader's), a format there is no reader for, options its reader does not take, an encoding
    Python does not know."""
    from annotator.formats.told_format import check_import_options
    from annotator.formats.registry import import_formats
    from annotator.text_encoding import encoding_named

    if encoding is not None:
        encoding_named(encoding)

    if format is not None:
        return check_import_options(format, skip_bad, options)
    if skip_bad:
        can = ", ".join(f.name for f in import_formats() if "skip_bad" in f.read_options)
        raise OptionError(f"skipping bad lines goes with a format whose reader can ({can}): name the format")
    if options:
        takes = "; ".join(f"{f.name} takes {', '.join(f.import_options)}" for f in import_formats() if f.import_options)
        raise OptionError(f"options go with a format (they are its reader's: {takes}): name the format")


def preannotate(
    project: Project,
    *,
    model: str | None = None,
    version: int | None = None,
    only_new: bool = False,
    finished: bool = False,
    progress: Callable[[int, int], None] | None = None,
    batch_size: int = 64,
    n_process: int = 1,
    loading: Callable[[str], None] | None = None,
    warning: Callable[[str], None] | None = None,
    tokens_only: bool = False,
) -> PreannotateReport:
    """Suggest entities, and events where the schema has event types (``annotator preannotate`` is this call):
    ``model`` a spaCy pipeline's name or path, or ``"original"`` (the shipped one); ``version`` a trained version
    (``annotator models``); neither: the project's default. Decided suggestions are never touched, and documents
    annotated or reviewed are left as they are unless ``finished`` (the report's ``kept_finished`` counts them).
    ``tokens_only``: the pipeline's tokens stored for the documents without any (finished ones too), nothing
    suggested (``annotator preannotate --tokens-only``: a gold corpus before a token export).

    ``progress(documents done, documents)`` after each batch's commit; ``loading(what)`` is told what is loaded
    before the seconds it takes (``"trained version 2"``); ``warning(text)`` what a pipeline should know (the
    default version's folder is missing, the original pipeline is used), else it is a Python warning."""
    from annotator.learn.versions import choose_version, select_for_preannotation, version_folder
    from annotator.lease import check_free
    from annotator.preannotate import choose_documents
    from annotator.preannotate_report import PreannotateReport
    from annotator.preannotate import preannotate as run

    if model is not None and version is not None:
        raise AnnotatorError("model and version do not go together (model='original' is the shipped pipeline)")
    started = time.monotonic()
    project.check_writable()  # before seconds of loading a model
    check_free(project)  # nor while another pre-annotation runs on the project (annotator.lease)
    what = f"trained version {version}" if version is not None else (model or "the default model")
    if version is not None:
        version_folder(project, version)  # one that is not there: its error alone, before any loading
    elif model is None and (default := choose_version(project, "default")) is not None:
        what = f"the default model (trained version {default})"
    if only_new and not tokens_only and not (nothing := choose_documents(project, None, True, finished)).ids:
        # nothing new: said at once, the model not loaded for it (its seconds of loading came first, session 26)
        return PreannotateReport(
            pipeline=what,
            only_new=True,
            kept_imported=nothing.kept_imported,
            kept_finished=nothing.kept_finished,
            kept_old=nothing.kept_old,
        )
    if loading is not None:
        loading(what)
    chosen = select_for_preannotation(project, model, version)
    if chosen.note:
        _warn(chosen.note, warning)
    report = run(
        project,
        chosen.pipeline,
        batch_size=batch_size,
        n_process=n_process,
        only_new=only_new,
        finished=finished,
        progress=progress,
        event_suggester=chosen.events,
        tokens_only=tokens_only,
    )
    report.model_version, report.seconds = chosen.version, time.monotonic() - started
    return report


def _warn(text: str, warning: Callable[[str], None] | None) -> None:
    if warning is not None:
        warning(text)
    else:
        import warnings

        warnings.warn(text, stacklevel=3)


def records(
    project: Project,
    *,
    states: Iterable[str] = EXPORTED_STATES,
    statuses: Iterable[str] | None = None,
    annotation_set: str | None = None,
) -> Iterator[dict[str, Any]]:
    """Each document as the JSON export's record (``id``, ``name``, ``text``, ``status``, ``meta``, ``bom`` where the
    file began with a byte order mark, ``entities``, ``events`` with their arguments, ``comments``: docs/formats.md),
    read a chunk at a time; entities and events of ``states`` only, documents of ``statuses`` only (default: every
    document)."""
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

    from annotator.formats.writing import FormatExportReport, records_with_tokens
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


EXPORT_UNREAD = "export it then (or as that user); nothing was written"


def export(
    project: Project,
    out: str | Path,
    format: str | None = None,
    *,
    states: Iterable[str] = EXPORTED_STATES,
    statuses: Iterable[str] | None = None,
    annotation_set: str | None = None,
    options: Mapping[str, str] | None = None,
    progress: Callable[[int], None] | None = None,
    documents: Iterable[int] | None = None,
) -> FormatExportReport:
    """Write ``out`` (``annotator export`` is this call; atomically: a failed export leaves no file): ``format``
    one of ``annotator.formats.writers()``, else told from ``out``'s name, else JSON; ``options`` the format's
    (``{"split": "train=0.8,dev=0.2"}``); ``progress(documents done)`` as it goes; ``documents``: only these ids
    (of those ``statuses`` select; ``Project.documents_named`` finds them by name)."""
    from annotator.formats import OPTIONS, writers
    from annotator.formats.records import ExportRequest, nothing_selected
    from annotator.formats.registry import export_format_for

    table = writers()
    fmt = format or export_format_for(out) or "json"
    if fmt not in table:
        from annotator.closest import did_you_mean

        raise OptionError(f"unknown format {fmt!r}{did_you_mean(fmt, table)}; choose one of {', '.join(table)}")
    if options and fmt not in OPTIONS:
        raise OptionError(
            f"{fmt} export takes no options (formats with options: {', '.join(OPTIONS)}); nothing was written"
        )
    project.refuse_unread_log(EXPORT_UNREAD)  # an export hands the project on: not without another's saved changes
    statuses = list(statuses) if statuses is not None else None
    documents = tuple(documents) if documents is not None else None
    if (why := nothing_selected(project, statuses, annotation_set, documents)) is not None:
        raise AnnotatorError(why)
    request = ExportRequest(
        states=tuple(states),
        statuses=statuses,
        annotation_set=annotation_set,
        options=dict(options or {}),
        progress=progress,
        documents=documents,
    )
    return table[fmt](project, out, request)
