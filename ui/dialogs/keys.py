"""The keyboard paths of the dialogs: a label whose Alt+letter puts the focus in its field, a Close button."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget


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
