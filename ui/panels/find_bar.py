"""Ctrl+F: find text in the document (Enter selects the next match and returns to the text, Shift+Enter the
previous one, Escape closes)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QWidget


class FindBar(QWidget):
    jumped = Signal()  # a match was selected from the bar: the text has the focus again

    def __init__(self, view: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("Find in document")
        self.edit.setClearButtonEnabled(True)
        self.info = QLabel("")
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        prev, nxt, close = QPushButton("Previous"), QPushButton("Next"), QPushButton("Close")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(4, 2, 4, 2)
        lay.addWidget(self.edit, 1)
        lay.addWidget(prev)
        lay.addWidget(nxt)
        lay.addWidget(self.info)
        lay.addWidget(close)
        self.edit.returnPressed.connect(lambda: self.jump(False))
        nxt.clicked.connect(lambda: self.find(False))
        prev.clicked.connect(lambda: self.find(True))
        close.clicked.connect(self.close_bar)
        self.edit.installEventFilter(self)
        self.edit.textChanged.connect(lambda _t: self.info.setText(""))  # said of the words before
        self.hide()

    def open_bar(self) -> None:
        self.show()
        self.info.setText("")  # of a search before (another document's "not found", read as this one's)
        sel = self.view.textCursor().selectedText()
        if sel and "\u2029" not in sel:
            self.edit.setText(sel)
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.view.setFocus()

    def find(self, backward: bool = False) -> bool:
        text = self.edit.text()
        if not text:
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        found = self.view.find(text, flags)
        if not found:  # wrap around
            cur = self.view.textCursor()
            cur.movePosition(cur.MoveOperation.End if backward else cur.MoveOperation.Start)
            self.view.setTextCursor(cur)
            found = self.view.find(text, flags)
        self.info.setText("" if found else "not found")
        if found:
            self.view.reveal()  # the match with lines around it, not on the viewport's edge
        return found

    def jump(self, backward: bool = False) -> None:
        """Select the next match and give the keys back to the text (the bar stays open to show the word)."""
        if self.find(backward):
            self.view.setFocus()
            self.jumped.emit()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if obj is self.edit and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if (
                event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            ):
                self.jump(True)
                return True
        return super().eventFilter(obj, event)
