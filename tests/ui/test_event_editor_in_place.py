"""The event editor keeps its widgets from one event to the next: ], [ and an undo or redo that selects another
event set the type, trigger and attributes in the boxes shown and change only the roles' rows that differ (every
widget was made again at each of those keys: 8 ms of a ] on a long document, twice the cost of an undo). What it
shows after any of them is what an editor made from scratch shows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QLayout
from ui_helpers import find
from ui_support import DOC_A

from ui import commands as cmd
from ui.wrapped import WrappedButton

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _widgets(layout: QLayout) -> list:  # type: ignore[type-arg]
    out = []
    for k in range(layout.count()):
        item = layout.itemAt(k)
        if item.widget() is not None:
            out.append(item.widget())
        elif item.layout() is not None:
            out += _widgets(item.layout())
    return out


def editor_shows(ed) -> tuple:  # type: ignore[no-untyped-def, type-arg]
    """Everything the editor shows of its event, read from its widgets (the Roles box's grid, row by row)."""
    if ed.event_id is None:
        return (None,)
    group = next(g for g in ed.scroll.widget().findChildren(QGroupBox) if g is ed._group)
    grid = group.layout().itemAt(1).layout()
    roles = []
    for i, name in enumerate(ed.role_rows):
        cell = _widgets(grid.itemAtPosition(i, 2).layout())
        combo = ed.fill_combos[i]
        roles.append(
            (
                name,
                ed.role_rows[name].text(),
                ed.role_rows[name].styleSheet(),
                [b.full_text for b in cell if isinstance(b, WrappedButton)],
                [b.text() for b in cell if type(b) is QLabel],
                [(combo.itemText(k), combo.itemData(k)) for k in range(combo.count())],
                combo.currentIndex(),
            )
        )
    head = ed.scroll.widget().findChildren(QLabel)
    trigger = next(lab.full_text for lab in head if lab.styleSheet() == "font-weight: bold; color: #9c0d2c")
    attributes = {n: (b.currentIndex(), b.currentText()) for n, b in ed.attribute_combos.items()}
    return ed.event_id, ed.type_combo.currentText(), trigger, attributes, roles


def _events(c, db):  # type: ignore[no-untyped-def]
    """Three suggested events on DOC_A: met (of a type the schema lacks), attacked and fired (Conflict:Attack)."""
    from annotator.suggest.types import EventSuggestion
    from annotator.suggest.writer import WriteCounts, write_events

    d = db.document_ids()[0]
    found = [
        EventSuggestion("Contact:Meet", *find(DOC_A, "met"), 0.5),
        EventSuggestion("Conflict:Attack", *find(DOC_A, "attacked"), 0.5),
        EventSuggestion("Conflict:Attack", *find(DOC_A, "fired"), 0.5),
    ]
    with db.transaction():
        write_events(db, d, found, "rules:test@1", WriteCounts())
        # met as another schema left it: a type and a polarity this one lacks (a box kept showed the event before's)
        db.db.conn.execute(
            "UPDATE events SET type = 'Made:Up', attributes = ? WHERE trigger_start = ?",
            ('{"polarity": "Sideways"}', find(DOC_A, "met")[0]),
        )
    # read as the app reads another program's commit, by its poll (at once): ``c.reload()`` left the poll to see the
    # commit 1.5 s after the open, read everything again there, and a test slowed by load met it between two steps
    c.check_outside_changes()
    return sorted(c.events.values(), key=lambda v: v.trigger_start)


def test_keys_that_select_another_event_keep_the_editor_and_show_what_a_new_one_shows(qtbot, window, db):
    from ui.panels.event_editor import EventEditor

    w, c = window, window.controller
    met, attacked, fired = _events(c, db)
    nato = next(e.id for e in c.entities.values() if c.span_text(e.start, e.end) == "NATO")
    c.run(cmd.AddArgument, attacked.id, "Attacker", nato)
    c.run(cmd.SetEventAttribute, fired.id, "polarity", "Negative", expected=c.events[fired.id])
    w.edit_actions.select_event(c.events[met.id])
    w.view.setFocus()
    ed = w.event_editor
    qtbot.waitUntil(lambda: ed.event_id == met.id and not w._panel_timer.isActive())

    def settled_as(event_id: int) -> None:
        qtbot.waitUntil(lambda: ed.event_id == event_id and not w._panel_timer.isActive())
        fresh = EventEditor(c)  # made from scratch for the event selected
        try:
            assert editor_shows(ed) == editor_shows(fresh)
        finally:
            fresh.deleteLater()
        qtbot.waitUntil(lambda: ed._group.isVisible())
        shown = [g for g in ed.scroll.widget().findChildren(QGroupBox) if g.isVisible()]
        assert shown == [ed._group]  # no Roles box of an event before left in view

    body, type_box = ed.scroll.widget(), ed.type_combo
    qtbot.keyClick(w.view, Qt.Key.Key_BracketRight)  # met -> attacked: another type, a new Roles box
    settled_as(attacked.id)
    assert ed.scroll.widget() is body and ed.type_combo is type_box
    group, polarity = ed._group, ed.attribute_combos["polarity"]
    qtbot.keyClick(w.view, Qt.Key.Key_BracketRight)  # attacked -> fired: the same type, every widget kept
    settled_as(fired.id)
    assert ed._group is group and ed.type_combo is type_box and ed.attribute_combos["polarity"] is polarity
    assert ed.scroll.widget() is body
    qtbot.keyClick(w.view, Qt.Key.Key_1, ALT)  # fired's Attacker filled
    settled_as(fired.id)
    qtbot.keyClick(w.view, Qt.Key.Key_BracketLeft)  # back to attacked
    settled_as(attacked.id)
    qtbot.keyClick(w.view, Qt.Key.Key_Z, CTRL)  # the fill undone: fired selected again
    settled_as(fired.id)
    qtbot.keyClick(w.view, Qt.Key.Key_BracketLeft)
    qtbot.keyClick(w.view, Qt.Key.Key_BracketLeft)  # met
    settled_as(met.id)
    qtbot.keyClick(w.view, Qt.Key.Key_Z, CTRL | SHIFT)  # the fill redone: fired, its Attacker again
    settled_as(fired.id)
    assert ed.type_combo is type_box and ed.scroll.widget() is body
    c.run(cmd.SetEventType, fired.id, "Contact:Meet", expected=c.events[fired.id])  # its type: that type's roles
    settled_as(fired.id)
    c.undo_stack.undo()
    settled_as(fired.id)
    assert ed.scroll.widget() is body


def test_an_undo_that_selects_another_event_finds_its_fill_lists_once(qtbot, window, db, monkeypatch):
    """An undo selected its event and made the editor at once, then the panels' refresh after the edit found every
    fill list again to see that nothing had changed: each list found twice."""
    from ui.panels import event_editor

    w, c = window, window.controller
    met, attacked, _ = _events(c, db)
    nato = next(e.id for e in c.entities.values() if c.span_text(e.start, e.end) == "NATO")
    c.run(cmd.AddArgument, attacked.id, "Attacker", nato)
    w.edit_actions.select_event(c.events[met.id])
    w.view.setFocus()
    qtbot.waitUntil(lambda: w.event_editor.event_id == met.id and not w._panel_timer.isActive())
    calls = []
    real = event_editor.nearest_candidates
    monkeypatch.setattr(event_editor, "nearest_candidates", lambda *a: calls.append(a[1].labels) or real(*a))
    qtbot.keyClick(w.view, Qt.Key.Key_Z, CTRL)
    c.check_outside_changes()  # the poll, landing before the panels' refresh: nothing new in the file, nothing read
    qtbot.waitUntil(lambda: w.event_editor.event_id == attacked.id and not w._panel_timer.isActive())
    assert not c.events[attacked.id].arguments
    roles = c.schema.event_type("Conflict:Attack").roles
    assert sorted(calls) == sorted(r.labels for r in roles)  # once each
