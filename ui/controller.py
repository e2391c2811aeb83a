"""The open project, the undo stack and the current document; turns core Changes into Qt signals."""

from __future__ import annotations

from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from annotator.errors import (
    AnnotatorError,
    BusyError,
    DamagedTextError,
    ProjectFileError,
    ProjectMovedError,
    SaveError,
)
from annotator.held import Applied, HeldDocument
from annotator.model import PROJECT_WIDE, Change, Document, Entity, Event
from annotator import fileid, navigation
from annotator.navigation import still_there
from annotator.offsets import Utf16Map
from annotator.schema import Schema
from annotator.store import Project
from annotator.tally import Tally
from ui import commands
from ui.document_reading import DocumentReading
from ui.kept_edits import KeptEdits
from ui.edit_refusals import edits_refused

POLL_MS = 1500


class Controller(DocumentReading, QObject):
    """Owns the Project; every edit goes through ``run(CommandClass, ...)`` and the undo stack."""

    projectChanged = Signal()  # a project was opened or closed
    documentChanged = Signal()  # the current document was switched or reloaded from the file
    entitiesChanged = Signal(object)  # set of entity ids of the current document
    eventsChanged = Signal(object)  # set of event ids of the current document
    documentsChanged = Signal()  # documents may have come, gone or changed anywhere (open, import, outside commits)
    outsideCommit = Signal()  # another connection committed to the project (its changes were read again)
    documentRowsChanged = Signal(object)  # set of document ids whose status or counts an edit changed
    commentsChanged = Signal()
    statusChanged = Signal(str)  # status of the current document
    categoriesChanged = Signal()  # the current document's metadata (its categories) changed
    saved = Signal(str)  # "HH:MM:SS" of the last commit
    failed = Signal(str)  # a message for the person
    info = Signal(str)  # a passing message (not an error) for the status bar
    saveFailed = Signal(str)  # the file could not be written (full disk, read-only, damaged): worth a dialog
    # (message, new path or "", no name left, replaced): renamed/moved/linked/deleted/replaced while open
    projectMoved = Signal(str, str, bool, bool)
    selectionChanged = Signal()  # current entity or current event changed
    placeChanged = Signal(int, int)  # (start, end) of the current document that an undo or redo changed
    documentLeaving = Signal()  # the person is about to leave the current document (another one, closing the project)
    # (edits kept, what to show): edits made while another program holds the write lock wait in ``writes``; 0 when
    # every one is saved
    writesWaiting = Signal(int, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project: Project | None = None
        self.undo_stack = commands.UndoStack(self)
        self.held = HeldDocument()  # the current document's annotations, kept up to date edit by edit
        self.unreadable: list[str] = []  # why documents could not be opened when the project was (damaged texts)
        self.current_entity: int | None = None
        self._selected_row: Entity | None = None  # the selected span as last seen: a stand-in's words when it lands
        self.landed: dict[int, int] = {}  # stand-in id -> the file's id of a selected span made by a kept edit
        self.current_event: int | None = None
        self.last_saved: str | None = None
        self._said: str | None = None  # what the last undo or redo did, told once the undo stack has moved
        self._data_version = 0
        self._read_version: int | None = None  # the file's data_version when it was last read again
        self._changes_seen = self._changes_written = -1
        self.poll = QTimer(self)
        self.poll.setInterval(POLL_MS)
        self.poll.timeout.connect(self.check_outside_changes)
        # edits made while another program writes: kept in order, tried again until the lock is free
        self._kept_statuses: dict[int, str] = {}  # documents whose mark is kept: the status it gives (held made)
        self.kept = KeptEdits(lambda: self.project, self.undo_stack.push, self.report_failure, self)
        self.kept.waiting.connect(self._show_kept)  # before the window's line: it reads the count
        self.kept.waiting.connect(self.writesWaiting)
        self.kept.info.connect(self.info)
        self.kept.failed.connect(self.failed)

    # -- project -----------------------------------------------------------------------------------
    def open_project(self, path: str | Path, annotator: str | None = None, document_id: int | None = None) -> None:
        """Open (or create) a project file at ``document_id`` (when it has it) or its first document; raises
        AnnotatorError with a clear message."""
        if self.holds_file(path):
            # the file open here already, maybe under another name (renamed while open, then reopened): closed first.
            # A process's connections to one file share one -shm, the one under the name first opened, which that
            # close then removes; every other program opens the new name's: two lock files, and their writes
            # overwrote each other
            self.close_project()
        project = Project(path, annotator=annotator or None)
        # the project before closed; none open: every panel already shows nothing, and the open's signals follow
        self.close_project(said=self.project is not None or self.doc is not None)
        self.project = project
        self.kept.take_over(project, partial(commands.command_for_line, self))  # what a killed run had kept
        if not project.read_only:  # a training killed left its half-written model folder (one stat when none)
            from annotator.learn.versions import remove_killed_runs_folders

            remove_killed_runs_folders(project)
        self._data_version = project.data_version()
        self._changes_seen = self._changes_written = -1  # this connection's total_changes at the last poll
        self.poll.start()
        self.projectChanged.emit()
        self.documentsChanged.emit()
        ids = project.document_ids()
        self.unreadable = []
        for doc_id in dict.fromkeys([document_id if document_id in ids else ids[0], *ids] if ids else []):
            try:  # a document whose stored text is damaged is skipped for the next: the others stay reachable
                self.open_document(doc_id)
                break
            except DamagedTextError as exc:
                self.unreadable.append(str(exc))
        if self.doc is None:  # no document to show (none yet, or none readable): the panels told so for this project
            self.documentChanged.emit()

    def holds_file(self, path: str | Path) -> bool:
        """Whether the project open here is the file at ``path``, maybe under another name (renamed or moved while
        open)."""
        return self.project is not None and fileid.identity(path) == self.project.identity

    def close_project(self, said: bool = True) -> None:  # said: projectChanged, documentChanged, documentsChanged
        if self.doc is not None and self.project is not None:
            self.documentLeaving.emit()
        self.kept.write_before_close()
        self.poll.stop()
        self.undo_stack.clear()
        if self.project is not None:
            self.project.close()
        self.project = None
        self.held.clear()
        self.current_entity = self.current_event = None
        self._selected_row = None  # the closed project's span, and its stand-ins landed: rows of that file
        self.landed.clear()
        self.last_saved = None  # the closed project's last save is not the next one's
        self._data_version, self._changes_seen, self._changes_written = 0, -1, -1  # its poll's marks, as at the start
        self._read_version = None
        if said:  # the list emptied too (File > Close project left the closed project's rows there)
            for signal in (self.projectChanged, self.documentChanged, self.documentsChanged):
                signal.emit()

    @property
    def schema(self) -> Schema | None:
        return self.project.schema if self.project else None

    # what the views read of the current document: the held document's (annotator.held)
    @property
    def doc(self) -> Document | None:
        return self.held.doc

    @property
    def u16(self) -> Utf16Map:
        return self.held.u16

    @property
    def entities(self) -> dict[int, Entity]:
        return self.held.entities

    @property
    def events(self) -> dict[int, Event]:
        return self.held.events

    @property
    def entity_tally(self) -> Tally:
        return self.held.entity_tally

    @property
    def event_tally(self) -> Tally:
        return self.held.event_tally

    @property
    def revision(self) -> int:
        """Moves whenever the spans or events held change: what a view worked out at a revision is good at it."""
        return self.held.revision

    def set_annotator(self, name: str) -> None:
        if self.project is not None:
            self.project.annotator = name or None

    # -- current document --------------------------------------------------------------------------
    def open_document(self, doc_id: int, leaving: bool = True) -> None:
        """Make ``doc_id`` the current document; ``leaving``: tell the views first that the person leaves the one
        shown (what is typed there and not yet added is kept), not for an undo that goes back to another one."""
        assert self.project is not None
        keep = self.doc is not None and self.doc.id == doc_id
        if leaving and not keep and self.doc is not None:
            self.documentLeaving.emit()
        self.held.open(self.project, doc_id, long_rows_later=True)  # a long one's rows after its text
        if doc_id in self._kept_statuses:  # its mark kept while another program writes: held made
            self.held.set_status(self._kept_statuses[doc_id])
        if not keep:
            self.current_entity = self.current_event = None
        else:
            self._keep_selection()
        self.documentChanged.emit()
        self.commentsChanged.emit()
        self.selectionChanged.emit()

    def current_summary(self) -> dict[str, Any] | None:
        """The current document's row of the document list, from the running tallies (``HeldDocument.summary``)."""
        return self.held.summary()

    def document_rows(self, ids: set[int]) -> list[dict[str, Any]]:
        """The document list's rows of ``ids``: the current document's from the tallies (an edit's row is almost
        always that one), the others' read from the file."""
        assert self.project is not None
        mine = self.current_summary()
        rows = [mine] if mine is not None and mine["id"] in ids else []
        rest = sorted(ids - {r["id"] for r in rows})
        return self.marks_held(rows + (self.project.document_summaries(ids=rest) if rest else []))

    def document_summaries(self) -> list[dict[str, Any]]:
        """Every row of the document list, read from the file, the marks kept held made (``marks_held``)."""
        assert self.project is not None
        return self.marks_held(self.project.document_summaries())

    def status_waits(self) -> bool:
        """The open document's status is a mark kept while another program writes, not in the file yet."""
        return self.doc is not None and self.doc.id in self._kept_statuses

    def marks_held(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The document list's ``rows`` with each status kept while another program writes (a Ctrl+Enter's mark)
        as made, ``waits``: it is not in the file yet (the list showed the old status until it landed)."""
        kept = self._kept_statuses
        return [{**r, "status": kept[r["id"]], "waits": True} if r["id"] in kept else r for r in rows]

    def span_index(self) -> navigation.SpanIndex:
        """The current document's spans by start (made again only after a span was added, removed or resized)."""
        return self.held.span_index()

    def reload(self, marked: tuple[set[int], set[int]] | None = None) -> None:
        """Read the current document's annotations again from the file (after outside changes).

        The text of a document never changes, so the view keeps its place: only the spans, events, comments
        and status that differ are announced (a full reload would reset the caret and scroll to the top), with the
        spans and events ``marked`` (whose mark of waiting went) told in the same breath.
        """
        if self.project is None:
            return
        try:  # taken before the rows are read: the poll then reads again only a commit made after it
            self._read_version = self.project.data_version()
        except Exception:  # the file went away: the poll finds it so
            self._read_version = None
        self.documentsChanged.emit()
        if self.doc is None:
            return
        try:
            row = self.project.db.document_state(self.doc.id)
        except AnnotatorError:
            row = None
        if row is None:  # deleted elsewhere
            self.held.clear()
            self.current_entity = self.current_event = None
            self.documentChanged.emit()
            return
        if row[0] != self.doc.sha256:
            self.open_document(self.doc.id)
            return
        coming = self.held.coming is not None  # rows read in pages so far are held but shown by no view yet
        ents, evs = self.held.reload_annotations(self.project)
        if coming:  # every row is new to the views (those already held too): all told, as their arrival would
            ents, evs = ents | self.held.entities.keys(), evs | self.held.events.keys()
        status = self._kept_statuses.get(self.doc.id, row[1])  # a mark kept is held made, not the file's yet
        if status != self.doc.status:
            self.held.set_status(status)
        else:
            status = None
        ents, evs = (ents | marked[0], evs | marked[1]) if marked else (ents, evs)
        self._tell(Applied(ents, evs, status, comments=True))

    def check_outside_changes(self) -> None:
        """Poll PRAGMA data_version: it moves only when another connection commits."""
        if self.project is None:
            return
        stopped = self.project.stopped
        if stopped is None or not stopped.deleted:  # a moved file may be deleted where it went: said then (session 41)
            try:  # renamed or moved meanwhile: what was saved goes into the file now, not at the next edit
                self.project.check_still_here()
            except ProjectMovedError as exc:
                if exc is not stopped:
                    self.report_failure(exc)
        try:
            v = self.project.data_version()
        except Exception:  # the file went away; nothing to refresh
            return
        if v != self._data_version:
            self._data_version = v
            if v != self._read_version:  # not read already by the reload at the end of the window's own worker
                self.reload()
            self.outsideCommit.emit()
        # what was saved goes into the file itself, at the first poll after a pause in editing (each write-in waits
        # for the disk, ~7 ms): a copy of the file alone (cp while the app is open) then misses nothing
        changes = self.project.changes()
        if changes == self._changes_seen and changes != self._changes_written and self.project.write_log_into_file():
            self._changes_written = changes
        self._changes_seen = changes

    # -- edits ---------------------------------------------------------------------------------------
    def run(self, command_cls: type[commands.CoreEditCommand], *args: Any, **kwargs: Any) -> int | None:
        """Make one edit and put it on the undo stack; returns its result id (new entity, event, ...) or None.

        The edit runs before the push: a failed edit never reaches the stack, and the redo history stays.
        """
        if self.project is None or self.refuse_read_only():
            return None
        if (said := self.kept.made_waits(args, kwargs)) is not None:  # a row a kept edit made: not in the file yet
            self.report_status(said)
            return None
        cmd = command_cls(self, *args, **kwargs)
        done, ok = self.kept.submit(self.project, cmd)
        if not done:  # another program holds the lock: kept, written once it is free
            return None
        if not ok:
            return None
        self.undo_stack.push(cmd)
        return cmd.result_id

    @property
    def landing(self) -> bool:
        """Kept edits are being written (``KeptEdits``): their changes never move the view to their document."""
        return self.kept.landing

    def _show_kept(self) -> None:
        """The edits kept while another program writes held as made (drawn, listed and counted decided; a resize,
        a relabel, a deletion too); one no longer kept (written, refused or taken back) as the file has it: read
        again, the ones still kept made over it."""
        statuses, before = self.kept.statuses(), self._kept_statuses
        self._kept_statuses = statuses
        marked = {i for i in statuses.keys() | before.keys() if statuses.get(i) != before.get(i)}
        if marked:  # the list's rows of the documents whose mark is kept, or no longer kept (landed, taken back)
            self.documentRowsChanged.emit(marked)
        if self.doc is not None and self.doc.id in marked and self.project is not None:
            held = statuses.get(self.doc.id)  # its mark kept, or the file's status again (landed, taken back)
            row = self.project.db.document_state(self.doc.id) if held is None else None
            status = held if held is not None else row[1] if row is not None else self.doc.status
            if status != self.doc.status:
                self.held.set_status(status)
            self.statusChanged.emit(status)  # the title's waiting mark comes or goes
        now = self.kept.foreseen()
        if now == self.held.foreseen or self.doc is None:
            self.held.foreseen = now
            return
        gone = {(f.table, f.item_id) for f in self.held.foreseen if f not in now}
        if gone:
            self.held.foreseen = now
            marks = {i for t, i in gone if t == "entities"}, {i for t, i in gone if t == "events"}
            self.reload(marks)  # the file's rows, the ones still kept held as made over them; their lists' mark
            return  # (waits to be saved) goes, the row the same or not
        ents, evs = self.held.foresee(now)
        self._tell(Applied(ents, evs))

    def take_back_kept(self) -> None:
        """Undo of an edit that is kept, not yet written: it is forgotten (never written) and the person told."""
        self.kept.take_back()

    def edits_waiting(self) -> int:
        """How many edits are kept, not yet written (another program holds the lock)."""
        return len(self.kept.writes)

    def still_here(self) -> bool:
        """True when the open project's file is still at its name; otherwise False, saying where it went and
        offering to reopen it (``report_failure``): work started by name would reach another file."""
        if self.project is None:
            return True
        try:
            self.project.check_still_here()
        except ProjectMovedError as exc:
            self.report_failure(exc)
            return False
        return True

    def refuse_read_only(self) -> bool:
        """True, saying so, when no edit may be made now (``edits_refused``: the project read-only, the document's rows
        still read): an edit's keys ask it before they ask anything of the person (E's picker opened, type refused)."""
        if (said := edits_refused(self.project, self.held.coming)) is not None:
            self.failed.emit(said)
        return said is not None

    def report_status(self, message: str) -> None:
        self.info.emit(message)

    def report_error(self, message: str) -> None:
        self.failed.emit(message)

    def report_failure(self, exc: AnnotatorError, message: str | None = None) -> None:
        """A core error, shown as ``message`` (its own by default); one that means the work did not reach the
        file (a SaveError, or the project file itself failing) is also worth a dialog (``saveFailed``)."""
        text = message or str(exc)
        self.failed.emit(text)
        if isinstance(exc, ProjectMovedError):
            self.projectMoved.emit(text, exc.new_path or "", exc.deleted, exc.replaced)
        elif isinstance(exc, BusyError):  # passing: another program writes; the step stays to try again
            pass
        elif isinstance(exc, (SaveError, ProjectFileError)):
            self.saveFailed.emit(text)

    def note_saved(self) -> None:
        """The window's own work in the background (a pre-annotation) wrote the file: its time is the last save's
        (the status bar's "saved 08:14:45" stayed at the last key's while the app's run wrote suggestions)."""
        self.last_saved = datetime.now().strftime("%H:%M:%S")
        self.saved.emit(self.last_saved)

    def apply_change(self, change: Change) -> None:
        """Bring the caches up to date with what one commit did, then tell the views."""
        if change.is_empty:
            return
        self.last_saved = datetime.now().strftime("%H:%M:%S")
        if change.document_id == PROJECT_WIDE:  # the project's list of categories, and documents it took one off
            self._apply_project_change(change)
            return
        if self.landing and (self.doc is None or change.document_id != self.doc.id):
            # an edit kept while another program wrote, saved after the person went on to another document
            self.documentRowsChanged.emit({change.document_id})
            self.saved.emit(self.last_saved)
            return
        if self.doc is None or change.document_id != self.doc.id:
            self.open_document(change.document_id, leaving=False)  # undo of an edit made in another document
            self.documentRowsChanged.emit({change.document_id})
            self.saved.emit(self.last_saved)
            return
        held = {"entities": self.held.entities, "events": self.held.events}
        if any(r.table in held and r.before is not None and r.id not in held[r.table] for r in change.rows):
            # a key on a suggestion that a pre-annotation elsewhere (or the app's own) replaced by the very same one
            # before the next poll went to that one (``shown.aimed_at``): the view holds the old rows, read them again
            self.reload()
            self.saved.emit(self.last_saved)
            return
        self._tell(self.held.apply(change, self.project.annotation_set))
        self.documentRowsChanged.emit({change.document_id})  # one row of the list, not the whole list
        self.saved.emit(self.last_saved)

    def _tell(self, applied: Applied) -> None:
        """What one change did to the open document, told to the views once and in one order, whichever way it came
        (an edit or its undo, a commit read again, an edit kept while another program writes): its status, its
        comments, its categories, the spans and the events that differ, then the selection if it moved (a selected
        kept span landed, or went)."""
        if applied.status is not None:
            self.statusChanged.emit(applied.status)
        if applied.comments:
            self.commentsChanged.emit()
        if applied.meta:
            self.categoriesChanged.emit()
        selection = (self.current_entity, self.current_event)
        self._keep_selection()
        if applied.entities:
            self.entitiesChanged.emit(applied.entities)
        if applied.events:
            self.eventsChanged.emit(applied.events)
        if (self.current_entity, self.current_event) != selection:
            self.selectionChanged.emit()

    def _apply_project_change(self, change: Change) -> None:
        """A change of the project (``edits.remove_category``): the current document's row of it, if any, is held;
        the list's rows of the documents it touched are told; nobody is taken to another document."""
        touched = change.ids("documents")
        if self.doc is not None and self.doc.id in touched:
            mine = tuple(r for r in change.rows if r.table == "documents" and r.id == self.doc.id)
            if self.held.apply(Change(change.action, self.doc.id, mine), self.project.annotation_set).meta:
                self.categoriesChanged.emit()
        if touched:
            self.documentRowsChanged.emit(touched)
        self.saved.emit(self.last_saved)

    def show_change(self, change: Change, said: str | None = None) -> None:
        """Bring the place a change (an undo or redo) made in the current document into view and select what it
        touched: the event whose type, trigger or arguments it changed, else the span (an undone "Fill Place" on an
        event not selected changed nothing to be seen); nothing when that is rejected. ``said`` ("Undone: Fill Place") is kept for
        ``take_said``: the window tells it once the undo stack has moved."""
        self._said = said
        if self.doc is None or change.document_id != self.doc.id:
            return
        shown = self.held.shown(change)
        if shown is None:
            return
        if shown.event is not None:
            self.select_entity(None)
            self.select_event(shown.event)
        elif shown.entity is not None:
            self.select_entity(shown.entity)
        else:  # a rejection redone (or an acceptance undone to one): left unselected, as X leaves it (the editor
            self.select_entity(None)  # showed the hidden event as if it were there, and its role keys filled it)
            self.select_event(None)
        self.placeChanged.emit(shown.start, shown.end)

    def take_said(self) -> str | None:
        """What the last undo or redo did ("Redone: Move trigger"), once; None after any other step."""
        said, self._said = self._said, None
        return said

    # -- selection -----------------------------------------------------------------------------------
    def _keep_selection(self) -> None:
        landed = navigation.landed_as(self.current_entity, self._selected_row, self.entities)
        if landed is not None:  # a kept edit's new span, selected, landed: the file's span stays selected
            self.landed[self.current_entity] = landed  # type: ignore[index]
            self.current_entity = landed
        self.current_entity = still_there(self.current_entity, self.entities)
        self.current_event = still_there(self.current_event, self.events)
        self._selected_row = self.entities.get(self.current_entity) if self.current_entity is not None else None

    def select_entity(self, entity_id: int | None) -> None:
        self._selected_row = self.entities.get(entity_id) if entity_id is not None else None
        if entity_id != self.current_entity:
            self.current_entity = entity_id
            self.selectionChanged.emit()

    def select_event(self, event_id: int | None) -> None:
        if event_id != self.current_event:
            self.current_event = event_id
            self.selectionChanged.emit()
