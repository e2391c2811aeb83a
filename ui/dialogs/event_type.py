"""Pick an event type by typing: the schema's types with their descriptions, likely ones first; the words typed keep
the types that hold them, those whose name has a word they start first (``type_order.typed_order``)."""

from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from annotator.type_order import ranked_types, typed_order
from annotator.schema import Schema
from ui.plain import tooltip_text


class EventTypeDialog(QDialog):
    """A filter box over a list; Enter takes the highlighted type."""

    def __init__(
        self,
        schema: Schema,
        trigger: str = "",
        parent: QWidget | None = None,
        likely: list[str] | None = None,
        nearby: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Event type")
        self.schema = schema
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Type a word of the type (e.g. attack, money): the best match first")
        self.list = QListWidget()
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)  # no sideways scrolling to read a description
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        head = QLabel(f"Trigger: {trigger}")
        head.setTextFormat(Qt.TextFormat.PlainText)
        for name in ranked_types(schema, trigger, likely, nearby):
            t = schema.event_type(name)
            item = QListWidgetItem(f"{name} — {t.description}" if t and t.description else name)
            item.setData(Qt.ItemDataRole.UserRole, name)
            about = f"{name}: {t.description}\nroles: " + ", ".join(r.name for r in t.roles) if t else name
            item.setToolTip(tooltip_text(about))  # whole here: the list elides the description to its width
            self.list.addItem(item)
        self._items = [self.list.item(i) for i in range(self.list.count())]  # in the picker's order, kept or not
        self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(head)
        lay.addWidget(self.filter)
        lay.addWidget(self.list)
        lay.addWidget(buttons)
        self.filter.textChanged.connect(self._apply_filter)
        self.filter.installEventFilter(self)
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        self.filter.setFocus()
        self._fit_width()

    def _fit_width(self) -> None:
        """As wide as the widest entry, type and description, needs, up to nine tenths of the screen: a fixed 520 px cut
        most descriptions at 1366x768 ("Conflict:Demonstrate — A large number of people come together in a public …")."""
        screen = self.screen() or QApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else None
        fm = self.list.fontMetrics()
        widest = max((fm.horizontalAdvance(i.text()) for i in self._items), default=0)
        scroll = self.list.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        margins = self.layout().contentsMargins()
        frame = 2 * self.list.frameWidth() + margins.left() + margins.right() + 16  # and the item's padding
        need = widest + scroll + frame
        width = max(520, need) if room is None else min(max(520, need), room.width() * 9 // 10)
        height = 480 if room is None else min(480, room.height() * 9 // 10)
        self.resize(width, height)

    def _apply_filter(self, text: str) -> None:
        """Keep the types that hold the words typed, the best match first and selected (``typed_order``): "m" took the
        first row holding an m, Justice:Fine of the document's types ("punishment"), before Transaction:Transfer-Money
        (session 25)."""
        items = self._items
        names = [str(item.data(Qt.ItemDataRole.UserRole)) for item in items]
        kept = typed_order(names, [item.text() for item in items], text)
        while self.list.count():
            self.list.takeItem(0)  # the items stay alive in self._items, put back in the new order
        hidden = set(range(len(items))) - set(kept)
        order = [items[i] for i in kept] + [items[i] for i in sorted(hidden)]
        for k, item in enumerate(order):
            self.list.addItem(item)
            item.setHidden(k >= len(kept))
        if kept:
            self.list.setCurrentRow(0)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if obj is self.filter and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                step = 1 if event.key() == Qt.Key.Key_Down else -1
                row = self.list.currentRow()
                while 0 <= row + step < self.list.count():
                    row += step
                    if not self.list.item(row).isHidden():
                        self.list.setCurrentRow(row)
                        break
                return True
        return super().eventFilter(obj, event)

    def chosen(self) -> str | None:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return None
        return str(item.data(Qt.ItemDataRole.UserRole))


def pick_event_type(
    parent: QWidget | None,
    schema: Schema,
    trigger: str = "",
    likely: list[str] | None = None,
    nearby: Sequence[str] = (),
) -> str | None:
    """Ask for an event type, ``likely`` ones on top and the first selected, then the types ``nearby``; None when
    cancelled."""
    dlg = EventTypeDialog(schema, trigger, parent, likely, nearby)
    answer = dlg.exec()
    dlg.deleteLater()  # the parent's child until deleted (read below): every E's picker stayed in the window
    if answer != QDialog.DialogCode.Accepted:
        return None
    return dlg.chosen()
