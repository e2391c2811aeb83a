"""Session 16's second pass on the keys (docs/keyboard.md, round 8b): each test presses keys through the real window,
then reads what the project file holds, and failed on main before its fix."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sentence_case import GIVEN, given_project, role_key, roles

ALT, SHIFT, CTRL = (
    Qt.KeyboardModifier.AltModifier,
    Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.ControlModifier,
)


def test_a_role_key_on_a_filler_of_another_role_moves_it(qtbot, tmp_path):
    """Seed 004's "sentence": "two years" was in Time, the gold Sentence. "two years" selected, Alt+4 put it in both,
    and Ctrl+Alt+5 had to take it out of Time, a key more. The role key moves it and says so; one Ctrl+Z puts it back
    in Time alone, and the key again moves it."""
    from ui_helpers import find
    from ui_support import close_window, window_on_its_event

    path = given_project(tmp_path)
    w, ev = window_on_its_event(qtbot, path)
    try:
        c, v = w.controller, w.view
        v.select_cp(*find(GIVEN, "two years"))
        qtbot.keyClick(v, role_key(c, "Sentence"), ALT)
        said = w.message.text()
        assert said.startswith("Sentence: two years, moved from Time ("), said
        qtbot.keyClick(v, Qt.Key.Key_Z, CTRL)
        assert roles(path) == [("Time", "two years")]
        c.select_event(ev.id)
        v.select_cp(*find(GIVEN, "two years"))
        qtbot.keyClick(v, role_key(c, "Sentence"), ALT)
    finally:
        close_window(w)
    assert roles(path) == [("Sentence", "two years")]


def test_a_filler_moved_into_a_filled_role_of_one_takes_its_place_and_alt_shift_keeps_both(qtbot, tmp_path):
    """Alt+Shift+N on a filler of another role puts it in both, as it adds (the one case in 1,055 arguments of
    events-dev). Then "May 2023" in Sentence and "two years" in Time, the two the wrong way round: "two years"
    selected, Alt+4 moves it in place of "May 2023" (a role of one filler) and says which went."""
    from ui_helpers import find
    from ui_support import close_window, window_on_its_event

    path = given_project(tmp_path)
    w, ev = window_on_its_event(qtbot, path)
    try:
        c, v = w.controller, w.view
        v.select_cp(*find(GIVEN, "two years"))
        qtbot.keyClick(v, Qt.Key.Key_Dollar, ALT | SHIFT)  # Alt+Shift+4 as a US keyboard sends it: Sentence empty
        assert roles(path) == [("Sentence", "two years"), ("Time", "two years")]
        said = w.message.text()  # in both: said so, with the key that moves it instead
        assert said.startswith("Sentence: two years, in Time too (Alt+4 moves it; Ctrl+Z takes it back)"), said
        qtbot.keyClick(v, role_key(c, "Sentence"), ALT)  # as the line says: out of Time
        assert w.message.text().startswith("Sentence: two years, out of Time (Ctrl+Z puts it back)"), w.message.text()
        assert roles(path) == [("Sentence", "two years")]
        qtbot.keyClick(v, Qt.Key.Key_Z, CTRL)
        assert roles(path) == [("Sentence", "two years"), ("Time", "two years")]
        qtbot.keyClick(v, Qt.Key.Key_Z, CTRL)
        c.select_event(ev.id)
        v.select_cp(*find(GIVEN, "May 2023"))
        qtbot.keyClick(v, Qt.Key.Key_Dollar, ALT | SHIFT)
        assert roles(path) == [("Sentence", "May 2023"), ("Time", "two years")]
        c.select_event(ev.id)
        v.select_cp(*find(GIVEN, "two years"))
        qtbot.keyClick(v, role_key(c, "Sentence"), ALT)
        said = w.message.text()
        assert said.startswith("Sentence: two years, moved from Time, in place of “May 2023” ("), said
    finally:
        close_window(w)
    assert roles(path) == [("Sentence", "two years")]


def test_a_role_key_after_the_find_bar_s_next_button_fills_the_role(qtbot, tmp_path):
    """Seen under Xvfb: "sentence" selected, Find "two years", the bar's Next clicked with the mouse to the second
    match, then Alt+4: nothing happened (the button kept the keys), where Enter in the box gives them back to the text.
    The buttons give them back too: Alt+4 fills Sentence with the match."""
    from PySide6.QtWidgets import QApplication, QPushButton

    from ui_support import close_window, window_on_its_event

    path = given_project(tmp_path)
    w, ev = window_on_its_event(qtbot, path)
    try:
        c, v = w.controller, w.view
        qtbot.keyClick(v, Qt.Key.Key_F, CTRL)
        bar = w.find_bar
        qtbot.keyClicks(bar.edit, "May 2023")
        (nxt,) = [b for b in bar.findChildren(QPushButton) if b.text() == "Next"]
        qtbot.mouseClick(nxt, Qt.MouseButton.LeftButton)
        qtbot.keyClick(QApplication.focusWidget(), role_key(c, "Sentence"), ALT)
    finally:
        close_window(w)
    assert roles(path) == [("Sentence", "May 2023"), ("Time", "two years")]
