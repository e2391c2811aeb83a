"""How long an edit waits for another program's write before it is kept is ``write_queue.FIRST_WAIT_MS``, read where
it is used: the window's queue of kept edits and its undo and redo wait what the module says (the GUI tests shorten
it, tests/ui/conftest.py), where each had taken 100 ms at import."""

from __future__ import annotations

from ui_helpers import find
from ui_support import DOC_A


def test_the_window_s_edits_undo_and_redo_wait_what_the_module_says(qtbot, window, monkeypatch):
    from annotator import write_queue
    from ui import commands

    assert write_queue.FIRST_WAIT_MS < 100  # shortened for the GUI tests
    c = window.controller
    assert c.kept.writes.first_wait_ms == write_queue.FIRST_WAIT_MS
    c.run(commands.AddEntity, c.doc.id, *find(DOC_A, "workers"), "PERSON")
    asked: list[int] = []
    wait = c.project.lock_wait
    monkeypatch.setattr(c.project, "lock_wait", lambda ms: (asked.append(ms), wait(ms))[1])
    c.undo_stack.undo()
    c.undo_stack.redo()
    assert asked == [write_queue.FIRST_WAIT_MS] * 2
