"""The main toolbar: when the window is too narrow for every button it gives up those another place holds first,
rather than let Qt hide its last buttons behind » (Find, under a 14 pt font on a 1366 px screen)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import QStyle, QToolBar, QWidget


class FittedToolBar(QToolBar):
    """Text buttons in groups (``None`` between two); ``spare`` names the buttons to give up, first given up first,
    when they do not all fit (each is in a menu with its key); they come back when the room does."""

    def __init__(
        self, title: str, items: list[QAction | None], spare: list[QAction], parent: QWidget | None = None
    ) -> None:
        super().__init__(title, parent)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._items = items
        self._spare = spare
        self._widths: dict[int, int] = {}  # id(action) -> its button's width; measured with every button shown
        self._left_out: tuple[QAction, ...] | None = None
        self._lay_out(())

    def left_out(self) -> tuple[QAction, ...]:
        """The buttons given up for want of room."""
        return self._left_out or ()

    def _lay_out(self, left_out: tuple[QAction, ...]) -> None:
        if left_out == self._left_out:
            return
        self._left_out = left_out
        self.clear()
        gap = True  # no separator first, nor two in a row, where a whole group is left out
        for item in self._items:
            if item is None:
                if not gap:
                    self.addSeparator()
                gap = True
            elif item not in left_out:
                self.addAction(item)
                gap = False

    def _measure(self) -> None:
        """Each button's width and a separator's, with every button in the bar (a button left out has none)."""
        self._lay_out(())
        self._widths = {}
        for act in self.actions():
            button = self.widgetForAction(act)
            if button is not None:
                self._widths[id(act) if not act.isSeparator() else 0] = button.sizeHint().width()

    def _needed(self, left_out: tuple[QAction, ...]) -> int:
        spacing = self.layout().spacing() if self.layout() is not None else 0
        kept = [a for a in self._items if a is None or a not in left_out]
        parts, gap = [], True
        for item in kept:
            if item is None:
                if not gap:
                    parts.append(self._widths.get(0, 6))
                gap = True
            else:
                parts.append(self._widths.get(id(item), 0))
                gap = False
        handle = self.style().pixelMetric(QStyle.PixelMetric.PM_ToolBarHandleExtent, None, self)
        frame = 2 * (
            self.style().pixelMetric(QStyle.PixelMetric.PM_ToolBarItemMargin, None, self)
            + self.style().pixelMetric(QStyle.PixelMetric.PM_ToolBarFrameWidth, None, self)
        )
        return sum(parts) + spacing * max(0, len(parts) - 1) + frame + (handle if self.isMovable() else 0)

    def fit(self) -> None:
        """As many buttons as the width holds, the spare ones given up in their order."""
        if self.orientation() == Qt.Orientation.Vertical:  # dragged to a side: its length is not the width
            self._lay_out(())
            return
        if not self._widths:
            self._measure()
        room = self.width()
        left_out: tuple[QAction, ...] = ()
        for act in self._spare:
            if self._needed(left_out) <= room:
                break
            left_out += (act,)
        self._lay_out(left_out)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.fit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._widths = {}  # measured again at the next fit, in the new font
            self.fit()
