"""PySide6 6.12.0 drops a reference to None on each call of some void methods; pyproject pins <6.12.

This makes 20,000 such calls and checks that None's reference count did not fall.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit


def test_void_qt_calls_keep_none_refcount(qtbot):
    view = QPlainTextEdit()
    qtbot.addWidget(view)
    view.setPlainText("some text to move around in " * 20)
    cur = QTextCursor(view.document())
    fmt = QTextCharFormat()
    fmt.setFontWeight(700)
    sel = QTextEdit.ExtraSelection()
    sel.cursor = QTextCursor(view.document())
    sel.format = fmt
    before = sys.getrefcount(None)
    for i in range(5000):
        cur.setPosition(i % 100)
        cur.mergeCharFormat(fmt)
        view.resize(300 + i % 7, 200)
        view.setExtraSelections([sel] if i % 2 else [])
    after = sys.getrefcount(None)
    assert after >= before - 50, f"None lost {before - after} references over 20,000 Qt calls"
