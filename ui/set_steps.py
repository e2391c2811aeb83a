"""A set renamed in Project > Annotation sets… as one step of the main window's undo history (``RenameSet``), and the
worker that renames, drops or lists the sets on its own connection (``SetsWorker``).

Until session 33 the rename was taken back by Ctrl+Z inside the dialog alone: Edit > Undo after closing it took back
the edit made before it (an adjudication decision whose document the rename had changed was refused there as changed
elsewhere, and dropped). The rename is a step of the window's QUndoStack now: Edit > Undo names it ("Undo Rename set
'root' to 'bob'") and takes it back by ``teams.set_names.rename_set`` the other way (exact: its rows, records and
adjudication decisions as they were), so the steps before it apply again. Each way runs in a worker (a rename of a
1,000-document set takes about 0.5 s): the stack moves at once, and a rename back refused (a set of that name made
meanwhile by ``annotator merge``) takes the step out of the history, said in the status line. Another program writing
is waited for as an edit kept meanwhile is (``write_queue.write_when_free``, session 34: it gave up after the busy
timeout, and nothing tried it again), the status bar's progress saying so; Cancel gives up, said, and the step stays
where the file has it, for the next Ctrl+Z. An undo given up after a new edit pushed its step out of the history (the
edit landed between another program's writes) puts a step back on top: the file still has the rename (session 35;
until then nothing could take it back but the Annotation sets window)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

import shiboken6
from PySide6.QtGui import QUndoCommand

from annotator.errors import AnnotatorError, BusyError
from annotator.store import Project
from annotator.teams.set_names import SetChange, SetInfo, drop_set, rename_set, set_list
from annotator.write_queue import write_when_free
from ui.plain import out_of_history_said
from ui.workers import Worker

if TYPE_CHECKING:  # pragma: no cover
    from ui.window_face import WindowFace


class SetsWorker(Worker):
    """On the worker's own connection: set ``name`` renamed ``new`` or (``new`` None) dropped, then the sets read
    (``sets``); with no ``name``, the sets read alone (it only reads). ``done`` says what was done in the command line's
    words (after ``said_as``, an undo's "Undone: …"), ``failed`` the refusal (the sets then not read: nothing changed;
    ``error`` is it)."""

    def __init__(
        self,
        project_path: str,
        annotator: str | None,
        name: str | None = None,
        new: str | None = None,
        said_as: str = "",
    ):
        super().__init__(project_path, annotator)
        self.name, self.new, self.said_as = name, new, said_as
        self.title = "Annotation sets" if name is None else "Rename set" if new is not None else "Drop set"
        self.reads_only = name is None
        self.sets: list[SetInfo] | None = None
        self.error: AnnotatorError | None = None
        self.already = False  # the rename or drop had been done before: nothing changed now
        self.said = ""  # what ``done`` says of a rename or a drop

    def work(self, project: Project) -> str:
        if self.name is None:
            self.sets = set_list(project)
            return f"Annotation sets: {', '.join(s.name for s in self.sets)}"
        doing = f"{'renaming' if self.new is not None else 'dropping'} set {self.name!r}"
        self.progress.emit(0, 0, f"{doing}…")
        name, new = self.name, self.new

        def write() -> SetChange:
            return rename_set(project, name, new) if new is not None else drop_set(project, name)

        def waiting(_busy: BusyError) -> None:  # tried again, as an edit kept meanwhile is, until it lands or Cancel
            self.progress.emit(
                0, 0, f"{doing}: waiting for another program to finish writing to the project (Cancel gives up)…"
            )

        try:
            change = write_when_free(project, write, lambda: self.cancelled, waiting)
        except BusyError:
            self.error = BusyError(
                f"{self.title}: cancelled while another program was still writing to the project; nothing was changed"
            )
            raise self.error from None
        except AnnotatorError as exc:
            self.error = exc
            raise
        self.already = change.already is not None
        self.sets = set_list(project)
        summary = change.summary()
        self.said = f"{self.said_as} ({summary})" if self.said_as else summary[0].upper() + summary[1:]
        return self.said


def sets_changed(window: "WindowFace", sets: list[SetInfo] | None = None, said: str = "") -> None:
    """After a rename or a drop: everything that shows the sets read again (the document list's Adj. column and
    filter, an open Adjudication window) and an open Annotation sets window's list filled with ``sets``, ``said``
    under it."""
    window.controller.reload()
    adjudication = getattr(window, "_adjudication_window", None)
    if adjudication is not None and shiboken6.isValid(adjudication) and adjudication.isVisible():
        adjudication.refresh()
    dialog = getattr(window, "_sets_dialog", None)
    if sets is not None and dialog is not None and shiboken6.isValid(dialog) and dialog.isVisible():
        dialog.fill(sets)
        if said:
            dialog.say(said)


class RenameSet(QUndoCommand):
    """Set ``old`` named ``new`` (done already, by the Annotation sets window's worker, when pushed): undo names it
    ``old`` again, redo ``new``, each in a worker. ``applied``: the file holds (or the running worker makes) ``new``."""

    def __init__(self, window: "WindowFace", old: str, new: str) -> None:
        super().__init__(f"Rename set {old!r} to {new!r}")
        self.window = window
        self.old, self.new = old, new
        self.applied = True  # pushed once the rename is made: the push's redo does nothing
        self.running: SetsWorker | None = None
        self.after: Callable[[], None] | None = None  # called when a worker of this step ends (the tests wait on it)

    def redo(self) -> None:
        if self.applied:  # the push, or the stack put back after a refusal
            return
        if self._refused_while_running():
            return
        self.applied = True
        self._start(self.old, self.new, "Redone")

    def undo(self) -> None:
        if not self.applied:
            return
        if self._refused_while_running():
            return
        self.applied = False
        self._start(self.new, self.old, "Undone")

    def _refused_while_running(self) -> bool:
        """The other way asked while one way runs: the stack keeps its place, said."""
        if self.running is None:
            return False
        self.window.controller.undo_stack.hold()
        self.window.show_error(f"“{self.text()}” is being taken back or made again: wait for it to end")
        return True

    def _start(self, name: str, new: str, done: str) -> None:
        project = self.window.controller.project
        if project is None:
            return
        worker = SetsWorker(str(project.path), project.annotator, name, new, said_as=f"{done}: {self.text()}")
        worker.title = f"{'Undo' if done == 'Undone' else 'Redo'}: {self.text()}"
        self.running = worker
        window = self.window
        step = self
        made, title, taking_back = (self.old, self.new), self.text(), done == "Undone"

        def ended() -> None:
            if shiboken6.isValid(step):
                step.running = None
                if worker.error is not None:
                    step._refused(worker.error)
                if step.after is not None:
                    step.after()
            elif taking_back and isinstance(worker.error, BusyError) and window.controller.project is project:
                # a new edit pushed the step out while its undo waited, then the wait was given up: the file has the
                # rename still, so a step to take it back goes on top of the history (a closed project: none)
                window.controller.undo_stack.push(RenameSet(window, *made))
                window.show_error(f"{worker.error} — “{title}” stays made; Undo tries it again")
            if worker.sets is not None and window.controller.project is not None:
                sets_changed(window, worker.sets, worker.said)

        window.start_worker(worker, after=ended, note=True)  # its line stays over the panels refreshed after it
        if worker not in window.workers:  # refused before it started (the file moved): the step stays where it was
            self.running = None
            self._refused(None)

    def _refused(self, error: AnnotatorError | None) -> None:
        """The worker's rename was refused: the step's state as the file has it, the stack put back over it; out of
        the history unless another program's write kept the file (then it is tried again at the next Ctrl+Z)."""
        self.applied = not self.applied
        stack = self.window.controller.undo_stack
        at = next((i for i in range(stack.count()) if stack.command(i) is self), None)
        if at is None:
            return
        if error is not None and not isinstance(error, BusyError):
            self.setObsolete(True)  # the move below deletes it (QUndoStack.setIndex)
            self.window.show_error(out_of_history_said(error, self.text()))
        elif error is not None:  # given up while another program still wrote: the step where the file has it
            way = "Undo" if self.applied else "Redo"
            self.window.show_error(
                f"{error} — “{self.text()}” stays {'made' if self.applied else 'taken back'}; {way} tries it again"
            )
        stack.setIndex(at + 1 if self.applied else at)
