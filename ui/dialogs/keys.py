"""The keyboard paths of the dialogs: a label whose Alt+letter puts the focus in its field, a Close button."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget


def buddy_label(text: str, field: QWidget) -> QLabel:
    """A form label (``"&States"``) whose Alt+letter gives ``field`` the focus: QFormLayout does that for a row
    whose field is one widget, not for a row of several (a path and its Browse button, a row of check boxes)."""
    label = QLabel(text)
    label.setBuddy(field)
    return label


def close_buttons(dialog: QDialog) -> QDialogButtonBox:
    """A Close button (Esc does the same) for a window that has no other answer to give."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    return buttons


def options_and_error_rows(form: QFormLayout) -> tuple[QLineEdit, QLabel]:
    """A format's Options field (``key=value; ...``, Alt+O) and the red line below it that says what was wrong."""
    options = QLineEdit()
    form.addRow("&Options", options)
    error = QLabel("")
    error.setTextFormat(Qt.TextFormat.PlainText)
    error.setStyleSheet("color: #b00020")
    form.addRow(error)
    return options, error
