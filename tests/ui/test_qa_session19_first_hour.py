"""Session 19's first-hour pass (docs/keyboard.md, round 12): a fresh clone's `scripts/app`, 30 articles of
events-dev imported and pre-annotated, three annotated by xdotool keys under Xvfb. Each test presses keys through the
real window, then reads what the project file holds, and failed on main before its fix."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from ui_support import DOC_A
from ui_helpers import entity_rows, find

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.mark.parametrize("key", [Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up])
def test_a_ctrl_caret_move_leaves_the_span_so_the_next_key_does_not_change_it(qtbot, window, db, key):
    """Seed-like article 03: Enter accepted "11", then Ctrl+Home (to the title, to select its first word) and
    Ctrl+Shift+Right: "11" became "11 security", accepted, at the other end of the text. A plain Home or arrow left
    the span; a Ctrl caret move (Ctrl+Home/End, a word left or right, a paragraph up or down) kept it, so the next
    Enter, X, label key or Shift+arrow changed a span the caret had left, out of view on a long text."""
    v, c = window.view, window.controller
    s, e = find(DOC_A, "Tal Abyad")
    tal = next(x for x in c.entities.values() if (x.start, x.end) == (s, e))
    v.setFocus()
    window.edit_actions.select(tal)
    assert c.current_entity == tal.id
    qtbot.keyClick(v, key, CTRL)
    assert c.current_entity is None
    qtbot.keyClick(v, Qt.Key.Key_Right, CTRL | SHIFT)  # from the caret: no span to resize
    qtbot.keyClick(v, "x")  # nothing selected: nothing rejected
    doc = db.document_ids()[0]
    ents = entity_rows(db, doc)
    assert (s, e) in ents and ents[(s, e)].state == "suggested" and ents[(s, e)].label == "GPE"
    assert not [k for k in ents if k[0] == s and k != (s, e)]
