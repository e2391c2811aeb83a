"""A project file copied over while open (``cp other.annotator p.annotator``, a backup restored with ``cp``, a sync
tool writing in place): same device and inode, so the rename check saw nothing. The open connection then mixed its
cached pages and its log with the new file's: "database disk image is malformed" for both projects, the one copied in
destroyed (session 10). Now the next write (or the app's poll) sees the file's history is not the project's, stops
editing, and the file copied in is left exactly as it was copied."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reliability_support import fill

from annotator import edits
from annotator.errors import ProjectMovedError
from annotator.importing import IncomingDocument, import_documents
from annotator.store import Project


def project(path: Path, n: int, what: str) -> Project:
    p = Project(path, annotator="tester")
    import_documents(
        p, [IncomingDocument(f"{what} text {k} about Paris, Berlin and Rome.", f"{k}.txt") for k in range(n)]
    )
    return p


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def intact(path: Path) -> tuple[str, int]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0], conn.execute(
            "SELECT count(*) FROM documents"
        ).fetchone()[0]
    finally:
        conn.close()


def test_another_project_copied_over_an_open_one_is_left_as_copied(tmp_path):
    other = tmp_path / "other.annotator"
    project(other, 300, "Other").close()
    copied = digest(other)
    path = tmp_path / "p.annotator"
    p = project(path, 50, "Our")
    p.write_log_into_file()
    for k in range(1, 30):
        edits.add_comment(p, k, "work saved in the log " * 50)
    shutil.copyfile(other, path)  # in place: the same inode
    with pytest.raises(ProjectMovedError, match="overwritten by another file"):
        edits.add_comment(p, 31, "after the copy")
    with pytest.raises(ProjectMovedError):  # and it stays stopped
        edits.add_comment(p, 32, "again")
    p.close()
    assert digest(path) == copied  # was: "database disk image is malformed"
    assert intact(path) == ("ok", 300)


def test_an_older_backup_of_the_same_project_copied_over_it_is_left_as_copied(tmp_path):
    path, backup = tmp_path / "p.annotator", tmp_path / "backup.annotator"
    p = project(path, 50, "Our")
    p.write_log_into_file()
    shutil.copyfile(path, backup)  # a backup of the file alone
    for k in range(1, 40):
        edits.add_comment(p, k, "written into the file after the backup " * 50)
    p.write_log_into_file()  # the file moves on past the backup
    for k in range(1, 10):
        edits.add_comment(p, k, "still in the log " * 50)
    kept = digest(backup)
    shutil.copyfile(backup, path)  # "restore the backup" while the app is open
    with pytest.raises(ProjectMovedError, match="overwritten"):
        edits.add_comment(p, 1, "after the restore")
    p.close()
    assert digest(path) == kept and intact(path) == ("ok", 50)


def test_a_non_project_copied_over_an_open_one_stops_it_too(tmp_path):
    path = tmp_path / "p.annotator"
    p = project(path, 5, "Our")
    p.write_log_into_file()
    edits.add_comment(p, 1, "in the log")
    path.write_bytes(b"not a database at all\n" * 100)
    with pytest.raises(ProjectMovedError, match="overwritten"):
        edits.add_comment(p, 2, "after")
    p.close()
    assert path.read_bytes() == b"not a database at all\n" * 100


EDITOR = r"""
import sys
from annotator import edits
from annotator.store import Project
p = Project(sys.argv[1], create=False, annotator="other process")
p.db.conn.execute("PRAGMA wal_autocheckpoint = 20")  # its checkpoints write the file often, under the first
for k in range(200):
    edits.add_comment(p, 1 + k % 5, f"other process {k} " * 30)
    if k % 25 == 0:
        p.write_log_into_file()
