"""annotator.opencheck: why a read-write open failed, told from the error's code, not from its words."""

from __future__ import annotations

import errno
import sqlite3

import pytest

from annotator.opencheck import is_disk_full, why_write_open_failed
from annotator.read_only import Kind, ReadOnlyReason


def sqlite_error(sql: str) -> sqlite3.Error:
    with pytest.raises(sqlite3.Error) as info:
        sqlite3.connect(":memory:").execute(sql)
    return info.value


def test_a_full_disk_is_told_by_the_code(tmp_path):
    full = sqlite3.OperationalError("database or disk is full")
    full.sqlite_errorcode = sqlite3.SQLITE_FULL
    said = why_write_open_failed(tmp_path / "p.annotator", full)
    assert is_disk_full(full) and said.text == "the disk is full" and said.kind is Kind.DISK_FULL
    no_space = OSError(errno.ENOSPC, "No space left on device")
    assert why_write_open_failed(tmp_path / "p.annotator", no_space) == ReadOnlyReason(
        Kind.DISK_FULL, "the disk is full"
    )


def test_the_word_full_in_a_message_is_no_full_disk(tmp_path):
    """A message that happens to hold 'full' (a table's name) was read as a full disk."""
    other = sqlite_error("SELECT * FROM fullness")
    assert other.sqlite_errorcode == sqlite3.SQLITE_ERROR and not is_disk_full(other)
    assert (
        why_write_open_failed(tmp_path / "p.annotator", other).text
        == "it cannot be written here (no such table: fullness)"
    )


def test_a_folder_not_writable_is_named_by_its_full_path(tmp_path, monkeypatch):
    """Session 19's first hour: `annotator gui p.annotator` in a folder made read-only said "Read-only: p.annotator:
    the folder . is not writable …" (and every refused command the same): the project's path as typed, relative, gave
    the folder as ".". The folder is named by its full path. (Root may write anywhere: the folder's answer is the one
    another user gets, as `setpriv --reuid=nobody` showed.)"""
    import os
    from pathlib import Path

    from annotator import opencheck

    (tmp_path / "p.annotator").write_bytes(b"")
    monkeypatch.chdir(tmp_path)
    real = os.access
    monkeypatch.setattr(
        opencheck.os, "access", lambda p, mode: False if Path(p) in (Path("."), tmp_path) else real(p, mode)
    )
    said = opencheck.why_not_writable(Path("p.annotator"))
    assert said is not None and said.kind is Kind.FOLDER_NOT_WRITABLE and said.where == str(tmp_path)
    assert (
        said.text == f"the folder {tmp_path} is not writable (an open project needs its -wal and -shm files beside it)"
    )


def test_a_change_refused_by_a_full_disk_names_the_disk_s_folder_and_what_frees_it(tmp_path, monkeypatch):
    """Session 28 as a user: the project on a full 600 KB tmpfs, Enter said "small/d.annotator: the change could not
    be saved (database or disk is full); nothing was changed": SQLite's words, the path as typed, nothing of what to
    do. The refusal names the folder whose disk is full and that freeing space there lets the change be made again.
    SQLite's own SQLITE_FULL, made by a page limit the size of the file: the write is refused as by a full disk."""
    from annotator import edits
    from annotator.errors import SaveError
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project

    monkeypatch.chdir(tmp_path)
    (tmp_path / "small").mkdir()
    with Project("small/d.annotator", annotator="tester") as p:
        import_documents(p, [IncomingDocument("Maria Lopez met officials in Paris on Monday. " * 40, "a.txt")])
        pages = p.db.conn.execute("PRAGMA page_count").fetchone()[0]
        p.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        p.db.conn.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(SaveError) as refused:
            for k in range(200):  # until a page more is needed
                edits.add_entity(p, 1, 46 * k, 46 * k + 11, "PERSON")
        said = str(refused.value)
        assert f"the disk holding {tmp_path / 'small'} is full" in said, said
        assert "free some space on it, then make the change again" in said and "nothing was changed" in said
