"""Validation problems to confirm before a document is marked reviewed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout, QWidget

from annotator.validation import Problem

if TYPE_CHECKING:  # pragma: no cover
    from ui.controller import Controller


def problem_text(c: "Controller", p: Problem) -> str:
    """A problem as the person sees the document: the event's trigger words or the entity's, not their ids."""
    ev = c.events.get(p.event_id) if p.event_id is not None else None
    ent = c.entities.get(p.entity_id) if p.entity_id is not None else None
    if ev is not None and p.detail:
        return f"“{c.span_text(ev.trigger_start, ev.trigger_end)}”: {p.detail}"
    if ent is not None and p.detail:
        return f"“{c.span_text(ent.start, ent.end)}” ({ent.label}): {p.detail}"
    return p.message


class ProblemsDialog(QDialog):
    def __init__(
        self,
        problems: list[Problem],
        parent: QWidget | None = None,
        describe: Callable[[Problem], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Validation problems")
        self.resize(560, 360)
        head = QLabel(f"This document has {len(problems)} problem(s). Mark it reviewed anyway?")
        head.setTextFormat(Qt.TextFormat.PlainText)
        lst = QListWidget()
        lst.addItems([(describe or (lambda p: p.message))(p).replace("\n", " ") for p in problems])
        buttons = QDialogButtonBox()
        self.confirm = buttons.addButton("&Mark reviewed anyway", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(head)
        lay.addWidget(lst)
        lay.addWidget(buttons)


def confirm_problems(
    parent: QWidget | None, problems: list[Problem], describe: Callable[[Problem], str] | None = None
) -> bool:
    """True when there are no problems or the person confirms them."""
    if not problems:
        return True
    return ProblemsDialog(problems, parent, describe).exec() == QDialog.DialogCode.Accepted
