"""Session 24 (docs/reliability.md, round 16, helper s24-qab): every kept edit of an event's roles shown made at the
key. Made while another program writes, a filler moved, taken out, a role emptied, a new span or a relabelled
suggestion put in a role showed only when it landed. Each test fails on the code before its fix."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui_helpers import find
from ui_support import DOC_A, file_rows, let_go_and_land, locked, press_role_key

from ui import commands
from text_support import argument_words

ALT = Qt.KeyboardModifier.AltModifier


def _span(c, words: str) -> int:  # type: ignore[no-untyped-def]
    return next(e.id for e in c.entities.values() if e.start == find(DOC_A, words)[0])


def _event(w, type_: str, trigger: str) -> int:  # type: ignore[no-untyped-def]
    """An event added on ``trigger``, selected, no span selected, the text focused."""
    c = w.controller
    ev = c.run(commands.AddEvent, c.doc.id, type_, *find(DOC_A, trigger))
    w.view.setFocus()
    c.select_entity(None)
    c.select_event(ev)
    return ev


def _held(c, ev: int) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """The event's roles as the window holds them: (role, the filler's words)."""
    return argument_words(c.doc.text, c.events[ev].arguments, c.entities)


def _in_file(path) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    rows = file_rows(
        path, "SELECT a.role, e.start, e.end FROM arguments a JOIN entities e ON e.id = a.entity_id ORDER BY a.id"
    )
    return [(role, DOC_A[start:end]) for role, start, end in rows]


def test_a_filler_taken_out_while_another_program_writes_is_gone_at_once(qtbot, window, project_path):
    """The Roles box's × on Maria Lopez (Entity of a Contact:Meet filled with her and John Smith) while another
    program wrote: she stayed in the box, drawn and listed, until it landed."""
    w, c = window, window.controller
    ev = _event(w, "Contact:Meet", "met")
    maria = c.run(commands.AddArgument, ev, "Entity", _span(c, "Maria"))
    c.run(commands.AddArgument, ev, "Entity", _span(c, "John"))
    other = locked(project_path)
    try:
        w.event_editor.removeArgumentRequested.emit(maria)  # the ×: kept
        held, waiting = _held(c, ev), c.edits_waiting()
    finally:
        let_go_and_land(qtbot, c, other)
    assert waiting == 1
    assert held == [("Entity", "John Smith")]  # was Maria Lopez and John Smith until it landed
    assert _in_file(project_path) == held


def test_a_role_emptied_while_another_program_writes_is_empty_at_once(qtbot, window, project_path):
    """Ctrl+Alt+1 on a Contact:Meet whose Entity the role keys filled with Maria Lopez and John Smith (accepted only
    as fillers): kept, the role still showed both, accepted, until it landed; then empty, both undecided."""
    w, c = window, window.controller
    ev = _event(w, "Contact:Meet", "met")
    press_role_key(qtbot, w, "Contact:Meet", "Entity")  # Maria Lopez
    qtbot.keyClick(w.view, Qt.Key.Key_1, ALT | Qt.KeyboardModifier.ShiftModifier)  # and another: John Smith
    assert _held(c, ev) == [("Entity", "Maria Lopez"), ("Entity", "John Smith")]
    maria, john = _span(c, "Maria"), _span(c, "John")
    other = locked(project_path)
    try:
        qtbot.keyClick(w.view, Qt.Key.Key_1, ALT | Qt.KeyboardModifier.ControlModifier)  # kept
        held, states = _held(c, ev), (c.entities[maria].state, c.entities[john].state)
        waiting = c.edits_waiting()
    finally:
        let_go_and_land(qtbot, c, other)
    assert waiting == 1
    assert held == [] and states == ("suggested", "suggested")  # were both, accepted, until it landed
    assert _in_file(project_path) == []
    in_file = file_rows(project_path, f"SELECT state FROM entities WHERE id IN ({maria}, {john})")
    assert in_file == [("suggested",), ("suggested",)]


def test_a_filler_moved_to_another_role_while_another_program_writes_shows_there_at_once(qtbot, window, project_path):
    """NATO, the Attacker of a Conflict:Attack, selected and Alt+2 (Target) while another program wrote: moved in one
    step, kept; the Roles box said Attacker NATO until it landed."""
    w, c = window, window.controller
    ev = _event(w, "Conflict:Attack", "attacked")
    nato = _span(c, "NATO")
    c.run(commands.AddArgument, ev, "Attacker", nato)
    c.select_entity(nato)
    other = locked(project_path)
    try:
        press_role_key(qtbot, w, "Conflict:Attack", "Target")  # kept
        held, waiting = _held(c, ev), c.edits_waiting()
    finally:
        let_go_and_land(qtbot, c, other)
    assert waiting == 1
    assert held == [("Target", "NATO")]  # was Attacker until it landed
    assert _in_file(project_path) == held


def test_a_role_filled_with_new_words_while_another_program_writes_shows_them_at_once(qtbot, window, project_path):
    """ "forces" selected (no span) and Alt+1 (Attacker) on a Conflict:Attack while another program wrote: a new span
    in the role, kept; neither the span nor the filler showed until it landed."""
    w, c = window, window.controller
    ev = _event(w, "Conflict:Attack", "attacked")
    w.view.select_cp(*find(DOC_A, "forces"))
    other = locked(project_path)
    try:
        press_role_key(qtbot, w, "Conflict:Attack", "Attacker")  # kept
        held, waiting = _held(c, ev), c.edits_waiting()
        drawn = [(e.label, e.state) for e in c.entities.values() if c.doc.text[e.start : e.end] == "forces"]
        w.view.viewport().repaint()
        forces = next(e.id for e in c.entities.values() if (e.start, e.end) == find(DOC_A, "forces"))
        tags = [t for _, k, t in w.view.labels.boxes if k == forces]  # the tag drawn above it
    finally:
        let_go_and_land(qtbot, c, other)
    assert waiting == 1
    assert held == [("Attacker", "forces")]  # was [] until it landed
    assert tags == ["Attacker"], tags  # its role, as the selected event's argument (not drawn as a trigger)
    assert _in_file(project_path) == held
    in_file = file_rows(
        project_path, "SELECT label, state FROM entities WHERE start = {} AND end = {}".format(*find(DOC_A, "forces"))
    )
    assert drawn == in_file


def test_a_suggestion_relabelled_into_a_role_while_another_program_writes_shows_at_once(qtbot, window, project_path):
    """Tal Abyad (a GPE suggestion) selected and Alt+3 (Instrument of a Conflict:Attack, PRODUCT only) while another
    program wrote: relabelled PRODUCT and put in the role in one step, kept; it stayed a suggested GPE out of the role
    until it landed."""
    w, c = window, window.controller
    ev = _event(w, "Conflict:Attack", "attacked")
    tal = _span(c, "Tal Abyad")
    c.select_entity(tal)
    other = locked(project_path)
    try:
        press_role_key(qtbot, w, "Conflict:Attack", "Instrument")  # kept
        held, waiting = _held(c, ev), c.edits_waiting()
        shown = c.entities[tal].label, c.entities[tal].state
    finally:
        let_go_and_land(qtbot, c, other)
    assert waiting == 1
    assert held == [("Instrument", "Tal Abyad")] and shown == ("PRODUCT", "accepted")  # was [], a suggested GPE
    assert _in_file(project_path) == held
    assert file_rows(project_path, f"SELECT label, state FROM entities WHERE id = {tal}") == [shown]


def test_a_second_role_key_on_an_event_while_its_first_is_kept_is_kept_too(qtbot, window, project_path):
    """Alt+1 (Entity: Maria Lopez) then Alt+2 (Time: Monday) on a Contact:Meet while another program wrote: the second
    kept nothing, "Nothing more kept: this event's roles wait for “Fill Entity” …", and the person pressed it again
    once saved. The first shown made, the second is made from the roles held (the file's once the first lands) and
    kept too; both land, nothing refused. A key on what a kept edit made (Alt+1 again: its stand-in argument) still
    keeps nothing (``test_a_role_key_again_while_its_fill_is_kept_keeps_nothing_and_says_so``)."""
    w, c = window, window.controller
    refused: list[str] = []
    c.failed.connect(refused.append)
    ev = _event(w, "Contact:Meet", "met")
    other = locked(project_path)
    try:
        press_role_key(qtbot, w, "Contact:Meet", "Entity")  # kept
        press_role_key(qtbot, w, "Contact:Meet", "Time")  # kept too
        held, waiting = _held(c, ev), c.edits_waiting()
    finally:
        let_go_and_land(qtbot, c, other)
    assert waiting == 2  # was 1: "Nothing more kept"
    assert held == [("Entity", "Maria Lopez"), ("Time", "Monday")]
    assert refused == []
    assert _in_file(project_path) == held


def test_a_key_on_a_kept_new_span_keeps_nothing_and_says_so(qtbot, window, project_path):
    """ "forces" put in Attacker as a new span while another program wrote (kept, shown under a stand-in id), then the
    span clicked and Delete: kept too, and refused when it landed ("no entity …"): the file has no such id. Now it
    keeps nothing and says what it waits for; the span lands."""
    w, c = window, window.controller
    refused: list[str] = []
    c.failed.connect(refused.append)
    ev = _event(w, "Conflict:Attack", "attacked")
    w.view.select_cp(*find(DOC_A, "forces"))
    other = locked(project_path)
    try:
        press_role_key(qtbot, w, "Conflict:Attack", "Attacker")  # kept
        c.select_entity(next(e.id for e in c.entities.values() if (e.start, e.end) == find(DOC_A, "forces")))
        qtbot.keyClick(w.view, Qt.Key.Key_Delete)
        said, waiting = w.message.text(), c.edits_waiting()
    finally:
        let_go_and_land(qtbot, c, other)
    assert waiting == 1, said  # was 2, the Delete refused when it landed
    assert said.startswith("Nothing more kept: what “Fill Attacker with a new"), said
    assert refused == []
    assert _in_file(project_path) == _held(c, ev) == [("Attacker", "forces")]
