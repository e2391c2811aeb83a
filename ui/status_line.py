"""The status bar's message: always one line (a multi-line summary, e.g. a training table or an import's skipped
files, made the status bar grow and squeezed the text and the panels); the whole text in its tooltip."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from ui.plain import tooltip_text

SEPARATOR = "  ·  "


class StatusLine(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setMinimumWidth(1)  # a long line is cut at the window's edge, never widens the window
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name; signals connected to setText come here
        lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]  # a table's padding too
        super().setText(SEPARATOR.join(lines))
        self.setToolTip(tooltip_text(text) if len(lines) > 1 else "")
