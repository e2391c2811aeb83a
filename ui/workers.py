"""Background work in QThreads; each worker opens its OWN Project connection to the file.

Pipeline loading + pre-annotation, import, and export (through ``annotator.formats.writers()``, so formats
added to the core appear here without changes). spaCy is imported only inside these threads.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QThread, Signal

from annotator.errors import (
    AnnotatorError,
    LegacyEncodingError,
    ProjectMovedError,
    SchemaLacksError,
    UnknownLabelsError,
)
from annotator.formats.registry import shown_name
from annotator.store import Project
from ui import gc_guard


class Cancelled(Exception):
    """Raised inside a progress callback to stop work that has no cancel hook of its own."""


class Worker(QThread):
    """Signals: progress(done, total, message), done(summary), failed(message)."""

    progress = Signal(int, int, str)
    done = Signal(str)
    failed = Signal(str)
    title = "Working"
    again = ""  # how to start it again, said when it is cancelled (a new user read "Pre-annotation: cancelled")
    reads_only = False  # True: stopping it loses nothing, so quitting stops it without asking (Agreement)
    detail = ""  # the whole account behind the short line ``done`` says (the status line's tooltip), set by ``work``

    def __init__(self, project_path: str | Path, annotator: str | None = None) -> None:
        super().__init__()
        gc_guard.install()  # the GUI thread collects while this runs: the collector must not run in the worker
        self.project_path = str(project_path)
        self.annotator = annotator
        self._cancel = False
        # the file (device, inode) the window has open at ``project_path``, given by its ``start_worker``: the work is
        # done on that file only (renamed or moved since, another file at the name would be exported or written)
        self.opened: tuple[int, int] | None = None

    def cancel(self) -> None:
        self._cancel = True

    @property
    def cancelled(self) -> bool:
        return self._cancel

    def run(self) -> None:
        with gc_guard.no_collection_here():
            self._run()

    def _run(self) -> None:
        try:
            with Project(self.project_path, create=False, annotator=self.annotator) as project:
                if self.opened is not None and project.identity != self.opened:
                    raise ProjectMovedError(
                        f"{self.project_path}: the project file at this name is not the one open in this window "
                        f"(renamed, moved or replaced since it was opened); {self.title}: nothing was done; reopen the "
                        "project where it is now",
                        None,
                    )
                summary = self.work(project)
            self.done.emit(summary)
        except Cancelled:
            self.done.emit(f"{self.title}: cancelled" + (f" ({self.again})" if self.again else ""))
        except AnnotatorError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # a bug or an unexpected library error: say so, do not crash the window
            self.failed.emit(f"{self.title} failed: {type(exc).__name__}: {exc}")

    def work(self, project: Project) -> str:  # pragma: no cover - abstract
        raise NotImplementedError


class PreannotateWorker(Worker):
    """Load a spaCy pipeline (by name, or from a factory for tests) and pre-annotate documents."""

    title = "Pre-annotation"
    again = "Project > Pre-annotate all documents starts it again"

    def __init__(
        self,
        project_path: str | Path,
        pipeline: str | Callable[[], Any] | None = None,
        doc_ids: list[int] | None = None,
        only_new: bool = True,
        annotator: str | None = None,
        batch_size: int = 4,
        this_document: str = "",
        open_finished: int | None = None,
        tokens_only: bool = False,
        auto: bool = False,
    ) -> None:
        """``auto``: the app's own run of new documents, which another run under way (``annotator.lease``) leaves
        waiting quietly (``elsewhere``, for the window to try again) instead of failing. ``this_document``: the name of the one document asked for (``doc_ids``), finished or not, and said so;
        else annotated and reviewed documents are left as they are. ``open_finished``: the open document's id when
        it is finished (a run that left it says how to ask for it). ``tokens_only``: the pipeline's tokens for the
        documents without any, finished ones too, nothing suggested (``preannotate --tokens-only``)."""
        super().__init__(project_path, annotator)
        self.pipeline = pipeline
        self.doc_ids = doc_ids
        self.only_new = only_new
        self.batch_size = batch_size
        self.this_document = this_document
        self.open_finished = open_finished
        self.tokens_only = tokens_only
        self.auto = auto
        self.elsewhere: Any = None  # the PreannotationRunning an ``auto`` run met
        self.written = 0  # the documents the run wrote (their suggestions, or tokens): the file saved at its end
        if tokens_only:
            self.again = "Project > Pre-annotate tokens only goes on with the rest"

    def work(self, project: Project) -> str:
        from annotator.lease import PreannotationRunning, check_free

        try:
            check_free(project)  # another run under way (``annotator preannotate``): before loading a pipeline
            return self._preannotate(project)
        except PreannotationRunning as exc:
            if not self.auto:  # asked for: said in the status line
                raise AnnotatorError(str(exc)[:1].upper() + str(exc)[1:]) from None
            self.elsewhere = exc  # the window tries again later, nothing said
            return ""

    def _preannotate(self, project: Project) -> str:
        from annotator.learn.versions import select_for_preannotation, setting_choice  # no spaCy on the GUI thread
        from annotator.preannotate import preannotate

        self.progress.emit(0, 0, f"loading spaCy pipeline {self.pipeline if isinstance(self.pipeline, str) else ''}")
        events, note = None, ""
        if callable(self.pipeline):
            pipe = self.pipeline()
        else:  # the setting: the default (newest trained model if any), "original", "version N", or a pipeline name
            chosen = select_for_preannotation(project, *setting_choice(self.pipeline))
            pipe, events, note = chosen.pipeline, chosen.events, chosen.note
        if self._cancel:
            raise Cancelled()
        total = len(self.doc_ids) if self.doc_ids is not None else len(project.document_ids())
        self.progress.emit(0, total, "pre-annotating")
        report = preannotate(
            project,
            pipe,
            doc_ids=self.doc_ids,
            only_new=self.only_new,
            batch_size=self.batch_size,
            progress=lambda done, n: self.progress.emit(done, n, "pre-annotating"),
            cancelled=lambda: self._cancel,
            event_suggester=events,
            finished=bool(self.this_document),
            tokens_only=self.tokens_only,
        )
        self.written = report.documents
        # the line short enough for the status line at 1366x768, the whole account in its tooltip (round 11c)
        self.detail = f"{report.pipeline}: {report.summary()}"
        if self.tokens_only:
            said = f"Tokens only: {report.short()}"
        elif self.this_document:
            said = f"Pre-annotation of {self.this_document} alone (decisions kept): {report.short()}"
        else:
            said = f"Pre-annotation: {report.short()}"
            if report.kept_finished and self.open_finished is not None:
                said += " (this one too: Project > Pre-annotate this document)"
        if note:  # the default trained version left behind (a project copied without its .models folder): the
            # original pipeline ran, said as `annotator preannotate` warns of it (the app said nothing, session 27)
            said, self.detail = f"{said}; {note}", f"{note}\n{self.detail}"
        return f"{said} ({self.again})" if report.cancelled else said


NOT_DEFAULT_HINT = "'Make it the default' below uses it from now on"
# the status line's words for the same, read once the box with that button is closed
NOT_DEFAULT_LINE = "Project > Models… makes it the default"


class TrainWorker(Worker):
    """``annotator train`` in the background: a cancel stops it within a step and puts no model in use."""

    title = "Training"

    def __init__(self, project_path: str | Path, annotator: str | None = None, options: Any = None) -> None:
        super().__init__(project_path, annotator)
        self.options = options
        self.report: Any = None  # the TrainReport once done
        self.kept_aside: Any = None  # the ModelKeptAsideError of a model kept aside (its project moved meanwhile)

    def work(self, project: Project) -> str:
        from annotator import kept_reading
        from annotator.errors import ModelKeptAsideError, TrainingCancelled
        from annotator.learn.train import train_project

        project.check_writable()
        # decisions a stopped app kept that the window's open could not write (another user's journal): said in its
        # status line; a model trained without them would miss them silently
        kept_reading.refuse_left(project, kept_reading.TRAIN_AGAIN)
        try:
            report = train_project(
                project,
                self.options,
                progress=lambda m, d, t: self.progress.emit(d, t, m),
                cancelled=lambda: self._cancel,
            )
        except TrainingCancelled:
            raise Cancelled() from None
        except ModelKeptAsideError as exc:  # failed, said as any failure; the window offers to attach it
            self.kept_aside = exc
            raise
        self.report = report
        # the run and its verdict in the status line; the held-out table behind it (its tooltip), not flattened into it
        head, _, self.detail = report.summary(NOT_DEFAULT_LINE).partition("\n")
        return f"Training: {head}"


class CopyModelsWorker(Worker):
    """File > Save a copy…'s second half: the trained models copied beside the copy (``copy_models``), off the GUI
    thread, with its progress in KB and a cancel seen within a chunk; nothing half-written is left at the target.
    ``project_path`` is the copy's; no project is opened (the one copied from may be gone: a file deleted while
    open is what Save a copy… saves)."""

    title = "Copying the trained models"

    def __init__(self, copy_path: str | Path, models: Any) -> None:
        super().__init__(copy_path)
        self.models = models  # what ``copy_models.models_to_copy`` chose where the project was open
        self.copied: Any = None  # the ModelsCopied once done

    def _run(self) -> None:
        from annotator.learn.copy_models import copy_models

        try:
            self.copied = copy_models(
                self.models,
                self.project_path,
                cancelled=lambda: self._cancel,
                progress=lambda done, total: self.progress.emit(done >> 10, total >> 10, self.title),
            )
        except Exception as exc:  # a bug: said in the copy's line, the window goes on to open the copy
            from annotator.learn.copy_models import ModelsCopied

            why = f"their copy failed: {type(exc).__name__}: {exc}"
            self.copied = ModelsCopied([], f"its trained models were left in {self.models.source} ({why})")


class ImportWorker(Worker):
    title = "Import"

    def __init__(
        self,
        project_path: str | Path,
        paths: list[str],
        annotator: str | None = None,
        add_types: bool = False,
        mapped: dict[str, str] | None = None,
        encoding: str | None = None,
    ) -> None:
        super().__init__(project_path, annotator)
        self.paths = paths
        self.encoding = encoding  # the text files' (the Import dialog's Encoding); None: strict UTF-8
        self.schema_adopted: str | None = None  # the schema the files brought or grew (the window reads it again)
        self.add_types = add_types  # a brat folder's labels and event types the project lacks are added to its schema
        self.mapped = mapped or {}  # or taken as the project's: {the file's name: the project's} (``--map``)
        self.lacking: list[tuple[str, list[str]]] = []  # inputs refused for names the schema lacks (offered to add)
        # (path, encoding, word) of inputs refused as not UTF-8 that read as Windows-1252 (offered to read so)
        self.legacy_encoded: list[tuple[str, str, str]] = []

    def work(self, project: Project) -> str:
        from annotator.formats.loading import import_paths
        from annotator.formats.schema_choices import SchemaChoices

        report = import_paths(
            project,
            self.paths,
            progress=lambda done, total, path: self.progress.emit(done, total, f"importing {Path(path).name}"),
            cancelled=lambda: self._cancel,
            choices=SchemaChoices(self.add_types, self.mapped),
            encoding=self.encoding,
        )
        self.report = report
        self.schema_adopted = report.schema_adopted or ("added" if report.types_added else None)
        self.lacking = report.schema_lacks
        self.legacy_encoded = report.legacy_encoded
        text = "\n".join([f"Import: {report.summary()}", *report.matched])
        if report.skipped:
            text += "\n" + "\n".join(reason for _p, reason in report.skipped[:20])
        if report.warnings:  # the summary's "(see warnings)": in the line's tooltip, whole, at any width
            text += "\n" + "\n".join(f"not kept: {w}" for w in report.warnings[:20])
        return text


class ExportWorker(Worker):
    """Export with a writer of the core's registry; the writer writes a temporary file and renames it."""

    title = "Export"

    def __init__(
        self,
        project_path: str | Path,
        fmt: str,
        out: str,
        states: list[str],
        statuses: list[str] | None = None,
        annotation_set: str | None = None,
        options: dict[str, str] | None = None,
    ) -> None:
        super().__init__(project_path)
        self.fmt, self.out, self.states, self.statuses, self.annotation_set = fmt, out, states, statuses, annotation_set
        self.options = options

    def work(self, project: Project) -> str:
        from annotator.formats import writers

        table = writers()
        if self.fmt not in table:
            raise AnnotatorError(f"unknown export format {self.fmt!r}")
        from annotator.set_status import selected_ids

        # an annotator's set takes the documents of her file by her statuses (``export --set``), as the writer does
        total = len(selected_ids(project, self.statuses, self.annotation_set))

        def progress(done: int) -> None:
            if self._cancel:
                raise Cancelled()
            self.progress.emit(done, total, "exporting")

        extra = {"options": self.options} if self.options else {}
        report = table[self.fmt](
            project,
            self.out,
            states=self.states,
            statuses=self.statuses,
            annotation_set=self.annotation_set,
            progress=progress,
            **extra,
        )
        if hasattr(report, "tokens_hint"):  # a gold corpus without tokens: the app's way to them, not a command
            report.tokens_hint = "Project > Pre-annotate tokens only"
        summary = report.summary() if hasattr(report, "summary") else ""
        # a label the file writes two ways (a tagger trained on it learns two classes), as the command line says it
        from annotator.formats import FORMATS
        from annotator.formats.records import spelling_mix, spelling_notes

        spelt = FORMATS[self.fmt].spelt if self.fmt in FORMATS else False
        mixed = spelling_mix(project, self.statuses, self.annotation_set) if spelt else {}
        notes = [f"Note: {line}" for line in spelling_notes(mixed)]
        whose = f" (set {self.annotation_set!r})" if self.annotation_set not in (None, project.annotation_set) else ""
        if notes:  # before the counts, where the status line's width shows it (the whole in its tooltip)
            return "\n".join([f"Exported to {self.out}{whose}", *notes, summary])
        return f"Exported to {self.out}{whose}: {summary}"


