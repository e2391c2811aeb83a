"""A read-only table model over a list of rows under fixed column titles."""

from __future__ import annotations

from typing import Any

from typing import Callable

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QFontMetricsF, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from ui import theme as themes
from ui.elided import SLACK


# The item roles as plain ints, for the models' data(): asked ~7 roles of every cell at each paint, it compared the
# int Qt passes with Qt.ItemDataRole's members (an IntEnum's lookup and compare, ~1.2 us each, up to 15 a call).
DISPLAY = int(Qt.ItemDataRole.DisplayRole)
DECORATION = int(Qt.ItemDataRole.DecorationRole)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
FONT = int(Qt.ItemDataRole.FontRole)
ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
USER = int(Qt.ItemDataRole.UserRole)

# more rows changed at once than this (a pre-annotation's suggestions arriving for the open document): the list is
# made again in one step, sorted, instead of a row at a time, each insert moving every row after it and the index of
# rows by id made again (22,380 spans of a 1 MB document: 19 s of the GUI thread's CPU, a minute wall at load 11)
BULK_ROWS = 100


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


Elision = Callable[[QModelIndex, str, float, Callable[[str], float]], str]  # (index, text, room, advance) -> shown


class ElidingDelegate(QStyledItemDelegate):
    """A column's text elided by ``elide`` to the cell's room, as Qt lays the text out (fractional widths under a
    scale factor), with a little to spare: Qt's own elision cut a name again ("004_arr……ce.txt" at
    QT_SCALE_FACTOR=2), showed 112 document names "dev_00…le.txt" alike and two event types "Transfer-…"."""

    def __init__(self, elide: Elision, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.elide = elide

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        room = option.rect.width() - 2 * margin - SLACK
        option.text = self.elide(index, option.text, room, QFontMetricsF(option.font).horizontalAdvance)


GRID_SLACK = 2  # the grid's line a cell's column includes, and a pixel of the fractional advance


def cell_width(table: QWidget, text: str, bold: bool = False, italic: bool = False) -> int:
    """The width a cell of ``table`` needs to show ``text`` whole (the item delegate's margins included), in
    bold when a row can be (the document list's open document), in italics when it can be (a suggestion)."""
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table)
    font = QFont(table.font())
    font.setBold(bold)
    font.setItalic(italic)
    return QFontMetrics(font).horizontalAdvance(text) + 2 * (margin + 1) + 4


def header_width(table: QTableView, title: str) -> int:
    """The width a column's header needs to show ``title`` whole: in bold, as Qt draws a title while a row is
    selected (every section is highlighted then; measured in the list's font, "Missing" read "Missinc")."""
    hh = table.horizontalHeader()
    bold = QFont(hh.font())
    bold.setBold(True)
    return (
        QFontMetrics(bold).horizontalAdvance(title)
        + 2 * table.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, hh)
        + 4
    )


KEYS_LOOK = "keys_look"  # the property of a table that shows whether it has the keys (``show_keys``)
FRAME_ROLE = (
    QPalette.ColorRole.LinkVisited
)  # the colour of a list's frame without the keys: a role nothing else of it draws


def keys_look(table: QTableView, has_keys: bool) -> None:
    """The text's selection colour and a 2-pixel frame of it while ``table`` has the keys; a quiet grey row and frame
    without (the colours of the background in use). Without the keys, the look is a palette and the table's own
    frame, which draw the pixels its style sheet drew (tests/ui/test_table_keys_look.py compares them): a table with
    a style sheet of its own is painted through Qt's style sheet style, ~1 ms more a paint of each list (2.4 of a
    window's 5.8 ms), and a list mostly has not the keys. With them, the sheet, as before: the style sheet style
    draws its current cell flat, where the palette's look adds Fusion's focus frame (session 39)."""
    t = themes.current()
    if has_keys:
        table.setStyleSheet(
            f"QTableView {{ border: 2px solid {t.selection}; selection-background-color: {t.selection}; "
            f"selection-color: {t.selection_ink}; }}"
        )
        return
    if table.styleSheet():
        table.setStyleSheet("")
    palette = QPalette(table.palette())
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled):
        palette.setColor(group, QPalette.ColorRole.Highlight, QColor(t.idle_selection))
        palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor(t.ink))
        palette.setColor(group, FRAME_ROLE, QColor(t.border))
    table.setPalette(palette)
    if table.frameShape() != QFrame.Shape.Box:
        table.setForegroundRole(FRAME_ROLE)  # a plain box's colour; the scroll bars' arrows keep WindowText
        table.setFrameShape(QFrame.Shape.Box)
        table.setFrameShadow(QFrame.Shadow.Plain)
        table.setLineWidth(2)


class _KeysLook(QObject):
    """Swaps the table's look as it gains and loses the focus."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut) and isinstance(watched, QTableView):
            keys_look(watched, event.type() == QEvent.Type.FocusIn)
        return False


def show_keys(table: QTableView) -> None:
    """Let ``table`` show whether it has the keys (F6 gives them): its current row in the active colour and a frame
    of that colour while it has the focus, grey without (a list looked the same either way)."""
    keys_look(table, table.hasFocus())
    table.setProperty(KEYS_LOOK, True)
    table.installEventFilter(_KeysLook(table))
