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
