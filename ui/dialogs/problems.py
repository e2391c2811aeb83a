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
        return f"“{c.span_said(ev.trigger_start, ev.trigger_end)}”: {p.detail}"
    if ent is not None and p.detail:
        return f"“{c.span_said(ent.start, ent.end)}” ({ent.label}): {p.detail}"
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
        n = len(problems)
        head = QLabel(
            f"This document has {n} problem{'s' if n != 1 else ''}. Mark it reviewed anyway, or go to one to put it right?"
        )
        head.setTextFormat(Qt.TextFormat.PlainText)
        self.problems = problems
        self.chosen: Problem | None = None  # the problem to go to (Go to it, or a double click on it)
        self.list = lst = QListWidget()
        lst.addItems([(describe or (lambda p: p.message))(p).replace("\n", " ") for p in problems])
        lst.setCurrentRow(0)
        lst.itemDoubleClicked.connect(lambda _item: self.go_to())
        buttons = QDialogButtonBox()
        self.confirm = buttons.addButton("&Mark reviewed anyway", QDialogButtonBox.ButtonRole.AcceptRole)
        self.go = buttons.addButton("&Go to it", QDialogButtonBox.ButtonRole.ActionRole)
        self.go.clicked.connect(self.go_to)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.confirm.setDefault(True)
        lay = QVBoxLayout(self)
        lay.addWidget(head)
        lay.addWidget(lst)
        lay.addWidget(buttons)

    def go_to(self) -> None:
        """Close the dialog to put the problem in the list's current row right (it could only be cancelled, and the
        event found again by hand)."""
        row = self.list.currentRow()
        if 0 <= row < len(self.problems):
            self.chosen = self.problems[row]
            self.reject()


def confirm_problems(
    parent: QWidget | None,
    problems: list[Problem],
    describe: Callable[[Problem], str] | None = None,
    go_to: Callable[[Problem], None] | None = None,
) -> bool:
    """True when there are no problems or the person confirms them; ``go_to`` is given the problem the person chose
    to put right instead."""
    if not problems:
        return True
    dialog = ProblemsDialog(problems, parent, describe)
    answer = dialog.exec()
    dialog.deleteLater()  # the parent's child until deleted (read below, before that)
    if answer == QDialog.DialogCode.Accepted:
        return True
    if dialog.chosen is not None and go_to is not None:
        go_to(dialog.chosen)
    return False
