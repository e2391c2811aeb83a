"""Session 34 (helper s34-app, docs/keyboard.md "Session 34: the app") as a user: keys pressed through the real
window, then what the project file and the window say; each test failed on main before its change."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from ui_helpers import find
from text_support import argument_words

SHIFT = Qt.KeyboardModifier.ShiftModifier
VISIT = "Shohei Ōtani will visit Tokyo next week, his agent said."


@pytest.mark.slow  # 2 s: a window of its own on a file of its own
def test_shift_e_carries_the_place_a_visit_names_as_its_object_to_the_destination(qtbot, tmp_path):
    """Seed 007 as s34-qa met it: a suggested Meet on "visit" whose Entity is (wrongly) Tokyo, Transport "also
    possible". Shift+E put Tokyo in the Transport's Agent (the role sharing the Entity's slots); the object of "visit"
    is where the movement ends: its Destination, and the status line says so. Ctrl+Z puts the Entity back."""
    from annotator.store import Project
    from annotator.suggest.types import ArgumentSuggestion, EventSuggestion
    from ui_support import close_window, one_suggested_event, open_window

    path = tmp_path / "visit.annotator"
    tokyo = ArgumentSuggestion("Entity", *find(VISIT, "Tokyo"), "GPE")
    meet = EventSuggestion("Contact:Meet", *find(VISIT, "visit"), 0.6, (tokyo,), alternatives=("Movement:Transport",))
    one_suggested_event(path, VISIT, [], meet)
    w = open_window(qtbot, path)
    try:
        v = w.view
        v.setFocus()
        (ev,) = w.controller.events.values()
        w.edit_actions.select_event(ev)
        qtbot.keyClick(v, Qt.Key.Key_E, SHIFT)
        said = w.message.text()
        assert said == "Movement:Transport: Entity “Tokyo” is its Destination (Ctrl+Z puts it back)", (
            said
        )  # main: Agent
        with Project(path, create=False) as p:
            got = p.event(ev.id)
            assert got.type == "Movement:Transport"
            assert argument_words(VISIT, got.arguments, p.entity) == [("Destination", "Tokyo")]
        qtbot.keyClick(v, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        with Project(path, create=False) as p:
            back = p.event(ev.id)
            assert back.type == "Contact:Meet" and [a.role for a in back.arguments] == ["Entity"]
    finally:
        close_window(w)


MET = "Anna Nowak met Marek Zielinski in Warsaw."


@pytest.mark.slow  # a window of its own: ~2 s
def test_the_documents_list_s_not_done_filter_shows_new_and_in_progress_and_ctrl_pgdown_goes_through_them(
    qtbot, tmp_path
):
    """A person working through a corpus wants everything not yet annotated in one choice: the status filter had
    "new" (a document left it at its first decision) and "in progress" apart. F6 to the list, Shift+Tab to the
    status box, "n": "not done", the new and in progress documents shown, the annotated one hidden; a decision keeps
    the document in the list, and Ctrl+PgDown goes on through the ones not done, passing the annotated one."""
    from PySide6.QtWidgets import QApplication

    from annotator import edits
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from annotator.suggest.writer import WriteCounts, write_entities
    from ui_support import close_window, open_window

    path = tmp_path / "four.annotator"
    with Project(path, annotator="setup") as p:
        made = import_documents(p, [IncomingDocument(f"{MET} ({n})", f"{n}.txt") for n in "abcd"]).imported
        with p.transaction():
            for _name, doc in made:
                write_entities(p, doc, [(0, 10, "PERSON")], "spacy:test@1", WriteCounts())
        ids = {p.document(d).name: d for _name, d in made}
        edits.set_status(p, ids["b.txt"], "in_progress")
        edits.set_status(p, ids["c.txt"], "annotated")
    w = open_window(qtbot, path)
    try:
        c, v, docs = w.controller, w.view, w.document_list()
        w.open_document(ids["a.txt"])
        v.setFocus()
        while QApplication.focusWidget() is not docs.table:  # F6: the panes in turn, the list among them
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
        qtbot.keyClick(docs.table, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
        assert QApplication.focusWidget() is docs.status
        qtbot.keyClick(docs.status, Qt.Key.Key_N)
        assert docs.status.currentText() == "not done"  # on main: "new"
        assert docs.shown_ids() == [ids["a.txt"], ids["b.txt"], ids["d.txt"]]
        v.setFocus()
        qtbot.keyClick(v, Qt.Key.Key_Tab)
        qtbot.keyClick(v, Qt.Key.Key_Return)  # accepted: a.txt in progress, still in the list
        qtbot.waitUntil(lambda: c.project.document(ids["a.txt"]).status == "in_progress")
        assert docs.shown_ids() == [ids["a.txt"], ids["b.txt"], ids["d.txt"]]
        qtbot.keyClick(v, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
        assert c.doc.name == "b.txt"
        qtbot.keyClick(v, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
        assert c.doc.name == "d.txt"  # c.txt, annotated, passed
        docs.status.setCurrentIndex(docs.status.findData("reviewed"))  # none: the note names the choice that shows them
        docs.status.setCurrentIndex(docs.status.findData("not done"))
        assert docs.shown_ids() == [ids["a.txt"], ids["b.txt"], ids["d.txt"]]
    finally:
        close_window(w)


def test_the_empty_list_s_note_says_not_done_as_its_statuses():
    from ui.panels.documents import NOT_DONE, filtered_out

    assert filtered_out(NOT_DONE, "", 4).startswith("No document is new or in progress.\n")


def test_new_event_s_tooltip_and_the_line_say_e_changes_the_selected_event_s_type_after_a_click_on_a_word(
    qtbot, window, db, monkeypatch
):
    """s34-qa: with an event selected, a click onto a plain word, then New event… (or E): the picker opened on the
    selected event ("Trigger: attacked"), not on the word clicked, and nothing said so before: the toolbar's tooltip
    read "New event on the selected trigger (E)". The tooltip and the status line say it; after the click onto the
    word E makes the new event there (session 38: it changed the selected event's type, and Escape came first)."""

    from ui_support import DOC_A, picker_answering, suggest_event

    asked = picker_answering(monkeypatch, "Personnel:End-Position")
    w, c, v = window, window.controller, window.view
    d = db.document_ids()[0]
    ev = suggest_event(db, w, "Conflict:Attack", "attacked")
    action = w.actions_by_name["new_event"]
    assert action.toolTip() == "New event on the selected trigger (E)"
    v.setFocus()
    w.edit_actions.select_event(ev)
    said = (
        "Change the type of the selected event “attacked” (E: the picker; Shift+E: its next type); the caret put on "
        "another word: E makes a new event there"
    )
    assert action.toolTip() == said and action.statusTip() == said  # on main: "New event on the selected trigger"
    cursor = v.textCursor()
    cursor.setPosition(DOC_A.index("fired") + 2)  # DOC_A has no astral character: code points are UTF-16 units
    qtbot.mouseClick(v.viewport(), Qt.MouseButton.LeftButton, pos=v.cursorRect(cursor).center())
    assert c.current_event == ev.id and v.textCursor().position() == DOC_A.index("fired") + 2  # the click kept it
    assert action.toolTip() == "New event on the selected trigger (E)"  # session 38: E makes it on the word
    line = w.message.text()
    assert "the caret is on “fired” (E: a new event on it)" in line, line
    qtbot.keyClick(v, Qt.Key.Key_E)
    assert asked in ([], ["fired"])  # the picker, or the type the word names (the setting "E without the picker")
    made = [(DOC_A[e.trigger_start : e.trigger_end], e.type) for e in db.events(d)]
    assert ("fired", "Personnel:End-Position") in made and ("attacked", "Conflict:Attack") in made, made
