"""Session 35 (helper s35-qa): a reviewer's and a team lead's pass through the app. Each test failed on main.

- Find matched half a flag: "🇻" (one regional indicator) typed in the find bar counted "1 match" in "Hanoi 🇻🇳",
  and Enter selected the half; a label key then made a span widened by the selection, but the match's highlight and
  its count spoke of a character nobody sees."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

FLAGS = "Talks in Hanoi 🇻🇳 went on, and Washington 🇺🇸 agreed."


@pytest.mark.slow  # a window of its own: ~2 s
def test_find_in_the_bar_matches_a_flag_whole_never_its_half(qtbot, tmp_path):
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from ui_support import close_window, open_window

    path = tmp_path / "flags.annotator"
    with Project(path, annotator="setup") as p:
        import_documents(p, [IncomingDocument(FLAGS, "flags.txt")])
    w = open_window(qtbot, path)
    try:
        v, bar = w.view, w.find_bar
        v.setFocus()
        qtbot.keyClick(v, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        bar.edit.setText("🇻")  # one regional indicator (pasted: QTest types ASCII only)
        qtbot.waitUntil(lambda: bar.info.text() == "not found")  # on main: "1 match", the flag's half
        bar.edit.setText("🇻🇳")
        qtbot.waitUntil(lambda: bar.info.text() == "1 match")
        qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
        cursor = v.textCursor()

        assert cursor.selectedText() == "🇻🇳"
    finally:
        close_window(w)
