"""Session 39 (helper s39-look, docs/keyboard.md "Session 39 (helper s39-look)"): the event display as a first-time
annotator met it under Xvfb at 1366x768 and 1920x1080, seeds 000, 002 and 004 pre-annotated; each test fails on main."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

TRIAL = "The trial of the former minister opened at the Warsaw Regional Court of Appeal in Krakow on Monday."


@pytest.mark.slow  # about 2 s: the window at 1366x768
def test_a_role_row_cut_at_1366_keeps_the_selected_words_not_the_key(qtbot, tmp_path):
    """Seed 004 at 1366: Enter accepted the Trial-Hearing "trial" and went on to the DATE "almost two years"; every
    empty role read "— Alt+1: selected: alm…", the key the row's first column shows already kept, the words its key
    puts cut. Where neither the whole nor the keyless text fits, the keyless one is cut: "— selected: the Wars…"."""
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from annotator.suggest.types import EventSuggestion
    from annotator.suggest.writer import WriteCounts, write_entities, write_events
    from ui_helpers import find
    from ui_support import close_window, open_window

    path = tmp_path / "trial.annotator"
    court = "the Warsaw Regional Court of Appeal"
    spans = [(*find(TRIAL, court), "ORG")]
    events = [EventSuggestion("Justice:Trial-Hearing", *find(TRIAL, "trial"), 0.6, ())]
    with Project(path, annotator="setup") as p:
        doc = import_documents(p, [IncomingDocument(TRIAL, "t.txt")]).imported[0][1]
        with p.transaction():
            write_entities(p, doc, spans, "spacy:test@1", WriteCounts())
            write_events(p, doc, events, "rules:test@1", WriteCounts())
    w = open_window(qtbot, path, size=(1366, 768))
    try:
        w.view.setFocus()
        qtbot.keyClick(w.view, Qt.Key.Key_BracketRight)  # the Trial-Hearing on "trial"
        ed = w.event_editor
        i = list(ed.role_rows).index("Defendant")
        qtbot.keyClick(w.view, Qt.Key.Key_Return)  # accepted, on to the court; the editor stays on the trial
        assert w.controller.current_entity is not None
        cell = ed._group._cells[i].itemAt(0).widget()
        qtbot.waitUntil(lambda: "selected" in cell.full_text and 0 < cell.width() < ed.width())  # laid out
        assert cell.full_text == f"— Alt+1: selected: {court}", cell.full_text
        shown = cell.text()
        assert shown.startswith("— selected: the W") and shown.endswith("…"), shown  # was "— Alt+1: selected: th…"
        assert court in cell.toolTip(), cell.toolTip()
    finally:
        close_window(w)
