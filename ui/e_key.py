"""What E and the toolbar's New event… will do, said before the key is pressed (session 34, s34-qa's "Left"). With an
event selected, no span selected and no words, E opens the type picker on that event (it changes its type); with the
caret put on a plain word (no span, no event's trigger: ``caret_note.PlainWord``), E makes a new event on that word
(session 38: it changed the selected event's type there too, and a type picked for the word clicked, a missed trigger,
retyped the selected event unseen; Escape came first). Its tooltip, its status tip and the status line's caret note
say which it will do."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.model import Event
from ui.caret_note import PlainWord, caret_span, event_alone

if TYPE_CHECKING:  # pragma: no cover
    from PySide6.QtGui import QAction

    from ui.controller import Controller
    from ui.document_view import DocumentView

NEW_EVENT_TIP = "New event on the selected trigger (E)"


def retyped_by_e(c: "Controller", view: "DocumentView") -> Event | None:
    """The event E changes the type of (the selected one, no span selected, no words, the caret not on a plain word),
    or None: E makes a new event (``EventActions.new_event``). Shift+E gives the same event its next type
    (``EventActions.take_alternative``): the one test of what E and Shift+E do to the selected event (session 35)."""
    ev = event_alone(c, view)
    if ev is None or isinstance(caret_span(c, view), PlainWord):
        return None
    return ev


def new_event_tip(c: "Controller", view: "DocumentView") -> str:
    """The toolbar's New event… tooltip as things stand: the type of the selected event changed, or a new event."""
    ev = retyped_by_e(c, view)
    if ev is None:
        return NEW_EVENT_TIP
    words = c.span_said(ev.trigger_start, ev.trigger_end, 40)
    return (
        f"Change the type of the selected event “{words}” (E: the picker; Shift+E: its next type); the caret put on "
        "another word: E makes a new event there"
    )


def follow_e_key(c: "Controller", view: "DocumentView", action: "QAction") -> None:
    """Keep ``action``'s tooltip and status tip saying what it will do, the selection or the caret changed."""

    def tell() -> None:
        tip = new_event_tip(c, view)
        if action.toolTip() != tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)

    c.selectionChanged.connect(tell)
    c.documentChanged.connect(tell)
    view.selectionChanged.connect(tell)