p.close()
"""


@pytest.mark.slow
def test_checkpoints_of_another_process_are_never_taken_for_a_copy(tmp_path):
    """The file changes under an open project whenever another connection writes its log in: each such change is a
    later state of the same project, never a reason to stop."""
    path = tmp_path / "p.annotator"
    project(path, 5, "Our").close()
    p = Project(path, create=False, annotator="first")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    other = subprocess.Popen([sys.executable, "-c", EDITOR, str(path)], env=env, stderr=subprocess.PIPE, text=True)
    made = 0
    try:
        while other.poll() is None or made < 50:
            edits.add_comment(p, 1 + made % 5, f"first {made} " * 30)
            made += 1
            if made % 10 == 0:
                p.write_log_into_file()
    finally:
        _, err = other.communicate(timeout=60)
    assert other.returncode == 0, err[-2000:]
    assert p.stopped is None
    p.close()
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM comments").fetchone()[0] == made + 200
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


@pytest.mark.slow
def test_a_log_written_in_half_way_on_a_full_disk_is_never_taken_for_a_copy(small_fs):
    """On a full disk the write of the log into the file fails half-way: the file alone is then no whole database, and
    changed on disk. An early version of the check took that for another file and emptied the log: the edits saved in
    it were lost. Found filling a 2 MB tmpfs under an open project."""
    from annotator.errors import SaveError

    path = small_fs / "p.annotator"
    p = project(path, 200, "Our")
    p.write_log_into_file()
    fill(small_fs)
    saved = 0
    for k in range(1, 200):
        try:
            edits.add_comment(p, k, "a comment that needs room " * 40)
            saved += 1
        except SaveError:
            pass
    assert saved, "the disk filled before any edit"
    p.write_log_into_file()  # fails: no room for the pages the file must grow by
    os.remove(small_fs / "filler")
    edits.add_comment(p, 1, "after freeing")  # was: ProjectMovedError "overwritten", the log emptied
    assert p.stopped is None
    p.close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM comments").fetchone()[0] == saved + 1
    conn.close()


def test_a_backup_restored_through_sqlite_is_a_change_like_any_other(tmp_path):
    """``sqlite3 p.annotator ".restore backup"`` (SQLite's backup into the open file, by its locking rules) takes the
    file back to fewer ids, as an older copy put there would: but it is a commit the open project sees, never a copy to
    stop at (a first version of the check stopped editing here)."""
    path, backup = tmp_path / "p.annotator", tmp_path / "backup.annotator"
    p = project(path, 50, "Our")
    p.write_log_into_file()
    out = sqlite3.connect(backup)
    p.db.conn.backup(out)
    out.close()
    for k in range(1, 30):
        edits.add_comment(p, k, "after the backup " * 20)
    p.write_log_into_file()
    p.check_still_here()
    other = sqlite3.connect(path, timeout=10)
    src = sqlite3.connect(backup)
    src.backup(other)
    src.close()
    other.close()
    assert p.comments(1) == []  # the restore is seen
    assert p.write_log_into_file()
    edits.add_comment(p, 1, "after the restore")
    assert p.stopped is None
    p.close()
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM comments").fetchone()[0] == 1
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


WRITE_PART = r"""
import sys
src, dst, part = sys.argv[1], sys.argv[2], sys.argv[3]
data = open(src, "rb").read()
half = len(data) // 2
with open(dst, "r+b" if part == "second" else "wb") as fh:  # cp: truncate, then write in pieces
    if part == "first":
        fh.write(data[:half])
    else:
        fh.seek(half)
        fh.write(data[half:])
"""


@pytest.mark.slow
def test_a_copy_under_way_is_never_written_into(tmp_path):
    """The app's poll came while another file was being copied over the project (half of it there): the file alone
    cannot be read, so it cannot be told what it is; the log was written into it all the same, and the copy, once
    finished, was a mix of both. Nothing is written into a file that changed and cannot be read until it can."""
    other = tmp_path / "other.annotator"
    project(other, 300, "Other").close()
    copied = digest(other)
    path = tmp_path / "p.annotator"
    p = project(path, 50, "Our")
    p.db.conn.execute("PRAGMA wal_autocheckpoint = 0")
    p.write_log_into_file()
    for k in range(1, 30):
        edits.add_comment(p, k, "saved in the log " * 50)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    for part in ("first", "second"):
        subprocess.run([sys.executable, "-c", WRITE_PART, str(other), str(path), part], env=env, check=True)
        if part == "first":
            assert not p.write_log_into_file()  # was: True, our pages written into the half-copied file
    with pytest.raises(ProjectMovedError, match="overwritten"):
        edits.add_comment(p, 1, "after the copy")
    p.close()
    assert digest(path) == copied and intact(path) == ("ok", 300)


def _moved_past_a_backup(tmp_path: Path) -> tuple[Project, Path, Path]:
    """An open project whose file moved on past a backup of it (the backup: what a ``cp`` restores)."""
    path, backup = tmp_path / "p.annotator", tmp_path / "backup.annotator"
    p = project(path, 50, "Our")
    p.write_log_into_file()
    shutil.copyfile(path, backup)
    for k in range(1, 40):
        edits.add_comment(p, k, "written into the file after the backup " * 50)
    p.write_log_into_file()
    return p, path, backup


def test_a_backup_copied_over_while_another_program_commits_is_caught(tmp_path):
    """The backup was copied in while another connection (a command, ``sqlite3``) was in the middle of a
    transaction, which then committed: the open project took the file's going back for an SQLite restore (another
    connection had committed), wrote its edit and its log into the copy: 'disk I/O error', the copy damaged. SQLite
    wrote nothing into the file meanwhile (no checkpoint counted in the -shm), so it is a copy."""
    p, path, backup = _moved_past_a_backup(tmp_path)
    kept = digest(backup)
    other = sqlite3.connect(path, isolation_level=None, timeout=10)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE documents SET name = name || ' (renamed)' WHERE id = 3")
    shutil.copyfile(backup, path)  # restored while the other program's transaction is under way
    other.execute("COMMIT")
    with pytest.raises(ProjectMovedError, match="overwritten"):
        edits.add_comment(p, 2, "after the restore")  # was: saved, and written into the copy
    p.close()
    other.close()
    assert digest(path) == kept and intact(path) == ("ok", 50)


def test_a_backup_copied_over_during_a_transaction_stops_it_before_its_commit(tmp_path):
    """A command's import batch is one transaction of seconds; a copy over the file during it: its commit (and the
    checkpoint SQLite makes at a commit) would write into the copy. The file is looked at before the commit: the
    transaction is rolled back, editing stops, the copy is left as it was copied; the open app stops too."""
    app, path, backup = _moved_past_a_backup(tmp_path)
    kept = digest(backup)
    command = Project(path, create=False, annotator="command")
    with pytest.raises(ProjectMovedError, match="overwritten"):
        with command.transaction():
            import_documents(command, [IncomingDocument("A batch of the command's import.", "batch.txt")])
            shutil.copyfile(backup, path)
    with pytest.raises(ProjectMovedError, match="overwritten"):
        edits.add_comment(app, 2, "after the restore")
    command.close()
    app.close()
    assert digest(path) == kept and intact(path) == ("ok", 50)


def test_a_backup_copied_over_after_the_project_s_own_checkpoint_is_caught(tmp_path):
    """SQLite writes the log into the file by itself at a commit once the log is long (every ~4 MB; here every commit):
    the open project's last look at the file was then from before its own checkpoint, the checkpoint counts had moved
    since, and a backup copied in while another program committed was taken for an SQLite restore again. The look
    after a commit that changed the file keeps up with the project's own checkpoints."""
    p, path, backup = _moved_past_a_backup(tmp_path)
    kept = digest(backup)
    p.db.conn.execute("PRAGMA wal_autocheckpoint = 1")  # every commit writes the log into the file
    for k in range(1, 5):
        edits.add_comment(p, k, "checkpointed at its commit " * 20)
    other = sqlite3.connect(path, isolation_level=None, timeout=10)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE documents SET name = name || ' (renamed)' WHERE id = 3")
    shutil.copyfile(backup, path)
    other.execute("COMMIT")
    with pytest.raises(ProjectMovedError, match="overwritten"):
        edits.add_comment(p, 2, "after the restore")
    p.close()
    other.close()
    assert digest(path) == kept and intact(path) == ("ok", 50)
