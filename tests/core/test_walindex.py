"""SQLite's checkpoints as the -shm counts them (annotator/walindex.py): what the copy-over check may conclude from
them. Only a file SQLite surely did not write between two looks counts as "nothing written"."""

from __future__ import annotations

import sqlite3
import sys

import pytest

from annotator import walindex
from annotator.store import Project

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the -shm is found through /proc/self/fd")


@pytest.fixture
def open_project(tmp_path):
    p = Project(tmp_path / "p.annotator", annotator="t")
    p.db.conn.execute("PRAGMA wal_autocheckpoint = 0")
    p.db.conn.execute("INSERT INTO project (key, value) VALUES ('k', '0')")
    yield p
    p.close()


def _commit(conn: sqlite3.Connection, n: int) -> None:
    conn.execute("INSERT OR REPLACE INTO project (key, value) VALUES ('k', ?)", (str(n),))


def test_commits_alone_write_nothing_into_the_file(open_project):
    p = open_project
    seen = walindex.checkpoints(p.path)
    assert seen is not None and seen.frames > 0
    _commit(p.db.conn, 1)
    now = walindex.checkpoints(p.path)
    assert now.commits == seen.commits + 1 and walindex.nothing_written_between(seen, now)


def test_a_checkpoint_by_another_connection_is_counted(open_project):
    p = open_project
    seen = walindex.checkpoints(p.path)
    other = sqlite3.connect(p.path, isolation_level=None)
    assert other.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()[0] == 0
    other.close()
    now = walindex.checkpoints(p.path)
    assert now.backfilled == now.frames and not walindex.nothing_written_between(seen, now)


def test_a_log_started_afresh_by_one_commit_wrote_nothing_two_commits_may_have(open_project):
    p = open_project
    p.db.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
    seen = walindex.checkpoints(p.path)
    assert seen.backfilled == seen.frames
    _commit(p.db.conn, 2)  # the log starts afresh: nothing was written into the file
    one = walindex.checkpoints(p.path)
    assert one.restarts == seen.restarts + 1 and walindex.nothing_written_between(seen, one)
    _commit(p.db.conn, 3)  # could have been: a commit into the old log, a checkpoint, then the fresh start
    assert not walindex.nothing_written_between(seen, walindex.checkpoints(p.path))


def test_nothing_known_is_never_nothing_written(open_project, tmp_path):
    assert walindex.checkpoints(tmp_path / "none.annotator") is None  # no -shm this process holds
    assert not walindex.nothing_written_between(None, walindex.checkpoints(open_project.path))
