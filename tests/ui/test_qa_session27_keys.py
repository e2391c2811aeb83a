"""Session 27's keys pass (docs/keyboard.md, round 21): keys a person spends, and lines that stop saying them. Each
test presses keys through the real window (or sizes it, as a person does), then reads what the project file holds or
what the line says, and failed on main before its fix."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_a_suggested_event_s_line_fits_its_fillers_again_when_the_window_is_resized(qtbot, tmp_path):
    """Seed 001's "lend" selected at 1366: the line names fewer fillers so its keys stay in view (session 26). The
    window then made wider kept the shortened line ("and 1 more" with room for all three), and made narrow again the
    line fitted at 1920 was cut before its keys ("X: re…"): the fillers named followed only a new selection. The line
    is fitted again when its width changes."""
    from ui_support import LEND, LEND_FILLERS, close_window, window_on_suggested_event

    w, ev = window_on_suggested_event(
        qtbot, tmp_path / "lend.annotator", LEND, "Transaction:Transfer-Money", "lend", 0.8, LEND_FILLERS
    )
    try:
        assert "more; X: reject)" in w.message.shown_text(), w.message.shown_text()  # fewer named (session 26)
        w.resize(1920, 1000)
        qtbot.waitUntil(lambda: w.message.width() > 1200)
        wide = "Money “six hundred million doll…”; X: reject)"
        qtbot.waitUntil(lambda: wide in w.message.shown_text(), timeout=20_000)  # main: "and 1 more" at 1920
        w.resize(1366, 740)
        qtbot.waitUntil(lambda: w.message.width() < 1200)
        # main: "… Money “six hundred million doll…”; X: re…" (the line fitted at 1920, cut)
        qtbot.waitUntil(lambda: "more; X: reject)" in w.message.shown_text(), timeout=20_000)
        assert w.controller.current_event == ev.id
    finally:
        close_window(w)


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
