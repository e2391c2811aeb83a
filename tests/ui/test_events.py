"""Events from the keyboard: E + type picker, role keys, attributes in the editor; undo and redo each."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_support import DOC_A, when_modal
from ui_helpers import click_char, drag_select, entity_rows, find

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def pick_in_dialog(qtbot, typed: str) -> None:  # type: ignore[no-untyped-def]
    """When the event type picker opens, type into its filter and press Enter."""

    def act() -> None:
        dlg = QApplication.activeModalWidget()
        assert dlg is not None and dlg.windowTitle() == "Event type"
        qtbot.keyClicks(dlg.filter, typed)
        qtbot.keyClick(dlg.filter, Qt.Key.Key_Return)

    when_modal(act)


def make_attack(qtbot, window) -> int:  # type: ignore[no-untyped-def]
    """ "attacked" is a trigger word of one type only: E makes the event without the picker."""
    s, e = find(DOC_A, "attacked")
    drag_select(qtbot, window.view, s, e)
    qtbot.keyClick(window.view, "e")
    assert QApplication.activeModalWidget() is None
    return window.controller.current_event


def test_new_event_fill_two_roles_set_attribute_with_undo_redo(qtbot, window, db):
    w, v = window, window.view
    d = db.document_ids()[0]
    ev_id = make_attack(qtbot, w)
    ev = db.event(ev_id)
    assert ev.type == "Conflict:Attack"
    assert DOC_A[ev.trigger_start : ev.trigger_end] == "attacked"
    assert ev.attributes["polarity"] == "Positive"
    assert w.event_editor.event_id == ev_id  # the editor shows the new event

    ents = entity_rows(db, d)
    nato = ents[find(DOC_A, "NATO")]
    tal = ents[find(DOC_A, "Tal Abyad")]
    click_char(qtbot, v, find(DOC_A, "NATO")[0] + 1)
    qtbot.keyClick(v, Qt.Key.Key_1, ALT)  # Attacker
    click_char(qtbot, v, find(DOC_A, "Tal Abyad")[0] + 1)
    qtbot.keyClick(v, Qt.Key.Key_5, ALT)  # Place
    args = {(a.role, a.entity_id) for a in db.event(ev_id).arguments}
    assert args == {("Attacker", nato.id), ("Place", tal.id)}
    assert w.controller.current_event == ev_id

    qtbot.waitUntil(lambda: "polarity" in w.event_editor.attribute_combos)
    combo = w.event_editor.attribute_combos["polarity"]
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # Positive -> Negative
    assert db.event(ev_id).attributes["polarity"] == "Negative"

    # undo each step, newest first, then redo them all
    qtbot.keyClick(v, Qt.Key.Key_Z, CTRL)
    assert db.event(ev_id).attributes["polarity"] == "Positive"
    qtbot.keyClick(v, Qt.Key.Key_Z, CTRL)
    assert {a.role for a in db.event(ev_id).arguments} == {"Attacker"}
    qtbot.keyClick(v, Qt.Key.Key_Z, CTRL)
    assert db.event(ev_id).arguments == ()
    qtbot.keyClick(v, Qt.Key.Key_Z, CTRL)
    assert db.events(d) == []
    for _ in range(4):
        qtbot.keyClick(v, Qt.Key.Key_Z, CTRL | SHIFT)
    ev = db.event(ev_id)  # the same id again
    assert ev.attributes["polarity"] == "Negative"
    assert {(a.role, a.entity_id) for a in ev.arguments} == {("Attacker", nato.id), ("Place", tal.id)}


def test_fill_role_from_nearest_list_and_remove(qtbot, window, db):
    w = window
    ev_id = make_attack(qtbot, w)
    qtbot.waitUntil(lambda: len(w.event_editor.fill_combos) == 5)
    place = w.event_editor.fill_combos[4]  # Place: GPE, LOC, FAC, nearest first
    assert place.itemText(1).startswith("Tal Abyad")
    assert place.itemText(2).startswith("Paris")
    place.setFocus()
    qtbot.keyClick(place, Qt.Key.Key_Down)
    assert [a.role for a in db.event(ev_id).arguments] == ["Place"]
    # events panel lists it; required roles of other types are flagged there
    qtbot.waitUntil(lambda: bool(w.events.ids) and "Place: Tal Abyad" in w.events.cell(0, 2))


def test_missing_required_role_is_flagged(qtbot, window, db):
    w, v = window, window.view
    s, e = find(DOC_A, "fired")
    drag_select(qtbot, v, s, e)
    qtbot.keyClick(v, "e")  # the first type "fired" names, no picker (session 21; Shift+E: Conflict:Attack)
    assert QApplication.activeModalWidget() is None
    ev = db.event(w.controller.current_event)
    assert ev.type == "Personnel:End-Position"
    qtbot.waitUntil(lambda: w.events.model.rowCount() == 1)
    assert w.events.cell(0, 2) == "missing Person"  # the missing required roles lead the Arguments cell
    assert w.event_editor.role_rows["Person"].text() == "Person *"


def test_delete_event_and_undo(qtbot, window, db):
    w, v = window, window.view
    ev_id = make_attack(qtbot, w)
    qtbot.keyClick(v, Qt.Key.Key_Escape)
    click_char(qtbot, v, find(DOC_A, "attacked")[0] + 2)
    assert w.controller.current_event == ev_id and w.controller.current_entity is None
    qtbot.keyClick(v, Qt.Key.Key_Delete)
    assert db.events(db.document_ids()[0]) == []
    qtbot.keyClick(v, Qt.Key.Key_Z, CTRL)
    assert db.event(ev_id).type == "Conflict:Attack"


def test_cancelled_picker_makes_no_event(qtbot, window, db):
    window.settings.set("event_without_picker", False)  # the picker opens even on a one-type trigger word
    s, e = find(DOC_A, "attacked")
    drag_select(qtbot, window.view, s, e)

    def cancel() -> None:
        QApplication.activeModalWidget().reject()

    when_modal(cancel)
    qtbot.keyClick(window.view, "e")
    assert db.events(db.document_ids()[0]) == []


@pytest.mark.slow  # 1.5 s: waits for the app's poll (every 1.5 s) to show the change
def test_an_attribute_the_event_does_not_have_shows_no_value(qtbot, window, db):
    """An imported event without a value (brat: no A line) shows none, not the schema's default."""
    w = window
    ev_id = make_attack(qtbot, w)
    with db.transaction():  # as an import leaves it: only polarity has a value
        db.db.conn.execute("UPDATE events SET attributes = ? WHERE id = ?", ('{"polarity": "Negative"}', ev_id))
    qtbot.waitUntil(
        lambda: (
            w.event_editor.attribute_combos.get("polarity") is not None
            and w.event_editor.attribute_combos["polarity"].currentText() == "Negative"
        ),
    )
    tense = w.event_editor.attribute_combos["tense"]
    assert tense.currentIndex() == -1 and tense.currentText() == ""
    assert tense.placeholderText()  # says there is no value
    assert db.event(ev_id).attributes == {"polarity": "Negative"}  # showing it wrote nothing


