"""Session 13's QA pass (docs/keyboard.md): the leftovers of round 4 and a fresh pass. Each test failed on main
before its fix."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt

CTRL = Qt.KeyboardModifier.ControlModifier


def test_find_keeps_its_words_and_counts_them_in_each_document(qtbot, window):
    """Find "e" on a.txt, Enter: then Ctrl+PgDown to b.txt and the bar still read a.txt's result beside the words (the
    count of another document); Enter there searched on. The words stay, and the bar says how often they occur in
    the document now open: at the change, at Ctrl+F, and as "k of n" at each Enter."""
    from ui_support import DOC_A, DOC_B, DOC_C

    def find_all(text: str, words: str) -> list[tuple[int, int]]:  # where a person sees the words, any case
        return [m.span() for m in re.finditer(re.escape(words), text, re.IGNORECASE)]

    c, v, bar = window.controller, window.view, window.find_bar
    qtbot.waitUntil(lambda: window.panels_built)
    in_a, in_b = len(find_all(DOC_A, "e")), len(find_all(DOC_B, "e"))
    assert in_a != in_b and in_b > 1
    v.setFocus()
    qtbot.keyClick(v, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(bar.edit, "e")
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.info.text() == f"1 of {in_a}"
    assert v.hasFocus()
    qtbot.keyClick(v, Qt.Key.Key_PageDown, CTRL)  # b.txt, the bar open
    assert c.doc.name == "b.txt"
    assert bar.edit.text() == "e"  # the words stay
    assert bar.info.text() == f"{in_b} matches"  # b.txt's count, not a.txt's "1 of n"
    qtbot.keyClick(v, Qt.Key.Key_F, CTRL)
    assert bar.info.text() == f"{in_b} matches"
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    qtbot.keyClick(v, Qt.Key.Key_F, CTRL)
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)  # the second match of b.txt (after "😀": code points, not UTF-16)
    assert bar.info.text() == f"2 of {in_b}"
    assert v.selection_cp() == find_all(DOC_B, "e")[1]
    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    qtbot.keyClick(v, Qt.Key.Key_PageDown, CTRL)  # c.txt, the bar closed
    qtbot.keyClick(v, Qt.Key.Key_F, CTRL)
    assert bar.info.text() == f"{len(find_all(DOC_C, 'e'))} matches"
