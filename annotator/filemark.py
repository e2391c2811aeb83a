"""Whether the file at an open project's path still holds that project's history.

A file copied over an open project (``cp other.annotator p.annotator``, a backup restored with ``cp``, a sync tool
writing in place) keeps the device and inode, so ``Project.check_still_here`` saw nothing; the open connection then
read the new file's pages with its cached ones and wrote its log over them: both projects damaged ("database disk
image is malformed"). The file changes legitimately only when a checkpoint writes the log into it, and then holds a
past state of the open project: the same change log up to some row, and ids given (``sqlite_sequence``) never fewer
than before. A file that changed on disk (mtime, ctime, size) is read alone (``immutable``, through SQLite: a plain
``open()`` here would drop the connection's locks, see ``fileid.open_here``) and compared with that. A file that went
back to fewer ids while SQLite wrote nothing into it (no checkpoint counted in the ``-shm``: ``walindex``) is a copy,
whatever other connections committed meanwhile.
"""

from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from annotator import walindex
from annotator.errors import AnnotatorError
from annotator.fileid import sqlite_uri

Stat = tuple[int, int, int]


@dataclass(frozen=True)
class FileMark:
    """What the file alone held when last seen: its stat, the ids given per table, its last change-log row."""

    stat: Stat | None
    sequences: dict[str, int]
    last_change: tuple | None  # (id, at, annotator, action) of the file alone's last change_log row
    data_version: int | None = None  # the open connection's PRAGMA data_version then (moves with others' commits)
    checkpoints: walindex.Checkpoints | None = None  # SQLite's checkpoints of the file then, None when not known


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


def read_mark(path: Path, ours: sqlite3.Connection | None = None) -> FileMark | None:
    """The file alone as it is now (with the data_version of ``ours``); None when it cannot be read as a project, or
    changed while it was read."""
    mark, _ = _read(path, ours)
    return mark


def _data_version(conn: sqlite3.Connection | None) -> int | None:
    if conn is None:
        return None
    try:
        return conn.execute("PRAGMA data_version").fetchone()[0]
    except (sqlite3.Error, AnnotatorError):
        return None


def _read(path: Path, ours: sqlite3.Connection | None = None) -> tuple[FileMark | None, bool]:
    """The file alone's mark (None if not read), and whether it is no SQLite database at all (its header is not one:
    never the case of a project file half written by a checkpoint, whose first page is always whole)."""
    checkpoints = walindex.checkpoints(path)  # before the stat: a checkpoint begun after it moves them
    before = stat_of(path)
    try:
        conn = sqlite3.connect(sqlite_uri(path, mode="ro", immutable=1), uri=True)
    except sqlite3.Error:
        return None, False
    try:
        sequences, last = _history(conn)
    except sqlite3.Error as exc:
        return None, getattr(exc, "sqlite_errorname", "") == "SQLITE_NOTADB" and stat_of(path) == before
    finally:
        conn.close()
    if stat_of(path) != before:
        return None, False
    if walindex.checkpoints(path) != checkpoints:  # a checkpoint wrote meanwhile: what it did is not known
        checkpoints = None
    return FileMark(before, sequences, last, _data_version(ours), checkpoints), False


def _whole(path: Path) -> bool:
    """True when the file alone passes quick_check (read immutable): a consistent database by itself, which a file a
    checkpoint failed half-way through (a full disk) is not."""
    from annotator.opencheck import quick_problems

    try:
        conn = sqlite3.connect(sqlite_uri(path, mode="ro", immutable=1), uri=True)
    except sqlite3.Error:
        return False
    try:
        return quick_problems(conn, path) == ["ok"]
    finally:
        conn.close()


def empty_mark(path: Path, ours: sqlite3.Connection | None = None) -> FileMark:
    """A mark of the file alone before it holds anything readable (a new project's tables are still in the log)."""
    checkpoints = walindex.checkpoints(path)
    return FileMark(stat_of(path), {}, None, _data_version(ours), checkpoints)


def changed_on_disk(path: Path, mark: FileMark | None) -> bool:
    """True when the file's mtime, ctime or size are not as when ``mark`` was taken (nothing to compare otherwise)."""
    return mark is not None and stat_of(path) != mark.stat


def _verdict(path: Path, seen: FileMark, ours: sqlite3.Connection) -> tuple[bool, FileMark | None]:
    """(True, None): another file; (False, mark): a later state of this project; (False, None): cannot tell now."""
    now, not_a_database = _read(path, ours)
    if now is None:
        return not_a_database, None  # unreadable alone: a checkpoint may have failed half-way (a full disk)
    try:
        our_sequences, _ = _history(ours)
    except (sqlite3.Error, AnnotatorError):
        our_sequences = None  # the open connection itself reads the other file's pages now
    # fewer ids than the file had: an older copy put there, unless another connection committed meanwhile (an SQLite
    # restore of a backup, ``sqlite3 p.annotator ".restore old"``, goes back by the rules and is shown as any commit)
    # and a checkpoint wrote that into the file: SQLite wrote nothing into it since, so the commits were not that
    went_back = any(now.sequences.get(t, 0) < seq for t, seq in seen.sequences.items())
    unwritten = walindex.nothing_written_between(seen.checkpoints, now.checkpoints)
    foreign = our_sequences is None or (went_back and (now.data_version == seen.data_version or unwritten))
    foreign = foreign or any(seq > our_sequences.get(t, 0) for t, seq in now.sequences.items())  # type: ignore[union-attr]
    if not foreign and now.last_change is not None:
        try:
            _, ours_row = _history(ours, now.last_change[0])
        except (sqlite3.Error, AnnotatorError):
            ours_row = None
        foreign = ours_row != now.last_change  # the file's history is not ours
    if not foreign:
        return False, now
    # ids fewer than seen, ids never given, another history: only a whole database by itself is taken for another
    # file (half a checkpoint can read as anything); its stat unchanged since, or it is being written: ask later
    return (_whole(path) and stat_of(path) == now.stat), None


def replaced_by_another(path: Path, seen: FileMark, ours: sqlite3.Connection) -> tuple[bool, FileMark | None]:
    """Compare the file alone with what was seen of it before and with the open connection ``ours``: (True, None) when
    it is surely another file (no database at all; a whole database whose history is not the project's, or an older
    copy of it); (False, the new mark) when it is a later state of this project; (False, None) when it cannot be told
    now (a checkpoint under way or failed half-way: never taken for another file, since stopping empties the log). A
    verdict of "replaced" is asked twice, a moment apart."""
    replaced, now = _verdict(path, seen, ours)
    if not replaced:
        return False, now
    time.sleep(0.1)
    return _verdict(path, seen, ours)
