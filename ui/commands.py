"""One QUndoCommand per kind of edit, and the QUndoStack they go on: adapters of ``annotator.history``.

The policy (what a failed undo or redo means, when a step is dropped) is ``annotator.history``'s; a command
calls its Step and shows the outcome: redraws the Change, reports the error, marks a dropped step obsolete (the
QUndoStack deletes it), or has the stack put its index back for a step that is kept to be tried again.
"""

from __future__ import annotations

from dataclasses import replace

from typing import Any, Callable, Mapping, Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack

from annotator import edits, edits_flow, kept_journal, kept_messages
from annotator.foreseen import Foreseen
from annotator.stand_ins import STAND_IN_SPANS
from annotator.errors import AnnotatorError, BusyError, ProjectMovedError, SaveError, StaleChangeError
from annotator.history import Outcome, Step
from annotator.model import Argument, Change
from annotator.store import Project
from annotator import write_queue
from ui.plain import out_of_history_said


class EditHost(Protocol):
    """What a command needs of the controller that runs it (ui.controller.Controller is one)."""

    project: Project | None
    undo_stack: "UndoStack"

    @property
    def landing(self) -> bool: ...  # kept edits are being written (write_queue): one that cannot be saved stays kept

    def apply_change(self, change: Change) -> None: ...

    def show_change(self, change: Change, said: str | None = None) -> None: ...

    def report_failure(self, exc: AnnotatorError, message: str | None = None) -> None: ...

    def check_outside_changes(self) -> None: ...

    def edits_waiting(self) -> int: ...

    def take_back_kept(self) -> None: ...


