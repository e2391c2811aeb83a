"""The event editor's "No event selected" is the same in every document of a project: another document opened with no
event selected keeps it (it was made again at each open: its widgets deleted, made, laid out and painted again)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from ui_support import window_settled


def _hint(ed) -> str:  # type: ignore[no-untyped-def]
    return " ".join(lab.text() for lab in ed.scroll.widget().findChildren(QLabel))


def test_another_document_with_no_event_selected_keeps_the_editor_s_body(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    w = window
    ed = w.event_editor
    c = w.controller
    assert c.current_event is None and ed.event_id is None
    body, said = ed.scroll.widget(), _hint(ed)
    assert said.startswith("No event selected.")
    least = body.minimumWidth()
    for doc_id in c.project.document_ids()[1:]:
        w.open_document(doc_id)
        window_settled(qtbot, w)
        assert c.doc.id == doc_id and c.current_event is None
        assert ed.scroll.widget() is body  # kept, not made again
        assert _hint(ed) == said and body.minimumWidth() == least and not ed._delete.isVisible()


def test_an_event_selected_after_the_switch_is_shown_and_none_again_shows_the_hint(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """The kept body gives way to the event as before, and comes back when none is selected."""
    from ui import commands as cmd

    w = window
    c, ed = w.controller, w.event_editor
    second = c.project.document_ids()[1]
    w.open_document(second)
    window_settled(qtbot, w)
    e = next(iter(c.entities.values()))
    ev = c.run(cmd.AddEvent, second, "Conflict:Attack", e.start, e.end)
    c.select_event(ev)  # the new event's id
    window_settled(qtbot, w)
    assert ed.event_id is not None and ed.event_id == c.current_event
    assert not _hint(ed).startswith("No event selected.")
    c.select_event(None)
    window_settled(qtbot, w)
    assert ed.event_id is None and _hint(ed).startswith("No event selected.")
