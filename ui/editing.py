"""What keys and menu choices do to the annotations: each one turns into a single undoable command."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeyEvent

from annotator.model import Entity
from ui import commands as cmd

if TYPE_CHECKING:  # pragma: no cover
    from ui.controller import Controller
    from ui.document_view import DocumentView

NO_MODS = Qt.KeyboardModifier.NoModifier
ROLE_KEYS = {getattr(Qt.Key, f"Key_{i}"): i for i in range(1, 10)}


def role_shortcut(index: int) -> str:
    """The key that fills the role at ``index`` (0-based) of the selected event."""
    return f"Alt+{index + 1}" if index < 9 else ""


class EditActions(QObject):
    """Keyboard-first editing on the document view; used by the view, the menus and the panels."""

    def __init__(self, controller: "Controller", view: "DocumentView",
                 pick_event_type: Callable[[str], str | None]) -> None:
        super().__init__(view)
        self.c = controller
        self.view = view
        self.pick_event_type = pick_event_type
        view.key_handler = self.handle_key

    # -- helpers ---------------------------------------------------------------------------------------
    def label_keys(self) -> dict[str, str]:
        schema = self.c.schema
        return {e.key: e.name for e in schema.entities if e.key} if schema else {}

    def current(self) -> Entity | None:
        return self.c.entities.get(self.c.current_entity) if self.c.current_entity is not None else None

    def selected_span(self) -> tuple[int, int] | None:
        """The selection in code points, snapped to tokens when the setting is on."""
        sel = self.view.selection_cp()
        if sel is None:
            return None
        if self.view.snap_to_tokens:
            a, b = self.c.snap(*sel)
            if a < b:
                return a, b
        return sel

    def _clear_selection(self) -> None:
        cur = self.view.textCursor()
        cur.clearSelection()
        self.view.setTextCursor(cur)

    # -- entities --------------------------------------------------------------------------------------
    def label(self, label: str) -> None:
        """Label the selection as a new span, or relabel the selected span."""
        if self.c.doc is None:
            return
        span = self.selected_span()
        cur = self.current()
        if span is not None and (cur is None or (cur.start, cur.end) != span):
            new_id = self.c.run(cmd.AddEntity, self.c.doc.id, span[0], span[1], label)
            if new_id is not None:
                self._clear_selection()
                self.c.select_entity(new_id)
        elif cur is not None and cur.label != label:
            self.c.run(cmd.RelabelEntity, cur.id, label, expected=cur)
        elif cur is not None and cur.state == "suggested":
            self.c.run(cmd.AcceptEntity, cur.id, expected=cur)

    def accept(self) -> None:
        cur = self.current()
        if cur is not None and cur.state in ("suggested", "rejected"):
            self.c.run(cmd.AcceptEntity, cur.id, expected=cur)

    def reject(self) -> None:
        cur = self.current()
        if cur is not None and cur.state != "rejected":
            self.c.run(cmd.RejectEntity, cur.id, expected=cur)
            now = self.c.entities.get(cur.id)
            if now is None or now.state == "rejected":  # a refused edit stays put, its message in view
                self.cycle(1)

    def delete(self) -> None:
        cur = self.current()
        if cur is not None:
            self.c.run(cmd.DeleteEntity, cur.id, expected=cur)
        elif self.c.current_event is not None:
            self.c.run(cmd.DeleteEvent, self.c.current_event)

    def accept_all(self) -> None:
        if self.c.doc is not None:
            self.c.run(cmd.AcceptAll, self.c.doc.id)

    def cycle_order(self) -> list[Entity]:
        """Undecided suggestions first, then the rest, each in text order."""
        ents = self.c.visible_entities(self.view.highlighter.show_rejected)
        ents.sort(key=lambda e: (e.start, e.end, e.id))
        return [e for e in ents if e.state == "suggested"] + [e for e in ents if e.state != "suggested"]

    def cycle(self, step: int) -> None:
        order = self.cycle_order()
        if not order:
            self.c.select_entity(None)
            return
        ids = [e.id for e in order]
        if self.c.current_entity in ids:
            i = (ids.index(self.c.current_entity) + step) % len(ids)
        else:
            i = 0 if step > 0 else len(ids) - 1
        self.select(order[i])

    def select(self, e: Entity) -> None:
        self.c.select_entity(e.id)
        self.view.show_cp(e.start, e.end)

    def move_edge(self, edge: str, direction: int) -> None:
        """Move the start or end of the selected span (or of the selected event's trigger) by one token."""
        cur = self.current()
        if cur is not None:
            start, end = cur.start, cur.end
        elif self.c.current_event in self.c.events:
            v = self.c.events[self.c.current_event]
            start, end = v.trigger_start, v.trigger_end
        else:
            return
        if edge == "start":
            start = self.c.move_by_token(start, direction, "start")
        else:
            end = self.c.move_by_token(end, direction, "end")
        if start >= end:
            return
        if cur is not None:
            self.c.run(cmd.ResizeEntity, cur.id, start, end, expected=cur)
        else:
            self.c.run(cmd.MoveTrigger, self.c.current_event, start, end)

    # -- events ----------------------------------------------------------------------------------------
    def trigger_span(self) -> tuple[int, int] | None:
        span = self.selected_span()
        if span is not None:
            return span
        cur = self.current()
        if cur is not None:
            return cur.start, cur.end
        pos = self.view.to_cp(self.view.textCursor().position())
        return self.c.token_at(pos) or (self.c.token_at(pos - 1) if pos > 0 else None)

    def new_event(self) -> None:
        if self.c.doc is None:
            return
        span = self.trigger_span()
        if span is None:
            self.c.report_error("Select the trigger word(s) of the event first.")
            return
        type_ = self.pick_event_type(self.c.span_text(*span))
        self.view.window().activateWindow()  # back to the text after the picker closes
        self.view.setFocus()
        if not type_:
            return
        new_id = self.c.run(cmd.AddEvent, self.c.doc.id, type_, span[0], span[1])
        if new_id is not None:
            self._clear_selection()
            self.c.select_entity(None)
            self.c.select_event(new_id)

    def fill_role(self, index: int, entity_id: int | None = None) -> None:
        """Fill role ``index`` of the selected event with the selected span (replacing a one-only role)."""
        c = self.c
        ev = c.events.get(c.current_event) if c.current_event is not None else None
        if ev is None:
            c.report_error("Select an event first (click its trigger, or press E on a selection).")
            return
        etype = c.schema.event_type(ev.type)
        if etype is None or not 0 <= index < len(etype.roles):
            return
        role = etype.roles[index]
        if entity_id is None:
            cur = self.current()
            span = self.view.selection_cp()
            if cur is None and span is not None:
                cur = next((e for e in c.entities.values() if (e.start, e.end) == span and e.state != "rejected"), None)
            if cur is None:
                c.report_error(f"Select the entity that fills {role.name} first.")
                return
            entity_id = cur.id
        filled = [a for a in ev.arguments if a.role == role.name]
        if any(a.entity_id == entity_id for a in filled):
            return
        if filled and not role.repeatable:
            c.run(cmd.ChangeArgument, filled[0].id, entity_id=entity_id)
        else:
            c.run(cmd.AddArgument, ev.id, role.name, entity_id)

    # -- keys ------------------------------------------------------------------------------------------
    def handle_key(self, event: QKeyEvent) -> bool:
        """True when the key was an annotation command."""
        if self.c.doc is None or self.view.refused:  # nothing shown, nothing to select
            return False
        key, mods = event.key(), event.modifiers()
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        alt = bool(mods & Qt.KeyboardModifier.AltModifier)
        plain = not (ctrl or alt or bool(mods & Qt.KeyboardModifier.MetaModifier))
        if key == Qt.Key.Key_Tab and not ctrl:
            self.cycle(1)
            return True
        if key == Qt.Key.Key_Backtab and not ctrl:
            self.cycle(-1)
            return True
        if alt and not ctrl and key in ROLE_KEYS:
            self.fill_role(ROLE_KEYS[key] - 1)
            return True
        has_target = self.current() is not None or (self.c.current_event is not None and self.view.selection_cp() is None)
        if shift and key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and has_target and not alt:
            self.move_edge("end" if ctrl else "start", -1 if key == Qt.Key.Key_Left else 1)
            return True
        if not plain:
            return False
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not shift:
            self.accept()
            return True
        if key == Qt.Key.Key_Delete or key == Qt.Key.Key_Backspace:
            self.delete()
            return True
        if key == Qt.Key.Key_Escape:
            self._clear_selection()
            self.c.select_entity(None)
            self.c.select_event(None)
            return True
        text = event.text()
        if text in ("x", "X"):
            self.reject()
            return True
        if text in ("e", "E"):
            self.new_event()
            return True
        label = self.label_keys().get(text) if text else None
        if label is not None:
            self.label(label)
            return True
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down) and not shift:
            self.c.select_entity(None)  # moving the caret leaves the span
        return False