def test_a_rejected_event_is_not_flagged_for_its_missing_roles(qtbot, window):
    """Rejecting an event drops its arguments; its required roles are then empty, but a rejected event is no
    annotation (validation skips it): the list and the editor flagged them in red as work left."""
    from ui import commands as cmd

    w, c = window, window.controller
    drag_select(qtbot, w.view, *find(DOC_A, "met"))
    qtbot.keyClick(w.view, "e")  # Contact:Meet, whose Entity role is required
    ev_id = c.current_event
    assert c.events[ev_id].type == "Contact:Meet"
    cell = lambda col: w.events.cell(w.events.ids.index(ev_id), col)  # noqa: E731
    qtbot.waitUntil(lambda: ev_id in w.events.ids)  # the list is refreshed just after the edit
    assert cell(2) == "missing Entity"  # left empty while it counts: flagged, leading the Arguments cell
    c.run(cmd.RejectEvent, ev_id)
    c.select_event(ev_id)
    assert c.events[ev_id].state == "rejected"
    qtbot.waitUntil(lambda: cell(3) == "rejected")
    assert cell(2) == ""
    qtbot.waitUntil(lambda: w.event_editor.event_id == ev_id and "Entity" in w.event_editor.role_rows)
    assert "color" not in w.event_editor.role_rows["Entity"].styleSheet()


def test_x_on_an_event_leaves_it_behind_its_roles_not_filled_from_the_next_span(qtbot, window):
    """X rejects the event and moves on to the next undecided span; the rejected event stayed the selected one,
    so the role key pressed next (meant for another event) filled a role of the rejected event, out of sight."""
    w, c = window, window.controller
    drag_select(qtbot, w.view, *find(DOC_A, "met"))
    qtbot.keyClick(w.view, "e")
    ev_id = c.current_event
    qtbot.keyClick(w.view, "x")
    assert c.events[ev_id].state == "rejected"
    nxt = c.entities[c.current_entity]
    assert DOC_A[nxt.start : nxt.end] == "John Smith"  # moved on
    assert c.current_event != ev_id
    qtbot.keyClick(w.view, Qt.Key.Key_1, ALT)
    assert c.events[ev_id].arguments == ()
    qtbot.keyClick(w.view, "z", CTRL)  # the role key made no edit: undo takes back the rejection
    assert c.events[ev_id].state != "rejected"


