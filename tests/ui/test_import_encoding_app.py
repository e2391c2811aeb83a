"""File > Import from another tool… gives the text files' encoding (an editable combo: UTF-8, Windows-1252, Latin-1,
UTF-16, or any name Python knows typed), as ``import --encoding`` does, and imports plain texts too (each file told
from its name and content): an older corpus's Windows-1252 texts were refused in the app with no way to read them."""

from __future__ import annotations

from ui_support import modal_answerer, when_modal

TEXT = "Café owner José said “no comment” – he paid €500."


def test_the_import_dialog_reads_a_windows_1252_text_in_the_encoding_chosen(qtbot, window, tmp_path):

    from ui.dialogs.import_format import ImportFormatDialog

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
        dlg.set_format("")  # told from each file
        dlg.path.setText(str(path))
        box.setEditText("klingon")  # no encoding Python knows: said, the dialog stays open with what was typed
        dlg.accept()
        seen["error"], seen["open"] = dlg.error.text(), dlg.isVisible()
        box.setCurrentIndex(box.findText("Windows-1252"))
        dlg.accept()

    when_modal(modal_answerer(fill, seen))
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


def _drop(window, *paths) -> None:
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    window.dropEvent(event)


def _box_button(box, start: str):
    (button,) = [b for b in box.buttons() if b.text().replace("&", "").startswith(start)]
    return button


def test_a_windows_1252_file_dropped_is_offered_to_be_read_so_and_is(qtbot, window, tmp_path):
    """Session 29: File > Import files… and a drop read UTF-8 only; a Latin-1 file was refused with a line naming the
    command line's --encoding and nothing to do in the app. Now a box names it with its word as it reads, and its
    Import button reads it in Windows-1252 (the UTF-8 file beside it is imported at once, and not again)."""
    old = tmp_path / "old news.txt"
    old.write_bytes(TEXT.encode("cp1252"))
    new = tmp_path / "new.txt"
    new.write_text("Police arrested John Smith in Leeds.", encoding="utf-8")
    c = window.controller
    before = set(c.project.document_ids())
    _drop(window, old, new)
    qtbot.waitUntil(lambda: not window.workers, timeout=20000)
    box = getattr(window, "encoding_box", None)
    assert box is not None and box.isVisible(), "no box offered the encoding"  # main: refused, nothing offered
    assert "old news.txt (“Café”)" in box.text() and "Windows-1252" in box.text(), box.text()
    assert [c.project.document(d).name for d in set(c.project.document_ids()) - before] == ["new.txt"]
    _box_button(box, "Import as Windows-1252").click()
    qtbot.waitUntil(lambda: not window.workers and not box.isVisible(), timeout=20000)
    texts = sorted(c.project.document(d).text for d in set(c.project.document_ids()) - before)
    assert texts == sorted([TEXT, "Police arrested John Smith in Leeds."]), texts


def test_left_out_the_files_stay_out_and_a_utf8_import_offers_nothing(qtbot, window, tmp_path):
    old = tmp_path / "old.txt"
    old.write_bytes(TEXT.encode("cp1252"))
    c = window.controller
    before = set(c.project.document_ids())
    window.import_paths([str(old)])  # as File > Import files… gives its picks
    qtbot.waitUntil(lambda: not window.workers, timeout=20000)
    box = window.encoding_box
    _box_button(box, "Leave out").click()
    assert not box.isVisible() and not window.workers
    assert set(c.project.document_ids()) == before
    window.encoding_box = None
    fine = tmp_path / "fine.txt"
    fine.write_text("Police arrested John Smith in Leeds.", encoding="utf-8")
    window.import_paths([str(fine)])
    qtbot.waitUntil(lambda: not window.workers, timeout=20000)
    assert window.encoding_box is None


def test_a_format_chosen_with_utf8_left_is_offered_the_encoding_too(qtbot, window, tmp_path):
    """Import from another tool with CoNLL chosen and UTF-8 left in Encoding: the Latin-1 file's refusal offers the
    same choice, and the import again reads it with the format and options chosen."""

    from ui.dialogs.import_format import ImportFormatDialog

    conll = tmp_path / "ner.conll"
    conll.write_bytes("José\tB-PERSON\nMuñoz\tI-PERSON\nspoke\tO\n".encode("latin-1"))
    c = window.controller
    before = set(c.project.document_ids())
    seen: dict[str, object] = {}

    def fill(dlg: ImportFormatDialog) -> None:
        dlg.set_format("conll")
        dlg.path.setText(str(conll))
        dlg.accept()

    when_modal(modal_answerer(fill, seen))
    window.import_format_dialog()
    qtbot.waitUntil(lambda: not window.workers, timeout=20000)
    assert "failed" not in seen, seen.get("failed")
    box = window.encoding_box
    assert box.isVisible() and "ner.conll (“José”)" in box.text(), box.text()
    _box_button(box, "Import as").click()
    qtbot.waitUntil(lambda: not window.workers and not box.isVisible(), timeout=20000)
    (doc_id,) = set(c.project.document_ids()) - before
    text = c.project.document(doc_id).text
    assert [text[s.start : s.end] for s in c.project.entities(doc_id)] == ["José Muñoz"], text
