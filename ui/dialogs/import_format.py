"""Import in a named format (every reader of ``annotator.formats.readers()``), or each file told from its name and
content (plain texts, JSONL, the project's JSON: as File > Import files…): a file or a folder, the reader's options
for a format that has some (CoNLL: scheme, column, documents), as ``import --option`` takes them, and the text files'
encoding (an older corpus's Windows-1252), as ``import --encoding`` takes it."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from annotator.api import check_import
from annotator.errors import AnnotatorError
from annotator.formats.registry import FORMATS, import_formats, reads_too_shown, told_reads_too
from annotator.text_encoding import OFFERED, UTF8
from ui import file_dialogs
from ui.dialogs.export import parse_options
from ui.dialogs.keys import (
    buddy_label,
    example_row,
    fit_options_hints,
    options_and_error_rows,
    options_hint,
    show_example,
)


TOLD = "Told from each file (.txt, .jsonl, .json, …)"


class ImportFormatDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, folder: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("Import from another tool")
        self.folder = folder  # where File… and Folder… open while the box is empty (the open project's folder)
        self.format = QComboBox()
        # the name users know shown, with the corpora its reader reads too (as ``import -f duee`` says which reads
        # DuEE: registry.read_by), the format's id kept as the item's data
        for f in import_formats():
            also = reads_too_shown(f.name)
            self.format.addItem(f"{f.shown} ({also})" if also else f.shown, f.name)
        told_too = told_reads_too()
        # no reader named: each file told from its name and content
        self.format.addItem(f"{TOLD[:-1]}; also {', '.join(told_too)})" if told_too else TOLD, "")
        self.path = QLineEdit()
        self.path.setPlaceholderText("a file, or a folder of them")  # brat's and WebAnno TSV's taken whole
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
        self.encoding_box = QComboBox()  # the offered ones, or any name Python knows typed (checked on OK)
        self.encoding_box.setEditable(True)
        for shown, codec in OFFERED:
            self.encoding_box.addItem(shown, codec)
        self.encoding_box.setToolTip(
            "The text files' encoding: Windows-1252 (cp1252) or Latin-1 for older news archives, or any name Python "
            "knows typed; UTF-8 is strict, as import without --encoding"
        )
        form.addRow(buddy_label("&Encoding", self.encoding_box), self.encoding_box)
        self.options_edit, self.error = options_and_error_rows(form)
        fit_options_hints(self.options_edit, (f.import_options for f in import_formats()))
        self.example = example_row(form, self.error)  # the reader's example, whole below the box
        self.format.currentIndexChanged.connect(self._options_for)
        self._options_for()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def set_format(self, name: str) -> None:
        """Choose a format by its id (``label_studio``)."""
        self.format.setCurrentIndex(self.format.findData(name))

    def _file(self) -> None:
        path, _ = file_dialogs.open_file_name(self, "Import file", self.path.text() or self.folder)
        if path:
            self.path.setText(path)

    def _folder(self) -> None:
        path = file_dialogs.existing_directory(self, "Import folder", self.path.text() or self.folder)
        if path:
            self.path.setText(path)

    def _options_for(self) -> None:
        record = FORMATS.get(self.format.currentData())
        keys = record.import_options if record else ()
        self.options_edit.setEnabled(bool(keys))
        self.options_edit.setPlaceholderText(options_hint(keys))
        show_example(self.example, record.import_example if record and keys else "")
        self.options_edit.setToolTip(record.import_help if record else "")
        self.error.setText("")

    def accept(self) -> None:
        if not self.path.text().strip():
            return
        try:
            self.options()
            self.encoding()
        except AnnotatorError as exc:  # said in the dialog, which stays open with what was typed
            self.error.setText(str(exc))
            return
        super().accept()

    def choice(self) -> tuple[str, str]:
        return self.format.currentData(), self.path.text().strip()

    def encoding(self) -> str | None:
        """The codec chosen or typed (``cp1252``), None for UTF-8 (strict, the default); a name Python does not know
        refused here (AnnotatorError), in the command line's words."""
        typed = self.encoding_box.currentText().strip()
        offered = {shown.casefold(): codec for shown, codec in OFFERED}
        codec = offered.get(typed.casefold(), typed) or UTF8
        check_import(None, None, False, codec)
        return None if codec == UTF8 else codec

    def options(self) -> dict[str, str]:
        """The reader's options typed (``documents=sentence; scheme=bioes``); none for a format without any. A key
        the format does not take is refused here (AnnotatorError), as the command line refuses it."""
        record = FORMATS.get(self.format.currentData())
        if record is None or not record.import_options:
            return {}
        got = parse_options(self.options_edit.text())
        check_import(self.format.currentData(), got)  # in the command line's words
        return got
