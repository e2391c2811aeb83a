"""The app's look: a light style sheet from resources/styles/app.qss."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

STYLE = Path(__file__).resolve().parent.parent / "resources" / "styles" / "app.qss"


def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")
    try:
        app.setStyleSheet(STYLE.read_text(encoding="utf-8"))
    except OSError:
        pass  # the style is a nicety
