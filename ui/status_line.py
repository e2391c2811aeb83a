"""The status bar's message: always one line (a multi-line summary, e.g. a training table or an import's skipped
files, made the status bar grow and squeezed the text and the panels), ended by "…" where the window is too
narrow for it (it was cut mid-word), the whole text in its tooltip then, and in a box a click on the line opens
(a refusal's reason, cut at 1366x768, is read whole and can be copied)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QMessageBox, QSizePolicy, QWidget

from ui.plain import tooltip_text

SEPARATOR = "  ·  "


class StatusLine(QLabel):
    textSet = Signal(str)  # every text set (the window's work-left widget hides while the line says it whole)
    widthChanged = Signal(int)  # the line made wider or narrower (the window resized): a fitted text is fitted again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setMinimumWidth(1)  # a long line is elided at the window's edge, never widens the window
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._lines = 0
        self.details_box: QMessageBox | None = None  # the whole text, opened by a click on a line that is cut
        self._error_said = ""  # the error shown in red (mark_error): another text ends the red
        self._error_of: tuple[str, object] = ("", None)  # the last error said and what it was said on (its document)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name; signals connected to setText come here
        self._detail = ""
        self._whole = ""
        lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]  # a table's padding too
        self._lines = len(lines)
        self._full = text
        super().setText(SEPARATOR.join(lines))
        if self._error_said and self.text() != self._error_said:
            self.end_error()  # the red is the error's: the next selection's line after a retry that worked was red
        self._tip()
        self.textSet.emit(self.text())

    def mark_error(self, colour: str, said_on: object = None) -> None:
        """The text shown now is an error: in ``colour`` until another text is set (or ``end_error``); ``said_on``:
        what it was said of (the open document's id), which ``said_elsewhere`` asks."""
        self._error_said = self.text()
        self._error_of = (self.text(), said_on)
        self.setStyleSheet(f"color: {colour}")

    def said_elsewhere(self, now_on: object) -> bool:
        """The line still shows an error (red, or black once ``end_error`` ran) said on another thing than ``now_on``:
        a key's refusal in the document left (Alt+1 with no event selected, then Ctrl+PgDown: "Select an event first"
        stayed over the next document, in place of its work left)."""
        text, said_on = self._error_of
        return bool(text) and self.text() == text and said_on != now_on

    def error_shown(self) -> str:
        """The error the line shows in red now, or ""."""
        return self._error_said if self._error_said == self.text() else ""

    def end_error(self) -> None:
        self._error_said = ""
        self.setStyleSheet("")

    def shown_text(self) -> str:
        """The text as drawn: elided with "…" when the label is too narrow for it."""
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, self.contentsRect().width())

    def fits(self, text: str) -> bool:
        """``text`` is drawn whole in the line as wide as it is now (not elided)."""
        return self.fontMetrics().horizontalAdvance(text) <= self.contentsRect().width()

    def set_text_and_detail(self, text: str, detail: str) -> None:
        """``text`` in the line and ``detail`` (the whole account, a pre-annotation's counts) in its tooltip below
        it, whether the line fits or not."""
        self.setText(text)
        self._detail = detail
        self._tip()

    def set_text_and_whole(self, text: str, whole: str) -> None:
        """``text``, a line fitted to the width that says less than ``whole`` (the selected event's, its words
        shortened: ``ui.event_line``), shown as ``setText`` shows it, ``whole`` in its tooltip and the click's box
        ("" when ``text`` is the whole)."""
        self.setText(text)
        self._whole = whole
        self._tip()

    def is_cut(self) -> bool:
        """The line does not show the whole text (elided, or lines joined): a click opens it whole."""
        return self._lines > 1 or self.shown_text() != self.text()

    def says_less(self) -> bool:
        """The line is cut, or says less than its whole text (``set_text_and_whole``): a click opens the whole."""
        return self.is_cut() or bool(getattr(self, "_whole", ""))

    def _tip(self) -> None:
        cut = self.says_less()
        self.setCursor(Qt.CursorShape.PointingHandCursor if cut else Qt.CursorShape.ArrowCursor)
        if getattr(self, "_detail", ""):
            self.setToolTip(tooltip_text(f"{self._full}\n{self._detail}"))
            return
        whole = getattr(self, "_whole", "") or getattr(self, "_full", self.text())
        self.setToolTip(tooltip_text(whole) + "\n(click: the whole text)" if cut else "")

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """A line that is cut opens its whole text (and the detail) in a box, selectable, lines as they came."""
        if event.button() != Qt.MouseButton.LeftButton or not self.says_less():
            super().mousePressEvent(event)
            return
        said = getattr(self, "_whole", "") or getattr(self, "_full", self.text())
        whole = "\n".join(x for x in (said, getattr(self, "_detail", "")) if x)
        box = self.details_box
        if box is None:
            box = self.details_box = QMessageBox(self.window())
            box.setWindowTitle("Message")
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setText(whole)
        box.open()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._tip()
        if event.size().width() != event.oldSize().width():
            self.widthChanged.emit(event.size().width())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        self.style().drawItemText(
            p,
            self.contentsRect(),
            int(align),
            self.palette(),
            self.isEnabled(),
            self.shown_text(),
            self.foregroundRole(),
        )
        p.end()
