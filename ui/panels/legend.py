"""The legend: each label's colour, key and count in the current document; clicking one labels the selection."""

from __future__ import annotations

import html
from collections import Counter

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem, QWidget

from annotator.model import Entity
from annotator.schema import Schema


def swatch(color: str, size: int = 12) -> QIcon:
    pm = QPixmap(size, size)
    pm.fill(QColor(color))
    return QIcon(pm)


class Legend(QListWidget):
    labelClicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSpacing(2)
        self.setIconSize(QSize(12, 12))
        self.setMaximumHeight(64)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setToolTip("Labels: key, name, count in this document. Click one to label the selection.")
        self.itemClicked.connect(lambda item: self.labelClicked.emit(item.data(Qt.ItemDataRole.UserRole)))

    def set_counts(self, schema: Schema | None, entities: list[Entity]) -> None:
        self.clear()
        if schema is None:
            return
        counts = Counter(e.label for e in entities if e.state != "rejected")
        for lab in schema.entities:
            key = f"[{lab.key}] " if lab.key else ""
            item = QListWidgetItem(swatch(lab.color), f"{key}{lab.name} {counts.get(lab.name, 0)}")
            item.setData(Qt.ItemDataRole.UserRole, lab.name)
            item.setToolTip(f"<qt>{html.escape(lab.description)}</qt>" if lab.description else "")
            self.addItem(item)
