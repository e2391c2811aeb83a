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
        assert {"JSON", "JSONL", "spaCy DocBin", "brat", "Prodigy", "DyGIE++", "CoNLL"} == shown, shown
        exp.set_format("dygiepp")
        assert exp.format.currentText() == "DyGIE++"
        assert exp.path.text().endswith("p.dygiepp.jsonl")
        assert exp.options().format == "dygiepp"
        assert "dataset" in exp.options_edit.placeholderText()  # its writer's options follow the id
    finally:
        imp.close()
        exp.close()
