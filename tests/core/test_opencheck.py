"""annotator.opencheck: why a read-write open failed, told from the error's code, not from its words."""

from __future__ import annotations

import errno
import sqlite3

import pytest

from annotator.opencheck import is_disk_full, why_write_open_failed


def sqlite_error(sql: str) -> sqlite3.Error:
    with pytest.raises(sqlite3.Error) as info:
        sqlite3.connect(":memory:").execute(sql)
    return info.value


def test_a_full_disk_is_told_by_the_code(tmp_path):
    full = sqlite3.OperationalError("database or disk is full")
    full.sqlite_errorcode = sqlite3.SQLITE_FULL
    assert is_disk_full(full) and why_write_open_failed(tmp_path / "p.annotator", full) == "the disk is full"
    no_space = OSError(errno.ENOSPC, "No space left on device")
    assert why_write_open_failed(tmp_path / "p.annotator", no_space) == "the disk is full"


def test_the_word_full_in_a_message_is_no_full_disk(tmp_path):
    """A message that happens to hold 'full' (a table's name) was read as a full disk."""
    other = sqlite_error("SELECT * FROM fullness")
    assert other.sqlite_errorcode == sqlite3.SQLITE_ERROR and not is_disk_full(other)
    assert (
        why_write_open_failed(tmp_path / "p.annotator", other) == "it cannot be written here (no such table: fullness)"
    )
