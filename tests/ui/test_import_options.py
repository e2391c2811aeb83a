"""File > Import from another tool… takes the reader's options (CoNLL's scheme, column, documents), as
``import --format conll --option`` does: the dialog had no place for them."""

from __future__ import annotations

from ui_support import modal_answerer, when_modal

TWEETS = "Maria\tB-PERSON\nLopez\tI-PERSON\nflew\tO\n\t\nParis\tB-GPE\nwaits\tO\n\t\n"


def test_the_import_dialog_gives_the_conll_reader_its_options(qtbot, window, tmp_path):

    from ui.dialogs.import_format import ImportFormatDialog

    path = tmp_path / "tweets.conll"
    path.write_text(TWEETS, encoding="utf-8")
    c = window.controller
    before = len(c.project.document_ids())
    seen: dict[str, object] = {}

    def fill(dlg: ImportFormatDialog) -> None:
        assert isinstance(dlg, ImportFormatDialog)
        dlg.set_format("brat")
        seen["brat"] = (dlg.options_edit.isEnabled(), dlg.options_edit.placeholderText())
        dlg.set_format("conll")
        seen["conll"] = (dlg.options_edit.isEnabled(), dlg.options_edit.placeholderText())
        seen["tip"] = dlg.options_edit.toolTip()
        dlg.path.setText(str(path))
        dlg.options_edit.setText("sentences=1")  # not a key of the CoNLL reader: said, the dialog stays open
        dlg.accept()
        seen["error"], seen["open"] = dlg.error.text(), dlg.isVisible()
        dlg.options_edit.setText("documents=sentence")
        dlg.accept()

    when_modal(modal_answerer(fill, seen))
    window.import_format_dialog()
    qtbot.waitUntil(lambda: not window.workers, timeout=20000)
    assert "failed" not in seen, seen.get("failed")
    assert seen["brat"] == (False, "no options for this format")
    enabled, hint = seen["conll"]
    assert enabled and "scheme, column, documents" in hint
    assert seen["tip"] == "scheme=auto|iob|bioes|io, column=N|last, documents=docstart|sentence|N"
    # the menu's tip named four of the seven formats it imports (not CoNLL)
    tip = window.actions_by_name["import_format"].statusTip() or window.actions_by_name["import_format"].toolTip()
    assert "CoNLL" in tip and "DyGIE++" in tip and "spaCy DocBin" in tip
    assert (
        seen["error"]
        == (  # the command line's words (annotator import -f conll --option sentences=1)
            "CoNLL import takes the options scheme, column, documents, not 'sentences'; nothing was imported"
        )
        and seen["open"]
    )
    ids = c.project.document_ids()
    assert len(ids) == before + 2  # a sentence a document, as documents=sentence asks
    texts = [c.project.document(d).text for d in ids[before:]]
    assert texts == ["Maria Lopez flew", "Paris waits"]
    assert window.message.text().startswith("Import (CoNLL): 2 imported, 2 entities")
