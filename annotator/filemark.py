"""Whether the file at an open project's path still holds that project's history.

A file copied over an open project (``cp other.annotator p.annotator``, a backup restored with ``cp``, a sync tool
writing in place) keeps the device and inode, so ``Project.check_still_here`` saw nothing; the open connection then
read the new file's pages with its cached ones and wrote its log over them: both projects damaged ("database disk
image is malformed"). The file changes legitimately only when a checkpoint writes the log into it, and then holds a
past state of the open project: the same change log up to some row, and ids given (``sqlite_sequence``) never fewer
than before. A file that changed on disk (mtime, ctime, size) is read alone (``immutable``, through SQLite: a plain
``open()`` here would drop the connection's locks, see ``fileid.open_here``) and compared with that.
"""

from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from annotator.errors import AnnotatorError
from annotator.fileid import sqlite_uri

Stat = tuple[int, int, int]


@dataclass(frozen=True)
class FileMark:
    """What the file alone held when last seen: its stat, the ids given per table, its last change-log row."""

    stat: Stat | None
    sequences: dict[str, int]
    last_change: tuple | None  # (id, at, annotator, action) of the file alone's last change_log row


def stat_of(path: Path) -> Stat | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_ctime_ns, st.st_size)


def _history(conn: sqlite3.Connection, last_id: int | None = None) -> tuple[dict[str, int], tuple | None]:
    sequences = {name: seq for name, seq in conn.execute("SELECT name, seq FROM sqlite_sequence")}
    where = "WHERE id = ?" if last_id is not None else "ORDER BY id DESC LIMIT 1"
    row = conn.execute(
        f"SELECT id, at, annotator, action FROM change_log {where}", (() if last_id is None else (last_id,))
    ).fetchone()
    return sequences, tuple(row) if row is not None else None


def read_mark(path: Path) -> FileMark | None:
    """The file alone as it is now; None when it cannot be read as a project, or changed while it was read."""
    before = stat_of(path)
    try:
        conn = sqlite3.connect(sqlite_uri(path, mode="ro", immutable=1), uri=True)
    except sqlite3.Error:
        return None
    try:
        sequences, last = _history(conn)
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return FileMark(before, sequences, last) if stat_of(path) == before else None


def empty_mark(path: Path) -> FileMark:
    """A mark of the file alone before it holds anything readable (a new project's tables are still in the log)."""
    return FileMark(stat_of(path), {}, None)


def changed_on_disk(path: Path, mark: FileMark | None) -> bool:
    """True when the file's mtime, ctime or size are not as when ``mark`` was taken (nothing to compare otherwise)."""
    return mark is not None and stat_of(path) != mark.stat


def _verdict(path: Path, seen: FileMark, ours: sqlite3.Connection) -> tuple[bool, FileMark | None]:
    now = read_mark(path)
    if now is None:
        return True, None
    try:
        our_sequences, _ = _history(ours)
    except (sqlite3.Error, AnnotatorError):  # the open connection itself reads the other file's pages now
        return True, None
    for table, seq in seen.sequences.items():
        if now.sequences.get(table, 0) < seq:  # ids the file had given are gone: an older copy, another file
            return True, None
    for table, seq in now.sequences.items():
        if seq > our_sequences.get(table, 0):  # ids this project never gave
            return True, None
    if now.last_change is not None:
        try:
            _, ours_row = _history(ours, now.last_change[0])
        except (sqlite3.Error, AnnotatorError):
            return True, None
        if ours_row != now.last_change:  # the file's history is not ours
            return True, None
    return False, now


def replaced_by_another(path: Path, seen: FileMark, ours: sqlite3.Connection) -> tuple[bool, FileMark | None]:
    """Compare the file alone with what was seen of it before and with the open connection ``ours``: (True, None) when
    it is another project's file (or not a project at all), or an older copy of this one; (False, the new mark) when
    it is a later state of this project. A verdict of "replaced" is asked twice, a moment apart: a checkpoint of
    another process under way can show a file half written."""
    replaced, now = _verdict(path, seen, ours)
    if not replaced:
        return False, now
    time.sleep(0.1)
    return _verdict(path, seen, ours)
