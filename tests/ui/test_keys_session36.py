"""Session 36 (helper s36-keys, docs/keyboard.md "By keyboard, round 30, session 36"): through the real window with
keys, each test failing on main."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

COST = "The visit cost four hundred dollars.\nThe ministers met in New York."


def _visit_project(tmp_path):  # type: ignore[no-untyped-def]
    """A file whose Transport "visit" has no MONEY in its document for its Price: the ministers and New York only."""
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from annotator.suggest.types import EventSuggestion
    from annotator.suggest.writer import WriteCounts, write_entities, write_events
    from ui_helpers import find

    path = tmp_path / "visit.annotator"
    spans = [(*find(COST, "ministers"), "PERSON"), (*find(COST, "New York"), "GPE")]
    with Project(path, annotator="setup") as p:
        doc = import_documents(p, [IncomingDocument(COST, "v.txt")]).imported[0][1]
        with p.transaction():
            write_entities(p, doc, spans, "spacy:test@1", WriteCounts())
            write_events(
                p, doc, [EventSuggestion("Movement:Transport", *find(COST, "visit"), 0.6, ())], "r@1", WriteCounts()
            )
    return path


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
@pytest.mark.slow  # about 2 s each: a window of its own
def test_an_empty_role_with_no_candidate_says_what_its_key_does(qtbot, tmp_path, size):
    """The Transport's Price, no MONEY in the document: its row showed a dash alone (`Alt+4 Price —`, s35-look), and
    Alt+4 said only "No entity of MONEY to fill Price.". The row says its key fills the role with selected words
    (without the key where the whole does not fit: the row's first column names it), the tooltip says it whole, the
    key's line says it too; then the words selected (Find, Enter) and Alt+4 fill Price with a MONEY span, in the
    file."""
    from annotator.store import Project
    from ui_support import close_window, open_window

    path = _visit_project(tmp_path)
    w = open_window(qtbot, path, size=size)
    try:
        c, v, ed = w.controller, w.view, w.event_editor
        v.setFocus()
        qtbot.keyClick(v, Qt.Key.Key_BracketRight)  # the Transport on "visit"
        i = list(ed.role_rows).index("Price")
        cell = ed._group._cells[i].itemAt(0).widget()
        qtbot.waitUntil(lambda: "select" in cell.full_text and 0 < cell.width() < ed.width())  # laid out
        assert cell.full_text == "— select words, Alt+4", cell.full_text  # on main: "—"
        assert cell.text() in (cell.full_text, "— select words first"), cell.text()  # whole, never cut
        if size[0] == 1920:
            assert cell.text() == cell.full_text
        tip = cell.toolTip()
        assert "no entity it accepts is in the document" in tip and "MONEY" in tip and "Alt+4" in tip, tip
        qtbot.keyClick(v, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)  # nothing selected
        said = w.message.text()
        assert said.startswith("No entity of MONEY to fill Price: select its words, then Alt+4"), said
        qtbot.keyClick(v, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(w.find_bar.edit, "four hundred dollars")
        qtbot.waitUntil(lambda: w.find_bar.info.text() == "1 match")
        qtbot.keyClick(w.find_bar.edit, Qt.Key.Key_Return)
        assert v.textCursor().selectedText() == "four hundred dollars"
        qtbot.keyClick(v, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
        ev = next(iter(c.events.values()))
        qtbot.waitUntil(lambda: [a.role for a in c.events[ev.id].arguments] == ["Price"])
    finally:
        close_window(w)
    with Project(path, annotator="check") as p:
        (doc_id,) = p.document_ids()
        (held,) = p.events(doc_id)
        ents = {e.id: e for e in p.entities(doc_id)}
        filled = [
            (a.role, COST[ents[a.entity_id].start : ents[a.entity_id].end], ents[a.entity_id].label)
            for a in held.arguments
        ]
        assert filled == [("Price", "four hundred dollars", "MONEY")], filled


def test_the_words_of_an_empty_role_with_no_candidate():
    """The row's text and its shorter one, the tooltip naming the labels a selection is made, a tenth role's dash."""
    from ui.role_keys import no_candidate_row, no_candidate_tip

    assert no_candidate_row("Alt+4") == ("— select words, Alt+4", ("— select words first",))
    assert no_candidate_row("") == ("—", ())
    tip = no_candidate_tip("Price", ("MONEY",), "Alt+4")
    assert tip.startswith("Price is empty; no entity it accepts is in the document: select its words"), tip
    assert "press Alt+4" in tip and "(MONEY)" in tip, tip
    assert no_candidate_tip("Extra", ("PERSON",), "") == "Extra is empty; no entity it accepts is in the document"
