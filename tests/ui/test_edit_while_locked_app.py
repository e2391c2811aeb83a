"""An edit made in the app while another program holds the project's write lock (an import of a large file, a
merge: one transaction each) is neither lost nor a frozen window: it is kept, the status bar says so, and it is
written, in order and onto the undo stack, as soon as the other program is done (``annotator.write_queue``).

Until session 12 the key waited in ``BEGIN IMMEDIATE`` for the 10 s busy timeout with the window frozen, then was
refused ("another program is writing to it … nothing was changed"): the keystroke was gone.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from ui_helpers import entity_rows, find
from ui_support import DOC_A


@pytest.fixture
def boxes(monkeypatch):  # type: ignore[no-untyped-def]
    seen: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "open", lambda self: seen.append((self.windowTitle(), self.text())))
    return seen


class OtherProgram:
    """Another program in the middle of a long write: it holds the lock until ``finish``."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None)
        self.conn.execute("BEGIN IMMEDIATE")
        self.conn.execute(
            "INSERT INTO comments (document_id, author, text, created_at) VALUES (1, 'import', 'theirs', 't')"
        )

    def finish(self) -> None:
        self.conn.execute("COMMIT")
        self.conn.close()


def press_label(qtbot, window, word: str, label: str) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    key = {name: k for k, name in window.edit_actions.label_keys().items()}[label]
    s, e = find(DOC_A, word)
    window.view.select_cp(s, e)
    qtbot.keyClick(window.view, key)
    return s, e


def test_keys_pressed_while_another_program_writes_are_kept_and_saved_once_it_is_done(qtbot, window, db, boxes):  # type: ignore[no-untyped-def]
    c = window.controller
    doc = c.doc.id
    before = press_label(qtbot, window, "met", "NORP")  # written at once: nobody else writes
    assert before in entity_rows(db, doc) and c.undo_stack.count() == 1
    other = OtherProgram(db.path)
    try:
        forces = press_label(qtbot, window, "forces", "NORP")
        workers = press_label(qtbot, window, "workers", "NORP")
        acme = press_label(qtbot, window, "fired", "ORG")
        # kept, not refused: no error, no "Not saved" box; the status bar says what waits
        assert "nothing was changed" not in window.message.text() and not boxes
        assert c.edits_waiting() == 3
        assert window.waiting_label.isVisible() and "3 waiting" in window.waiting_label.text()
        assert "Waiting for another program to finish writing" in window.message.text()
        assert forces not in entity_rows(db, doc) and workers not in entity_rows(db, doc)
        assert c.undo_stack.count() == 1
        # the window goes on: its timers run (the kept edits are tried again, without waiting, and kept)
        qtbot.waitUntil(lambda: c.kept.writes.last_busy is not None)
        assert c.edits_waiting() == 3 and c.kept.writes.last_busy is not None
        # Ctrl+Z takes back the last key (kept, never written), not the step written before it
        window.actions_by_name["undo"].trigger()
        assert c.edits_waiting() == 2 and (c.undo_stack.count(), c.undo_stack.index()) == (1, 1)
        assert "Taken back before it was saved: Add ORG" in window.message.text()
        # a redo now would land before the kept edits: refused, the stack where it is
    finally:
        other.finish()
    qtbot.waitUntil(lambda: c.edits_waiting() == 0)
    rows = entity_rows(db, doc)
    assert rows[forces].label == rows[workers].label == "NORP" and acme not in rows
    assert rows[before].id < rows[forces].id < rows[workers].id  # in the order they were pressed
    assert [x.text for x in db.comments(doc)][0] == "theirs"  # after the other program's write
    assert (c.undo_stack.count(), c.undo_stack.index()) == (3, 3)
    assert {c.entities[rows[forces].id].label, c.entities[rows[workers].id].label} == {"NORP"}  # the view has them
    assert not window.waiting_label.isVisible() and "Saved: 2 edits" in window.message.text()
    assert not boxes
    window.actions_by_name["undo"].trigger()  # and each undoes as any edit
    assert workers not in entity_rows(db, doc) and forces in entity_rows(db, doc)


def test_the_window_closes_only_once_its_kept_edits_are_saved(qtbot, window, db):  # type: ignore[no-untyped-def]
    c = window.controller
    doc = c.doc.id
    other = OtherProgram(db.path)
    try:
        forces = press_label(qtbot, window, "forces", "NORP")
        assert c.edits_waiting() == 1
        window.close()
        assert window.isVisible() and c.project is not None  # not closed: it would lose the edit
        assert "The window closes once 1 edit" in window.message.text()
    finally:
        other.finish()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert forces in entity_rows(db, doc)


def test_ctrl_z_takes_back_a_kept_edit_when_nothing_is_on_the_undo_stack(qtbot, window, db):  # type: ignore[no-untyped-def]
    """Qt's Undo is off while the stack is empty: the first keys of a session, all kept, could not be taken back."""
    from PySide6.QtCore import Qt

    c = window.controller
    doc = c.doc.id
    other = OtherProgram(db.path)
    try:
        forces = press_label(qtbot, window, "forces", "NORP")
        workers = press_label(qtbot, window, "workers", "NORP")
        assert c.undo_stack.count() == 0 and c.edits_waiting() == 2
        qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert c.edits_waiting() == 1 and "Taken back before it was saved: Add NORP" in window.message.text()
    finally:
        other.finish()
    qtbot.waitUntil(lambda: c.edits_waiting() == 0)
    assert forces in entity_rows(db, doc) and workers not in entity_rows(db, doc)
    assert c.undo_stack.count() == 1 and not window.take_back_action.isEnabled()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # now Qt's Undo, as ever
    assert forces not in entity_rows(db, doc) and c.undo_stack.index() == 0


def test_kept_keys_that_cannot_be_saved_when_they_land_wait_until_they_can(qtbot, window, db, boxes):  # type: ignore[no-untyped-def]
    """The file could not be written when the other program was done (its write filled the disk; here the app's
    connection turned read-only, as test_reliability_app does): each kept key failed in turn as it landed and was
    gone (a "Not saved" box each), though the person had seen it made and waiting. They stay kept, in order, and
    it is said once."""
    c = window.controller
    doc = c.doc.id
    other = OtherProgram(db.path)
    try:
        forces = press_label(qtbot, window, "forces", "NORP")
        workers = press_label(qtbot, window, "workers", "NORP")
        assert c.edits_waiting() == 2
        c.project.db.conn.execute("PRAGMA query_only = ON")  # the file cannot be written when the other is done
    finally:
        other.finish()
    qtbot.waitUntil(lambda: len(boxes) >= 1)  # the first try to land them
    assert c.edits_waiting() == 2 and "attempt to write a readonly database" in boxes[0][1]
    assert "not saved yet" in window.message.text() and "2 waiting" in window.waiting_label.text()
    tries = c.kept.writes.last_failure
    qtbot.waitUntil(lambda: c.kept.writes.last_failure is not tries)  # tried again: kept, and said no more
    assert c.edits_waiting() == 2 and len(boxes) == 1
    c.project.db.conn.execute("PRAGMA query_only = OFF")  # writable again
    qtbot.waitUntil(lambda: c.edits_waiting() == 0)
    rows = entity_rows(db, doc)
    assert rows[forces].id < rows[workers].id and rows[forces].label == rows[workers].label == "NORP"
    assert c.undo_stack.count() == 2
