"""Session 28's keys pass (docs/keyboard.md, round 22): keys a person spends after Find. Each test presses keys through
the real window, then reads what the project file holds, and failed on main before its fix."""

from __future__ import annotations

from PySide6.QtCore import Qt

CTRL = Qt.KeyboardModifier.ControlModifier
SUMMIT = "Leaders of the BRICS met in North Darfur, and the BRICS summit ended in Goma on Friday."


def test_ctrl_and_a_digit_label_key_in_finds_bar_label_the_match_as_enter_and_the_key_do(qtbot, tmp_path):
    """A name spaCy missed cost `Ctrl+F`, letters, `Enter` and its label key (seed 000's "BRICS", seed 002's "Rapid
    Support Forces"; 12 of the six key replays' keys were a label key after Find's Enter): the label keys are digits and
    letters the bar types. Ctrl+ a digit label key typed in the bar selects the words' next match and labels it, one
    key where Enter and the label key were two; on a match inside an undecided suggestion it decides that suggestion,
    as the label key on the match does (session 26). Words not found: nothing labelled, the bar says so. In the text
    Ctrl+ the digit is the label key too (a person's habit from the bar)."""
    from annotator.store import Project
    from annotator.suggest.types import EventSuggestion
    from ui_helpers import find
    from ui_support import close_window, one_suggested_event, open_window

    path = tmp_path / "summit.annotator"
    darfur = (*find(SUMMIT, "North Darfur"), "GPE")
    one_suggested_event(path, SUMMIT, [darfur], EventSuggestion("Contact:Meet", *find(SUMMIT, "met"), 0.6))
    w = open_window(qtbot, path)
    try:
        v, bar = w.view, w.find_bar
        v.setFocus()
        for words, key in (("br", Qt.Key.Key_2), ("no", Qt.Key.Key_5), ("zzz", Qt.Key.Key_2)):
            qtbot.keyClick(v, Qt.Key.Key_F, CTRL)
            bar.edit.selectAll()
            qtbot.keyClicks(bar.edit, words)
            qtbot.keyClick(bar.edit, key, CTRL)
        assert bar.info.text() == "not found" and bar.edit.text() == "zzz"  # nothing typed in the words
        qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
        v.select_cp(*find(SUMMIT, "Goma"))
        qtbot.keyClick(v, Qt.Key.Key_3, CTRL)
    finally:
        close_window(w)
    with Project(path, create=False) as p:
        got = sorted((SUMMIT[e.start : e.end], e.label, e.state) for e in p.entities(p.document_ids()[0]))
    assert got == [  # main: none labelled (Ctrl+2 typed nothing in the bar, did nothing in the text)
        ("BRICS", "ORG", "added"),
        ("Goma", "GPE", "added"),
        ("North Darfur", "LOC", "accepted"),
    ], got
