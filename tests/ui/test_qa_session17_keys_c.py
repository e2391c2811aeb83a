"""Session 17's keys pass c (docs/keyboard.md, round 10c): round 10 and 10b's Left lists, the first ones a person
meets. Each test presses keys through the real window, then reads what the window shows or what the file holds, and
failed on main before its fix."""

from __future__ import annotations

from PySide6.QtCore import Qt

CTRL = Qt.KeyboardModifier.ControlModifier


def test_the_find_bar_closes_at_the_next_document_and_ctrl_f_brings_its_words_back(qtbot, window):
    """Round 10b: Find on one document, then the next one opened, and the bar stayed over the new text with the last
    document's words and "not found". It closes at the change (the keys in the text); Ctrl+F there shows the words
    again, counted in the document open."""
    import re

    from ui_support import DOC_B

    c, v, bar = window.controller, window.view, window.find_bar
    qtbot.waitUntil(lambda: window.panels_built)
    v.setFocus()
    qtbot.keyClick(v, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(bar.edit, "e")
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.isVisible() and v.hasFocus()
    qtbot.keyClick(v, Qt.Key.Key_PageDown, CTRL)
    assert c.doc.name == "b.txt"
    assert not bar.isVisible()
    assert v.hasFocus()
    qtbot.keyClick(v, Qt.Key.Key_F, CTRL)
    assert bar.isVisible() and bar.edit.text() == "e"
    assert bar.info.text() == f"{len(re.findall('e', DOC_B, re.IGNORECASE))} matches"
    qtbot.keyClick(bar.edit, Qt.Key.Key_PageDown, CTRL)  # the next document from the bar itself: the keys to the text
    assert not bar.isVisible()
    assert v.hasFocus()
