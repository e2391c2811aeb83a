"""Validation problems to confirm before a document is marked reviewed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout, QWidget

from annotator.validation import Problem


class ProblemsDialog(QDialog):
    def __init__(self, problems: list[Problem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Validation problems")
        self.resize(560, 360)
        head = QLabel(f"This document has {len(problems)} problem(s). Mark it reviewed anyway?")
        head.setTextFormat(Qt.TextFormat.PlainText)
        lst = QListWidget()
        lst.addItems([p.message for p in problems])
        buttons = QDialogButtonBox()
        self.confirm = buttons.addButton("Mark reviewed anyway", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(head)
        lay.addWidget(lst)
        lay.addWidget(buttons)


def confirm_problems(parent: QWidget | None, problems: list[Problem]) -> bool:
    """True when there are no problems or the person confirms them."""
    if not problems:
        return True
    return ProblemsDialog(problems, parent).exec() == QDialog.DialogCode.Accepted
