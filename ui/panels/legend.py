"""The legend: each label's colour, key and count in the current document; clicking one labels the selection.

The entries flow left to right and wrap to the width the legend has, so every label stays visible."""

from __future__ import annotations

import html
from typing import Mapping

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLayout,
    QLayoutItem,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from annotator.schema import Schema
from ui import theme as themes
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
        # heights for widths asked since the items last changed: Qt asks the same widths many times a layout (45,000
        # asks in the GUI tests, ~2 % of their CPU); an item's change (shown, hidden, its text) invalidates the layout
        self._heights: dict[int, int] = {}
        self.setSpacing(spacing)
        self.setContentsMargins(2, 2, 2, 2)

    def invalidate(self) -> None:
        self._heights.clear()
        super().invalidate()

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802
        self._items.append(item)
        self._heights.clear()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        self._heights.clear()
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = self._do_layout(QRect(0, 0, width, 0), apply=False)
        return height

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


MAX_SHOWN = 200  # legend entries at most (a schema may have thousands of labels)


class Legend(QWidget):
    labelClicked = Signal(str)
    entriesChanged = Signal()  # its height for a width may have changed (``LegendArea`` asks its layout again)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = FlowLayout(self)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setToolTip("Labels: key, name, count in this document. Click one to label the selection.")
        # one style sheet for every entry (a sheet of each button's own: 0.03 ms a button, 1,188 in 66 GUI tests)
        self.setStyleSheet("QToolButton { padding: 0px 2px; }")
        self.buttons: dict[str, QToolButton] = {}
        self._colors: dict[str, str] = {}
        self._shown: tuple | None = None  # what ``set_counts`` last showed (labels, counts, colours, how many left out)
        self._aside: dict[str, QToolButton] = {}  # the closed project's buttons, hidden, and their colours
        self._aside_colors: dict[str, str] = {}
        self.more = QLabel(self)  # how many labels a very large schema leaves out
        self.more.setTextFormat(Qt.TextFormat.PlainText)
        self.more.setStyleSheet(f"color: {themes.current().muted}; padding: 0px 4px")
        self.more.hide()

    def set_counts(
        self, schema: Schema | None, counts: Mapping[str, int] | None, colors: dict[str, str] | None = None
    ) -> None:
        """The labels with their spans not rejected (``counts``: label -> spans; None: not known yet, the labels
        shown without a count, not with 0: a long document's spans still read after its text)."""
        known, counts = counts is not None, counts or {}
        shown = self.shown_labels(schema, counts)
        hidden = len(schema.entities) - len(shown) if schema is not None else 0
        colors = colors or {}
        state = (known, hidden, tuple((lab, counts.get(lab.name, 0), colors.get(lab.name, lab.color)) for lab in shown))
        if state == self._shown:  # what it shows has not changed: nothing to set, nothing laid out again (it was
            return  # refilled and laid out ~10 times in a GUI test, at each open and decision: ~8 % of their CPU)
        self._shown = state
        names = [lab.name for lab in shown]
        if list(self.buttons) != names:
            self._entries_for(shown)
        for lab in shown:
            b = self.buttons[lab.name]
            key = f"[{lab.key}] " if lab.key else ""
            count = f" {counts.get(lab.name, 0)}" if known else ""
            text = no_mnemonic(f"{key}{lab.name}{count}")  # a key may be "&"
            color = colors.get(lab.name, lab.color)
            if self._colors.get(lab.name) != color:  # only what changed: an edit changes one count
                b.setIcon(swatch(color))
                self._colors[lab.name] = color
            if b.text() != text:
                b.setText(text)
        self.more.setText(f"… {hidden:,} more labels (not in this document, no key)")
        self.more.setVisible(hidden > 0)
        self.updateGeometry()
        self.entriesChanged.emit()

    def _entries_for(self, shown: list) -> None:
        """One button per label of ``shown``, in order. A project closed (none shown) puts its buttons aside, hidden,
        and the next project's labels take them again when they are the same (the same schema): File > Close project
        and an open made, polished and laid out the schema's ~18 buttons again each time (~5 % of the GUI tests' CPU,
        docs/performance.md, session 29)."""
        names = [lab.name for lab in shown]
        # the flow laid out once at the end, not at each button shown (Qt lays a visible widget's layout out again at
        # each child shown: 18 buttons, 18 whole layouts of the flow) nor at each one taken out
        self.flow.setEnabled(False)
        try:
            self._entries_set(shown, names)
        finally:
            self.flow.setEnabled(True)
        self.flow.invalidate()
        self.flow.activate()

    def _entries_set(self, shown: list, names: list[str]) -> None:
        if not names:  # closed: put aside, hidden where they stand in the flow, for the next project
            for b in self.buttons.values():
                b.hide()
            self._aside, self._aside_colors = self.buttons, self._colors
            self.buttons, self._colors = {}, {}
            return
        if not self.buttons and list(self._aside) == names:  # the same labels again: in the flow, in order, already
            self.buttons, self._colors = self._aside, self._aside_colors  # (each taken out at the close and put in
            self._aside, self._aside_colors = {}, {}  # again at the open: ~90 items' scans of the flow a test)
            for lab in shown:
                self._described(self.buttons[lab.name], lab).show()
            return
        old = {**self.buttons, **self._aside}
        for b in old.values():
            self.flow.removeWidget(b)
        self.buttons, self._colors, self._aside, self._aside_colors = {}, {}, {}, {}
        for b in old.values():
            b.deleteLater()
        for lab in shown:
            b = self.buttons[lab.name] = QToolButton(self)
            b.setAutoRaise(True)
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay in the text
            b.clicked.connect(lambda _c=False, n=lab.name: self.labelClicked.emit(n))
            self.flow.addWidget(self._described(b, lab))
            b.show()  # now, not at Qt's queued show: its row counts in the height asked before the next paint
        self.flow.removeWidget(self.more)
        self.flow.addWidget(self.more)  # last

    @staticmethod
    def _described(b: QToolButton, lab: object) -> QToolButton:
        description = getattr(lab, "description", "")
        b.setToolTip(f"<qt>{html.escape(description)}</qt>" if description else "")
        return b

    @staticmethod
    def shown_labels(schema: Schema | None, counts: Mapping[str, int]) -> list:
        """Every label of a schema of up to ``MAX_SHOWN``; past that, those with a key or used in the document
        (in schema order, up to ``MAX_SHOWN``): thousands of buttons would take seconds to lay out."""
        if schema is None:
            return []
        if len(schema.entities) <= MAX_SHOWN:
            return list(schema.entities)
        return [lab for lab in schema.entities if lab.key or lab.name in counts][:MAX_SHOWN]

    def item_texts(self) -> list[str]:
        return [b.text() for b in self.buttons.values()]


