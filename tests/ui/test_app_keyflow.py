"""The keyboard flow of issue 12 on the real window: every step is a key press; assertions read the FILE."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_support import DOC_A
from ui_helpers import click_char, drag_select, entity_rows, find
from text_support import argument_words

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def text_of(w, entity_id: int) -> str:  # type: ignore[no-untyped-def]
    e = w.controller.entities[entity_id]
    return DOC_A[e.start : e.end]


def test_enter_accepts_and_moves_on_to_the_next_undecided(qtbot, window, db):
    v, d = window.view, db.document_ids()[0]
    click_char(qtbot, v, find(DOC_A, "Paris")[0])
    qtbot.keyClick(v, Qt.Key.Key_Return)
    assert entity_rows(db, d)[find(DOC_A, "Paris")].state == "accepted"
    assert text_of(window, window.controller.current_entity) == "Monday"
    qtbot.keyClick(v, "x")  # X too: rejected, and on
    assert entity_rows(db, d)[find(DOC_A, "Monday")].state == "rejected"
    assert text_of(window, window.controller.current_entity) == "NATO"


def test_tab_starts_from_the_caret_and_shift_tab_goes_back(qtbot, window):
    v = window.view
    click_char(qtbot, v, find(DOC_A, "forces")[0] + 2)  # no span here: the caret is the place
    qtbot.keyClick(v, Qt.Key.Key_Tab)
    assert text_of(window, window.controller.current_entity) == "Tal Abyad"
    qtbot.keyClick(v, Qt.Key.Key_Backtab)
    assert text_of(window, window.controller.current_entity) == "NATO"


def test_label_key_on_an_existing_span_decides_it_instead_of_doubling_it(qtbot, window, db):
    v, d = window.view, db.document_ids()[0]
    before = len(db.entities(d))
    drag_select(qtbot, v, *find(DOC_A, "Paris"))
    qtbot.keyClick(v, "3")  # GPE, as suggested: accepted
    assert len(db.entities(d)) == before
    assert entity_rows(db, d)[find(DOC_A, "Paris")].state == "accepted"
    drag_select(qtbot, v, *find(DOC_A, "Monday"))
    qtbot.keyClick(v, "8")  # TIME: that span relabelled, not a second one
    assert len(db.entities(d)) == before
    assert entity_rows(db, d)[find(DOC_A, "Monday")].label == "TIME"


def test_space_selects_the_span_under_the_caret(qtbot, window):
    v = window.view
    cur = v.textCursor()
    cur.setPosition(find(DOC_A, "Smith")[0])
    v.setTextCursor(cur)
    qtbot.keyClick(v, Qt.Key.Key_Space)
    assert text_of(window, window.controller.current_entity) == "John Smith"


def test_role_keys_without_a_selection_take_the_nearest_candidate_then_the_next(qtbot, window, db):
    v, c = window.view, window.controller
    drag_select(qtbot, v, *find(DOC_A, "attacked"))
    qtbot.keyClick(v, "e")  # one type's trigger word: no picker
    assert QApplication.activeModalWidget() is None
    ev_id = c.current_event
    assert db.event(ev_id).type == "Conflict:Attack"
    assert db.event(ev_id).attributes["tense"] == "Past"  # "attacked" says so
    qtbot.keyClick(v, Qt.Key.Key_Escape)
    c.select_event(ev_id)
    qtbot.keyClick(v, Qt.Key.Key_5, ALT)  # Place: the nearest GPE/LOC/FAC of the sentence
    place = db.event(ev_id).arguments[0]
    assert argument_words(DOC_A, [place], db.entity) == [("Place", "Tal Abyad")]
    assert db.entity(place.entity_id).state == "accepted"  # an undecided suggestion used as an argument is accepted
    qtbot.keyClick(v, Qt.Key.Key_5, ALT)  # again: the next candidate, in the same argument
    args = db.event(ev_id).arguments
    assert len(args) == 1 and DOC_A[db.entity(args[0].entity_id).start : db.entity(args[0].entity_id).end] == "Paris"
    qtbot.keyClick(v, Qt.Key.Key_Z, CTRL)
    assert db.event(ev_id).arguments[0].entity_id == place.entity_id


def test_brackets_move_between_events_and_find_returns_to_the_text(qtbot, window, db):
    v, c = window.view, window.controller
    for word in ("attacked", "met"):
        drag_select(qtbot, v, *find(DOC_A, word))
        qtbot.keyClick(v, "e")
    qtbot.keyClick(v, Qt.Key.Key_Escape)
    cur = v.textCursor()
    cur.setPosition(0)
    v.setTextCursor(cur)
    qtbot.keyClick(v, "]")
    assert DOC_A[c.events[c.current_event].trigger_start : c.events[c.current_event].trigger_end] == "met"
    qtbot.keyClick(v, "]")
    assert DOC_A[c.events[c.current_event].trigger_start : c.events[c.current_event].trigger_end] == "attacked"
    qtbot.keyClick(v, "[")
    assert DOC_A[c.events[c.current_event].trigger_start : c.events[c.current_event].trigger_end] == "met"

    qtbot.keyClick(v, Qt.Key.Key_F, CTRL)
    assert window.find_bar.edit.hasFocus()
    qtbot.keyClicks(window.find_bar.edit, "Acme")
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return)
    assert v.hasFocus()  # no Escape needed
    assert v.selection_cp() == find(DOC_A, "Acme")


def test_label_every_occurrence(qtbot, tmp_path):
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from ui_support import close_window, open_window

    text = "Lavrov met Jaishankar. Later Lavrov said Lavrovsky and Jaishankar agreed."
    path = tmp_path / "occ.annotator"
    with Project(path, annotator="setup") as p:
        import_documents(p, [IncomingDocument(text, "occ.txt")])
    w = open_window(qtbot, path)
    try:
        v = w.view
        drag_select(qtbot, v, 0, 6)
        qtbot.keyClick(v, "1")  # PERSON
        qtbot.keyClick(v, "a")  # the other "Lavrov" (not "Lavrovsky"), to decide
        db = Project(path, create=False)
        got = {(e.start, e.end): e.state for e in db.entities(db.document_ids()[0])}
        assert got == {(0, 6): "added", (29, 35): "suggested"}
        drag_select(qtbot, v, 11, 21)
        qtbot.keyClick(v, "1")
        qtbot.keyClick(v, "A")  # Shift+A: accepted at once
        got = {(e.start, e.end): e.state for e in db.entities(db.document_ids()[0])}
        assert got[(text.rindex("Jaishankar"), text.rindex("Jaishankar") + 10)] == "accepted"
        db.close()
    finally:
        close_window(w)


def test_event_suggestions_are_decided_by_keys(qtbot, window, db):
    from annotator.suggest.types import ArgumentSuggestion, EventSuggestion
    from annotator.suggest.writer import WriteCounts, write_events

    d = db.document_ids()[0]
    met = find(DOC_A, "met")
    attacked = find(DOC_A, "attacked")
    with db.transaction():
        write_events(
            db,
            d,
            [
                EventSuggestion(
                    "Contact:Meet",
                    *met,
                    0.8,
                    arguments=(ArgumentSuggestion("Entity", *find(DOC_A, "John Smith"), "PERSON"),),
                    alternatives=("Contact:Phone-Write",),
                ),
                EventSuggestion("Conflict:Attack", *attacked, 0.6),
            ],
            "rules:test@1",
            WriteCounts(),
        )
    window.controller.reload()
    v, c = window.view, window.controller
    qtbot.waitUntil(lambda: len(c.events) == 2)
    assert v.highlighter.items[-next(iter(c.events))][3] == "trigger-suggested"  # dashed, as suggestions
    click_char(qtbot, v, find(DOC_A, "Maria")[0])
    qtbot.keyClick(v, Qt.Key.Key_Return)  # Maria accepted; on to the next undecided: the suggested event "met"
    assert c.current_entity is None and c.events[c.current_event].trigger_start == met[0]
    qtbot.waitUntil(lambda: bool(window.events.ids) and window.events.cell(0, 3) == "undecided")
    qtbot.keyClick(v, Qt.Key.Key_Return)  # the event accepted, with the suggestion filling its role
    meet = next(e for e in db.events(d) if e.trigger_start == met[0])
    assert meet.state == "accepted"
    assert db.entity(meet.arguments[0].entity_id).state == "accepted"
    assert text_of(window, c.current_entity) == "Paris"  # on to the next undecided (John Smith was accepted with it)
    c.select_entity(None)
    c.select_event(next(e.id for e in db.events(d) if e.trigger_start == attacked[0]))
    qtbot.keyClick(v, "x")
    assert next(e for e in db.events(d) if e.trigger_start == attacked[0]).state == "rejected"
    qtbot.keyClick(v, Qt.Key.Key_Z, CTRL)
    assert next(e for e in db.events(d) if e.trigger_start == attacked[0]).state == "suggested"
