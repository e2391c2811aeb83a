"""Comments on the current document: a list, a box to write one, and delete."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from annotator.model import Comment


class CommentPanel(QWidget):
    addRequested = Signal(str)
    deleteRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("Write a comment on this document and press Enter")
        add = QPushButton("Add")
        self.delete = QPushButton("Delete")
        row = QHBoxLayout()
        row.addWidget(self.edit, 1)
        row.addWidget(add)
        row.addWidget(self.delete)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.list)
        lay.addLayout(row)
        self.edit.returnPressed.connect(self._add)
        add.clicked.connect(self._add)
        self.delete.clicked.connect(self._delete)

    def _add(self) -> None:
        text = self.edit.text().strip()
        if text:
            self.addRequested.emit(text)
            self.edit.clear()

    def take_draft(self) -> str:
        """What is written in the box and not yet added (the box is emptied)."""
        text = self.edit.text().strip()
        self.edit.clear()
        return text

    def _delete(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.deleteRequested.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def set_comments(self, comments: list[Comment]) -> None:
        self.list.clear()
        for cm in comments:
            when = cm.created_at[:16].replace("T", " ")
            item = QListWidgetItem(f"{cm.author or 'someone'} ({when}): {cm.text}")  # list items are plain text
            item.setData(Qt.ItemDataRole.UserRole, cm.id)
            self.list.addItem(item)
