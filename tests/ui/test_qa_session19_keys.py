"""Session 19's keys pass (docs/keyboard.md, round 12): the leftovers a user hit (Find's Enter after an event on a
match, Accept all just after a re-run, the longest seed name in the document list at 1366x768) and one key to decide
one suggestion. Each test works the real window, then reads what it shows or what the file holds, and failed on main
before its fix."""

from __future__ import annotations

from PySide6.QtCore import Qt

CTRL = Qt.KeyboardModifier.ControlModifier

TWICE = "Rebels attacked the town on Monday. Troops attacked the rebels on Friday."


def _twice_project(tmp_path):  # type: ignore[no-untyped-def]
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project

    path = tmp_path / "twice.annotator"
    with Project(path, annotator="setup") as p:
        import_documents(p, [IncomingDocument(TWICE, "twice.txt")])
    return path


def test_find_enter_after_an_event_made_on_a_match_goes_to_the_next_match(qtbot, tmp_path):
    """Round 11b: Ctrl+F "attacked", Enter, E (the event made there, selected: the caret at the match's start), then
    Ctrl+F and Enter selected the same "attacked" again; it took Enter twice to reach the next one. Enter goes on
    from the match the event was made on."""
    from ui_support import close_window, open_window

    w = open_window(qtbot, _twice_project(tmp_path), size=(1366, 740))
    try:
        c, v, bar = w.controller, w.view, w.find_bar
        qtbot.waitUntil(lambda: w.panels_built)
        v.setFocus()
        qtbot.keyClick(v, Qt.Key.Key_F, CTRL)
        qtbot.keyClicks(bar.edit, "attacked")
        qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
        first = TWICE.index("attacked")
        assert v.selection_cp() == (first, first + 8)
        qtbot.keyClick(v, Qt.Key.Key_E)
        qtbot.waitUntil(lambda: len(c.events) == 1)
        (ev,) = c.events.values()
        assert (ev.trigger_start, c.current_event) == (first, ev.id)
        qtbot.keyClick(v, Qt.Key.Key_F, CTRL)
        qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
        second = TWICE.index("attacked", first + 1)
        assert v.selection_cp() == (second, second + 8)
        assert bar.info.text() == "2 of 2"
    finally:
        close_window(w)
