"""Comments on the current document: a list, a box to write one, and delete."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from annotator.model import Comment
from ui.panels.empty_note import EmptyNote

# the empty list's word (it stood blank, with nothing to say what goes there)
NO_COMMENTS = "No comments on this document yet: write one in the box below (Enter or Add)."
DRAFT_PAUSE_MS = 400  # the box's words are kept in the file this long after the last key (one write a pause)


class CommentBox(QLineEdit):
    """The box a comment is written in. Ctrl+Z and Ctrl+Shift+Z undo and redo its own typing while it has some to undo,
    and are the app's otherwise: right after Enter added a comment, Ctrl+Z brought the words back into the box (its
    emptying undone), the comment stayed, and the next Enter added it a second time (session 29)."""

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ShortcutOverride and isinstance(e, QKeyEvent):
            mine = (e.matches(QKeySequence.StandardKey.Undo) and self.isUndoAvailable()) or (
                e.matches(QKeySequence.StandardKey.Redo) and self.isRedoAvailable()
            )
            if not mine and (e.matches(QKeySequence.StandardKey.Undo) or e.matches(QKeySequence.StandardKey.Redo)):
                e.ignore()  # not the box's: the window's Undo / Redo takes the key
                return True
        return super().event(e)

    def empty(self) -> None:
        """Emptied, its typing's history with it (what was written is a comment now, or a draft taken)."""
        self.setText("")


class CommentPanel(QWidget):
    addRequested = Signal(str)
    deleteRequested = Signal(int)
    draftTyped = Signal(str)  # the box's words at a pause in typing: kept in the file (a crash lost them, session 32)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.edit = CommentBox()
        # short enough to be read whole in the panel's box at 1366x768 ("Write a comment on this docum…" was cut);
        # the empty list's note says the rest
        self.edit.setPlaceholderText("A comment; Enter adds it")
        add = QPushButton("Add")
        self.delete = QPushButton("Delete")
        row = QHBoxLayout()
        row.addWidget(self.edit, 1)
        row.addWidget(add)
        row.addWidget(self.delete)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.list)
        self.empty_note = EmptyNote(self.list, lambda: "" if self.list.count() else NO_COMMENTS)
        lay.addLayout(row)
        self.draft_pause = QTimer(self)
        self.draft_pause.setSingleShot(True)
        self.draft_pause.setInterval(DRAFT_PAUSE_MS)
        self.draft_pause.timeout.connect(lambda: self.draftTyped.emit(self.edit.text()))
        self.edit.textEdited.connect(lambda _text: self.draft_pause.start())
        self.edit.returnPressed.connect(self._add)
        add.clicked.connect(self._add)
        self.delete.clicked.connect(self._delete)

    def _add(self) -> None:
        text = self.edit.text().strip()
        if text:
            self.draft_pause.stop()
            self.addRequested.emit(text)
            self.edit.empty()

    def take_draft(self) -> str:
        """What is written in the box and not yet added (the box is emptied)."""
        self.draft_pause.stop()
        text = self.edit.text().strip()
        self.edit.empty()
        return text

    def show_draft(self, text: str) -> None:
        """The draft kept in the file for this document, back in the box (a document opened, or the app reopened
        after a crash); the box's own typing history starts there."""
        self.draft_pause.stop()
        self.edit.setText(text)

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
        self.empty_note.refresh()
