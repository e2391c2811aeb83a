"""What E and the toolbar's New event… will do, said before the key is pressed (session 34, s34-qa's "Left"). With an
event selected, no span selected and no words, E opens the type picker on that event (it changes its type), also
after a click moved the caret onto a plain word: the picker's title said "Trigger: discussions" only once it was open,
and the toolbar's tooltip read "New event on the selected trigger" either way. What the key does stays (the seed
replays count it, ``tests/ui/test_keys_seed.py``); its tooltip, its status tip and the status line's caret note
(``caret_note.PlainWord``) say which it will do, and how to make a new event on the word instead (Escape, then E)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.model import Event

if TYPE_CHECKING:  # pragma: no cover
    from PySide6.QtGui import QAction

    from ui.controller import Controller
    from ui.document_view import DocumentView

NEW_EVENT_TIP = "New event on the selected trigger (E)"


def retyped_by_e(c: "Controller", view: "DocumentView") -> Event | None:
    """The event E changes the type of (the selected one, no span selected, no words), or None: E makes a new event
    (``EventActions.new_event``). Shift+E gives the same event its next type (``EventActions.take_alternative``): the
    one test of what E and Shift+E do to the selected event (session 35)."""
    if c.current_event is None or c.current_entity is not None or view.selection_cp() is not None:
        return None
    return c.events.get(c.current_event)


def new_event_tip(c: "Controller", view: "DocumentView") -> str:
    """The toolbar's New event… tooltip as things stand: the type of the selected event changed, or a new event."""
    ev = retyped_by_e(c, view)
    if ev is None:
        return NEW_EVENT_TIP
    words = c.span_said(ev.trigger_start, ev.trigger_end, 40)
    return (
        f"Change the type of the selected event “{words}” (E: the picker; Shift+E: its next type); Escape first for a "
        "new event at the caret"
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
