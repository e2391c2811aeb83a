"""One QUndoCommand per kind of edit: execute() calls the core edit once, undo()/redo() replay its Change.

The core keeps ids on undo and redo (annotator.recorder), so a command can be undone and redone any number
of times and later commands that name the same ids stay valid.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtGui import QUndoCommand

from annotator import edits, recorder
from annotator.errors import AnnotatorError, StaleChangeError
from annotator.model import Change
from annotator.recorder import _row

if TYPE_CHECKING:  # pragma: no cover
    from ui.controller import Controller


class CoreEditCommand(QUndoCommand):
    """Base class: subclasses name the core function (``edit``) and a title.

    ``Controller.run`` calls ``execute()`` before the command goes on the stack, so an edit that fails is never
    pushed (and the redo history stays). An undo or redo that fails leaves the stack where the file is: a
    passing failure (disk full, file locked) keeps the command in place to try again; a command whose rows were
    changed elsewhere can never apply again and is dropped from the history (``setObsolete``).
    """

    edit: Callable[..., Change]
    title = "Edit"

    def __init__(self, controller: "Controller", *args: Any, **kwargs: Any) -> None:
        super().__init__(self.describe(*args, **kwargs))
        self.controller = controller
        self.args = args
        self.kwargs = kwargs
        self.change: Change | None = None
        self.error: str | None = None
        self._pushed_applied = False  # execute() already did what the first redo() would do
        self._skip: str | None = None  # "undo"/"redo": the next call only moves the stack back after a failure

    def describe(self, *args: Any, **kwargs: Any) -> str:
        return self.title

    @property
    def result_id(self) -> int | None:
        return self.change.result_id if self.change else None

    def execute(self) -> bool:
        """Make the edit in the file; False (and a message) when it failed or changed nothing."""
        try:
            change = type(self).edit(self.controller.project, *self.args, **self.kwargs)
        except AnnotatorError as exc:
            self.error = str(exc)
            self.controller.report_error(str(exc))
            if isinstance(exc, StaleChangeError):  # show the span as it is now
                self.controller.check_outside_changes()
            return False
        self.change = change
        if change.is_empty:
            return False
        self.controller.apply_change(change)
        self._pushed_applied = True
        return True

    def redo(self) -> None:
        if self._skip == "redo":
            self._skip = None
            return
        if self.change is None:  # pushed directly, without Controller.run
            if not self.execute():
                self.setObsolete(True)  # QUndoStack.push drops it
            self._pushed_applied = False
            return
        if self._pushed_applied:
            self._pushed_applied = False
            return
        try:
            self.controller.apply_change(recorder.redo(self.controller.project, self.change))
        except AnnotatorError as exc:
            self._failed("redo", exc)

    def undo(self) -> None:
        if self._skip == "undo":
            self._skip = None
            return
        if self.change is None or self.change.is_empty:
            return
        try:
            self.controller.apply_change(recorder.undo(self.controller.project, self.change))
        except AnnotatorError as exc:
            self._failed("undo", exc)

    def _failed(self, step: str, exc: AnnotatorError) -> None:
        self.error = str(exc)
        if self._stale(step):
            self.setObsolete(True)  # QUndoStack.undo/redo delete it; the file keeps what it has
            self.controller.report_error(f"{exc} — “{self.text()}” was removed from the undo history")
        else:
            self._skip = "redo" if step == "undo" else "undo"
            self.controller.keep_undo_index(self.controller.undo_stack.index())
            self.controller.report_error(str(exc))

    def _stale(self, step: str) -> bool:
        """True when the rows this command would put back are no longer as it left them."""
        assert self.change is not None
        try:
            for r in self.change.rows:
                if _row(self.controller.project, r.table, r.id) != (r.after if step == "undo" else r.before):
                    return True
        except AnnotatorError:
            return False
        return False


class AddEntity(CoreEditCommand):
    edit = edits.add_entity

    def describe(self, doc_id: int, start: int, end: int, label: str, **kw: Any) -> str:
        return f"Add {label}"


class RelabelEntity(CoreEditCommand):
    edit = edits.relabel_entity

    def describe(self, entity_id: int, label: str, **kw: Any) -> str:
        return f"Relabel as {label}"


class ResizeEntity(CoreEditCommand):
    edit = edits.resize_entity
    title = "Resize span"


class AcceptEntity(CoreEditCommand):
    edit = edits.accept_entity
    title = "Accept suggestion"


class RejectEntity(CoreEditCommand):
    edit = edits.reject_entity
    title = "Reject suggestion"


class DeleteEntity(CoreEditCommand):
    edit = edits.delete_entity
    title = "Delete span"


class AcceptAll(CoreEditCommand):
    edit = edits.accept_all
    title = "Accept all suggestions"


class AddEvent(CoreEditCommand):
    edit = edits.add_event

    def describe(self, doc_id: int, type_: str, *a: Any, **kw: Any) -> str:
        return f"New event {type_}"


class SetEventType(CoreEditCommand):
    edit = edits.set_event_type
    title = "Change event type"


class MoveTrigger(CoreEditCommand):
    edit = edits.move_trigger
    title = "Move trigger"


class SetEventAttribute(CoreEditCommand):
    edit = edits.set_event_attribute

    def describe(self, event_id: int, name: str, value: str) -> str:
        return f"Set {name} to {value}"


class DeleteEvent(CoreEditCommand):
    edit = edits.delete_event
    title = "Delete event"


class AddArgument(CoreEditCommand):
    edit = edits.add_argument

    def describe(self, event_id: int, role: str, entity_id: int) -> str:
        return f"Fill {role}"


class ChangeArgument(CoreEditCommand):
    edit = edits.change_argument
    title = "Change argument"


class RemoveArgument(CoreEditCommand):
    edit = edits.remove_argument
    title = "Remove argument"


class SetStatus(CoreEditCommand):
    edit = edits.set_status

    def describe(self, doc_id: int, status: str) -> str:
        return f"Mark {status.replace('_', ' ')}"


class AddComment(CoreEditCommand):
    edit = edits.add_comment
    title = "Add comment"


class DeleteComment(CoreEditCommand):
    edit = edits.delete_comment
    title = "Delete comment"
