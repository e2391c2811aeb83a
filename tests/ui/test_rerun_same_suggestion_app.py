"""Enter, X or a label key on a suggestion in the moment after a pre-annotation run elsewhere replaced it by the very
same one (before the app's next poll, 1.5 s): the key was refused as 'deleted elsewhere … nothing was changed' and
the selection lost, though the person saw the same suggestion. It now decides that one and moves on (session 18)."""

from __future__ import annotations

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
