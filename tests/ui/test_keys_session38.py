"""Session 38 (helper s38-keys, docs/keyboard.md "By keyboard, round 32, session 38"): what session 37's Ctrl+Shift+N
left, through the real window with keys, each test failing on main."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from PySide6.QtCore import Qt
from text_support import argument_words

SHOT = "The army flew police officers and a doctor to Kabul on Monday."
MET = "Malcolm Turnbull met Donald Trump and an aide in Sydney."
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


def _project(tmp_path, text, spans, type_, word, args):  # type: ignore[no-untyped-def]
    """A project of one document ``text``: the pipeline's ``spans`` (words, label) and one suggested event of
    ``type_`` on ``word`` whose ``args`` (role, words, label) are given in that order."""
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from annotator.suggest.types import ArgumentSuggestion, EventSuggestion
    from annotator.suggest.writer import WriteCounts, write_entities, write_events
    from ui_helpers import find

    path = tmp_path / "doc.annotator"
    made = tuple(ArgumentSuggestion(role, *find(text, words), label) for role, words, label in args)
    with Project(path, annotator="setup") as p:
        doc = import_documents(p, [IncomingDocument(text, "d.txt")]).imported[0][1]
        with p.transaction():
            write_entities(p, doc, [(*find(text, w), lab) for w, lab in spans], "spacy:test@1", WriteCounts())
            write_events(p, doc, [EventSuggestion(type_, *find(text, word), 0.6, made)], "r@1", WriteCounts())
    return path


def _held(path, text):  # type: ignore[no-untyped-def]
    """The file's one event: its state, its (role, words) sorted, and each span's state by its words."""
    from annotator.store import Project

    with Project(path, annotator="check") as p:
        (doc_id,) = p.document_ids()
        (ev,) = p.events(doc_id)
        ents = {e.id: e for e in p.entities(doc_id)}
        filled = sorted(argument_words(text, ev.arguments, ents))
        return ev.state, filled, {text[e.start : e.end]: e.state for e in ents.values()}


NAMES = [("Malcolm Turnbull", "PERSON"), ("Donald Trump", "PERSON"), ("Sydney", "GPE")]
TWO_PARTIES = [("Entity", "Malcolm Turnbull", "PERSON"), ("Entity", "Donald Trump", "PERSON")]


@contextmanager
def _meet_window(qtbot, tmp_path, args=TWO_PARTIES):  # type: ignore[no-untyped-def]
    """A window at 1366x768 on MET's suggested Meet (its Entity ``args``), `]` pressed: the event selected."""
    from ui_support import close_window, open_window

    path = _project(tmp_path, MET, NAMES, "Contact:Meet", "met", args)
    w = open_window(qtbot, path, size=(1366, 768))
    try:
        w.view.setFocus()
        qtbot.keyClick(w.view, Qt.Key.Key_BracketRight)
        yield w, path
    finally:
        close_window(w)


def _accepted_then_trump_selected(qtbot, w) -> int:  # type: ignore[no-untyped-def]
    """Alt+3 (Place: Sydney) accepts the Meet, its fillers with it; Ctrl+Shift+1 twice selects "Donald Trump"."""
    c, v = w.controller, w.view
    (ev_id,) = c.events
    qtbot.keyClick(v, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: c.events[ev_id].state == "accepted")
    qtbot.keyClick(v, Qt.Key.Key_1, CTRL_SHIFT)
    qtbot.keyClick(v, Qt.Key.Key_1, CTRL_SHIFT)
    trump = c.entities[c.current_entity]
    assert MET[trump.start : trump.end] == "Donald Trump"
    return ev_id


