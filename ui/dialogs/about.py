"""Help > About annotator: this annotator's version, the project file and its file format, the pipeline pre-annotation
uses (name, version, path) and the Python, spaCy and Qt versions, with a Copy button: the text an engineer pastes into
a bug report (``annotator.about`` makes it; Qt's rows are the app's own)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from annotator.about import about_lines, about_text

if TYPE_CHECKING:  # pragma: no cover
    from annotator.store import Project


def toolkit_rows() -> list[tuple[str, str]]:
    """The app's toolkit: Qt as it runs (its library, PySide6's build of it, the platform plugin: xcb, wayland)."""
    return [("Qt", f"{qVersion()} (PySide6 {PySide6.__version__}, platform {QGuiApplication.platformName()})")]


class AboutDialog(QDialog):
    def __init__(self, project: "Project | None", pipeline_setting: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About annotator")
        self.rows = about_lines(project, pipeline_setting, toolkit_rows())
        self.text = about_text(self.rows)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel("For a bug report: Copy puts all of this on the clipboard, one line each."))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.values: dict[str, QLabel] = {}
        for name, value in self.rows:
            shown = QLabel(value)
            shown.setTextFormat(Qt.TextFormat.PlainText)  # a path is no markup
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(f"{name}:", shown)
            self.values[name] = shown
        lay.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy = QPushButton("Co&py")
        self.copy.setToolTip("Put this text on the clipboard, one 'name: value' a line")
        buttons.addButton(self.copy, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy.clicked.connect(self.copy_text)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.copy.setDefault(True)  # Enter copies; Escape closes
        self.copy.setFocus()
        # as wide as the longest line needs, within the screen (a path wraps then); the height the wrapped rows take
        # (word-wrapped labels left the dialog twice as tall as its rows, empty above and below at 1366x768)
        screen = self.screen().availableGeometry() if self.screen() else None
        widest = max(self.fontMetrics().horizontalAdvance(f"{n}: {v}") for n, v in self.rows) + 80
        width = min(widest, 960, (screen.width() if screen else 1366) - 80)
        self.resize(width, lay.totalHeightForWidth(width))

    def copy_text(self) -> None:
        QGuiApplication.clipboard().setText(self.text)
        self.copy.setText("Co&pied")


def show_about(window: "QWidget", project: "Project | None", pipeline_setting: str) -> None:
    """Help > About annotator, modal; nothing it shows is loaded (no spaCy on the window's thread)."""
    dlg = AboutDialog(project, pipeline_setting, window)
    dlg.exec()
    dlg.deleteLater()  # the window's child until deleted
