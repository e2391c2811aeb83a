"""The app's project renamed or deleted while open: closing it (the window, or the reopen from the new place the app
offers) puts what was saved into the moved file and leaves no -wal/-shm under the old name (session 10)."""

from __future__ import annotations

import os
import sqlite3

from annotator.fileid import sqlite_uri


def states_alone(path, doc: int) -> set[str]:  # type: ignore[no-untyped-def]
    """What the file holds by itself (``immutable``: no log beside it is read)."""
    conn = sqlite3.connect(sqlite_uri(path, mode="ro", immutable=1), uri=True)
    try:
        return {s for (s,) in conn.execute("SELECT state FROM entities WHERE document_id = ?", (doc,))}
    finally:
        conn.close()


def test_closing_a_project_renamed_while_open_keeps_its_edits_and_leaves_no_log(qtbot, window, project_path):
    c = window.controller
    c.project.db.conn.execute("PRAGMA wal_autocheckpoint = 0")
    doc = c.doc.id
    window.edit_actions.accept_all()  # saved, in the log; no poll before the rename and the close
    moved = project_path.with_name("renamed.annotator")
    os.rename(project_path, moved)
    c.close_project()
    states = states_alone(moved, doc)
    assert states and "suggested" not in states, states  # was: the accepts only in gui.annotator-wal
    assert sorted(os.listdir(project_path.parent)) == ["renamed.annotator"]


def test_reopening_from_the_new_place_leaves_no_log_under_the_old_name(qtbot, window, project_path):
    c = window.controller
    moved = project_path.with_name("renamed.annotator")
    os.rename(project_path, moved)
    c.check_outside_changes()  # the poll notices and offers to reopen
    window.moved_bar.reopen_button.click()
    qtbot.waitUntil(lambda: c.project is not None and c.project.path == moved)
    assert not any(f.startswith("gui.annotator") for f in os.listdir(project_path.parent))  # was: -wal and -shm


def test_closing_a_project_deleted_while_open_leaves_no_log(qtbot, window, project_path):
    os.remove(project_path)
    window.controller.close_project()
    assert not any(f.startswith("gui.annotator") for f in os.listdir(project_path.parent))
