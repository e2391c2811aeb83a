"""The app's look: a light style sheet shipped as resources/styles/app.qss."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from annotator.resources_path import resource_path

STYLE_FILE = "styles/app.qss"


def apply_style(app: QApplication) -> None:
    """Fusion with the shipped style sheet; a missing sheet is a broken installation and says so."""
    app.setStyle("Fusion")
    app.setStyleSheet(resource_path(STYLE_FILE).read_text(encoding="utf-8"))
