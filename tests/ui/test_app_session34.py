"""Session 34 (helper s34-app, docs/keyboard.md "Session 34: the app") as a user: keys pressed through the real
window, then what the project file and the window say; each test failed on main before its change."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from ui_helpers import find

SHIFT = Qt.KeyboardModifier.ShiftModifier
VISIT = "Shohei Ōtani will visit Tokyo next week, his agent said."


@pytest.mark.slow  # 2 s: a window of its own on a file of its own
def test_shift_e_carries_the_place_a_visit_names_as_its_object_to_the_destination(qtbot, tmp_path):
    """Seed 007 as s34-qa met it: a suggested Meet on "visit" whose Entity is (wrongly) Tokyo, Transport "also
    possible". Shift+E put Tokyo in the Transport's Agent (the role sharing the Entity's slots); the object of "visit"
    is where the movement ends: its Destination, and the status line says so. Ctrl+Z puts the Entity back."""
    from annotator.store import Project
    from annotator.suggest.types import ArgumentSuggestion, EventSuggestion
    from ui_support import close_window, one_suggested_event, open_window

    path = tmp_path / "visit.annotator"
    tokyo = ArgumentSuggestion("Entity", *find(VISIT, "Tokyo"), "GPE")
    meet = EventSuggestion("Contact:Meet", *find(VISIT, "visit"), 0.6, (tokyo,), alternatives=("Movement:Transport",))
    one_suggested_event(path, VISIT, [], meet)
    w = open_window(qtbot, path)
    try:
        v = w.view
        v.setFocus()
        (ev,) = w.controller.events.values()
        w.edit_actions.select_event(ev)
        qtbot.keyClick(v, Qt.Key.Key_E, SHIFT)
        said = w.message.text()
        assert said == "Movement:Transport: Entity “Tokyo” is its Destination (Ctrl+Z puts it back)", (
            said
        )  # main: Agent
        with Project(path, create=False) as p:
            got = p.event(ev.id)
            assert got.type == "Movement:Transport"
            assert [
                (a.role, VISIT[p.entity(a.entity_id).start : p.entity(a.entity_id).end]) for a in got.arguments
            ] == [("Destination", "Tokyo")]
        qtbot.keyClick(v, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        with Project(path, create=False) as p:
            back = p.event(ev.id)
            assert back.type == "Contact:Meet" and [a.role for a in back.arguments] == ["Entity"]
    finally:
        close_window(w)
