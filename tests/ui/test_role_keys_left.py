"""Role keys, what they leave behind. A role key that leaves a span selected (the one it made from selected words, or the selected span it filled the
role with) does not hand that span to the next role key: Alt+N for another role found nothing but that span, and
was refused for its label ("role Place of Conflict:Attack takes GPE, LOC, FAC, not PERSON"; each press a key lost:
the seed 002 and 004 replays of tests/ui/test_keys_seed.py), or put it in a second role when its label fitted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui_support import DOC_A
from ui_helpers import drag_select, find, select_suggested_meet
from text_support import argument_words

ALT = Qt.KeyboardModifier.AltModifier


def attack(qtbot, w) -> int:  # type: ignore[no-untyped-def]
    """The Conflict:Attack of 'NATO forces attacked Tal Abyad on Friday.', made by E, selected, nothing filled."""
    drag_select(qtbot, w.view, *find(DOC_A, "attacked"))
    qtbot.keyClick(w.view, "e")
    ev = w.controller.current_event
    assert w.controller.events[ev].type == "Conflict:Attack" and not w.controller.events[ev].arguments
    return ev


def fillers(c, ev: int) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    out: dict[str, list[str]] = {}
    for role, words in argument_words(DOC_A, c.events[ev].arguments, c.entities):
        out.setdefault(role, []).append(words)
    return out


def test_the_next_role_key_after_a_new_span_finds_its_own_filler(qtbot, window):
    w, c = window, window.controller
    ev = attack(qtbot, w)
    drag_select(qtbot, w.view, *find(DOC_A, "forces"))
    qtbot.keyClick(w.view, Qt.Key.Key_1, ALT)  # Attacker: the selected words, made a span, left selected
    assert fillers(c, ev) == {"Attacker": ["forces"]}
    made = c.current_entity
    assert made is not None and DOC_A[c.entities[made].start : c.entities[made].end] == "forces"
    qtbot.keyClick(w.view, Qt.Key.Key_5, ALT)  # Place: the place after the trigger, not 'forces' (refused)
    assert fillers(c, ev) == {"Attacker": ["forces"], "Place": ["Tal Abyad"]}
    qtbot.keyClick(w.view, Qt.Key.Key_4, ALT)  # Time
    assert fillers(c, ev) == {"Attacker": ["forces"], "Place": ["Tal Abyad"], "Time": ["Friday"]}


def test_the_next_role_key_after_a_selected_filler_does_not_reuse_it(qtbot, window):
    """The span selected by the user fills the role; the next role key of another role takes a candidate of its
    own (Target takes ORG too: it put NATO in a second role), the same role's key again leaves the role as it is."""
    w, c = window, window.controller
    ev = attack(qtbot, w)
    cur = w.view.textCursor()
    cur.setPosition(find(DOC_A, "NATO")[0] + 1)  # DOC_A is ASCII: UTF-16 positions are code points
    w.view.setTextCursor(cur)
    qtbot.keyClick(w.view, Qt.Key.Key_Space)  # the span under the caret
    assert c.current_entity is not None and c.current_event == ev
    qtbot.keyClick(w.view, Qt.Key.Key_1, ALT)  # Attacker: NATO
    qtbot.keyClick(w.view, Qt.Key.Key_1, ALT)  # again: nothing changes (it is that role's filler)
    assert fillers(c, ev) == {"Attacker": ["NATO"]}
    qtbot.keyClick(w.view, Qt.Key.Key_2, ALT)  # Target: a candidate of its own, not NATO a second time
    assert fillers(c, ev) == {"Attacker": ["NATO"], "Target": ["Tal Abyad"]}


def test_a_candidate_passed_over_is_undecided_again(qtbot, window, db):
    """Alt+N again moves the argument to the next candidate: the suggestion it held before, accepted only by being
    put there, is undecided again (it stayed accepted: every wrong suggestion Alt+N went past was kept by
    Ctrl+Enter, and Tab no longer reached it). One undo puts it back, accepted."""
    w, c = window, window.controller
    drag_select(qtbot, w.view, *find(DOC_A, "met"))
    qtbot.keyClick(w.view, "e")
    ev = c.current_event
    states = lambda: {DOC_A[e.start : e.end]: e.state for e in db.entities(c.doc.id)}  # noqa: E731
    assert states()["Maria Lopez"] == states()["John Smith"] == "suggested"
    qtbot.keyClick(w.view, Qt.Key.Key_1, ALT)
    assert fillers(c, ev) == {"Entity": ["Maria Lopez"]} and states()["Maria Lopez"] == "accepted"
    qtbot.keyClick(w.view, Qt.Key.Key_1, ALT)  # the next candidate
    assert fillers(c, ev) == {"Entity": ["John Smith"]}
    assert states()["John Smith"] == "accepted" and states()["Maria Lopez"] == "suggested"
    c.undo_stack.undo()
    assert fillers(c, ev) == {"Entity": ["Maria Lopez"]} and states()["Maria Lopez"] == "accepted"
    c.undo_stack.undo()
    assert states()["Maria Lopez"] == "suggested"


def test_a_wrong_filler_accepted_with_its_suggested_event_is_undecided_when_replaced(qtbot, window, db):
    """A person's first change to a suggested event accepts every filler it holds; a wrong one the person then
    replaces stayed accepted (seed 004: "Tuesday to eight years" as the Time of "sentenced", kept by Ctrl+Enter). It is
    undecided again, as if never put there; a filler the person keeps stays accepted."""
    w, c = window, window.controller
    d, ev = select_suggested_meet(qtbot, w, db)
    w.view.setFocus()
    states = lambda: {DOC_A[e.start : e.end]: e.state for e in db.entities(d)}  # noqa: E731
    qtbot.keyClick(w.view, Qt.Key.Key_3, ALT | Qt.KeyboardModifier.ControlModifier)  # a first change: no Place
    assert c.events[ev].state == "accepted"
    assert states()["John Smith"] == "accepted" and states()["Paris"] == "suggested"  # accepted with its event
    qtbot.keyClick(w.view, Qt.Key.Key_1, ALT)  # Entity: John Smith was wrong, the nearest candidate instead
    assert fillers(c, ev) == {"Entity": ["Maria Lopez"]}
    assert states()["John Smith"] == "suggested" and states()["Maria Lopez"] == "accepted"
    c.undo_stack.undo()
    assert states()["John Smith"] == "accepted" and fillers(c, ev) == {"Entity": ["John Smith"]}