def test_deciding_an_event_redraws_its_row_of_the_event_list_only(qtbot, window, db):
    """The list was rebuilt whole (an item per cell) after every edit: on a long document's 705 events an Enter
    or X spent 48 ms there. Now the row that changed is told to the view, and the others are left alone."""
    from annotator.suggest.types import EventSuggestion
    from annotator.suggest.writer import WriteCounts, write_events

    w, c = window, window.controller
    d = db.document_ids()[0]
    with db.transaction():
        found = [EventSuggestion("Conflict:Attack", *find(DOC_A, word), 0.5) for word in ("met", "attacked", "fired")]
        write_events(db, d, found, "rules:test@1", WriteCounts())
    c.reload()
    qtbot.waitUntil(lambda: len(w.events.ids) == 3)
    model = w.events.table.model()
    resets, rows = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda a, b, _roles=(): rows.extend(range(a.row(), b.row() + 1)))
    second = w.events.ids[1]
    w.edit_actions.select_event(c.events[second])
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_Return)  # accepted, and on to the next undecided
    qtbot.waitUntil(lambda: w.events.cell(1, 3) == "accepted")
    assert resets == [] and set(rows) == {1}


def test_e_on_a_suggested_events_trigger_decides_it_never_doubles_it(qtbot, window, db):
    """E on 'met', which already had a suggested Contact:Meet, added a second Contact:Meet on the same word
    (two 'Meet' labels side by side; Ctrl+Enter accepted both, the export had the event twice). As a label key
    does for a span, E decides the event that is there."""
    from annotator.suggest.types import EventSuggestion
    from annotator.suggest.writer import WriteCounts, write_events

    w, c = window, window.controller
    d = db.document_ids()[0]
    met = find(DOC_A, "met")
    with db.transaction():
        write_events(db, d, [EventSuggestion("Contact:Meet", *met, 0.5)], "rules:test@1", WriteCounts())
    c.reload()
    qtbot.waitUntil(lambda: len(c.events) == 1)
    drag_select(qtbot, w.view, *met)
    qtbot.keyClick(w.view, "e")  # 'met' is a trigger word of Contact:Meet alone: no picker
    on_met = [e for e in db.events(d) if (e.trigger_start, e.trigger_end) == met]
    assert [(e.type, e.state) for e in on_met] == [("Contact:Meet", "accepted")]
    assert c.current_event == on_met[0].id


def test_the_event_list_gives_arguments_in_the_order_of_the_types_roles(qtbot, window, db):
    """The list gave arguments in the order they were filled ('Place: Tal Abyad; Attacker: NATO'), so its narrow
    column showed 'Place: …' first for an Attack: they follow the type's roles, as the editor lists them."""
    w = window
    ev_id = make_attack(qtbot, w)
    v = w.view
    click_char(qtbot, v, find(DOC_A, "Tal Abyad")[0] + 1)
    qtbot.keyClick(v, Qt.Key.Key_5, ALT)  # Place first
    click_char(qtbot, v, find(DOC_A, "NATO")[0] + 1)
    qtbot.keyClick(v, Qt.Key.Key_1, ALT)  # then Attacker
    qtbot.waitUntil(lambda: ev_id in w.events.ids and "NATO" in w.events.cell(w.events.ids.index(ev_id), 2))
    assert w.events.cell(w.events.ids.index(ev_id), 2) == "Attacker: NATO; Place: Tal Abyad"


def test_a_role_key_on_words_that_are_no_span_yet_labels_them_and_fills_the_role(qtbot, window, db):
    """Selecting words that are no entity and pressing Alt+N said 'label it first': a label key and the role key
    again. Now the words become a span of a label the role takes and fill it, in one undoable step."""
    w, v, c = window, window.view, window.controller
    ev_id = make_attack(qtbot, w)
    drag_select(qtbot, v, *find(DOC_A, "workers"))
    qtbot.keyClick(v, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)  # Target
    (arg,) = db.event(ev_id).arguments
    workers = db.entity(arg.entity_id)
    assert (arg.role, workers.start, workers.end) == ("Target", *find(DOC_A, "workers"))
    assert workers.label == c.schema.event_type("Conflict:Attack").role("Target").labels[0]
    assert workers.state == "added"
    qtbot.keyClick(v, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # one undo: the span and the argument
    assert db.event(ev_id).arguments == ()
    assert not any((e.start, e.end) == find(DOC_A, "workers") for e in db.entities(db.document_ids()[0]))
