"""Session 33 (s33-real): ``import -f duee`` says which reader reads DuEE's files (registry.read_by), but File >
Import from another tool…'s list named only the formats: a user with DuEE, TACRED, CLUENER, DocRED or UIE files could
not tell which entry to pick. Each entry now names the corpora its reader reads too, from the same table."""

from __future__ import annotations

import pytest

from annotator.formats.registry import read_by


@pytest.mark.parametrize("corpus", ["duee", "tacred", "cluener", "docred", "uie", "maven", "ontonotes"])
def test_the_import_list_names_the_entry_that_reads_a_corpus_as_the_command_line_does(qtbot, corpus):
    from ui.dialogs.import_format import ImportFormatDialog

    dlg = ImportFormatDialog()
    qtbot.addWidget(dlg)
    named, formats = read_by(corpus)
    assert named and formats, corpus
    entries = [dlg.format.itemText(i) for i in range(dlg.format.count())]
    naming = [dlg.format.itemData(i) for i in range(dlg.format.count()) if named in dlg.format.itemText(i)]
    # the project's own JSON and JSONL have no --format reader of their own: told from each file, as without -f
    wanted = [f for f in formats if f not in ("json", "jsonl")] or [""]
    assert naming == wanted, (named, formats, entries)
