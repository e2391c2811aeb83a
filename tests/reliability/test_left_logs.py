"""A project renamed, moved or deleted while open: at the close, what was saved is in the file wherever it went, and
the -wal and -shm SQLite leaves under the old name are removed when provably ours (the very files we had open, the
log empty, no file at the old name), never anyone else's (session 10, the store's first point).

SQLite neither checkpoints nor deletes the log of a file that has moved (``databaseIsUnmoved`` in its pager): closed
after a rename with no write in between, the moved file lacked everything still in the log, which stayed under the
old name with an empty ``-shm``."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from annotator import edits
from annotator.fileid import sqlite_uri
from annotator.cli import main
from annotator.errors import ProjectMovedError
from annotator.importing import IncomingDocument, import_documents
from annotator.store import Project

TEXT = "Maria Lopez met officials in Paris on Monday."


def make(path: Path) -> Project:
    p = Project(path, annotator="tester")
    p.db.conn.execute("PRAGMA wal_autocheckpoint = 0")  # what was saved stays in the log until written in
    import_documents(p, [IncomingDocument(TEXT, "a.txt")])
    return p


def alone(path: Path) -> list[str]:
    """The labels the file holds by itself (read ``immutable``: no log beside it is looked at)."""
    conn = sqlite3.connect(sqlite_uri(path, mode="ro", immutable=1), uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT label FROM entities ORDER BY id")]
    finally:
        conn.close()


def names(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


def test_renamed_while_open_then_closed_keeps_the_work_in_the_file_and_leaves_no_log(tmp_path):
    path, moved = tmp_path / "p.annotator", tmp_path / "q.annotator"
    p = make(path)
    edits.add_entity(p, 1, 0, 11, "PERSON")
    os.rename(path, moved)  # no write after it: nothing noticed the move before the close
    p.close()
    assert alone(moved) == ["PERSON"]  # was: [] (the edit and the import only in p.annotator-wal)
    assert names(tmp_path) == ["q.annotator"]  # was: p.annotator-shm and a 200 KB p.annotator-wal beside it
    with Project(moved, create=False) as q:
        assert [e.label for e in q.entities(1)] == ["PERSON"]


def renamed_with_an_edit_refused(path, moved):  # type: ignore[no-untyped-def]
    """A project at ``path`` with one edit, renamed to ``moved`` while open, its next edit refused as moved."""
    p = make(path)
    edits.add_entity(p, 1, 0, 11, "PERSON")
    os.rename(path, moved)
    with pytest.raises(ProjectMovedError):
        edits.add_entity(p, 1, 29, 34, "GPE")
    return p


def test_renamed_then_edit_refused_then_closed_leaves_no_empty_log(tmp_path):
    path, moved = tmp_path / "p.annotator", tmp_path / "q.annotator"
    p = renamed_with_an_edit_refused(path, moved)
    p.close()
    assert names(tmp_path) == ["q.annotator"]  # was: an empty p.annotator-wal and its -shm
    assert alone(moved) == ["PERSON"]


def test_moved_to_another_folder_while_open_names_where_it_went(tmp_path):
    """`mv p.annotator sub/q.annotator` while the app had it open (session 25, as a user): "…: the project file was
    renamed, moved or deleted while open; … reopen it from where it is now, or save a copy of what is open", and the
    box offered only Save a copy…, though the open file's handle told where it was (the log was written into it
    there). It is named, as a rename in its folder is, and the app's box offers to reopen it there."""
    path, moved = tmp_path / "p.annotator", tmp_path / "sub" / "q.annotator"
    moved.parent.mkdir()
    p = make(path)
    edits.add_entity(p, 1, 0, 11, "PERSON")
    os.rename(path, moved)
    with pytest.raises(ProjectMovedError) as refused:
        edits.add_entity(p, 1, 29, 34, "GPE")
    assert refused.value.new_path == str(moved)
    assert f"was renamed or moved to {moved} while open" in str(refused.value)
    assert "everything saved before is in the file" in str(refused.value)
    p.close()
    assert alone(moved) == ["PERSON"] and names(tmp_path) == ["sub"]


