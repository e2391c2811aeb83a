"""Help: every keyboard shortcut, including the schema's label keys."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from annotator.schema import Schema

GENERAL = [
    ("Select text, then a label key", "Add an entity (selection snaps to tokens)"),
    ("Label key on a selected span", "Relabel it"),
    ("Click a span / Tab / Shift+Tab", "Select a span (undecided suggestions first)"),
    ("Enter", "Accept the selected suggestion"),
    ("X", "Reject the selected suggestion"),
    ("Delete", "Delete the selected span (or the selected event)"),
    ("Shift+Left / Shift+Right", "Move the start of the span by a token"),
    ("Ctrl+Shift+Left / Ctrl+Shift+Right", "Move the end of the span by a token"),
    ("E", "New event on the selected trigger words"),
    ("Alt+1 … Alt+9", "Fill the selected event's role 1…9 with the selected span"),
    ("Ctrl+Shift+A", "Accept all suggestions in this document"),
    ("Ctrl+Enter", "Mark annotated and open the next document not done"),
    ("Ctrl+Shift+R", "Mark reviewed (after confirming validation problems)"),
    ("Ctrl+Z / Ctrl+Shift+Z", "Undo / redo"),
    ("Ctrl+F", "Find in the document"),
    ("Ctrl++ / Ctrl+-", "Zoom in / out"),
    ("Escape", "Clear the selection"),
]


def shortcut_rows(schema: Schema | None) -> list[tuple[str, str]]:
    rows = list(GENERAL)
    if schema is not None:
        rows += [(e.key, f"Label {e.name}: {e.description}") for e in schema.entities if e.key]
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, schema: Schema | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.resize(640, 620)
        rows = shortcut_rows(schema)
        table = QTableWidget(len(rows), 2)
        table.setHorizontalHeaderLabels(["Keys", "Does"])
        table.verticalHeader().hide()
        for r, (k, d) in enumerate(rows):
            table.setItem(r, 0, QTableWidgetItem(k))
            table.setItem(r, 1, QTableWidgetItem(d))
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(table)
        lay.addWidget(buttons)
