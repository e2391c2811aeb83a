"""Session 37 (helper s37-arch, docs/architecture.md): one owner for the word under the caret and for the
controller's telling of what changed, seen through the real window."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_e_at_a_word_s_end_before_a_full_stop_makes_the_event_on_the_word_as_the_caret_note_names_it(
    qtbot, window, db, monkeypatch
):
    """E with nothing selected took the token under the caret, else the one before it, by hand
    (``EventActions.trigger_span``), and the caret note another hand-written copy: at "workers|." E offered the
    picker for the full stop and made a "." event, where a label key labels "workers" (``navigation.word_at``). The
    keys, the note and the label keys ask one function now."""
    import ui.dialogs.event_type as picker
    from annotator.suggest.types import EventSuggestion
    from annotator.suggest.writer import WriteCounts, write_events
    from ui_support import DOC_A, read_as_the_poll_reads
    from ui_helpers import find

    asked: list[str] = []
    monkeypatch.setattr(
        picker,
        "pick_event_type",
        lambda parent, schema, words, *a, **k: asked.append(words) or "Personnel:End-Position",
    )
    w, c, v = window, window.controller, window.view
    d = db.document_ids()[0]
    with db.transaction():
        attack = [EventSuggestion("Conflict:Attack", *find(DOC_A, "attacked"), 0.6, ())]
        write_events(db, d, attack, "rules:test@1", WriteCounts())
    read_as_the_poll_reads(c)
    (ev,) = [e for e in c.events.values() if e.type == "Conflict:Attack"]
    v.setFocus()
    w.edit_actions.select_event(ev)
    end = DOC_A.index("workers.") + len("workers")  # DOC_A has no astral character: code points are UTF-16 units
    cursor = v.textCursor()
    cursor.setPosition(end)
    qtbot.mouseClick(v.viewport(), Qt.MouseButton.LeftButton, pos=v.cursorRect(cursor).center())
    assert c.current_event == ev.id and v.textCursor().position() == end
    line = w.message.text()
    assert "the caret is on “workers” (E: this event's type; Escape, E: a new event)" in line, line  # main: none
    qtbot.keyClick(v, Qt.Key.Key_Escape)
    assert v.textCursor().position() == end
    qtbot.keyClick(v, Qt.Key.Key_E)
    assert asked in ([], ["workers"]), asked  # main: ["."]
    made = [DOC_A[e.trigger_start : e.trigger_end] for e in db.events(d) if e.type == "Personnel:End-Position"]
    assert made == ["workers"], made  # main: ["."]