def test_deleted_while_open_then_closed_leaves_no_log(tmp_path):
    path = tmp_path / "p.annotator"
    p = make(path)
    edits.add_entity(p, 1, 0, 11, "PERSON")
    os.remove(path)
    p.close()
    assert names(tmp_path) == []  # a log of a file that is gone would be applied to the next p.annotator made here
    make(path).close()
    with Project(path, create=False) as fresh:
        assert fresh.entities(1) == [] and fresh.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_deleted_while_open_says_deleted_and_that_what_is_open_is_the_only_copy(tmp_path):
    """`rm` of the open project (session 28, as a user, under Xvfb): the app said "…: the project file was renamed,
    moved or deleted while open; editing has stopped and everything saved before is in the file; reopen it from where
    it is now, or save a copy …": no file to reopen, and "in the file" of a file gone. The open descriptor's link count
    (0) tells a deletion; the error says so, and carries it (``deleted``) for the app's box."""
    path = tmp_path / "p.annotator"
    p = make(path)
    edits.add_entity(p, 1, 0, 11, "PERSON")
    os.remove(path)
    with pytest.raises(ProjectMovedError) as refused:
        edits.add_entity(p, 1, 29, 34, "GPE")
    said = str(refused.value)
    assert "was deleted while open" in said and "only copy" in said and "save a copy" in said
    assert "reopen it from where it is now" not in said and "is in the file" not in said
    assert refused.value.deleted and refused.value.new_path is None
    copy = tmp_path / "copy.annotator"
    p.save_copy(copy)  # what the words ask for keeps the work
    p.close()
    with Project(copy, create=False) as kept:
        assert [e.label for e in kept.entities(1)] == ["PERSON"]


def test_renamed_while_open_is_not_said_deleted(tmp_path):
    path, moved = tmp_path / "p.annotator", tmp_path / "q.annotator"
    p = renamed_with_an_edit_refused(path, moved)
    assert not p.stopped.deleted and "deleted" not in str(p.stopped)
    p.close()


def test_side_files_that_are_not_provably_ours_stay(tmp_path):
    """A -wal by the old name that is another file (same name, another inode), a log still holding work that did not
    reach the file, and side files beside a file now at the old name: each is left as it is."""
    path, moved = tmp_path / "p.annotator", tmp_path / "q.annotator"
    p = make(path)
    os.rename(path, moved)
    wal = Path(f"{path}-wal")
    wal.unlink()
    wal.write_bytes(b"")  # someone else's (empty) file by that name
    p.close()
    assert wal.exists() and wal.stat().st_size == 0  # theirs stayed (and the -shm with it: a pair)

    # replaced: another file at the old name; its side files are its own
    path2 = tmp_path / "r.annotator"
    p = make(path2)
    os.rename(path2, tmp_path / "r-moved.annotator")
    path2.write_bytes(b"")  # a new file under the name
    p.close()
    assert Path(f"{path2}-wal").exists() and Path(f"{path2}-shm").exists()


SECOND = r"""
import sys
from annotator import edits
from annotator.store import Project
q = Project(sys.argv[1], create=False, annotator="second")
edits.add_comment(q, 1, "in the second process")
print("written", flush=True)
sys.stdin.readline()
q.close()
"""


