"""Session 29's keys pass (docs/keyboard.md, round 23): a suggested event of the wrong type put right in one key. The
test presses keys through the real window, then reads what the project file holds, and failed on main before its fix."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer

SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier
EXECUTION = (
    "Two guards were killed in the prison riot on Monday. A day later the execution of the man was carried out, "
    "and his family was moved to the capital."
)


def test_shift_e_on_an_event_no_other_type_names_takes_the_nearest_events_type(qtbot, tmp_path):
    """The rule suggester's "execution" (Justice:Execute, no alternative stored; events-dev's gold Life:Die, 4 times
    in half A) has no other type its word names, so Shift+E opened the picker as E does, and the type took `e Return`
    (the picker's first row, the nearest event's type: right for 19 of the 29 suggestions of another type on
    events-dev). Shift+E gives the event the types of the document's other events, nearest first, as the picker
    lists them, and says so; again: the next one; round to its own type. One step each, a suggestion accepted with
    it; Ctrl+Z undoes."""
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from annotator.suggest.types import EventSuggestion
    from annotator.suggest.writer import WriteCounts, write_events
    from ui_helpers import find
    from ui_support import close_window, open_window, picker_closer

    path = tmp_path / "execution.annotator"
    with Project(path, annotator="setup") as p:
        doc = import_documents(p, [IncomingDocument(EXECUTION, "x.txt")]).imported[0][1]
        found = [
            EventSuggestion("Life:Die", *find(EXECUTION, "killed"), 0.8),
            EventSuggestion("Justice:Execute", *find(EXECUTION, "execution"), 0.7),
            EventSuggestion("Movement:Transport", *find(EXECUTION, "moved"), 0.6),
        ]
        with p.transaction():
            write_events(p, doc, found, "rules:test@1", WriteCounts())
    w = open_window(qtbot, path)
    try:
        c, v = w.controller, w.view
        ev = next(x for x in c.events.values() if x.type == "Justice:Execute")
        v.setFocus()
        w.edit_actions.select_event(ev)
        picker: list[str] = []
        for _ in range(3):  # Life:Die ("killed" is nearer than "moved"), Movement:Transport, Justice:Execute again
            QTimer.singleShot(200, picker_closer(picker))
            qtbot.keyClick(v, Qt.Key.Key_E, SHIFT)
            if len(picker) or c.events[ev.id].type == "Justice:Execute":
                break
            if c.events[ev.id].type == "Life:Die":
                said = w.message.text()
                assert (
                    "the type of an event near “execution”" in said and "Shift+E again: Movement:Transport" in said
                ), said
        assert not picker, "Shift+E opened the picker"  # main: the picker, the type as it was
        assert c.events[ev.id].type == "Justice:Execute"  # round to its own type
        qtbot.keyClick(v, Qt.Key.Key_Z, CTRL)
        assert c.events[ev.id].type == "Movement:Transport"
        qtbot.keyClick(v, Qt.Key.Key_Z, CTRL)
        assert c.events[ev.id].type == "Life:Die"
    finally:
        close_window(w)
    with Project(path, create=False) as p:
        got = {(EXECUTION[x.trigger_start : x.trigger_end], x.type, x.state) for x in p.events(p.document_ids()[0])}
    assert ("execution", "Life:Die", "accepted") in got, got
