"""Enter, X or a label key on a suggestion in the moment after a pre-annotation run elsewhere replaced it by the very
same one (before the app's next poll, 1.5 s): the key was refused as 'deleted elsewhere … nothing was changed' and
the selection lost, though the person saw the same suggestion. It now decides that one and moves on (session 18)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ui_helpers import entity_rows
from ui_support import pattern_pipeline


def test_enter_on_a_suggestion_a_rerun_replaced_by_the_same_accepts_it_and_moves_on(qtbot, window, db):
    from annotator.preannotate import preannotate

    c = window.controller
    doc = c.doc.id
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    shown = c.entities[c.current_entity]
    preannotate(db, pattern_pipeline(), doc_ids=[doc])  # another window's or a terminal's run, before the poll
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    rows = entity_rows(db, doc)
    assert rows[(shown.start, shown.end)].state == "accepted", window.message.text()  # on main: refused, lost
    assert "deleted elsewhere" not in window.message.text()
    assert c.undo_stack.count() == 1
    nxt = c.entities[c.current_entity]  # on to the next undecided suggestion, as Enter does
    assert nxt.state == "suggested" and nxt.start > shown.start
    assert {e.id for e in c.entities.values()} == {e.id for e in rows.values()}  # the view holds the file's rows
    qtbot.keyClick(window.view, Qt.Key.Key_X)
    assert entity_rows(db, doc)[(nxt.start, nxt.end)].state == "rejected"


class _MeetSuggester:
    """Contact:Meet on 'met' with Maria Lopez as its Entity, as a rule-based run suggests it."""

    source = "rules:test@1"

    def suggest(self, doc, entities):  # type: ignore[no-untyped-def]
        from annotator.suggest.types import ArgumentSuggestion, EventSuggestion

        text = doc.text
        s = text.index("met")
        who = text.index("Maria Lopez")
        return [
            EventSuggestion(
                "Contact:Meet", s, s + 3, 0.9, arguments=(ArgumentSuggestion("Entity", who, who + 11, "PERSON"),)
            )
        ]


@pytest.mark.slow  # 1.6 s: waits for the app's poll (every 1.5 s) to show the run's event
def test_enter_on_an_event_suggestion_a_rerun_replaced_by_the_same_accepts_it(qtbot, window, db):
    from annotator.preannotate import preannotate

    c = window.controller
    doc = c.doc.id
    preannotate(db, pattern_pipeline(), doc_ids=[doc], event_suggester=_MeetSuggester())
    qtbot.waitUntil(lambda: len(c.events) == 1)  # the poll shows it
    (shown,) = c.events.values()
    c.select_entity(None)
    c.select_event(shown.id)
    preannotate(db, pattern_pipeline(), doc_ids=[doc], event_suggester=_MeetSuggester())  # again, before the poll
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    (now,) = db.events(doc)
    assert now.id != shown.id and now.state == "accepted", window.message.text()  # on main: 'no event with id …'
    assert c.undo_stack.count() == 1
    assert set(c.events) == {now.id}
