"""Session 30's keys pass (docs/keyboard.md, round 24): keys a person spends rejecting a suggestion reached by Find.
Each test presses keys through the real window, then reads what the project file holds, and failed on main before
its fix."""

from __future__ import annotations

from PySide6.QtCore import Qt

BUY = "Buyers said the firm will buy the plant, and the union may buy it back before the strike."


def test_alt_x_in_finds_bar_goes_to_the_next_match_that_lies_in_a_suggestion(qtbot, tmp_path):
    """Alt+X in Find's bar rejected the suggestion the words' next match lies in (session 27); when that match lay in
    none ("Buyers", no suggestion), X rejected nothing and said so, and the wrong "buy" further on took `Enter`, F3 and
    X (seed 002's `Ctrl+F t e Return F3 x`) or more letters. Alt+X now goes to the next match that lies in one
    undecided suggestion, passing over those in none: `Ctrl+F b u Alt+X` rejects the first suggested "buy", again the
    second. A match in a suggestion decided already is passed over too."""
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from annotator.suggest.types import EventSuggestion
    from annotator.suggest.writer import WriteCounts, write_entities, write_events
    from ui_helpers import find
    from ui_support import close_window, open_window

    path = tmp_path / "buy.annotator"
    first, second = find(BUY, "buy"), find(BUY, "buy", 1)
    with Project(path, annotator="setup") as p:
        doc = import_documents(p, [IncomingDocument(BUY, "m.txt")]).imported[0][1]
        buys = [EventSuggestion("Transaction:Transfer-Ownership", *sp, 0.6) for sp in (first, second)]
        with p.transaction():  # as pre-annotation writes them (ui_support.one_suggested_event, with two events)
            write_entities(p, doc, [], "spacy:test@1", WriteCounts())
            write_events(p, doc, buys, "rules:test@1", WriteCounts())
    w = open_window(qtbot, path)
    try:
        v = w.view
        v.setFocus()
        for _ in range(2):
            qtbot.keyClick(v, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
            w.find_bar.edit.selectAll()
            qtbot.keyClicks(w.find_bar.edit, "bu")
            qtbot.keyClick(w.find_bar.edit, Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)
            v.setFocus()
            w.view.select_cp(0, 0)  # the caret back at the text's start: "Buyers" is the words' next match again
        # both decided: no match lies in a suggestion, so Alt+X goes to the next match as before, and X says why
        qtbot.keyClick(v, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(w.find_bar.edit, Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)
        assert v.selection_cp() == (0, 2)
        assert "lie in no undecided suggestion: nothing was rejected" in w.message.text(), w.message.text()
    finally:
        close_window(w)
    with Project(path, create=False) as p:
        got = sorted((x.trigger_start, x.state) for x in p.events(p.document_ids()[0]))
    # main: "Buyers" selected, nothing rejected (the line: "The words found lie in no undecided suggestion")
    assert got == [(first[0], "rejected"), (second[0], "rejected")], got
