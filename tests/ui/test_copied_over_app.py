"""Another project copied over the one the app has open (same inode): the app's poll sees it, editing stops, the app
offers to reopen what is now at that name, and the file copied in is left exactly as copied (it was damaged: the
app's log and cached pages mixed with it, "database disk image is malformed"; session 10)."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3


def test_a_project_copied_over_the_open_one_is_left_as_copied_and_offered(qtbot, window, project_path, tmp_path):
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project

    other = tmp_path / "elsewhere" / "other.annotator"
    other.parent.mkdir()
    with Project(other, annotator="them") as o:
        import_documents(o, [IncomingDocument(f"Their document {k} about Rome.", f"theirs{k}.txt") for k in range(40)])
    copied = hashlib.sha256(other.read_bytes()).hexdigest()
    c = window.controller
    c.project.db.conn.execute("PRAGMA wal_autocheckpoint = 0")
    c.check_outside_changes()
    window.edit_actions.accept_all()  # saved in the log
    shutil.copyfile(other, project_path)  # in place: the same inode
    c.check_outside_changes()  # the app's poll
    assert c.project.stopped is not None and "overwritten" in window.message.text()
    box = window.moved_bar
    assert box.isVisible() and "overwritten by another file" in box.text()
    box.reopen_button.click()
    qtbot.waitUntil(lambda: c.project is not None and c.project.stopped is None)
    assert c.doc is not None and c.doc.name.startswith("theirs")  # what is now at the name
    c.close_project()
    assert hashlib.sha256(project_path.read_bytes()).hexdigest() == copied
    conn = sqlite3.connect(project_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 40
    conn.close()
