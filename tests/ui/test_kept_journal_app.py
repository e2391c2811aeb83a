"""The app opened after a run of it was killed with edits kept (another program was writing): what that run kept
goes into the file first, in order, also when the other program is still writing at the open (then it waits in the
app's queue, ahead of every new key), and the person is told (``annotator.kept_journal``)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ui_support import close_window, open_window, settled, shown_window


from annotator import edits, kept_journal, kept_replay
from annotator.kept_journal import KeptJournal
from annotator.store import Project
from annotator.fileid import sqlite_uri
from ui import commands


def killed_run_kept(path: Path, texts: list[str], relabel: bool = False) -> int:
    """The journal a run of the app leaves when killed with these comments (and a relabel of the first span) kept;
    the span's id."""
    with Project(path, annotator="maria") as project:
        doc = project.document_ids()[0]
        journal = KeptJournal.start(project)
        for text in texts:
            journal.append(kept_journal.record(project, edits.add_comment, (doc, text), {}))
        if relabel:
            shown = project.entities(doc)[0]
            journal.append(kept_journal.record(project, edits.relabel_entity, (shown.id, "ORG"), {"expected": shown}))
        journal.close()
        return project.entities(doc)[0].id


def comments(path: Path, who: bool = False) -> list:
    conn = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True)
    try:
        return [r if who else r[0] for r in conn.execute("SELECT text, author FROM comments ORDER BY id")]
    finally:
        conn.close()


def test_the_open_writes_what_a_killed_run_kept_and_says_so(qtbot, project_path):  # type: ignore[no-untyped-def]
    killed_run_kept(project_path, ["one", "two"])
    w = open_window(qtbot, project_path)
    try:
        assert comments(project_path) == ["one", "two"]
        said = w.message.text() + w.message.toolTip()
        assert "Saved now: 2 edits kept by a program that stopped before saving them" in said, said
        assert not any(p.exists() for p in kept_journal.journal_paths(project_path))
    finally:
        close_window(w)


def test_kept_edits_waiting_at_the_open_go_before_every_new_key(qtbot, project_path):  # type: ignore[no-untyped-def]
    span = killed_run_kept(project_path, ["one", "two"], relabel=True)
    other = sqlite3.connect(project_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # the import that made them wait is still running
    w = shown_window(qtbot)
    try:
        assert w.open_project(project_path)
        c = w.controller
        assert c.edits_waiting() == 3 and comments(project_path) == []
        c.run(type(c.kept.writes.keys()[0]), c.doc.id, "three")  # a new key: kept behind them
        assert c.edits_waiting() == 4
        other.execute("ROLLBACK")
        qtbot.waitUntil(lambda: c.edits_waiting() == 0)
        # as who made them: the first run's person, then the one who opened it now
        assert comments(project_path, who=True) == [("one", "maria"), ("two", "maria"), ("three", "tester")]
        assert [cmd.text() for cmd in (c.undo_stack.command(i) for i in range(c.undo_stack.count()))] == [
            "Add comment",
            "Add comment",
            "Relabel as ORG",
            "Add comment",
        ]
        assert c.entities[span].label == "ORG"  # the view shows what landed
        c.undo_stack.undo()  # the person's own key first
        assert comments(project_path) == ["one", "two"]
        assert not any(p.exists() for p in kept_journal.journal_paths(project_path))
    finally:
        if other.in_transaction:
            other.execute("ROLLBACK")
        other.close()
        close_window(w)


def test_kept_keys_that_meet_the_file_renamed_land_when_it_is_reopened_from_its_new_name(qtbot, project_path):  # type: ignore[no-untyped-def]
    """The project renamed while keys are kept, the other program then done: each kept key met the move as it landed,
    was refused ('… was renamed or moved …') and skipped in the journal: the reopen the box offers had none of them.
    They stay kept (one box says the move), and the reopen from the new name writes them."""
    other = sqlite3.connect(project_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    w = open_window(qtbot, project_path)
    try:
        c = w.controller
        for text in ("one", "two"):
            c.run(commands.AddComment, c.doc.id, text)
        assert c.edits_waiting() == 2
        moved = project_path.with_name("renamed.annotator")
        project_path.rename(moved)
        other.execute("ROLLBACK")
        settled(qtbot, lambda: w.moved_bar.isVisible())
        assert c.edits_waiting() == 2  # kept: not refused
        assert w.moved_bar.text().count("renamed or moved") == 1
        assert " 2 edits waiting to be saved are kept beside it: reopening it writes them." in w.moved_bar.text()
        w.moved_bar.reopen_button.click()
        settled(qtbot, lambda: c.project is not None and c.project.path == moved and c.edits_waiting() == 0)
        assert comments(moved, who=True) == [("one", "tester"), ("two", "tester")]
        assert not [p.name for p in moved.parent.iterdir() if "-kept" in p.name]
    finally:
        if other.in_transaction:
            other.execute("ROLLBACK")
        other.close()
        close_window(w)


def test_a_window_closed_while_kept_keys_wait_for_a_renamed_file_closes_at_once_and_says_where_they_are(
    qtbot,  # type: ignore[no-untyped-def]
    project_path,
):
    """Declining the reopen and closing: the window waited for edits that could never land there (closing twice),
    and the words blamed another program. Now it closes at once; the next open of the renamed file writes them."""
    other = sqlite3.connect(project_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    w = open_window(qtbot, project_path)
    failed: list[str] = []
    try:
        c = w.controller
        c.failed.connect(failed.append)
        c.run(commands.AddComment, c.doc.id, "one")
        moved = project_path.with_name("renamed.annotator")
        project_path.rename(moved)
        other.execute("ROLLBACK")
        settled(qtbot, lambda: w.moved_bar.isVisible())
        w.moved_bar.keep_button.click()
        # the poll may show the box before the retry timer's next try meets the move: that try is sure to come
        settled(qtbot, lambda: c.kept.wait_for_reopen())
        assert w.waiting_label.toolTip().startswith(
            "1 edit kept (the last: Add comment) waits for the project file, renamed or moved meanwhile, to be opened "
            "from where it is now; it is kept beside it and written then"
        )
        assert w.close()  # at once: nothing it could wait for
        assert failed[-1] == (
            "1 edit not saved yet: the project file was renamed or moved meanwhile (Add comment); it is kept beside it "
            "and written when it is opened from where it is now"
        )
    finally:
        if other.in_transaction:
            other.execute("ROLLBACK")
        other.close()
        close_window(w)
    with Project(moved, annotator="x") as reopened:
        assert kept_replay.replay(reopened).written == 1
    assert comments(moved) == ["one"]


def test_a_read_only_open_says_what_a_killed_run_kept_is_not_shown(qtbot, project_path):  # type: ignore[no-untyped-def]
    """Session 16: a colleague's project (here 0444) whose app was killed with edits kept: the read-only open can
    write nothing, and said nothing; the document was shown without them."""
    import os

    killed_run_kept(project_path, ["one", "two"])
    os.chmod(project_path, 0o444)
    w = open_window(qtbot, project_path)
    try:
        said = w.message.text() + w.message.toolTip()
        assert (
            "gui.annotator-kept: 2 edits a stopped program kept are not in it (read-only: the file is not writable "
            "(no write permission)); saved at the next open that can write it"
        ) in said, said
        assert comments(project_path) == [] and kept_journal.journal_paths(project_path)[0].exists()
    finally:
        close_window(w)
        os.chmod(project_path, 0o644)
