"""Session 35 (helper s35-qa): a set's rename taken back while another program writes, a new edit made meanwhile,
then the wait cancelled (docs/teams.md, session 34's Left). The new edit pushed the rename's step out of the history
(QUndoStack drops the steps undone when one is pushed); the cancel then left the rename in the file and no step to take
it back: Edit > Undo took back the new edit and then nothing, the Annotation sets window renamed it again. Now the
step comes back on top of the history, said, and the next Ctrl+Z takes the rename back. Failed on main.

Another program's bursts of writes (an import's batches) let the window's edit land between two of them while the
rename's worker found the lock held at each of its tries; the test stands in for those bursts with a worker whose
every try finds the file busy until Cancel (``write_when_free`` replaced), so the new edit lands at once."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt

from test_app_s33 import _rename, _sets
from test_app_s32 import _sets_window, _team
from ui_support import close_window


def busy_until_cancelled(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The rename's worker finds another program writing at each try, until Cancel (``write_when_free``'s loop)."""
    from annotator.errors import BusyError
    from ui import set_steps

    def write_when_free(project, write, stop, waiting=None):  # type: ignore[no-untyped-def]
        busy = BusyError(f"{project.path}: cannot write to the project: another program is writing to it")
        if waiting is not None:
            waiting(busy)
        while not stop():
            time.sleep(0.02)
        raise busy

    monkeypatch.setattr(set_steps, "write_when_free", write_when_free)


@pytest.mark.slow
def test_a_rename_s_undo_pushed_over_by_a_new_edit_then_cancelled_can_still_be_taken_back(qtbot, tmp_path, monkeypatch):
    team = _team(tmp_path)
    w, dlg = _sets_window(qtbot, team)
    c = w.controller
    undo = w.actions_by_name["undo"]
    try:
        _rename(qtbot, dlg, "root", "bob")
        dlg.reject()
        busy_until_cancelled(monkeypatch)  # the rename made; its undo waits
        undo.trigger()
        qtbot.waitUntil(lambda: "waiting for another program to finish writing" in w.progress_label.text())
        w.view.setFocus()
        w.view.select_cp(0, 11)  # "Maria Lopez"
        qtbot.keyClick(w.view, Qt.Key.Key_1)  # a label key, landed between the other program's writes: pushed
        assert c.undo_stack.count() == 1 and "Rename" not in c.undo_stack.text(0)  # the rename's step gone
        w.cancel_work()  # the status bar's Cancel
        qtbot.waitUntil(lambda: not w.workers)
        said = w.message.text()
        assert _sets(team) == ["alice", "bob"]  # the rename still made
        assert "“Rename set 'root' to 'bob'” stays made; Undo tries it again" in said, said
        # on main: the label's step alone (count 1), and nothing took the rename back
        assert c.undo_stack.count() == 2 and undo.text() == "&Undo Rename set 'root' to 'bob'", undo.text()
        monkeypatch.undo()  # the other program done
        step = c.undo_stack.command(1)
        ended: list[bool] = []
        step.after = lambda: ended.append(True)
        undo.trigger()
        qtbot.waitUntil(lambda: ended == [True] and not w.workers)
        assert _sets(team) == ["alice", "root"] and c.undo_stack.index() == 1
        assert undo.text().startswith("&Undo Add"), undo.text()  # the label next
    finally:
        close_window(w)
