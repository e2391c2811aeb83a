"""The export dialog's Options field says the values each of the format's keys takes (its tooltip), as the import
dialog's does: the placeholder named only the keys, so `names=aliases` (the DyGIE++ export in ACE's names) or
`docstart=no` could be found only in docs/formats.md."""

from __future__ import annotations

from annotator.formats.registry import FORMATS


def test_the_options_field_tells_each_formats_values(qtbot, tmp_path):
    from ui.dialogs.export import ExportDialog

    dlg = ExportDialog(str(tmp_path / "p.json"), None)
    qtbot.addWidget(dlg)
    dlg.set_format("dygiepp")
    assert "names=file|schema|aliases" in dlg.options_edit.toolTip()
    assert "trigger_head=last|first" in dlg.options_edit.toolTip()
    dlg.set_format("conll")
    assert "docstart=yes|no" in dlg.options_edit.toolTip()
    dlg.set_format("json")
    assert "tokens=yes|no" in dlg.options_edit.toolTip()  # session 20
    assert dlg.example.text() == "e.g. tokens=no"  # not a split, which JSON refuses
    dlg.set_format("label_studio")
    assert dlg.options_edit.toolTip() == ""  # no options: nothing to tell
    # every key a writer takes is told with its values
    for f in FORMATS.values():
        assert all(f"{key}=" in f.export_help for key in f.options), f.name
