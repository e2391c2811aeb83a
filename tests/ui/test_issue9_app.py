"""Issue 9 in the app: the export dialog refuses the open project as a target."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from annotator.fileid import sqlite_uri
from ui_support import when_modal


def test_export_dialog_refuses_the_open_project_and_its_wal(qtbot, window, project_path):
    keep = project_path.stat().st_ino
    for target in (project_path, f"{project_path}-wal"):
        seen = {}

        def fill(target=target) -> None:
            dlg = QApplication.activeModalWidget()
            dlg.set_format("jsonl")
            dlg.path.setText(str(target))
            dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()
            seen["error"] = dlg.error.text()
            seen["visible"] = dlg.isVisible()
            dlg.reject()

        when_modal(fill)
        window.actions_by_name["export"].trigger()
        assert seen["visible"] and "open project" in seen["error"], seen
        assert not window.workers
    assert project_path.stat().st_ino == keep


def test_enter_on_a_span_changed_elsewhere_is_refused_before_the_refresh(qtbot, window, db):
    """Another process relabels the suggestion the app shows; Enter (accept) before the app's poll notices is
    refused as changed elsewhere: the other label stays a suggestion, the view then shows the span as it is."""
    from PySide6.QtCore import Qt
    from ui_helpers import find
    from ui_support import DOC_A

    from annotator import edits

    c = window.controller
    c.poll.stop()  # the change arrives between two polls
    paris = find(DOC_A, "Paris")
    shown = next(x for x in c.entities.values() if (x.start, x.end) == paris)
    window.edit_actions.select(shown)
    db.annotator = "someone else"
    edits.relabel_entity(db, shown.id, "ORG")
    edits.set_entity_state(db, shown.id, "suggested")
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert "changed elsewhere" in window.message.text(), window.message.text()
    row = db.entity(shown.id)
    assert (row.label, row.state) == ("ORG", "suggested")
    assert c.entities[shown.id].label == "ORG" and c.undo_stack.count() == 0


def test_a_project_renamed_while_open_stops_editing_and_offers_to_reopen(qtbot, window, project_path):
    import os

    from annotator.store import Project

    c = window.controller
    moved = project_path.with_name("renamed.annotator")
    os.rename(project_path, moved)
    c.check_outside_changes()  # the app's poll notices at once, not at the next edit
    assert c.project.stopped is not None and "renamed or moved" in window.message.text()
    box = window.moved_bar
    assert box.isVisible() and str(moved) in box.text()
    yes = box.reopen_button
    yes.click()
    qtbot.waitUntil(lambda: c.project is not None and c.project.path == moved)
    doc = c.doc.id
    window.edit_actions.accept_all()
    with Project(moved, create=False) as p:  # the edit made after reopening is in the file at its new name
        states = {e.state for e in p.entities(doc)}
        assert states and "suggested" not in states, states


def test_the_poll_writes_saved_edits_into_the_file_itself(qtbot, window, project_path):
    """A copy of the open project's file alone (cp while the app is open) missed the edits in its -wal."""
    import shutil
    import sqlite3

    c = window.controller
    c.project.db.conn.execute("PRAGMA wal_autocheckpoint = 0")  # no checkpoint of SQLite's own in between
    window.edit_actions.accept_all()
    c.check_outside_changes()  # the app's 1.5 s poll: edits were just made, it waits for a pause
    c.check_outside_changes()  # the next poll, nothing edited in between
    copy = project_path.with_name("copy.annotator")
    shutil.copyfile(project_path, copy)
    conn = sqlite3.connect(sqlite_uri(copy, mode="ro", immutable=1), uri=True)
    try:
        states = {s for (s,) in conn.execute("SELECT state FROM entities WHERE document_id = ?", (c.doc.id,))}
    finally:
        conn.close()
    assert states and "suggested" not in states, states
