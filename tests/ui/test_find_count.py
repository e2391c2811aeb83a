"""Find's count follows the words as they are typed (docs/reliability.md, session 25 part b's Left: typed words showed
no count until Enter)."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt

CTRL = Qt.KeyboardModifier.ControlModifier


def _find_bar_open(qtbot, window):  # type: ignore[no-untyped-def]
    """Ctrl+F in the text once the panels are built: (the view, the Find bar, its words cleared)."""
    v, bar = window.view, window.find_bar
    qtbot.waitUntil(lambda: window.panels_built)
    v.setFocus()
    qtbot.keyClick(v, Qt.Key.Key_F, CTRL)
    qtbot.waitUntil(bar.isVisible)
    bar.edit.clear()
    return v, bar


def test_the_find_bar_counts_the_words_at_each_letter_typed(qtbot, window):
    """Ctrl+F and "attacked" typed a letter at a time on a.txt: the bar says how often the words so far occur after each
    key ("4 matches", … "1 match"), "not found" once a letter more matches nothing, the count again at Backspace, and
    "1 of 1" at Enter, as before. On main the box beside the words stayed empty until Enter."""
    from ui_support import DOC_A

    v, bar = _find_bar_open(qtbot, window)

    def said(words: str) -> str:  # what a person reads of the words in a.txt, any case
        n = len(re.findall(re.escape(words), DOC_A, re.IGNORECASE))
        return "not found" if not n else "1 match" if n == 1 else f"{n} matches"

    seen = []
    for i, letter in enumerate("attackedx", 1):
        qtbot.keyClick(bar.edit, letter)
        seen.append(bar.info.text())
        assert seen[-1] == said("attackedx"[:i]), seen
    assert seen[0] != seen[-2] and seen[-2] == "1 match" and seen[-1] == "not found"
    qtbot.keyClick(bar.edit, Qt.Key.Key_Backspace)
    assert bar.info.text() == "1 match"
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.info.text() == "1 of 1" and v.hasFocus()
    qtbot.keyClick(v, Qt.Key.Key_F, CTRL)  # the words selected in the box: a letter typed replaces them, counted
    qtbot.keyClick(bar.edit, "o")
    assert bar.info.text() == said("o")
    qtbot.keyClick(bar.edit, Qt.Key.Key_Backspace)  # the box empty: nothing said
    assert bar.info.text() == ""


def test_letters_typed_after_not_found_are_not_found_without_reading_the_text_again(qtbot, window, monkeypatch):
    """Words that go on from words found nowhere in the document are found nowhere either: the bar says "not found" at
    each letter more without counting the text again (each count read the whole text: 15-50 ms a key on a 2 MB
    document, session 25's bench/find_typing.py). Backspace to words found counts them, and the words not found again
    are still not found. On main every letter counted the text."""
    import ui.panels.find_bar as find_bar

    counted: list[str] = []
    real = find_bar.count_all
    monkeypatch.setattr(find_bar, "count_all", lambda text, words: counted.append(words) or real(text, words))
    v, bar = _find_bar_open(qtbot, window)
    counted.clear()
    qtbot.keyClicks(bar.edit, "attackqzw")
    assert bar.info.text() == "not found"
    assert counted == ["a", "at", "att", "atta", "attac", "attack", "attackq"], counted
    for _ in range(3):
        qtbot.keyClick(bar.edit, Qt.Key.Key_Backspace)
    assert bar.info.text() != "not found" and counted[-1] == "attack", counted
    qtbot.keyClicks(bar.edit, "qz")
    assert bar.info.text() == "not found" and counted[-1] == "attack", counted
