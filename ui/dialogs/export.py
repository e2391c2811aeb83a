"""Export: a format from the core's writer registry, a file, which entity states and document statuses."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from annotator.formats import writers
from annotator.model import STATES, STATUSES

SUFFIX = {"json": ".json", "jsonl": ".jsonl"}


@dataclass
class ExportOptions:
    format: str
    path: str
    states: list[str]
    statuses: list[str] | None


class ExportDialog(QDialog):
    def __init__(self, default_path: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export annotations")
        self.format = QComboBox()
        for name in writers():  # every format the core offers, including ones added later
            self.format.addItem(name)
        self.path = QLineEdit(default_path)
        browse = QPushButton("Browse…")
        browse.clicked.connect(self.browse)
        self.browse_button = browse
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.states = {s: QCheckBox(s) for s in STATES}
        for s, box in self.states.items():
            box.setChecked(s != "rejected")
        self.statuses = {s: QCheckBox(s.replace("_", " ")) for s in STATUSES}
        for box in self.statuses.values():
            box.setChecked(True)
        form = QFormLayout(self)
        form.addRow("Format", self.format)
        form.addRow("File", row)
        srow = QHBoxLayout()
        for box in self.states.values():
            srow.addWidget(box)
        form.addRow("Entity states", srow)
        trow = QHBoxLayout()
        for box in self.statuses.values():
            trow.addWidget(box)
        form.addRow("Documents", trow)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.format.currentTextChanged.connect(self._fix_suffix)

    def _fix_suffix(self, fmt: str) -> None:
        path = self.path.text()
        suffix = SUFFIX.get(fmt)
        if path and suffix:
            for s in SUFFIX.values():
                if path.endswith(s):
                    path = path[: -len(s)]
            self.path.setText(path + suffix)

    def browse(self) -> None:
        fmt = self.format.currentText()
        path, _ = QFileDialog.getSaveFileName(self, "Export to", self.path.text(), f"{fmt} (*{SUFFIX.get(fmt, '')});;All files (*)")
        if path:
            self.path.setText(path)

    def accept(self) -> None:
        if not self.path.text().strip():
            self.browse()
            if not self.path.text().strip():
                return
        super().accept()

    def options(self) -> ExportOptions:
        statuses = [s for s, b in self.statuses.items() if b.isChecked()]
        return ExportOptions(
            self.format.currentText(),
            self.path.text().strip(),
            [s for s, b in self.states.items() if b.isChecked()],
            None if len(statuses) == len(STATUSES) else statuses,
        )
