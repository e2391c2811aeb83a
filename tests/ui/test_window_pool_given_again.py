"""The GUI tests' window pool (tests/ui/window_pool.py) gives its window to the next test when nothing the test did is
left in it: a test that only changed what the legend counts leaves nothing (the next open counts again)."""

from __future__ import annotations

import window_pool
from ui_helpers import find
from ui_support import DOC_A, window_settled


def test_a_window_whose_project_counted_another_entity_looks_as_new_once_its_project_is_closed(qtbot, window):
    """The legend's buttons put aside at the close said the closed project's counts ("[1] PERSON 3"), which refused
    the window (~40 a run): the next open of the same labels sets every button's text again."""
    from ui import commands

    c = window.controller
    c.run(commands.AddEntity, c.doc.id, *find(DOC_A, "workers"), "PERSON")
    window_settled(qtbot, window)
    assert "[1] PERSON 3" in window.legend.item_texts()
    window.actions_by_name["close_project"].trigger()
    window_settled(qtbot, window)
    assert window_pool.Look.of(window).differences(window_pool._first[0]) == []


def test_a_window_whose_line_named_the_span_under_the_caret_looks_as_new_once_its_project_is_closed(qtbot, window, db):
    """The span the line named under the caret while an event was selected (``_caret_said``, an id of the closed
    project's, which the next project has too) stayed on the window after File > Close project: 28 of the ~100 windows
    the pool refused in a run of tests/ui (session 32)."""
    from ui_helpers import select_suggested_meet

    w, v = window, window.view
    select_suggested_meet(qtbot, w, db)
    v.setFocus()
    cur = v.textCursor()
    cur.setPosition(find(DOC_A, "Monday")[0] + 2)  # DOC_A is ASCII: UTF-16 positions are code points
    v.setTextCursor(cur)
    qtbot.waitUntil(lambda: "the caret is on DATE “Monday”" in w.message.text())
    w.actions_by_name["close_project"].trigger()
    window_settled(qtbot, w)
    assert window_pool.Look.of(w).differences(window_pool._first[0]) == []


def test_a_window_whose_line_asked_who_waits_for_adjudication_looks_as_new_once_its_project_is_closed(qtbot, window):
    """The annotators the line found waiting for adjudication were kept by the document object's id (and its path, id
    and status): a project closed and opened again could meet the same id and say the names of before."""
    window._waiting_annotators()
    assert window._adjudication_kept is not None
    window.actions_by_name["close_project"].trigger()
    window_settled(qtbot, window)
    assert window_pool.Look.of(window).differences(window_pool._first[0]) == []
