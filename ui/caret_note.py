"""What the status line says of the span under the caret while an event is selected and no span is (a mixin's helper
of ``WindowFlow``). The line named the event only: at seed 001's "travelling" (its Destination "office"), the caret
moved by Ctrl+Right onto "Yongsan" read "event Movement:Transport (accepted): travelling" still, and a person could
not tell what the keys there act on (session 29's lead, seen in session 30): the span is named, with the key that
selects it (Space: ``EditActions.select_at_caret``, whose choice this is)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.model import Entity

if TYPE_CHECKING:  # pragma: no cover
    from ui.controller import Controller
    from ui.document_view import DocumentView


def caret_span(c: "Controller", view: "DocumentView") -> Entity | None:
    """The span Space would select at the caret, while an event is selected, no span is and no words are; None
    otherwise, and when the caret stands on the event's own trigger (``]`` puts it there)."""
    ev = c.events.get(c.current_event) if c.current_event is not None else None
    if ev is None or c.current_entity is not None or c.doc is None or view.selection_cp() is not None:
        return None
    pos = view.caret_cp()
    if ev.trigger_start <= pos <= ev.trigger_end:
        return None
    shown, index = view.highlighter.show_rejected, c.span_index()  # the index: 8,000 spans read at each key (bench)
    hits = index.at(c.entities, pos, shown) or (index.at(c.entities, pos - 1, shown) if pos > 0 else [])
    return hits[0] if hits else None


def caret_note(c: "Controller", e: Entity | None) -> str:
    """The words the line adds for the caret's span ``e`` ("" for none): its label, words and state, the role it
    fills in the selected event, and Space."""
    if e is None:
        return ""
    ev = c.events.get(c.current_event) if c.current_event is not None else None
    role = next((a.role for a in ev.arguments if a.entity_id == e.id), None) if ev is not None else None
    its = f", its {role}" if role else ""
    return f"; the caret is on {e.label} “{c.span_said(e.start, e.end, 40)}” ({e.state}{its}; Space selects it)"
