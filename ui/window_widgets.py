"""The main window's own labels as they look (made here, wired by ``ui.main_window``): the document's name and status
over the text with its categories beside them, and the banner over the text of a project open read-only."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QSizePolicy, QWidget

from annotator.read_only import ASKED as ASKED_READ_ONLY
from ui.elided import SLACK, ElidedLabel


def title_row() -> tuple[ElidedLabel, ElidedLabel, QWidget]:
    """(the title, the categories, the row holding both): the document's name and status, elided in the middle to the
    room there is (whole in its tooltip: it asked for the whole name, and at 960x540, 1920x1080 scaled twice, the
    window ran past the screen's edge), and its categories (a text classification's labels) after them in the room
    left, elided at the end: the name and status come first."""
    title = ElidedLabel("", least=12, mode=Qt.TextElideMode.ElideMiddle, ink=SLACK)
    title_font = QFont(title.font())  # 13 pt bold, larger under a larger application font (it stayed 13 pt,
    title_font.setPointSizeF(max(13.0, QApplication.font().pointSizeF() * 1.3))  # smaller than the lists at 14)
    title_font.setBold(True)
    title.setFont(title_font)
    title.setStyleSheet("padding: 4px 6px")
    categories = ElidedLabel("", least=0, ink=SLACK)
    plain_font = QFont(title_font)
    plain_font.setBold(False)
    categories.setFont(plain_font)
    categories.setStyleSheet("padding: 4px 6px 4px 0px")
    categories.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    row_widget = QWidget()
    row = QHBoxLayout(row_widget)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(0)
    row.addWidget(title)
    row.addWidget(categories, 1)
    return title, categories, row_widget


def read_only_banner() -> QLabel:
    """The banner over the text while the project file is open read-only (hidden until then; its words are
    ``read_only_banner_text``'s)."""
    banner = QLabel("")
    banner.setTextFormat(Qt.TextFormat.PlainText)
    banner.setWordWrap(True)
    banner.setStyleSheet("background: #fff3c4; color: #5a4300; padding: 4px 6px; border: 1px solid #e0c060")
    banner.hide()
    return banner


def read_only_banner_text(project: Any) -> str:
    """The banner over the text of a project open read-only: the file, why (``Project.read_only_why``), what works,
    and the one line of advice that reason calls for (a folder not writable is the folder's to fix, not the file's)."""
    why = getattr(project, "read_only_why", None) or ASKED_READ_ONLY
    return (
        f"Read-only: {project.path.name}: {why.text}. You can read and export; edits, import and pre-annotation are "
        f"off. {why.advice()}"
    )