class ImportFormatWorker(Worker):
    """Import files or a folder with a reader of ``annotator.formats.readers()`` (brat, Prodigy, doccano, ...)."""

    title = "Import"

    def __init__(
        self,
        project_path: str | Path,
        fmt: str,
        paths: list[str],
        annotator: str | None = None,
        options: dict[str, str] | None = None,
        add_types: bool = False,
        mapped: dict[str, str] | None = None,
        encoding: str | None = None,
    ) -> None:
        super().__init__(project_path, annotator)
        self.fmt, self.paths, self.options = fmt, paths, options or {}
        self.encoding = encoding  # as ImportWorker's
        self.schema_adopted: str | None = None
        self.add_types, self.mapped = add_types, mapped or {}  # as ImportWorker's
        self.lacking: list[tuple[str, list[str]]] = []
        self.legacy_encoded: list[tuple[str, str, str]] = []  # as ImportWorker's

    def work(self, project: Project) -> str:
        from annotator.formats.loading import import_format
        from annotator.formats.schema_choices import SchemaChoices

        try:
            report = import_format(
                project,
                self.fmt,
                self.paths,
                progress=lambda k, n, p: self.progress.emit(k, n, f"reading {Path(p).name}"),
                options=self.options,
                choices=SchemaChoices(self.add_types, self.mapped),
                encoding=self.encoding,
            )
        except SchemaLacksError as exc:  # refused, said as any failure; the window offers to add them
            self.lacking = [(exc.path, exc.lacks)]
            raise
        except UnknownLabelsError as exc:  # a doccano, Label Studio, Prodigy or CoNLL file's labels: the same
            self.lacking = [(exc.path, [f"label {label}" for label in exc.labels])]
            raise
        except LegacyEncodingError as exc:  # UTF-8 left in the dialog, the file Windows-1252: offered to read so
            self.legacy_encoded = [(exc.path, exc.encoding, exc.word)]
            raise
        self.schema_adopted = report.schema_adopted or ("added" if report.types_added else None)
        fmt = shown_name(self.fmt)
        text = f"Import ({fmt}): {report.summary()}" if hasattr(report, "summary") else f"Import ({fmt}) done"
        # the summary counts what was not kept; the first of them a line each, as the command line prints them
        warnings = getattr(report, "warnings", [])
        # which documents came onto the project's own (a DyGIE++ or CoNLL file it exported, back with predictions)
        return "\n".join([text, *report.matched, *(f"not kept: {w}" for w in warnings[:5])])
