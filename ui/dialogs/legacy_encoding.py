"""Files an import refused as not UTF-8 that read as Windows-1252 (an older corpus's Latin-1 texts): the box after the
import names them, each with its first such word as it reads so, and offers to import them in that encoding, as
``annotator import --encoding cp1252`` and the Import-from-another-tool dialog's Encoding do. File > Import files… and
a file dropped on the window read UTF-8 only, so such a file was refused there with a line that named the command
line's option and nothing to do in the app (session 29)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from annotator.wording import counted, first_named
from ui.unasked_box import open_unasked

if TYPE_CHECKING:  # pragma: no cover
    from ui.window_face import WindowFace
    from ui.workers import ImportFormatWorker, ImportWorker

SHOWN = {"cp1252": "Windows-1252"}  # the encodings offered, as people know them


def offer_encoding(window: "WindowFace", worker: "ImportWorker | ImportFormatWorker") -> QMessageBox:
    """The box: which files, what they read as, and 'Import as Windows-1252' (the import again, on them alone, in that
    encoding) or 'Leave them out'. It comes when the import ends, unasked: keys typed for the text answer nothing
    (``open_unasked``)."""
    from ui.workers import ImportFormatWorker

    files = worker.legacy_encoded
    encoding = files[0][1]
    shown = SHOWN.get(encoding, encoding)
    one = len(files) == 1
    named = first_named([f"{Path(p).name} (“{word}”)" for p, _, word in files], 5)
    text = (
        f"{counted(len(files), 'file')} {'is' if one else 'are'} not UTF-8 text but {'reads' if one else 'read'} as "
        f"{shown} (Latin-1), the encoding of older Windows editors and news archives: {named}. Nothing of "
        f"{'it' if one else 'them'} was imported.\n\nImport {'it' if one else 'them'} as {shown}? Offsets count the "
        "text as read so."
    )
    box = QMessageBox(QMessageBox.Icon.Question, "Not UTF-8", text, QMessageBox.StandardButton.NoButton, window)
    box.setTextFormat(Qt.TextFormat.PlainText)
    read = box.addButton(f"&Import as {shown}", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("&Leave out", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(read)
    # a format's import reads its input whole (a brat folder): again on it; the files told one by one: on those
    paths = list(worker.paths) if isinstance(worker, ImportFormatWorker) else [p for p, _, _ in files]
    read.clicked.connect(lambda: window.import_again(worker, paths, worker.add_types, worker.mapped, encoding))
    window.encoding_box = box  # type: ignore[attr-defined]
    open_unasked(box)
    return box
