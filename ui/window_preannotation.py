"""The main window's pre-annotation: of every document, of the open one, of tokens alone, and the app's own run of
new documents, which waits for another run of the project (its lease) and tries again, or takes over another host's
run when asked (a mixin of MainWindow, split from its files and workers to keep each file to one job)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from annotator.model import FINISHED
from ui.workers import PreannotateWorker

if TYPE_CHECKING:  # pragma: no cover
    from annotator.lease import PreannotationRunning
    from ui.window_parts import WindowParts as _Window
else:
    _Window = object  # a part of the window: what it takes from the rest is WindowParts


LEASE_RETRY_MS = 30_000  # the app's pre-annotation of new documents, waiting for another run's end, tries again
ROWS_RETRY_MS = 250  # ... and waiting for the rows of a long document opened to be read (``ui.rows_arrival``)


class WindowPreannotation(_Window):
    """Methods of MainWindow that pre-annotate (``self`` is the MainWindow; the worker runs in ``start_worker``)."""

    def preannotate_new_documents(self, said_before: str = "") -> None:
        """The app's own run after an open or an import (``auto_preannotate``), when there are new documents; none on a
        project open read-only (its banner says pre-annotation is off: the run's refusal read as an edit the person
        had tried, "… nothing was changed", over the open's line)."""
        p = self.controller.project
        if p is None or p.read_only or not self.auto_preannotate:
            return
        if self.controller.held.coming is not None:  # a long document's rows still read after its text: the run was
            # refused as an edit ("… still being read …; nothing was changed") and never made; after them now
            QTimer.singleShot(
                ROWS_RETRY_MS, self, lambda path=p.path: self._new_documents_after_rows(path, said_before)
            )
            return
        if self._needs_preannotation():
            self.preannotate(only_new=True, said_before=said_before, auto=True)

    def _new_documents_after_rows(self, path: object, said_before: str) -> None:
        p = self.controller.project
        if p is not None and p.path == path and not self.preannotating():  # not another project opened meanwhile
            self.preannotate_new_documents(said_before)

    def preannotate_all(self) -> None:
        """Every unfinished document (annotated and reviewed ones are left as they are: ``choose_documents``)."""
        self.preannotate(only_new=False)

    def preannotate_document(self) -> None:
        """The open document alone, finished or not: asked for by name, its decisions kept as in any run."""
        doc = self.controller.doc
        if doc is None:
            self.message.setText("No document is open: there is nothing to pre-annotate")
            return
        self.preannotate(only_new=False, doc_ids=[doc.id], this_document=doc.name)

    def preannotate_tokens(self) -> None:
        """A gold corpus: spaCy's tokens and sentences stored for the documents without any, finished ones too,
        nothing suggested (``preannotate --tokens-only``), so the token exports cut its words as the pipeline does."""
        self.preannotate(only_new=False, tokens_only=True)

    def preannotate(
        self,
        only_new: bool = True,
        said_before: str = "",
        doc_ids: list[int] | None = None,
        this_document: str = "",
        tokens_only: bool = False,
        auto: bool = False,
    ) -> None:
        """``auto``: the app's own run of new documents (after an open or an import): while another pre-annotation
        of the project runs (``annotator preannotate``: its lease, ``annotator.lease``) it waits quietly and tries
        again every ``LEASE_RETRY_MS``; a run asked for from the menu says so in the status line."""
        if self.controller.project is None or self.controller.refuse_read_only():
            return
        from annotator.lease import running  # not at start-up

        other = running(self.controller.project)  # a read of one row
        if auto:
            self._waiting_for = (self.controller.project.path, other)  # the empty document's line names it
            if other is not None:
                self._retry_new_documents_later()
                self.describe_current_entity()
                return
        elif other is not None and not self._took_over(other):
            return
        doc = self.controller.doc
        w = PreannotateWorker(
            self.controller.project.path,
            self.pipeline or self.settings.pipeline,
            doc_ids=doc_ids,
            only_new=only_new,
            annotator=self.settings.annotator or None,
            this_document=this_document,
            open_finished=doc.id if doc is not None and doc.status in FINISHED else None,
            tokens_only=tokens_only,
            auto=auto,
        )

        def after() -> None:
            if auto and self.controller.project is not None:
                self._waiting_for = (self.controller.project.path, w.elsewhere)
            self.controller.reload()
            p = self.controller.project
            if w.written and p is not None and str(p.path) == w.project_path:  # not a project opened since
                self.controller.note_saved()
            if w.elsewhere is not None:  # another run took the lease between the read above and the worker's
                self._retry_new_documents_later()

        self.start_worker(w, after=after, said_before=said_before)

    def _retry_new_documents_later(self) -> None:
        """The app's pre-annotation of new documents, tried again in ``LEASE_RETRY_MS`` (once, however often asked)
        on the project open now, if it is still open then and still has new documents."""
        if getattr(self, "_lease_retry_due", False) or self.controller.project is None:
            return
        self._lease_retry_due = True
        path = self.controller.project.path

        def again() -> None:
            self._lease_retry_due = False
            self._waiting_for = None
            p = self.controller.project
            if p is None or p.path != path or not self.auto_preannotate or self.preannotating():
                return
            if self._needs_preannotation():
                self.preannotate(only_new=True, auto=True)
            else:  # the other run did them: the empty document's line is not about a wait any more
                self.describe_current_entity()

        QTimer.singleShot(LEASE_RETRY_MS, self, again)

    def waiting_for_other_run(self) -> str:
        """The empty document's line while the app's own run of new documents waits for another run of the project
        (Project > Pre-annotate all documents, which that line named, is refused then), or "" when it waits for none."""
        from annotator.lease import host_name

        waiting = getattr(self, "_waiting_for", None)
        p = self.controller.project
        if waiting is None or waiting[1] is None or p is None or waiting[0] != p.path:
            return ""
        other = waiting[1]
        if other.host == host_name():
            return (
                f"Waiting for the pre-annotation of pid {other.pid}: this document's suggestions come when it is done"
            )
        # a machine asleep or off holds it until its heartbeat is old; whole in the status line at 1366x768
        return (
            f"Waiting for the pre-annotation on {other.host} (pid {other.pid}, last seen at {other.seen()}); "
            "if it has stopped, Project > Pre-annotate all documents takes it over"
        )

    def _took_over(self, other: "PreannotationRunning") -> bool:
        """Project > Pre-annotate … while another run holds the lease: one of this machine's, alive, is said in the
        status line (nothing starts); one of another host is asked about, since its machine may be asleep or off and
        its lease would hold the project until its heartbeat is ``STALE_AFTER`` old. True when it was taken over."""
        from datetime import datetime, timezone

        from annotator.lease import STALE_AFTER, host_name, take_over

        said = f"Pre-annotation is already running on this project ({other.where()}); nothing was started"
        if other.host == host_name():
            self.message.setText(f"{said}: run it again when that one has finished")
            return False
        silent = max(0, int(other.silent_for(datetime.now(timezone.utc)).total_seconds() // 60))
        wait = max(1, int(STALE_AFTER.total_seconds() // 60) - silent)
        if not self.ask_take_over(
            f"Pre-annotation of this project is running on {other.host} (pid {other.pid}), not heard from for "
            f"{silent} min.\n\nIf that run has stopped (its machine asleep or off, the program killed), take it "
            f"over and pre-annotate here; otherwise both would run. Left alone, it is taken over by itself in about "
            f"{wait} min."
        ):
            self.message.setText(f"{said}: run it again when that one has finished, or take it over")
            return False
        if self.controller.project is not None:
            take_over(
                self.controller.project, other
            )  # False: it ended meanwhile, or a new run holds it (the worker says)
        return True

    def ask_take_over(self, text: str) -> bool:
        """Whether to take over another host's pre-annotation (Enter: no, the answer that changes nothing)."""
        from ui.dialogs.keys import ask_yes_no

        return ask_yes_no(self, "Take over the other pre-annotation?", text)

    def _needs_preannotation(self) -> bool:
        """Documents the app's run would pre-annotate (``choose_documents``, the one rule: never pre-annotated, came
        without suggestions, not finished): an import's predictions are not replaced behind the person's back, and a
        finished document is left as its annotator settled it. Finished documents never pre-annotated (a gold corpus
        imported, a project built from finished work) started a run at every open that loaded spaCy for seconds and
        said "Pre-annotation: 0 documents, …; 12 finished documents left as they were" over the open's line (the
        copy's of Save a copy…: session 42's screenshots)."""
        from annotator.preannotate import choose_documents

        p = self.controller.project
        if p is None:
            return False
        return bool(choose_documents(p, only_new=True).ids)
