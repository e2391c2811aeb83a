"""A file open in this process, told from the process's own descriptors (``/proc/self/fd``, Linux): where it went
after a move (``fileid.where_now``), whether it was deleted (``fileid.deleted_while_open``), SQLite's descriptor on
a project's ``-shm`` (``walindex``, ``shm_holders``). One scan since session 38 (``own_descriptors``); these pass
before and after."""

from __future__ import annotations

import os
import sys

import pytest

from annotator import fileid, shm_holders, walindex

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc/self/fd is Linux's")


def test_a_file_open_here_is_found_where_it_was_moved_and_told_deleted_when_it_has_no_name(tmp_path):
    path = tmp_path / "a.bin"
    path.write_bytes(b"x")
    wanted = fileid.identity(path)
    assert fileid.where_now(wanted) is None and not fileid.deleted_while_open(wanted)  # not open here
    with open(path, "rb"), open(path, "rb"):  # two descriptors of it
        assert fileid.where_now(wanted) == path and not fileid.deleted_while_open(wanted)
        (tmp_path / "sub").mkdir()
        moved = tmp_path / "sub" / "b.bin"
        os.rename(path, moved)
        assert fileid.where_now(wanted) == moved and not fileid.deleted_while_open(wanted)
        os.link(moved, tmp_path / "c.bin")
        os.unlink(moved)  # a name left: not deleted, though the descriptor's own name went
        assert fileid.where_now(wanted) is None and not fileid.deleted_while_open(wanted)
        os.unlink(tmp_path / "c.bin")
        assert fileid.where_now(wanted) is None and fileid.deleted_while_open(wanted)
    assert not fileid.deleted_while_open(wanted)  # closed: nothing open to tell


def test_sqlite_s_own_descriptor_on_a_project_s_shm_is_found(tmp_path):
    import sqlite3

    path = tmp_path / "p.db"
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("CREATE TABLE t (x)")
        conn.execute("INSERT INTO t VALUES (1)")
        conn.commit()
        shm = os.stat(f"{path}-shm")
        assert walindex.checkpoints(path) is not None  # read through SQLite's descriptor on the -shm
        assert shm_holders.others_may_hold(shm) is False  # this process alone holds it
    finally:
        conn.close()
    assert walindex.checkpoints(path) is None  # no descriptor of it here any more
