"""Checks made before a project file is opened for writing, on connections that cannot change it.

A read-write open of a file with a ``-wal`` beside it applies that log, and the last connection to close
writes it into the file and deletes it. A log from another copy of the project (a backup restored next to a
crash's leftovers) would so replace data, and damage found only after the read-write open would already
have been written into the file. So when a log is there, the file and its log are checked first on a
read-only connection (which never checkpoints), and the file alone on an ``immutable`` one.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from annotator.errors import ProjectFileError
from annotator.fileid import sqlite_uri

QUICK_CHECK_MAX_BYTES = 512 * 1024 * 1024  # files up to this size get a full PRAGMA quick_check at open


def quick_problems(conn: sqlite3.Connection, path: Path) -> list[str]:
    """``["ok"]`` or what PRAGMA quick_check found (files over the limit: the schema is read instead)."""
    try:
        if path.stat().st_size <= QUICK_CHECK_MAX_BYTES:
            return [" ".join(str(r[0]).split()) for r in conn.execute("PRAGMA quick_check(3)").fetchall()]
        conn.execute("SELECT count(*) FROM sqlite_master WHERE sql IS NOT NULL").fetchone()
        return ["ok"]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]


def _problems_read_only(path: Path, **params: str | int) -> list[str] | None:
    """quick_check on a connection that cannot write; None if such a connection cannot be made here."""
    try:
        conn = sqlite3.connect(sqlite_uri(path, **params), uri=True)
    except sqlite3.Error:
        return None
    try:
        return quick_problems(conn, path)
    except sqlite3.OperationalError:  # e.g. no -shm and a folder it cannot be made in
        return None
    finally:
        conn.close()


def has_log(path: Path) -> bool:
    try:
        return Path(f"{path}-wal").stat().st_size > 0
    except OSError:
        return False


def check_log_before_writing(path: Path) -> bool:
    """If a ``-wal`` with content is beside ``path``, check file and log read-only; True if it was checked.

    Raises ProjectFileError (and changes nothing) when the file with its log is damaged, saying whether the
    file alone is intact (then the log is probably another copy's).
    """
    if not has_log(path):
        return False
    problems = _problems_read_only(path, mode="ro")
    if problems is None:
        return False
    if problems == ["ok"]:
        return True
    wal = f"{path.name}-wal"
    alone = _problems_read_only(path, mode="ro", immutable=1)
    if alone == ["ok"]:
        advice = (
            f"the file alone is intact: the log probably belongs to another copy of the project (e.g. after "
            f"restoring a backup); move {wal} and {path.name}-shm out of the folder and open the project again"
        )
    else:
        advice = "restore the project from a backup copy"
    raise ProjectFileError(
        f"{path}: the project file together with its write-ahead log {wal} is damaged ({'; '.join(problems)}); "
        f"neither was changed; {advice}"
    )
