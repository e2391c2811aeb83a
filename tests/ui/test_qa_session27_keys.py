"""Session 27's keys pass (docs/keyboard.md, round 21): keys a person spends, and lines that stop saying them. Each
test presses keys through the real window (or sizes it, as a person does), then reads what the project file holds or
what the line says, and failed on main before its fix."""

from __future__ import annotations

from PySide6.QtCore import Qt

VERDICT = "The court read its verdict on Tuesday, and the firm offered to buy the plant before the strike."


def test_alt_e_and_alt_x_in_finds_bar_act_on_the_match_as_enter_and_the_key_do(qtbot, tmp_path):
    """A trigger the suggester missed cost `Ctrl+F`, letters, `Enter`, `E` (seed 004's "verdict", seed 002's
    "strike"), and a wrong suggestion reached by Find `Ctrl+F`, letters, `Enter`, `X` (seed 002's "buy"): the bar takes
    letters, so E and X could not act there. As a role key does in the bar (session 25), Alt+E and Alt+X select the
    words' next match and act on it in the text, one key where Enter and the key were two; the Edit menu (Alt+E
    elsewhere) does not open over it. Words not found: nothing made, the bar says so."""
    from annotator.store import Project
    from annotator.suggest.types import EventSuggestion
    from ui_helpers import find
    from ui_support import close_window, one_suggested_event, open_window

    path = tmp_path / "verdict.annotator"
    one_suggested_event(
        path, VERDICT, [], EventSuggestion("Transaction:Transfer-Ownership", *find(VERDICT, "buy"), 0.6)
    )
    w = open_window(qtbot, path)
    try:
        v = w.view
        v.setFocus()
        for words, key in (("verd", Qt.Key.Key_E), ("bu", Qt.Key.Key_X), ("zzz", Qt.Key.Key_E)):
            qtbot.keyClick(v, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
            w.find_bar.edit.selectAll()
            qtbot.keyClicks(w.find_bar.edit, words)
            qtbot.keyClick(w.find_bar.edit, key, Qt.KeyboardModifier.AltModifier)
            assert w.menuBar().activeAction() is None  # no menu opened over the text
        assert w.find_bar.info.text() == "not found" and w.find_bar.edit.text() == "zzz"
    finally:
        close_window(w)
    with Project(path, create=False) as p:
        got = sorted((VERDICT[x.trigger_start : x.trigger_end], x.type, x.state) for x in p.events(p.document_ids()[0]))
    assert got == [  # main: no event on "verdict" (Alt+E typed nothing, or opened the Edit menu); "buy" undecided
        ("buy", "Transaction:Transfer-Ownership", "rejected"),
        ("verdict", "Justice:Convict", "added"),
    ], got
