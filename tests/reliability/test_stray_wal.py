"""Issue 9, point 7: a -wal beside the file is checked read-only before a read-write open; messages stay true."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from annotator.errors import DamagedProjectError
from annotator.importing import IncomingDocument, import_documents
from annotator.store import Project


def make(path: Path, texts: list[str]) -> None:
    with Project(path, annotator="t") as p:
        import_documents(p, [IncomingDocument(t, f"{i}.txt") for i, t in enumerate(texts)])


def leave_wal(path: Path) -> tuple[sqlite3.Connection, Path]:
    """A connection that committed changes to ``path`` without writing them into the file (as before a crash)."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE extra (x)")
    conn.execute("INSERT INTO extra VALUES (randomblob(50000))")
    conn.execute("DELETE FROM documents WHERE id > 3")
    conn.commit()
    return conn, Path(f"{path}-wal")


def test_a_damaging_stray_wal_is_refused_and_neither_file_is_changed(tmp_path):
    path = tmp_path / "p.annotator"
    make(path, [f"Original text number {i}. " * 20 for i in range(30)])
    other = tmp_path / "other" / "p.annotator"
    other.parent.mkdir()
    make(other, [f"Other words {i}. " * 50 for i in range(5)])
    conn, wal = leave_wal(other)
    shutil.copy(wal, f"{path}-wal")  # another copy's log beside the restored file
    conn.close()
    file_bytes, wal_bytes = path.read_bytes(), Path(f"{path}-wal").read_bytes()
    for _ in range(2):
        with pytest.raises(DamagedProjectError) as info:
            Project(path, create=False)
        message = str(info.value)
        assert info.value.changed == "neither was changed"
        assert "neither was changed" in message and "file alone is intact" in message and "p.annotator-wal" in message
        assert path.read_bytes() == file_bytes and Path(f"{path}-wal").read_bytes() == wal_bytes
    Path(f"{path}-wal").unlink()  # what the message says to do
    Path(f"{path}-shm").unlink(missing_ok=True)
    with Project(path, create=False) as p:
        assert len(p.document_ids()) == 30


def test_a_crash_leftover_wal_of_the_same_file_is_still_applied(tmp_path):
    path = tmp_path / "p.annotator"
    make(path, [f"Text {i}." for i in range(10)])
    conn, wal = leave_wal(path)
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    shutil.copy(path, crashed / "p.annotator")  # the file and its log as a SIGKILL leaves them
    shutil.copy(wal, crashed / "p.annotator-wal")
    conn.close()
    with Project(crashed / "p.annotator", create=False) as p:
        assert p.document_ids() == [1, 2, 3]
