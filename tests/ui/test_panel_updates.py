"""After an edit the side panels change only what it changed: the span's row, the event's row, the editor when its
event changed (they were filled from scratch at every key: 28 ms an Enter on a long document, bench/event_keys.py)."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt

from ui import commands as cmd
from ui_helpers import find
from ui_support import DOC_A


def _suggest_events(db, words):  # type: ignore[no-untyped-def]
    from annotator.suggest.types import EventSuggestion
    from annotator.suggest.writer import WriteCounts, write_events

    d = db.document_ids()[0]
    with db.transaction():
        found = [EventSuggestion("Conflict:Attack", *find(DOC_A, word), 0.5) for word in words]
        write_events(db, d, found, "rules:test@1", WriteCounts())


def test_deciding_a_span_redraws_its_row_of_the_entity_table_only(qtbot, window):
    w, c = window, window.controller
    qtbot.waitUntil(lambda: w.panels_built and w.entities.model.rowCount() > 0)
    model = w.entities.model
    resets, rows = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda a, b, _roles=(): rows.extend(range(a.row(), b.row() + 1)))
    paris = next(e for e in c.entities.values() if c.span_text(e.start, e.end) == "Paris")
    w.edit_actions.select(paris)
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_Return)  # accepted, and on to the next undecided span
    r = model.row_of(paris.id)
    qtbot.waitUntil(lambda: model.data(model.index(r, 2)) == "accepted")
    assert resets == [] and set(rows) == {r}


def test_the_event_editor_is_rebuilt_only_when_what_it_shows_changed(qtbot, window, db):
    """It was rebuilt (every row, combo and fill list) after every edit, twice when Enter moved on to another event;
    deciding a suggestion changes nothing it shows (its state is in the list and the text)."""
    w, c = window, window.controller
    _suggest_events(db, ("met", "attacked"))
    c.reload()
    qtbot.waitUntil(lambda: w.panels_built and len(w.events.ids) == 2)
    met, attacked = (c.events[i] for i in w.events.ids)
    w.edit_actions.select_event(met)
    qtbot.waitUntil(lambda: w.event_editor.event_id == met.id)
    body = w.event_editor.scroll.widget()
    c.run(cmd.RejectEvent, attacked.id)  # another event: the editor's stays as it is
    qtbot.waitUntil(lambda: w.events.cell(1, 3) == "rejected")
    assert w.event_editor.scroll.widget() is body
    c.run(cmd.AcceptEvent, met.id)  # decided: nothing the editor shows changed
    qtbot.waitUntil(lambda: w.events.cell(0, 3) == "accepted")
    assert w.event_editor.scroll.widget() is body
    group = w.event_editor._group
    c.run(cmd.SetEventType, met.id, "Contact:Meet")  # its type: shown again, with that type's Roles box
    qtbot.waitUntil(lambda: w.event_editor.type_combo.currentText() == "Contact:Meet")
    assert w.event_editor._group is not group
    assert list(w.event_editor.role_rows) == [r.name for r in c.schema.event_type("Contact:Meet").roles]


def _shown(w):  # type: ignore[no-untyped-def]
    ents = [(e.id, e.start, e.end, e.label, e.state) for e in w.entities.model.rows]
    evs = [tuple(cells) for cells in w.events.model.cells]
    legend = {name: b.text() for name, b in w.legend.buttons.items()}
    return ents, evs, legend, w.message.text()


def test_panels_kept_up_edit_by_edit_show_what_a_refresh_from_scratch_shows(qtbot, window, db):
    """Spans added, relabelled, resized, deleted; events added, decided, filled; undone and redone: after each
    edit the panels (rows in order, cells, legend counts, status line) are what reading everything again gives."""
    w, c = window, window.controller
    _suggest_events(db, ("met",))
    c.reload()
    qtbot.waitUntil(lambda: w.panels_built and len(w.events.ids) == 1)
    d = c.doc.id
    ev = w.events.ids[0]
    smith = next(e.id for e in c.entities.values() if c.span_text(e.start, e.end) == "John Smith")
    edits = [
        lambda: c.run(cmd.AddEntity, d, *find(DOC_A, "workers"), "PERSON"),
        lambda: c.run(cmd.RelabelEntity, smith, "ORG"),
        lambda: c.run(cmd.ResizeEntity, smith, find(DOC_A, "Smith")[0], find(DOC_A, "Smith")[1]),
        lambda: c.run(cmd.AddArgument, ev, "Attacker", smith),
        lambda: c.run(cmd.AcceptEvent, ev),
        lambda: c.run(cmd.AddEvent, d, "Conflict:Attack", *find(DOC_A, "fired"), {}),
        lambda: c.run(cmd.DeleteEntity, smith),
        c.undo_stack.undo,
        c.undo_stack.undo,
        c.undo_stack.redo,
        lambda: c.run(cmd.AcceptAll, d),
    ]
    for edit in edits:
        before = c.undo_stack.index()
        edit()
        assert c.undo_stack.index() != before  # the edit was made
        qtbot.waitUntil(lambda: not w._panel_timer.isActive())
        kept = _shown(w)
        if hasattr(c, "entity_tally"):
            assert Counter(c.entity_tally.kinds) == Counter(
                e.label for e in c.entities.values() if e.state != "rejected"
            )
        w.refresh_panels()
        assert kept == _shown(w)


def test_tab_from_anywhere_goes_where_the_text_order_of_the_undecided_items_says(qtbot, window, db):
    """Tab finds the next undecided span by walking the spans by start from where the user is (it made and scanned
    a list of every undecided span at each key): from every place in the text, forwards and back, it lands where
    the undecided items in text order say, wrapping at the ends."""
    w, c = window, window.controller
    _suggest_events(db, ("attacked",))
    c.reload()
    qtbot.waitUntil(lambda: w.panels_built and len(w.events.ids) == 1)
    first = min(e.id for e in c.entities.values())
    c.run(cmd.AcceptEntity, first)  # one decided span among the undecided ones
    ea = w.edit_actions
    for pos in range(0, len(DOC_A) + 1, 3):
        for step in (1, -1):
            c.select_entity(None)
            c.select_event(None)
            w.view.show_cp(pos)
            here = ea.anchor()
            order = [t for t in ea.order.tab_items() if t[3].state == "suggested"]
            after = [t for t in order if (t[:3] > here if step > 0 else t[:3] < here)]
            want = (after[0] if after else order[0]) if step > 0 else (after[-1] if after else order[-1])
            ea.cycle(step)
            got = c.current_entity if c.current_entity is not None else -c.current_event
            assert got == (want[2] if want[3].__class__.__name__ == "Entity" else -want[2]), (pos, step)


def test_a_decision_that_changes_no_count_leaves_the_legend_as_it_is_and_one_that_does_changes_its_count(
    qtbot, window, db
):  # type: ignore[no-untyped-def]
    """The legend was refilled and laid out again (its column too) at each decision and open, what it shows the same
    (~8 % of a GUI test's CPU): now only a changed count's text is set, on the same buttons."""
    w, c = window, window.controller
    _suggest_events(db, ("met",))
    c.reload()
    qtbot.waitUntil(lambda: w.panels_built and len(w.events.ids) == 1)
    qtbot.waitUntil(lambda: not w._panel_timer.isActive())
    buttons = dict(w.legend.buttons)
    texts = w.legend.item_texts()
    asked: list[int] = []
    w.legend.entriesChanged.connect(lambda: asked.append(1))
    c.run(cmd.AcceptEvent, w.events.ids[0])  # no span's label or state changes
    qtbot.waitUntil(lambda: not w._panel_timer.isActive())
    assert asked == [] and w.legend.item_texts() == texts
    assert all(w.legend.buttons[name] is b for name, b in buttons.items()) and len(w.legend.buttons) == len(buttons)
    paris = next(e for e in c.entities.values() if c.span_text(e.start, e.end) == "Paris")
    before = Counter(c.entity_tally.kinds)
    c.run(cmd.RejectEntity, paris.id)
    qtbot.waitUntil(lambda: not w._panel_timer.isActive())
    assert c.entity_tally.kinds[paris.label] == before[paris.label] - 1
    assert asked  # its rows laid out again: the count's text may be narrower
    assert all(w.legend.buttons[name] is b for name, b in buttons.items())
    for name, b in w.legend.buttons.items():
        assert b.text().endswith(f"{name} {c.entity_tally.kinds.get(name, 0)}")
