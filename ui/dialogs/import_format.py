"""Import in a named format (every reader of ``annotator.formats.readers()``): a file or a folder."""

from __future__ import annotations

from PySide6.QtWidgets import (
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

from annotator.formats.registry import import_formats
from ui.dialogs.keys import buddy_label


class ImportFormatDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import from another tool")
        self.format = QComboBox()
        for f in import_formats():  # the name users know shown, the format's id kept as the item's data
            self.format.addItem(f.shown, f.name)
        self.path = QLineEdit()
        self.path.setPlaceholderText("a file, or a folder (brat, WebAnno TSV)")
        # a path is read whole (the box was 110 px, its own hint cut): about fifty characters
        self.path.setMinimumWidth(self.path.fontMetrics().horizontalAdvance("x" * 50) + 12)
        file_button, folder_button = QPushButton("F&ile…"), QPushButton("Fol&der…")
        file_button.clicked.connect(self._file)
        folder_button.clicked.connect(self._folder)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(file_button)
        row.addWidget(folder_button)
        form = QFormLayout(self)
        form.addRow("&Format", self.format)  # every row and button has its Alt+letter
        form.addRow(buddy_label("Fro&m", self.path), row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def set_format(self, name: str) -> None:
        """Choose a format by its id (``label_studio``)."""
        self.format.setCurrentIndex(self.format.findData(name))

    def _file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import file", self.path.text())
        if path:
            self.path.setText(path)

    def _folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, "Import folder", self.path.text())
        if path:
            self.path.setText(path)

    def accept(self) -> None:
        if self.path.text().strip():
            super().accept()

    def choice(self) -> tuple[str, str]:
        return self.format.currentData(), self.path.text().strip()
