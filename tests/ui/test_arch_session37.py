"""Session 37 (helper s37-arch, docs/architecture.md): one owner for the word under the caret and for the
controller's telling of what changed, seen through the real window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt


def test_e_at_a_word_s_end_before_a_full_stop_makes_the_event_on_the_word_as_the_caret_note_names_it(
    qtbot, window, db, monkeypatch
):
    """E with nothing selected took the token under the caret, else the one before it, by hand
    (``EventActions.trigger_span``), and the caret note another hand-written copy: at "workers|." E offered the
    picker for the full stop and made a "." event, where a label key labels "workers" (``navigation.word_at``). The
    keys, the note and the label keys ask one function now."""
    from ui_support import DOC_A, picker_answering, suggest_event

    asked = picker_answering(monkeypatch, "Personnel:End-Position")
    w, c, v = window, window.controller, window.view
    d = db.document_ids()[0]
    ev = suggest_event(db, w, "Conflict:Attack", "attacked")
    v.setFocus()
    w.edit_actions.select_event(ev)
    end = DOC_A.index("workers.") + len("workers")  # DOC_A has no astral character: code points are UTF-16 units
    cursor = v.textCursor()
    cursor.setPosition(end)
    qtbot.mouseClick(v.viewport(), Qt.MouseButton.LeftButton, pos=v.cursorRect(cursor).center())
    assert c.current_event == ev.id and v.textCursor().position() == end
    line = w.message.text()
    assert "the caret is on “workers” (E: a new event on it)" in line, line  # main: none (session 38's words)
    qtbot.keyClick(v, Qt.Key.Key_Escape)
    assert v.textCursor().position() == end
    qtbot.keyClick(v, Qt.Key.Key_E)
    assert asked in ([], ["workers"]), asked  # main: ["."]
    made = [DOC_A[e.trigger_start : e.trigger_end] for e in db.events(d) if e.type == "Personnel:End-Position"]
    assert made == ["workers"], made  # main: ["."]


TOLD = ("entitiesChanged", "eventsChanged", "documentsChanged", "documentRowsChanged", "commentsChanged")


def _listened(c):  # type: ignore[no-untyped-def]
    """How often the controller told each of ``TOLD`` (the list's and the panels' refreshes) since this call."""
    from collections import Counter

    told: Counter[str] = Counter()
    for name in TOLD:
        getattr(c, name).connect(lambda *_a, name=name: told.update([name]))
    return told


def test_an_edit_an_undo_and_a_commit_elsewhere_are_each_told_to_the_list_and_panels_once(qtbot, window, db):
    """Every change reaches the views by one path of the controller (``Controller._tell``): an edit and its undo
    one row of the list and the spans changed, a commit of another program read by the poll the whole list, the
    spans changed and the comments, once; the next poll, with nothing new, tells nothing."""
    from annotator import edits
    from ui import commands
    from ui_helpers import find
    from ui_support import DOC_A, read_as_the_poll_reads

    c = window.controller
    told = _listened(c)
    c.run(commands.AddEntity, c.doc.id, *find(DOC_A, "workers"), "PERSON")
    assert dict(told) == {"entitiesChanged": 1, "documentRowsChanged": 1}
    told.clear()
    c.undo_stack.undo()
    assert dict(told) == {"entitiesChanged": 1, "documentRowsChanged": 1}
    told.clear()
    edits.add_entity(db, c.doc.id, *find(DOC_A, "Maria"), "PERSON")
    read_as_the_poll_reads(c)
    read_as_the_poll_reads(c)
    assert dict(told) == {"documentsChanged": 1, "entitiesChanged": 1, "commentsChanged": 1}


def test_the_app_s_own_background_commit_read_at_its_end_is_not_read_again_by_the_poll(qtbot, window, db):
    """A worker of the window's (an import, a pre-annotation, a merge) ends with ``Controller.reload``; the poll then
    met the same commit (another connection's) and read the file again: the whole list and the comments refreshed
    twice for one change. The poll still says the commit (``outsideCommit``: a merge's line, the Adjudication
    window), and reads nothing it has read."""
    from annotator import edits
    from ui_helpers import find
    from ui_support import DOC_A, read_as_the_poll_reads

    c = window.controller
    told = _listened(c)
    commits: list[bool] = []
    c.outsideCommit.connect(lambda: commits.append(True))
    edits.add_entity(db, c.doc.id, *find(DOC_A, "Smith"), "PERSON")  # the worker's write, by its own connection
    c.reload()  # the worker's end
    read_as_the_poll_reads(c)
    assert dict(told) == {"documentsChanged": 1, "entitiesChanged": 1, "commentsChanged": 1}  # main: 2, 1, 2
    assert commits == [True]
    edits.add_entity(db, c.doc.id, *find(DOC_A, "Lopez"), "PERSON")  # then another program's: read, as before
    read_as_the_poll_reads(c)
    assert told["documentsChanged"] == 2 and told["entitiesChanged"] == 2 and commits == [True, True]
    assert any(DOC_A[e.start : e.end] == "Lopez" for e in c.entities.values())


@pytest.mark.slow  # a window of its own: ~2 s
def test_a_list_a_merge_made_stale_says_where_the_work_came_whatever_its_set_is_named(qtbot, tmp_path):
    """The Adjudication window's refusal of a key on a stale list decided where the work came from by reading its own
    sentence back (``"meanwhile" in whose``): a set named "meanwhile" merged by another program lost the line's
    "into this document meanwhile (a merge)". The sentence is made whole where it is made (``_stale``)."""
    from test_qa_session36 import _handed_out, _merge_elsewhere, _row
    from ui_support import close_window, open_window

    team = _handed_out(tmp_path, ("alice", "bob", "meanwhile"))
    _merge_elsewhere(team, tmp_path / "alice.annotator")
    _merge_elsewhere(team, tmp_path / "bob.annotator")
    w = open_window(qtbot, team, annotator="rita", pipeline=None)
    try:
        w.actions_by_name["adjudicate"].trigger()
        dlg = w._adjudication_window
        _merge_elsewhere(team, tmp_path / "meanwhile.annotator")  # before the window's poll reads it
        dlg.tree.setCurrentItem(_row(dlg, "Paris"))
        qtbot.keyClick(dlg.tree, "a")
        assert dlg.sets == ["alice", "bob", "meanwhile"]
        assert w.message.text() == (  # main: "meanwhile's work came: the list is read again with it; ..."
            "meanwhile's work came into this document meanwhile (a merge): the list is read again with it; nothing "
            "was decided (press the key again)"
        )
    finally:
        close_window(w)
