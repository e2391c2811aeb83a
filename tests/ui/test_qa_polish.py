"""Leftovers of the session-5 qa pass (each test failed before its fix)."""

from __future__ import annotations


def test_format_dialogs_show_the_names_users_know_and_keep_the_ids(qtbot, window, tmp_path):
    from ui.dialogs.export import ExportDialog
    from ui.dialogs.import_format import ImportFormatDialog

    imp = ImportFormatDialog(window)
    exp = ExportDialog(str(tmp_path / "p.json"), window)
    try:
        shown = {imp.format.itemText(i) for i in range(imp.format.count())}
        assert {"Label Studio", "doccano", "Prodigy", "brat"} <= shown, shown  # it showed 'label_studio'
        assert "label_studio" not in shown
        imp.set_format("label_studio")
        imp.path.setText(str(tmp_path / "tasks.json"))
        assert imp.format.currentText() == "Label Studio"
        assert imp.choice() == ("label_studio", str(tmp_path / "tasks.json"))  # the worker gets the id

        shown = {exp.format.itemText(i) for i in range(exp.format.count())}
        assert {
            "JSON",
            "JSONL",
            "spaCy DocBin",
            "brat",
            "Prodigy",
            "DyGIE++",
            "CoNLL",
            "doccano",
            "Label Studio",
            "WebAnno TSV",
            "OneIE",
            "WikiEvents",
            "Hugging Face",
            "OmniEvent",
        } == shown, shown
        exp.set_format("dygiepp")
        assert exp.format.currentText() == "DyGIE++"
        assert exp.path.text().endswith("p.dygiepp.jsonl")
        assert exp.options().format == "dygiepp"
        assert "dataset" in exp.options_edit.placeholderText()  # its writer's options follow the id
    finally:
        imp.close()
        exp.close()


def test_the_document_list_shows_when_it_has_the_keys(qtbot, window):
    """After F6 the document list has the keys, and looked exactly as without them: its current row and its frame
    take the active colour only while it has the focus."""
    from collections import Counter

    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtWidgets import QApplication

    table = window.documents.table
    qtbot.waitUntil(lambda: window.panels_built and table.selectionModel().hasSelection())
    window.view.setFocus()
    qtbot.waitUntil(lambda: window.view.hasFocus())
    row = table.visualRect(table.currentIndex())
    assert row.isValid()

    def look() -> tuple[int, int]:
        """The frame's colour, and the current row's (the colour most of its pixels have: text aside)."""
        image = table.grab().toImage()
        top = table.viewport().mapTo(table, QPoint(0, row.top())).y()
        width = table.viewport().width()
        seen = Counter(image.pixel(x, y) for x in range(1, width) for y in range(top + 2, top + row.height() - 2))
        return image.pixel(1, image.height() // 2), seen.most_common(1)[0][0]

    without = look()
    qtbot.keyClick(window.view, Qt.Key.Key_F6)
    assert QApplication.focusWidget() is table
    with_keys = look()
    assert with_keys[0] != without[0], "the frame is the same with the keys and without"
    assert with_keys[1] != without[1], "the current row is the same colour with the keys and without"
    window.view.setFocus()
    qtbot.waitUntil(lambda: not table.hasFocus())
    assert look() == without
