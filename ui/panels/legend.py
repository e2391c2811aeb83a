"""The legend: each label's colour, key and count in the current document; clicking one labels the selection.

The entries flow left to right and wrap to the width the legend has, so every label stays visible."""

from __future__ import annotations

import html
from collections import Counter

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QToolButton, QWidget

from annotator.model import Entity
from annotator.schema import Schema
from ui.plain import no_mnemonic


def swatch(color: str, size: int = 12) -> QIcon:
    pm = QPixmap(size, size)
    pm.fill(QColor(color))
    return QIcon(pm)


class FlowLayout(QLayout):
    """Items left to right, wrapping to the next row at the layout's width (height follows the width)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setSpacing(spacing)
        self.setContentsMargins(2, 2, 2, 2)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._do_layout(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._do_layout(rect, apply=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _do_layout(self, rect: QRect, apply: bool) -> int:
        m = self.contentsMargins()
        x, y = rect.x() + m.left(), rect.y() + m.top()
        right = rect.right() - m.right()
        row_height = 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > right + 1 and row_height > 0:
                x, y = rect.x() + m.left(), y + row_height + self.spacing()
                row_height = 0
            if apply:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self.spacing()
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y() + m.bottom()


class Legend(QWidget):
    labelClicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = FlowLayout(self)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setToolTip("Labels: key, name, count in this document. Click one to label the selection.")
        self.buttons: dict[str, QToolButton] = {}

    def set_counts(self, schema: Schema | None, entities: list[Entity], colors: dict[str, str] | None = None) -> None:
        counts = Counter(e.label for e in entities if e.state != "rejected")
        names = [lab.name for lab in schema.entities] if schema is not None else []
        if list(self.buttons) != names:
            for b in self.buttons.values():
                self.flow.removeWidget(b)
                b.deleteLater()
            self.buttons = {}
            for lab in schema.entities if schema is not None else []:
                b = QToolButton(self)
                b.setAutoRaise(True)
                b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
                b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay in the text
                b.setStyleSheet("QToolButton { padding: 0px 2px; }")
                b.clicked.connect(lambda _c=False, n=lab.name: self.labelClicked.emit(n))
                b.setToolTip(f"<qt>{html.escape(lab.description)}</qt>" if lab.description else "")
                self.flow.addWidget(b)
                self.buttons[lab.name] = b
        for lab in schema.entities if schema is not None else []:
            b = self.buttons[lab.name]
            key = f"[{lab.key}] " if lab.key else ""
            b.setIcon(swatch((colors or {}).get(lab.name, lab.color)))
            b.setText(no_mnemonic(f"{key}{lab.name} {counts.get(lab.name, 0)}"))  # a key may be "&"
        self.updateGeometry()

    def item_texts(self) -> list[str]:
        return [b.text() for b in self.buttons.values()]
