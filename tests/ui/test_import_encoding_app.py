"""File > Import from another tool… gives the text files' encoding (an editable combo: UTF-8, Windows-1252, Latin-1,
UTF-16, or any name Python knows typed), as ``import --encoding`` does, and imports plain texts too (each file told
from its name and content): an older corpus's Windows-1252 texts were refused in the app with no way to read them."""

from __future__ import annotations

from ui_support import modal_answerer

TEXT = "Café owner José said “no comment” – he paid €500."


def test_the_import_dialog_reads_a_windows_1252_text_in_the_encoding_chosen(qtbot, window, tmp_path):
    from PySide6.QtCore import QTimer

    from ui.dialogs.import_format import TOLD, ImportFormatDialog

    path = tmp_path / "old news.txt"
    path.write_bytes(TEXT.encode("cp1252"))
    c = window.controller
    before = set(c.project.document_ids())
    seen: dict[str, object] = {}

    def fill(dlg: ImportFormatDialog) -> None:
        assert isinstance(dlg, ImportFormatDialog)
        box = dlg.encoding_box
        seen["offered"] = [box.itemText(i) for i in range(box.count())]
        seen["editable"] = box.isEditable()
        dlg.format.setCurrentIndex(dlg.format.findText(TOLD))
        dlg.path.setText(str(path))
        box.setEditText("klingon")  # no encoding Python knows: said, the dialog stays open with what was typed
        dlg.accept()
        seen["error"], seen["open"] = dlg.error.text(), dlg.isVisible()
        box.setCurrentIndex(box.findText("Windows-1252"))
        dlg.accept()

    QTimer.singleShot(50, modal_answerer(fill, seen))
    window.import_format_dialog()
    qtbot.waitUntil(lambda: not window.workers, timeout=20000)
    assert "failed" not in seen, seen.get("failed")
    assert seen["offered"] == ["UTF-8", "Windows-1252", "Latin-1", "UTF-16"] and seen["editable"]
    assert seen["open"] and str(seen["error"]).startswith("unknown encoding 'klingon'"), seen["error"]
    (new,) = set(c.project.document_ids()) - before
    assert c.project.document(new).text == TEXT


def test_the_dialog_gives_a_formats_reader_the_encoding_typed(qtbot):
    from ui.dialogs.import_format import ImportFormatDialog

    dlg = ImportFormatDialog()
    qtbot.addWidget(dlg)
    dlg.set_format("conll")
    assert dlg.encoding() is None  # UTF-8: strict, as without --encoding
    dlg.encoding_box.setEditText("latin_1")
    assert dlg.encoding() == "latin_1" and dlg.choice()[0] == "conll"
