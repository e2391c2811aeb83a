"""A read-only table model over a list of rows under fixed column titles."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QStyle, QTableView


class RowTableModel(QAbstractTableModel):
    """Subclasses set ``columns`` (and optional header ``tips``), keep ``self.rows`` and answer ``data()``."""

    columns: tuple[str, ...] = ()
    tips: tuple[str, ...] = ()

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Any] = []

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole and self.tips:
            return self.tips[section]
        return None


def cell_width(table: QTableView, text: str, bold: bool = False) -> int:
    """The width a cell of ``table`` needs to show ``text`` whole (the item delegate's margins included), in
    bold when a row can be (the document list's open document)."""
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table)
    font = QFont(table.font())
    font.setBold(bold)
    return QFontMetrics(font).horizontalAdvance(text) + 2 * (margin + 1) + 4


def header_width(table: QTableView, title: str) -> int:
    """The width a column's header needs to show ``title`` whole."""
    hh = table.horizontalHeader()
    return (
        hh.fontMetrics().horizontalAdvance(title)
        + 2 * table.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, hh)
        + 4
    )
