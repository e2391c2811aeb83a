"""Faults found by the session-5 qa pass on the real window (each test failed before its fix)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui_support import DOC_A
from ui_helpers import drag_select, find

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _meet_with_two_entities(qtbot, window, db):  # type: ignore[no-untyped-def]
    v, c = window.view, window.controller
    drag_select(qtbot, v, *find(DOC_A, "met"))
    qtbot.keyClick(v, "e")  # one type's trigger word: made at once
    ev_id = c.current_event
    qtbot.keyClick(v, Qt.Key.Key_1, ALT)  # Entity: the nearest PERSON
    qtbot.keyClick(v, Qt.Key.Key_1, ALT | SHIFT)  # and another one
    assert len(db.event(ev_id).arguments) == 2
    return ev_id


def test_emptying_a_role_of_two_fillers_is_one_undo_step(qtbot, window, db):
    v, c = window.view, window.controller
    ev_id = _meet_with_two_entities(qtbot, window, db)
    steps = c.undo_stack.count()
    qtbot.keyClick(v, Qt.Key.Key_1, CTRL | ALT)  # empty Entity: one key, one step
    assert not db.event(ev_id).arguments
    assert c.undo_stack.count() == steps + 1
    qtbot.keyClick(v, Qt.Key.Key_Z, CTRL)  # one undo puts both back
    assert {DOC_A[db.entity(a.entity_id).start : db.entity(a.entity_id).end] for a in db.event(ev_id).arguments} == {
        "Maria Lopez",
        "John Smith",
    }
    qtbot.keyClick(v, Qt.Key.Key_Z, CTRL | SHIFT)
    assert not db.event(ev_id).arguments


def test_the_role_key_says_what_it_filled_after_the_panels_follow(qtbot, window):
    v = window.view
    drag_select(qtbot, v, *find(DOC_A, "met"))
    qtbot.keyClick(v, "e")
    qtbot.keyClick(v, Qt.Key.Key_1, ALT)
    qtbot.waitUntil(lambda: not window._panel_timer.isActive())
    said = window.message.text()
    assert "Alt+1 again: next candidate" in said, said  # the hint to the next candidate is not overwritten
    assert "undecided" in said or "left" in said or "suggestion" in said, said  # the work left is still told
    qtbot.keyClick(v, Qt.Key.Key_Tab)  # another key that selects: the status describes that again
    qtbot.waitUntil(lambda: not window._panel_timer.isActive())
    assert "Alt+1 again" not in window.message.text()