LEGEND_SHARE = 5  # the legend takes at most a fifth of the text column's height (its other rows scroll)
LEGEND_LEAST_ROWS = 2


class LegendArea(QScrollArea):
    """The legend in a frame that takes at most ``1/LEGEND_SHARE`` of the column it sits in (never under
    ``LEGEND_LEAST_ROWS`` rows), its other rows a scroll away: under a 14 pt font, or at 1920x1080 scaled twice, the
    18 labels took 8 rows, 34-40% of the column's height, and the text kept 7 lines. Its height follows its width
    as the legend's does (asked by the layout with the width it gives), so the text never moves after it is shown."""

    def __init__(self, legend: Legend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.legend = legend
        self.cap = 0  # pixels: the most the column gives (``follow``); 0 until it is known
        self._column: QWidget | None = None
        self.setWidget(legend)
        legend.setAutoFillBackground(False)  # the column's background shows (setWidget filled it with the palette's)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.viewport().setAutoFillBackground(False)  # the column's background, as before
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay in the text
        # not Fixed: Qt's layout item caps a Fixed widget at its size hint, which follows the width the area had before
        # the layout gives it another (at 1366x768 the legend opened in a slot of four rows, placed 12 px low and three
        # rows high beside a scroll bar, until the first edit laid it out again); Preferred takes the height for the
        # width given (the text below is Expanding: the legend never takes more)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        legend.entriesChanged.connect(self._entries_changed)
        legend.installEventFilter(self)  # its new entries shown (a queued show): placed again

    def _entries_changed(self) -> None:
        """Placed again at once: the text below it is placed before its first paint (it moved down after it)."""
        self.updateGeometry()
        column = self.parentWidget()
        if column is not None and column.layout() is not None:
            column.layout().activate()

    def follow(self, column: QWidget) -> None:
        """Take at most a share of ``column``'s height as it is resized."""
        self._column = column
        column.installEventFilter(self)

    def _cap_for(self, column_height: int) -> int:
        buttons = self.legend.buttons.values()
        row = max((b.sizeHint().height() for b in buttons), default=0) + self.legend.flow.spacing()
        return max(column_height // LEGEND_SHARE, LEGEND_LEAST_ROWS * row + 4)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        whole = self.legend.heightForWidth(max(1, width))
        if not self.cap or whole <= self.cap:
            return whole
        # rows scroll: whole rows only (a row cut at the edge read as a fault), the bar beside them
        flow = self.legend.flow
        m = flow.contentsMargins()
        row = max((b.sizeHint().height() for b in self.legend.buttons.values()), default=0) + flow.spacing()
        rows = max(LEGEND_LEAST_ROWS, (self.cap - m.top() - m.bottom() + flow.spacing()) // max(1, row))
        bar = self.verticalScrollBar().sizeHint().width()
        whole = self.legend.heightForWidth(max(1, width - bar))
        return min(whole, m.top() + m.bottom() + rows * row - flow.spacing())

    def sizeHint(self) -> QSize:  # noqa: N802
        width = self.width() if self.width() > 1 else self.legend.sizeHint().width()
        return QSize(self.legend.sizeHint().width(), self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.legend.minimumSize().width(), 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.legend and event.type() == QEvent.Type.LayoutRequest:
            self._entries_changed()
        elif watched is self._column and event.type() == QEvent.Type.Resize:
            cap = self._cap_for(watched.height())
            if cap != self.cap:
                self.cap = cap
                self.updateGeometry()
        return False
