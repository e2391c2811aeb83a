"""Session 35 (helper s35-look, docs/keyboard.md "The app looked at, session 35"): what the app showed under Xvfb at
1366x768 after this session's changes, each test failing on main."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

VISIT = "The visit was planned.\nThe ministers met in New York."


@pytest.mark.slow  # about 2 s: the window at 1366x768
def test_a_role_the_selected_spans_event_lacks_is_said_whole_at_1366(qtbot, tmp_path):
    """A Transport selected, then a span of the next sentence, whose Meet has three roles: the Transport's rows 4 to 7
    read "— Alt+4: “met” has no …" at 1366x768, the role's number cut. Where the whole does not fit the key goes
    first, as the row's first column shows it: "— “met” has no role 4"; the tooltip still says it all."""
    from annotator.suggest.types import EventSuggestion
    from ui_helpers import find, project_with_suggestions
    from ui_support import close_window, open_window

    path = tmp_path / "visit.annotator"
    spans = [(*find(VISIT, "ministers"), "PERSON"), (*find(VISIT, "New York"), "GPE")]
    events = [
        EventSuggestion("Movement:Transport", *find(VISIT, "visit"), 0.6, ()),
        EventSuggestion("Contact:Meet", *find(VISIT, "met"), 0.6, ()),
    ]
    project_with_suggestions(path, VISIT, spans, events, "v.txt")
    w = open_window(qtbot, path, size=(1366, 768))
    try:
        w.view.setFocus()
        qtbot.keyClick(w.view, Qt.Key.Key_BracketRight)  # the Transport on "visit"
        ed = w.event_editor
        i = list(ed.role_rows).index("Price")  # the fourth role
        qtbot.keyClick(w.view, Qt.Key.Key_Return)  # accepted, on to "ministers"; the editor stays on the Transport
        assert w.controller.current_entity is not None
        cell = ed._group._cells[i].itemAt(0).widget()
        qtbot.waitUntil(lambda: "has no" in cell.full_text and 0 < cell.width() < ed.width())  # laid out
        assert cell.full_text == "— Alt+4: “met” has no role 4", cell.full_text
        assert cell.text() == "— “met” has no role 4", cell.text()  # was "— Alt+4: “met” has no …"
        assert "Alt+4" in cell.toolTip() and "no role 4" in cell.toolTip(), cell.toolTip()
    finally:
        close_window(w)


TRAVEL = "Otieno will fly to Busan before returning to Nairobi."


@pytest.mark.slow  # a window of its own: ~2 s
def test_e_on_an_event_item_no_version_of_which_is_kept_says_that_e_makes_it(qtbot, tmp_path):
    """A merged file under Xvfb: alice's Meet on "discussions", bob's nothing; E on its row ("edit by lead") put the
    caret at the trigger and the main window's line went on saying "Nothing decided here yet: the work of alice, bob
    waits for adjudication", no event there to select and nothing saying what the reviewer's edit is. The line says
    the word has no event yet, the versions' types, and that E makes one (on main: the line unchanged); E makes it."""
    from PySide6.QtWidgets import QApplication

    from annotator import edits
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from ui_helpers import find
    from ui_support import close_window, open_window

    path = tmp_path / "team.annotator"
    with Project(path, annotator="setup") as p:
        doc = import_documents(p, [IncomingDocument(TRAVEL, "t.txt")]).imported[0][1]
        for name in ("alice", "bob"):
            p.annotation_set, p.annotator = name, name
            edits.add_entity(p, doc, *find(TRAVEL, "Otieno"), "PERSON")
        p.annotation_set, p.annotator = "alice", "alice"
        edits.add_event(p, doc, "Movement:Transport", *find(TRAVEL, "fly"))
    w = open_window(qtbot, path, annotator="vera", pipeline=None)
    try:
        c = w.controller
        w.actions_by_name["adjudicate"].trigger()
        dlg = w._adjudication_window
        fly = next(d for d in dlg.diffs if d.kind == "event")
        dlg.select(fly.id)
        qtbot.keyClick(dlg.tree, "e")
        for _ in range(3):  # a note may come at the next turn of the loop
            QApplication.processEvents()
        said = w.message.text()
        assert said == "“fly”: settled as your edit, no event here yet (alice's: Movement:Transport); E makes one", said
        assert c.current_event is None and not c.events
        dlg.close()
        w.view.setFocus()
        qtbot.keyClick(w.view, "e")
        qtbot.waitUntil(lambda: [(v.type, v.trigger_start) for v in c.events.values()] == [("Movement:Transport", 12)])
    finally:
        close_window(w)
