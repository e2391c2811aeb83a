"""The Agreement window: per pair of annotators, per label and overall, the scores of annotator.teams.agreement."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.errors import AnnotatorError
from annotator.store import Project
from annotator.teams.agreement import agreement
from annotator.wording import counted
from ui.dialogs.keys import close_buttons
from ui.plain import no_mnemonic

if TYPE_CHECKING:  # pragma: no cover
    from ui.main_window import MainWindow

SECTIONS = (
    ("entities_exact", "Entity spans (exact)"),
    ("entities_overlap", "Entity spans (overlap)"),
    ("triggers", "Event triggers"),
    ("arguments", "Arguments"),
)
COLUMNS = ("Measure", "Label", "A", "B", "P", "R", "F1", "Kappa")


def _num(x: float | None) -> str:
    return "–" if x is None else f"{x:.3f}"


def pair_rows(scores: dict[str, Any]) -> list[list[str]]:
    """Table rows for one pair's scores (project or one document): measure, label, counts, P, R, F1, kappa."""
    rows = []
    kappa = scores["kappa"]
    for key, title in SECTIONS:
        table = scores[key]
        for label, c in [*table["by_label"].items(), ("overall", table["overall"])]:
            k = ""
            if key == "entities_exact":
                k = _num(kappa["overall"] if label == "overall" else kappa["by_label"].get(label))
            rows.append(
                [title, label, str(c["a"]), str(c["b"]), _num(c["precision"]), _num(c["recall"]), _num(c["f1"]), k]
            )
    return rows


class AgreementWindow(QDialog):
    """One tab per pair of annotation sets: the project's table, then one overall line per document."""

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Agreement between annotators")
        self.resize(900, 600)
        self.tabs = QTabWidget()
        self.note = QLabel("")
        self.note.setTextFormat(Qt.TextFormat.PlainText)  # messages name annotation sets: data, never markup
        self.note.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(self.note)
        lay.addWidget(self.tabs, 1)
        lay.addWidget(close_buttons(self))  # Esc too: it had no button, only the window manager's cross
        self.result: dict[str, Any] | None = None
        try:
            self.result = agreement(project)
        except AnnotatorError as exc:
            self.note.setText(str(exc))
            return
        self.note.setText(
            "Only accepted and added spans count. A is the reference: P = share of B's items A also has. "
            "Kappa is Cohen's kappa over tokens. Definitions: docs/teams.md."
        )
        for pair in self.result["pairs"]:
            self.tabs.addTab(self._pair_tab(pair), no_mnemonic(f"{pair['a']} vs {pair['b']}"))

    def _pair_tab(self, pair: dict[str, Any]) -> QWidget:
        rows = pair_rows(pair["project"])
        for d in pair["by_document"]:
            ex = d["entities_exact"]["overall"]
            rows.append(
                [
                    f"document {d['name']}",
                    "overall",
                    str(ex["a"]),
                    str(ex["b"]),
                    _num(ex["precision"]),
                    _num(ex["recall"]),
                    _num(ex["f1"]),
                    _num(d["kappa"]["overall"]),
                ]
            )
        table = QTableWidget(len(rows), len(COLUMNS))
        table.setHorizontalHeaderLabels([*COLUMNS[:2], pair["a"], pair["b"], *COLUMNS[4:]])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for r, row in enumerate(rows):
            for k, value in enumerate(row):
                item = QTableWidgetItem(value)
                if k >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, k, item)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        covered = QLabel(f"{counted(pair['documents'], 'document')} both annotators covered")
        covered.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(covered)
        lay.addWidget(table, 1)
        return box


def open_agreement(window: "MainWindow") -> AgreementWindow | None:
    c = window.controller
    if c.project is None:
        window.show_error("Open a project first")
        return None
    dlg = AgreementWindow(c.project, window)
    if dlg.result is None:  # refused (fewer than two annotators' sets): said in the status line, no empty window
        refusal = dlg.note.text()  # (it opened 900x600 with no tab for the one line, the keys left in it)
        dlg.deleteLater()
        window.show_error(refusal[:1].upper() + refusal[1:])
        window.back_to_text()
        return None
    window._agreement_window = dlg  # type: ignore[attr-defined]
    dlg.show()
    return dlg
