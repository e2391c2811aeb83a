"""A button whose text from the data is shown whole, wrapped onto as many lines as the width the layout gives it
needs, at word boundaries: an event's argument. Elided, an event of seven roles showed "Middle …" and "Septem…" at
1366x768 (the tooltip alone held the names); wrapped, every name is read in place. A word wider than the button (one
longer than ``WORD_LEAST`` characters in a narrow filler column) is elided on its line, the whole in the tooltip: cut
inside the word, "Konstantinopoul / os" read as two words."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QTextLayout, QTextLine, QTextOption
from PySide6.QtWidgets import QAbstractButton, QSizePolicy, QStyle, QStyleOptionFocusRect, QWidget

from ui import theme as themes
from ui.elided import SLACK
from ui.plain import no_mnemonic, tooltip_text

WORD_LEAST = 15  # average characters a line has room for at least: a word that long is never cut in two
PAD_X, PAD_Y = 2, 1  # pixels around the text (the flat button's "padding: 1px 2px")


class WrappedButton(QAbstractButton):
    """A flat, bold, link-coloured button showing ``text`` whole: one line when the layout gives it the text's
    width, more lines (height for width) when it gives less. It asks for its longest word's width at least (up to
    ``WORD_LEAST`` average characters: "Septemb/er 27" was cut in a word at the panel's least width, 1366 px; 10 read
    "counterp…" beside a seven-role event's fill lists, which gave their unused width for 15), so a word is elided
    only when it is longer. Focus (Tab) and Space click it as any button."""

    def __init__(self, text: str, tooltip: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.full_text = text
        super().setText(no_mnemonic(text))  # its name for accessibility; an "&" in the data is no Alt key
        self.setToolTip(tooltip_text(tooltip or text))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        font = self.font()
        font.setBold(True)
        self.setFont(font)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _lines(self, width: int) -> QTextLayout:
        """The text laid out in ``width`` pixels (the text's own, padding aside)."""
        layout = QTextLayout(self.full_text, self.font())
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)  # a longer word overflows its line: elided when drawn
        layout.setTextOption(option)
        layout.beginLayout()
        y = 0.0
        while (line := layout.createLine()).isValid():
            line.setLineWidth(max(1, width))
            line.setPosition(QPointF(0, y))
            y += line.height()
        layout.endLayout()
        return layout

    def shown_lines(self, width: int) -> list[str]:
        """The lines a button ``width`` pixels wide shows: the text cut at word boundaries, a line wider than the
        button (a word longer than the room) elided."""
        layout, room = self._lines(width - 2 * PAD_X), max(1, width - 2 * PAD_X)
        return [self._line_text(layout.lineAt(i), room) for i in range(layout.lineCount())]

    def _line_text(self, line: QTextLine, room: int) -> str:
        piece = self.full_text[line.textStart() : line.textStart() + line.textLength()].rstrip()
        if line.naturalTextWidth() <= room:
            return piece
        return self.fontMetrics().elidedText(piece, Qt.TextElideMode.ElideRight, room)

    def lines_at(self, width: int) -> int:
        """How many lines the text takes in a button ``width`` pixels wide."""
        return self._lines(width - 2 * PAD_X).lineCount()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt name)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return math.ceil(self._lines(width - 2 * PAD_X).boundingRect().height()) + 2 * PAD_Y

    def sizeHint(self) -> QSize:  # noqa: N802
        fm = self.fontMetrics()
        return QSize(fm.horizontalAdvance(self.full_text) + 2 * PAD_X + SLACK, fm.height() + 2 * PAD_Y)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        fm = self.fontMetrics()
        longest = max((fm.horizontalAdvance(word) for word in self.full_text.split()), default=0)
        least = min(longest, fm.averageCharWidth() * WORD_LEAST) + 2 * PAD_X + SLACK
        hint = self.sizeHint()
        return QSize(min(hint.width(), least), hint.height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setFont(self.font())
        painter.setPen(
            QColor(themes.current().argument)
            if self.isEnabled()
            else self.palette().color(self.palette().ColorRole.PlaceholderText)
        )
        room = max(1, self.width() - 2 * PAD_X)
        layout = self._lines(room)
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            if line.naturalTextWidth() <= room:
                line.draw(painter, QPointF(PAD_X, PAD_Y))
            else:  # a word longer than the room: elided, whole in the tooltip (it was cut inside the word)
                at = QPointF(PAD_X, PAD_Y + line.y() + line.ascent())
                painter.drawText(at, self._line_text(line, room))
        if self.hasFocus():
            opt = QStyleOptionFocusRect()
            opt.initFrom(self)
            opt.rect = QRect(self.rect())
            self.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, opt, painter, self)
        painter.end()