@pytest.mark.slow  # about 2 s: a window of its own
def test_another_roles_key_after_ctrl_shift_digit_fills_that_role(qtbot, tmp_path):
    """`]` to the suggested Transport, Ctrl+Shift+2 selects its Artifact "police officers", Shift+Right makes it
    "officers"; Alt+1 then fills the Agent with its candidate "army" and the Artifact keeps "officers" (on main it
    moved "officers" into the Agent: Escape came first). Escape goes back to the event, the line the event's own (on
    main a line of its own, which stayed as the caret moved: the caret's note never came), Enter accepts it."""
    from ui_support import close_window, open_window

    path = _project(
        tmp_path,
        SHOT,
        [("army", "ORG"), ("Kabul", "GPE")],
        "Movement:Transport",
        "flew",
        [("Artifact", "police officers", "PERSON"), ("Artifact", "doctor", "PERSON"), ("Destination", "Kabul", "GPE")],
    )
    w = open_window(qtbot, path, size=(1366, 768))
    try:
        c, v = w.controller, w.view
        v.setFocus()
        qtbot.keyClick(v, Qt.Key.Key_BracketRight)
        (ev_id,) = c.events
        qtbot.keyClick(v, Qt.Key.Key_2, CTRL_SHIFT)
        picked = c.current_entity
        qtbot.keyClick(v, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
        qtbot.waitUntil(lambda: SHOT[c.entities[picked].start : c.entities[picked].end] == "officers")
        qtbot.keyClick(v, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: any(a.role == "Agent" for a in c.events[ev_id].arguments))
        assert w.message.text().startswith("Agent: army"), w.message.text()
        assert c.current_event == ev_id
        qtbot.keyClick(v, Qt.Key.Key_Escape)  # back to the event: its own line, which the caret's note then follows
        assert c.current_event == ev_id and c.current_entity is None
        said = w.message.text()
        assert said.startswith("event Movement:Transport (accepted): flew"), said  # main: "… selected (Escape: …)"
        cursor = v.textCursor()
        cursor.setPosition(SHOT.index("Monday") + 2)  # no astral character: code points are UTF-16 units
        qtbot.mouseClick(v.viewport(), Qt.MouseButton.LeftButton, pos=v.cursorRect(cursor).center())
        said = w.message.text()
        assert "the caret is on “Monday” (E: a new event on it)" in said, said  # main: the Escape line stayed
        qtbot.keyClick(v, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: c.events[ev_id].state == "accepted")
    finally:
        close_window(w)
    state, filled, _ = _held(path, SHOT)
    assert state == "accepted"
    assert filled == [("Agent", "army"), ("Artifact", "doctor"), ("Artifact", "officers"), ("Destination", "Kabul")]


@pytest.mark.slow  # about 2 s: a window of its own
def test_a_filler_accepted_with_its_event_taken_out_by_keys_is_undecided_again(qtbot, tmp_path):
    """A suggested Meet whose Entity holds "Malcolm Turnbull" and "Donald Trump" (the pipeline's names) is accepted by
    a first change (Alt+3: Place "Sydney"), its fillers with it; Ctrl+Shift+1 twice selects "Donald Trump" and
    Ctrl+Alt+1 takes it out: it is undecided again, as the editor's × and Ctrl+Alt+N emptying the role leave such a
    filler (on main it stayed an accepted PERSON, out of Tab's reach). "Malcolm Turnbull" stays accepted."""
    with _meet_window(qtbot, tmp_path) as (w, path):
        c, v = w.controller, w.view
        ev_id = _accepted_then_trump_selected(qtbot, w)
        qtbot.keyClick(v, Qt.Key.Key_1, CTRL_ALT)
        qtbot.waitUntil(lambda: len([a for a in c.events[ev_id].arguments if a.role == "Entity"]) == 1)
        assert w.message.text() == "Entity: “Donald Trump” taken out (Ctrl+Z puts it back)", w.message.text()
    state, filled, spans = _held(path, MET)
    assert filled == [("Entity", "Malcolm Turnbull"), ("Place", "Sydney")]
    assert spans["Donald Trump"] == "suggested", spans  # main: accepted
    assert spans["Malcolm Turnbull"] == "accepted"


@pytest.mark.slow  # about 2 s: a window of its own
def test_a_filler_resized_before_ctrl_alt_digit_stays_accepted(qtbot, tmp_path):
    """The same Meet, its Entity "Donald Trump" selected by Ctrl+Shift+1 twice and made "Trump" by Ctrl+Right
    (Shift+Right): the person's change; taken out by Ctrl+Alt+1 it stays an accepted span."""
    with _meet_window(qtbot, tmp_path) as (w, path):
        c, v = w.controller, w.view
        ev_id = _accepted_then_trump_selected(qtbot, w)
        trump = c.current_entity
        qtbot.keyClick(v, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
        qtbot.waitUntil(lambda: MET[c.entities[trump].start : c.entities[trump].end] == "Trump")
        qtbot.keyClick(v, Qt.Key.Key_1, CTRL_ALT)
        qtbot.waitUntil(lambda: len([a for a in c.events[ev_id].arguments if a.role == "Entity"]) == 1)
    _, _, spans = _held(path, MET)
    assert spans["Trump"] == "accepted", spans


@pytest.mark.slow  # about 2 s: a window of its own
def test_a_filler_resized_then_let_go_of_stays_accepted_when_its_role_is_emptied(qtbot, tmp_path):
    """The same Meet: "Donald Trump" selected by Ctrl+Shift+1 twice, made "Trump", Escape (back to the event), then
    Ctrl+Alt+1 empties the role: "Malcolm Turnbull", accepted only with its event, is undecided again; "Trump", the
    person's change, stays accepted."""
    with _meet_window(qtbot, tmp_path) as (w, path):
        c, v = w.controller, w.view
        ev_id = _accepted_then_trump_selected(qtbot, w)
        trump = c.current_entity
        qtbot.keyClick(v, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
        qtbot.waitUntil(lambda: MET[c.entities[trump].start : c.entities[trump].end] == "Trump")
        qtbot.keyClick(v, Qt.Key.Key_Escape)
        assert c.current_event == ev_id and c.current_entity is None
        qtbot.keyClick(v, Qt.Key.Key_1, CTRL_ALT)
        qtbot.waitUntil(lambda: not any(a.role == "Entity" for a in c.events[ev_id].arguments))
    _, filled, spans = _held(path, MET)
    assert filled == [("Place", "Sydney")]
    assert spans["Trump"] == "accepted" and spans["Malcolm Turnbull"] == "suggested", spans


@pytest.mark.slow  # about 2 s: a window of its own
def test_the_editor_lists_a_roles_fillers_in_the_texts_order(qtbot, tmp_path):
    """The suggested Meet's Entity was put "Donald Trump" first, then "Malcolm Turnbull" (the suggester's order):
    the editor lists them in the text's order, "Malcolm Turnbull" first, as Ctrl+Shift+1 steps through them (on
    main it listed them as put: the first Ctrl+Shift+1 selected the second row's); the status line and the Events
    list's Arguments cell name them in that order."""
    with _meet_window(qtbot, tmp_path, args=TWO_PARTIES[::-1]) as (w, _):
        c, v = w.controller, w.view
        ed = w.event_editor
        row = list(ed.role_rows).index("Entity")
        qtbot.waitUntil(lambda: ed._group._cells[row].count() == 2)
        shown = [ed._group._cells[row].itemAt(k).layout().itemAt(0).widget().text() for k in range(2)]
        assert shown == ["Malcolm Turnbull", "Donald Trump"], shown
        line = w.message.text()  # the line and the Events list name them in that order too
        assert "Entity “Malcolm Turnbull”, Entity “Donald Trump”" in line, line
        from ui.panels.events import arguments_text

        cell = arguments_text(c.events[c.current_event], c.entities, MET, c.schema)
        assert cell == "Entity: Malcolm Turnbull; Entity: Donald Trump", cell
        qtbot.keyClick(v, Qt.Key.Key_1, CTRL_SHIFT)
        first = c.entities[c.current_entity]
        assert MET[first.start : first.end] == shown[0]


def test_e_on_a_plain_word_the_caret_was_put_in_makes_an_event_there_with_an_event_selected(
    qtbot, window, db, monkeypatch
):
    """An event selected ("attacked"), a click onto the plain word "fired" (a missed trigger): E makes the event on
    "fired", one key, and "attacked" keeps its type. On main E opened the picker on "attacked" (sessions 34-35: the
    line said so, Escape, E made the new event): a type picked there for "fired" retyped "attacked", unseen. The
    caret note says what E does there; on the event's own trigger E still changes its type."""
    from ui_support import DOC_A, picker_answering, suggest_event

    asked = picker_answering(monkeypatch, "Personnel:End-Position")
    w, c, v = window, window.controller, window.view
    d = db.document_ids()[0]
    ev = suggest_event(db, w, "Conflict:Attack", "attacked")
    v.setFocus()
    w.edit_actions.select_event(ev)
    cursor = v.textCursor()
    cursor.setPosition(DOC_A.index("fired") + 2)  # DOC_A has no astral character: code points are UTF-16 units
    qtbot.mouseClick(v.viewport(), Qt.MouseButton.LeftButton, pos=v.cursorRect(cursor).center())
    assert c.current_event == ev.id
    line = w.message.text()
    assert "the caret is on “fired” (E: a new event on it)" in line, line
    assert w.actions_by_name["new_event"].toolTip() == "New event on the selected trigger (E)"
    qtbot.keyClick(v, Qt.Key.Key_E)
    assert asked in ([], ["fired"]), asked  # main: ["attacked"]
    made = {(DOC_A[e.trigger_start : e.trigger_end], e.type) for e in db.events(d)}
    assert ("fired", "Personnel:End-Position") in made and ("attacked", "Conflict:Attack") in made, made
    fired = c.events[c.current_event]
    assert DOC_A[fired.trigger_start : fired.trigger_end] == "fired"
    w.edit_actions.select_event(c.events[ev.id])  # on its own trigger: E is its type, as before
    tip = w.actions_by_name["new_event"].toolTip()
    assert tip.startswith("Change the type of the selected event “attacked” (E: the picker; Shift+E: its next type)")
    qtbot.keyClick(v, Qt.Key.Key_E)
    assert asked[-1:] == ["attacked"], asked
