"""A line over an item view that a filter left empty, saying why and how to see the rows again (the document list
filtered to "to adjudicate" emptied when the last such document was reviewed, with no word why)."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractItemView, QLabel

MARGIN = 8  # between the line and the view's edges


class EmptyNote(QLabel):
    """Shown over ``view``'s viewport while ``reason()`` gives a text (the rows a filter hides: "" when the view
    has rows, or there are none to hide); ``refresh()`` after a change the view's model does not signal."""

    def __init__(self, view: QAbstractItemView, reason: Callable[[], str]) -> None:
        super().__init__(view.viewport())
        self.view, self.reason = view, reason
        self.setTextFormat(Qt.TextFormat.PlainText)  # a filter's text is the user's: never markup
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # clicks reach the view
        self.hide()
        model = view.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.layoutChanged):
            signal.connect(self.refresh)
        view.viewport().installEventFilter(self)

    def refresh(self, *_: object) -> None:
        text = self.reason()
        self.setText(text)
        self.setVisible(bool(text))
        if text:
            self._place()

    def _place(self) -> None:
        room = self.view.viewport().rect().adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        self.setGeometry(room.x(), room.y(), room.width(), max(self.heightForWidth(room.width()), 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        # not isVisible(): in a tab not shown (Comments) the note is shown but not visible, and was left at the size
        # it had before the viewport had its own ("write one in th" cut at the panel's edge, session 30)
        if event.type() == QEvent.Type.Resize and not self.isHidden():
            self._place()
        return False