def test_a_log_holding_work_the_moved_file_lacks_stays(tmp_path):
    """Renamed and opened under the new name by another process: our log is not written into that file (two logs
    could corrupt it), so it holds saved work: it stays under the old name, as the message says."""
    path, moved = tmp_path / "p.annotator", tmp_path / "q.annotator"
    make(path).close()
    p = Project(path, create=False, annotator="first")
    p.db.conn.execute("PRAGMA wal_autocheckpoint = 0")
    edits.add_comment(p, 1, "before the rename")
    os.rename(path, moved)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    second = subprocess.Popen(
        [sys.executable, "-c", SECOND, str(moved)], env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert second.stdout.readline().strip() == "written"
        p.close()
    finally:
        second.communicate("done\n", timeout=30)
    assert Path(f"{path}-wal").stat().st_size > 0  # the saved comment is there, and only there


def test_a_command_whose_project_is_renamed_mid_run_leaves_no_log(tmp_path, monkeypatch, capsys):
    """A long command (an import of two files in batches of one, the project renamed after the first batch) stops
    at its next write; the old name is left clean and what it saved is in the moved file."""
    import annotator.formats.loading as loading

    path, moved = tmp_path / "p.annotator", tmp_path / "q.annotator"
    make(path).close()
    for k in range(2):
        (tmp_path / f"d{k}.txt").write_text(f"Document {k} about Paris.", encoding="utf-8")
    real = loading.store_documents
    calls = []

    def rename_after_first(*args, **kwargs):  # type: ignore[no-untyped-def]
        out = real(*args, **kwargs)
        calls.append(1)
        if len(calls) == 1:
            os.rename(path, moved)
        return out

    monkeypatch.setattr(loading, "store_documents", rename_after_first)
    assert main(["import", str(path), str(tmp_path / "d0.txt"), str(tmp_path / "d1.txt"), "--batch", "1"]) == 1
    assert "renamed or moved to" in capsys.readouterr().err
    assert names(tmp_path) == ["d0.txt", "d1.txt", "q.annotator"]  # was: an empty p.annotator-wal and its -shm
    conn = sqlite3.connect(sqlite_uri(moved, mode="ro", immutable=1), uri=True)
    assert conn.execute("SELECT name FROM documents ORDER BY id").fetchall() == [("a.txt",), ("d0.txt",)]
    conn.close()


def test_the_old_name_s_logs_go_once_the_move_is_noticed_and_a_new_project_there_shares_nothing(tmp_path):
    """Round 12's Left (session 21): the old name's -wal and -shm stayed beside the renamed file until the app closed,
    and a project made at the old name meanwhile (``scripts/app`` makes seeds.annotator again when it is missing) took
    them as its own: the open connection's lock file and index, for another file. They go when the move is noticed
    and everything is written into the moved file; the connection keeps them open for its reads."""
    path, moved = tmp_path / "p.annotator", tmp_path / "q.annotator"
    p = renamed_with_an_edit_refused(path, moved)
    assert names(tmp_path) == ["q.annotator"]  # was: p.annotator-shm and an empty p.annotator-wal, until the close
    other = make(path)  # a new project at the old name, while the renamed one is still open
    edits.add_entity(other, 1, 29, 34, "GPE")
    other.close()
    assert [e.label for e in p.entities(1)] == ["PERSON"]  # the open project still reads its own file
    p.close()
    assert alone(moved) == ["PERSON"]
    with Project(path, create=False) as fresh:
        assert [e.label for e in fresh.entities(1)] == ["GPE"]
        assert fresh.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_moved_then_deleted_where_it_went_says_it_is_the_only_copy(tmp_path):
    """Session 41 (s41-app, under Xvfb): the open project moved (a move to the bin: "… was renamed or moved to … ;
    everything saved before is in the file; reopen it from …"), then deleted there (the bin emptied): the stop kept
    saying "reopen it from …" of a file gone, its bar offered Open it where it is now, and quitting did not ask (the
    stop was no delete). The stop says the delete now, and carries it (``deleted``) for the bar's Save a copy… and
    the quit's question."""
    path, moved = tmp_path / "p.annotator", tmp_path / "bin" / "p.annotator"
    moved.parent.mkdir()
    p = make(path)
    edits.add_entity(p, 1, 0, 11, "PERSON")
    os.rename(path, moved)
    with pytest.raises(ProjectMovedError) as first:
        p.check_still_here()
    assert not first.value.deleted
    os.remove(moved)
    with pytest.raises(ProjectMovedError) as now:
        p.check_still_here()
    said = str(now.value)
    assert now.value.deleted and p.stopped is now.value  # on main: the move's stop again
    assert f"was moved to {moved} and deleted there while open" in said and "only copy" in said
    assert "reopen it from" not in said
    copy = p.save_copy(tmp_path / "copy.annotator")
    p.close()
    assert alone(copy) == ["PERSON"]
