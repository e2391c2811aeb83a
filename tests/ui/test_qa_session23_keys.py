"""Session 23's keys pass (docs/keyboard.md, round 16): fewer keys per event, and what a decided event shows. Each
test presses keys through the real window, then reads what the window shows or the project file holds, and failed on
main before its fix."""

from __future__ import annotations

from PySide6.QtCore import Qt

from test_qa_session22_keys import SENTENCE


def test_the_event_list_s_state_reads_at_1366_a_decided_event_marked(qtbot, qapp, tmp_path):
    """Seed 004's suggestions at 1366x768: the State column gave its room to Arguments and read "unde…", "acce…",
    "reje…" (round 15's leftover). Where the word has no room the cell shows its mark now: ? undecided, ✓ decided
    (accepted or added), ✗ rejected; the word in the cell's tooltip, the marks in the column title's. Enter on a
    suggested event turns its row's ? into ✓, X into ✗."""
    from test_qa_session12 import shown_text
    from ui_support import event_list_at_1366, seed004_suggestions

    path = tmp_path / "sentence.annotator"
    seed004_suggestions(path, SENTENCE)
    with event_list_at_1366(qtbot, qapp, path, 0, events=6) as (w, table):
        c, v = w.controller, w.view
        qtbot.waitUntil(lambda: table.horizontalHeader().sectionSize(2) > 0)
        model = table.model()
        state = {w.events.cell(r, 1): shown_text(table, r, 3) for r in range(6)}
        assert set(state.values()) == {"?"}, state
        by_word = {c.span_text(e.trigger_start, e.trigger_end): e.id for e in c.events.values()}
        v.setFocus()
        for word, key in (("fined", Qt.Key.Key_Return), ("former", Qt.Key.Key_X)):
            c.select_event(by_word[word])
            qtbot.keyClick(v, key)
        assert (c.events[by_word["fined"]].state, c.events[by_word["former"]].state) == ("accepted", "rejected")
        qtbot.waitUntil(lambda: shown_text(table, w.events.ids.index(by_word["fined"]), 3) != "?")  # the panels' timer
        state = {w.events.cell(r, 1): shown_text(table, r, 3) for r in range(6)}
        assert state["fined"] == "✓" and state["former"] == "✗" and state["trial"] == "?", state
        row = w.events.ids.index(by_word["fined"])
        assert "accepted" in model.index(row, 3).data(Qt.ItemDataRole.ToolTipRole)
        assert "✓ decided" in model.headerData(3, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        table.horizontalHeader().resizeSection(3, 200)  # room for the words (1920x1080): shown whole
        assert (shown_text(table, row, 3), shown_text(table, w.events.ids.index(by_word["trial"]), 3)) == (
            "accepted",
            "undecided",
        )
