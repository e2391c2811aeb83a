"""One QUndoCommand per kind of edit: the first redo() calls the core edit, undo()/redo() replay its Change.

The core keeps ids on undo and redo (annotator.recorder), so a command can be undone and redone any number
of times and later commands that name the same ids stay valid.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtGui import QUndoCommand

from annotator import edits, recorder
from annotator.errors import AnnotatorError
from annotator.model import Change

if TYPE_CHECKING:  # pragma: no cover
    from ui.controller import Controller


class CoreEditCommand(QUndoCommand):
    """Base class: subclasses name the core function (``edit``) and a title."""

    edit: Callable[..., Change]
    title = "Edit"

    def __init__(self, controller: "Controller", *args: Any, **kwargs: Any) -> None:
        super().__init__(self.describe(*args, **kwargs))
        self.controller = controller
        self.args = args
        self.kwargs = kwargs
        self.change: Change | None = None
        self.error: str | None = None

    def describe(self, *args: Any, **kwargs: Any) -> str:
        return self.title

    @property
    def result_id(self) -> int | None:
        return self.change.result_id if self.change else None

    def redo(self) -> None:
        project = self.controller.project
        try:
            if self.change is None:
                change = type(self).edit(project, *self.args, **self.kwargs)
                if change.is_empty:
                    self.setObsolete(True)
                self.change = change
                self.controller.apply_change(change)
            else:
                self.controller.apply_change(recorder.redo(project, self.change))
        except AnnotatorError as exc:
            self.error = str(exc)
            if self.change is None:
                self.setObsolete(True)
            self.controller.report_error(str(exc))

    def undo(self) -> None:
        if self.change is None or self.change.is_empty:
            return
        try:
            self.controller.apply_change(recorder.undo(self.controller.project, self.change))
        except AnnotatorError as exc:
            self.controller.report_error(str(exc))


class AddEntity(CoreEditCommand):
    edit = edits.add_entity

    def describe(self, doc_id: int, start: int, end: int, label: str, **kw: Any) -> str:
        return f"Add {label}"


class RelabelEntity(CoreEditCommand):
    edit = edits.relabel_entity

    def describe(self, entity_id: int, label: str) -> str:
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