class UndoStack(QUndoStack):
    """A QUndoStack that can keep its place: QUndoStack moves its index after every undo or redo, even one that
    failed; ``hold()`` (called from the command's undo/redo) puts it back once it has moved. Moving back calls
    the command once more, which does nothing (its Step knows the file already has what it asks for)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._held: int | None = None
        self.indexChanged.connect(self._put_back)

    def hold(self) -> None:
        self._held = self.index()

    def _put_back(self, index: int) -> None:
        held, self._held = self._held, None
        if held is not None and held != index:
            self.setIndex(held)


class CoreEditCommand(QUndoCommand):
    """Base class: subclasses name the core function (``edit``) and a title.

    ``Controller.run`` calls ``execute()`` before the command goes on the stack, so an edit that fails is never
    pushed (and the redo history stays).
    """

    edit: Callable[..., Change]
    title = "Edit"
    decides: str | None = None  # a decision on the span ("entities") or event ("events") its first argument names
    decision: dict[str, Any] = {}  # what the decision gives a suggestion (held as made while it is kept)
    foresees: str | None = None  # the table of the span or event its first argument names, held as made while kept
    # an edit of an event's arguments (held as made while kept: its ``foresight``): its first argument is the "event" whose roles it
    # fills, or an "argument" of it (a role key after it, made from the roles shown, was refused when it landed)
    fills: str | None = None

    def filled_event(self, arguments: Mapping[int, Argument]) -> int | None:
        """The event whose arguments this edit changes (``arguments``: the rows held, by id); None: it changes none."""
        if self.fills is None or not self.step.args:
            return None
        if self.fills == "event":
            return self.step.args[0]
        arg = arguments.get(self.step.args[0])
        return arg.event_id if arg is not None else None

    def decided(self, table: str) -> int | None:
        """The id of the item of ``table`` this edit decides (None: it decides none there)."""
        return self.step.args[0] if self.decides == table and self.step.args else None

    def foreseen(self) -> dict[str, Any] | None:
        """The values this edit gives the span or event it names (None: deletes it); ``decision`` for a decision."""
        return self.decision

    def status_foreseen(self) -> tuple[int, str] | None:
        """(the document, the status) this edit gives it, held made while it is kept (the document list's row); None:
        it sets none."""
        return None

    def foresight(self) -> Foreseen | None:
        """This edit as the app holds it made while it is kept, on the row its key saw (``annotator.foreseen``);
        None: not held so (it shows once it lands)."""
        table = self.foresees or self.decides
        if table is None or not self.step.args:
            return None
        return Foreseen(table, self.step.args[0], self.foreseen(), self.step.kwargs.get("expected"))

    def foresights(self) -> list[Foreseen]:
        """Every row this edit is held made on while it is kept (one edit of one row: its ``foresight``)."""
        made = self.foresight()
        return [] if made is None else [made]

    def __init__(self, controller: EditHost, *args: Any, **kwargs: Any) -> None:
        super().__init__(self.describe(*args, **kwargs))
        self.controller = controller
        self.step = Step(type(self).edit, *args, **kwargs)

    def describe(self, *args: Any, **kwargs: Any) -> str:
        return self.title

    @property
    def result_id(self) -> int | None:
        return self.step.result_id

    def journal_line(self) -> dict[str, Any]:
        """This edit as a line of the journal of kept edits (``kept_journal.record``); raises NotJournaled."""
        project = self.controller.project
        return kept_journal.record(project, self.step.edit, self.step.args, self.step.kwargs, title=self.text())

    def execute(self) -> bool:
        """Make the edit in the file; False (and a message) when it failed or changed nothing. Another program
        holding the write lock is a ``BusyError``, raised: the edit is kept and made again (``write_queue``); so is a
        kept edit's ``SaveError`` when it lands (``landing``), and its ``ProjectMovedError`` for a file renamed or moved
        (kept for the open of its new name)."""
        try:
            change = self.step.do(self.controller.project)
        except BusyError:
            raise
        except SaveError as exc:
            if self.controller.landing:  # a kept edit that cannot be saved yet (a full disk): kept, tried again
                raise
            self.controller.report_failure(exc)
            return False
        except ProjectMovedError as exc:
            if self.controller.landing and exc.file_now is not None:
                raise
            self.controller.report_failure(exc)
            return False
        except AnnotatorError as exc:
            self.controller.report_failure(exc)
            if isinstance(exc, StaleChangeError):  # show the span as it is now
                self.controller.check_outside_changes()
            return False
        if change.is_empty:
            return False
        self.controller.apply_change(change)
        return True

    def redo(self) -> None:
        if self.step.change is None:  # pushed directly, without Controller.run
            try:
                ok = self.execute()
            except BusyError as exc:
                self.controller.report_failure(exc)
                ok = False
            if not ok:
                self.setObsolete(True)  # QUndoStack.push drops it
            return
        if not self.step.applied and self._after_kept_edits():
            return
        # never the window held for the busy timeout (the module's wait, read now: the GUI tests shorten it)
        with self.controller.project.lock_wait(write_queue.FIRST_WAIT_MS):
            self._show(self.step.redo(self.controller.project), "Redone")

    def undo(self) -> None:
        if self.step.applied and self._after_kept_edits(undoing=True):
            return
        with self.controller.project.lock_wait(write_queue.FIRST_WAIT_MS):
            self._show(self.step.undo(self.controller.project), "Undone")

    def _after_kept_edits(self, undoing: bool = False) -> bool:
        """Edits made later wait for another program to finish writing: an undo or redo of this step now would land
        before them. The stack keeps its place; an undo takes back the newest kept edit instead (the person's last
        one, never written), a redo is refused and says why. True then."""
        n = self.controller.edits_waiting()
        if not n:
            return False
        self.controller.undo_stack.hold()
        if undoing:
            self.controller.take_back_kept()
            return True
        self.controller.report_failure(BusyError(kept_messages.redo_waits(n)))
        return True

    def _show(self, outcome: Outcome, done: str) -> None:
        if outcome.change is not None:
            self.controller.apply_change(outcome.change)
            # undo and redo happen where the person can see them, and say what they did
            self.controller.show_change(outcome.change, f"{done}: {self.text()}")
        elif outcome.dropped:
            assert outcome.error is not None
            self.setObsolete(True)  # QUndoStack.undo/redo delete it; the file keeps what it has
            self.controller.report_failure(outcome.error, out_of_history_said(outcome.error, self.text()))
        elif outcome.kept:
            assert outcome.error is not None
            self.controller.undo_stack.hold()
            self.controller.report_failure(outcome.error)


def command_for_line(controller: EditHost, line: dict[str, Any]) -> CoreEditCommand:
    """The command of a journal line (``kept_journal``: an edit a killed run kept): the command class of its edit,
    or one made for it; raises NotJournaled for a line that is no core edit."""
    edit, args, kwargs = kept_journal.edit_of(line)
    found: list[type[CoreEditCommand]] = [CoreEditCommand]
    for cls in found:
        if cls is not CoreEditCommand and cls.__dict__.get("edit") is edit:
            return cls(controller, *args, **kwargs)
        found.extend(cls.__subclasses__())
    made = type("KeptEdit", (CoreEditCommand,), {"edit": edit, "title": kept_journal.title_of(line)})
    return made(controller, *args, **kwargs)


class AddEntity(CoreEditCommand):
    edit = edits.add_entity

    def describe(self, doc_id: int, start: int, end: int, label: str, **kw: Any) -> str:
        return f"Add {label}"


class RelabelEntity(CoreEditCommand):
    edit = edits.relabel_entity
    decides = "entities"

    def describe(self, entity_id: int, label: str, **kw: Any) -> str:
        return f"Relabel as {label}"

    def foreseen(self) -> dict[str, Any]:
        return {"label": self.step.args[1]}

    def foresight(self) -> Foreseen | None:
        """With the label: the roles that do not take it are shown without the span as they will be."""
        made = super().foresight()
        schema = self.controller.project.schema if self.controller.project else None
        return None if made is None else replace(made, schema=schema)


class ResizeEntity(CoreEditCommand):
    edit = edits.resize_entity
    title = "Resize span"
    foresees = "entities"

    def foreseen(self) -> dict[str, Any]:
        return {"start": self.step.args[1], "end": self.step.args[2]}


class AcceptEntity(CoreEditCommand):
    edit = edits.accept_entity
    decides = "entities"
    decision = {"state": "accepted"}
    title = "Accept suggestion"


class RejectEntity(CoreEditCommand):
    edit = edits.reject_entity
    decides = "entities"
    decision = {"state": "rejected"}
    title = "Reject suggestion"


class DeleteEntity(CoreEditCommand):
    edit = edits.delete_entity
    title = "Delete span"
    foresees = "entities"

    def foreseen(self) -> None:
        return None


class AcceptAll(CoreEditCommand):
    edit = edits.accept_all
    title = "Accept all suggestions"

    def describe(self, doc_id: int, min_score: float | None = None, shown: object = None) -> str:
        return self.title if min_score is None else f"Accept suggestions scored at least {min_score:.2f}"


class AcceptRest(CoreEditCommand):
    edit = edits_flow.accept_rest

    def describe(
        self, doc_id: int, status: str | None = None, shown: object = None, shown_events: object = None
    ) -> str:
        return f"Accept the rest and mark {status.replace('_', ' ')}" if status else "Accept all suggestions"

    def status_foreseen(self) -> tuple[int, str] | None:
        status = self.step.kwargs.get("status")
        return (self.step.args[0], status) if status else None

    def foresights(self) -> list[Foreseen]:
        """The suggestions it accepts, as the view showed them (going back to the document while its Ctrl+Enter was
        kept showed them undecided)."""
        accepted = {"state": "accepted"}
        rows = [("entities", x) for x in self.step.kwargs.get("shown") or ()]
        rows += [("events", x) for x in self.step.kwargs.get("shown_events") or ()]
        return [
            Foreseen(table, x, accepted) if isinstance(x, int) else Foreseen(table, x.id, accepted, x)
            for table, x in rows
        ]


class AcceptEvent(CoreEditCommand):
    edit = edits.accept_event
    decides = "events"
    decision = {"state": "accepted"}
    title = "Accept event"


class RejectEvent(CoreEditCommand):
    edit = edits.reject_event
    decides = "events"
    decision = {"state": "rejected"}
    title = "Reject event"


class AddEvent(CoreEditCommand):
    edit = edits.add_event

    def describe(self, doc_id: int, type_: str, *a: Any, **kw: Any) -> str:
        return f"New event {type_}"


class SetEventType(CoreEditCommand):
    edit = edits.set_event_type
    title = "Change event type"
    foresees = "events"

    def foreseen(self) -> dict[str, Any]:
        return {"type": self.step.args[1]}

    def foresight(self) -> Foreseen | None:
        """With the type: the arguments it cannot hold are shown in the roles they stand for, or gone, as they will be
        (they showed until it landed; the carried ones showed gone)."""
        made, c = super().foresight(), self.controller
        if made is None or c.project is None:
            return made
        was = self.step.kwargs.get("expected") or c.events.get(self.step.args[0])
        old = c.project.schema.event_type(was.type) if was is not None else None
        text = c.doc.text if c.doc is not None else ""
        return replace(made, etype=c.project.schema.event_type(self.step.args[1]), retyped_from=old, text=text)


class MoveTrigger(CoreEditCommand):
    edit = edits.move_trigger
    title = "Move trigger"
    foresees = "events"

    def foreseen(self) -> dict[str, Any]:
        return {"trigger_start": self.step.args[1], "trigger_end": self.step.args[2]}


class SetEventAttribute(CoreEditCommand):
    edit = edits.set_event_attribute
    foresees = "events"

    def foresight(self) -> Foreseen | None:
        shown = self.step.kwargs.get("expected")  # the attributes it is set among (none given: shown once it lands)
        return None if shown is None else Foreseen("events", shown.id, self.foreseen(), shown)

    def foreseen(self) -> dict[str, Any]:
        shown = self.step.kwargs["expected"]
        return {"attributes": {**shown.attributes, self.step.args[1]: self.step.args[2]}}

    def describe(self, event_id: int, name: str, value: str, **kw: Any) -> str:
        return f"Set {name} to {value}"


class DeleteEvent(CoreEditCommand):
    edit = edits.delete_event
    title = "Delete event"
    foresees = "events"

    def foreseen(self) -> None:
        return None


class AddArgument(CoreEditCommand):
    edit = edits.add_argument
    fills = "event"

    def foresight(self) -> Foreseen | None:
        """The role filled, held as made while it is kept (a stand-in id: the file gives it one when it lands)."""
        event_id, role, entity_id = self.step.args[:3]
        return Foreseen("arguments", -id(self), {"event_id": event_id, "role": role, "entity_id": entity_id})

    def describe(self, event_id: int, role: str, entity_id: int) -> str:
        return f"Fill {role}"


class AddEntities(CoreEditCommand):
    edit = edits_flow.add_entities

    def describe(self, doc_id: int, spans: list, label: str, **kw: Any) -> str:
        return f"Label every occurrence {label}"


class FillRoleWithSpan(CoreEditCommand):
    edit = edits_flow.fill_role_with_span
    fills = "event"

    def foresight(self) -> Foreseen | None:
        """The new span in its role, held as made while it is kept (stand-in ids: the file gives them when it lands)."""
        event_id, role, start, end, label = self.step.args[:5]
        span = {"entity_id": STAND_IN_SPANS + id(self), "span": (start, end, label)}
        return _role_put(self, event_id, role, span)

    def describe(self, event_id: int, role: str, start: int, end: int, label: str, **kw: Any) -> str:
        return f"Fill {role} with a new {label} span"


class FillRoleRelabelled(CoreEditCommand):
    edit = edits_flow.fill_role_relabelled
    fills = "event"

    def foresight(self) -> Foreseen | None:
        """The suggestion relabelled in its role, held as made while it is kept."""
        event_id, role, entity_id, label = self.step.args[:4]
        made = _role_put(self, event_id, role, {"entity_id": entity_id, "label": label})
        return replace(made, schema=self.controller.project.schema if self.controller.project else None)

    def describe(self, event_id: int, role: str, entity_id: int, label: str, **kw: Any) -> str:
        return f"Fill {role} with a suggestion relabelled {label}"


class MoveFiller(CoreEditCommand):
    edit = edits_flow.move_filler
    fills = "argument"

    def foresight(self) -> Foreseen | None:
        """The filler in its new role (in place of ``replace``), held as made while it is kept."""
        argument_id, role = self.step.args[:2]
        drop = () if self.step.kwargs.get("replace") is None else (self.step.kwargs["replace"],)
        return Foreseen("arguments", argument_id, {"role": role, "drop": drop, "undecide": _undecide(self)})

    def describe(self, argument_id: int, role: str, **kw: Any) -> str:
        return f"Move a filler to {role}"


class ChangeArgument(CoreEditCommand):
    edit = edits.change_argument
    fills = "argument"

    def foresight(self) -> Foreseen | None:
        """A filler put in place of another (a role key again) or in another role, held as made while it is kept."""
        kw = self.step.kwargs
        values = {k: kw[k] for k in ("role", "entity_id") if kw.get(k) is not None}
        return Foreseen("arguments", self.step.args[0], {**values, "undecide": _undecide(self)})

    title = "Change argument"


class RemoveArgument(CoreEditCommand):
    edit = edits.remove_argument
    fills = "argument"
    title = "Remove argument"

    def foresight(self) -> Foreseen | None:
        """The argument taken out, held as made while it is kept."""
        argument_id = self.step.args[0]
        return Foreseen("arguments", argument_id, {"drop": (argument_id,), "undecide": _undecide(self)})


class ClearRole(CoreEditCommand):
    edit = edits_flow.clear_role
    fills = "event"

    def foresight(self) -> Foreseen | None:
        """The role emptied, held as made while it is kept."""
        event_id, role = self.step.args[:2]
        return Foreseen("arguments", -id(self), {"event_id": event_id, "clear": role, "undecide": _undecide(self)})

    def describe(self, event_id: int, role: str, **kw: Any) -> str:
        return f"Empty {role}"


def _undecide(command: CoreEditCommand) -> tuple[int, ...]:
    """The fillers an edit of an event's roles undecides when it takes them out (its ``undecide``)."""
    return tuple(command.step.kwargs.get("undecide") or ())


def _role_put(command: CoreEditCommand, event_id: int, role: str, values: dict[str, Any]) -> Foreseen:
    """A role filled by ``command`` (a new argument under a stand-in id, or in place of its ``replace``), held made."""
    replaced = command.step.kwargs.get("replace")
    if replaced is None:
        return Foreseen("arguments", -id(command), {"event_id": event_id, "role": role, **values})
    return Foreseen("arguments", replaced, {"role": role, **values, "undecide": _undecide(command)})


class SetStatus(CoreEditCommand):
    edit = edits.set_status

    def describe(self, doc_id: int, status: str) -> str:
        return f"Mark {status.replace('_', ' ')}"

    def status_foreseen(self) -> tuple[int, str]:
        return self.step.args[0], self.step.args[1]


class SetCategories(CoreEditCommand):
    edit = edits.set_categories

    def describe(self, doc_id: int, categories: list[str]) -> str:
        return f"Categories: {', '.join(categories)}" if categories else "No categories"


class RemoveCategory(CoreEditCommand):
    """A category taken off the project's list (and off the documents that carry it, when asked): one step."""

    edit = edits.remove_category

    def describe(self, name: str, **kw: Any) -> str:
        return f"Remove category {name}" + (" from the project and its documents" if kw.get("from_documents") else "")


class AddComment(CoreEditCommand):
    edit = edits.add_comment
    title = "Add comment"


class DeleteComment(CoreEditCommand):
    edit = edits.delete_comment
    title = "Delete comment"
