"""The SQLite file under a project: its header checked before it is opened, a connection that names damage, the
file format it is of."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from annotator import fileid, migrations
from annotator.errors import DamagedProjectError, ProjectFileError


def check_header(path: Path) -> None:
    """Refuse a file that is not an SQLite database before SQLite opens it (an empty file is a new project)."""
    if fileid.open_here(path):  # open here already (a worker's second open): checked then, and never read
        return  # with open(): closing it would drop the locks of the connection that has it (fileid.open_here)
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise ProjectFileError(f"{path}: cannot read project file: {exc.strerror or exc}") from None
    if len(head) == 0:
        return  # an empty file is a new project
    if head != fileid.SQLITE_MAGIC:
        raise ProjectFileError(f"{path}: not an annotator project (not an SQLite database)")


# SQLite's codes for "the file cannot be opened or written here" (not damage): a read-only open may work
CANNOT_WRITE_HERE = ("SQLITE_CANTOPEN", "SQLITE_READONLY", "SQLITE_FULL", "SQLITE_IOERR", "SQLITE_PERM")
# a file format (one per migration) this far beyond the latest is no newer annotator's: the header is damaged
FORMATS_AHEAD = 10_000


class Connection(sqlite3.Connection):
    """A connection that reports a damaged file (SQLite's plain DatabaseError) as a ProjectFileError."""

    project_path: Path | str = "project"

    def _damaged(self, exc: sqlite3.DatabaseError) -> Exception:
        if type(exc) is sqlite3.DatabaseError:  # "database disk image is malformed", "file is not a database"
            return DamagedProjectError(self.project_path, str(exc))
        return exc

    def execute(self, *args: Any) -> sqlite3.Cursor:  # type: ignore[override]
        try:
            return super().execute(*args)
        except sqlite3.DatabaseError as exc:
            raise self._damaged(exc) from None

    def executemany(self, *args: Any) -> sqlite3.Cursor:  # type: ignore[override]
        try:
            return super().executemany(*args)
        except sqlite3.DatabaseError as exc:
            raise self._damaged(exc) from None


def make_new(path: Path | str) -> None:
    """Make the empty file of a new project as a plain ``open`` makes a file: 0666 less the user's umask. SQLite makes
    it 0644 whatever the umask (its default mode), and its ``-wal`` and ``-shm`` take the file's mode: a team's umask
    002 in its shared folder gave a file the teammates could only read (round 14, session 22). An empty file is a new
    database to SQLite. Where it cannot be made (the folder, the disk, or another program made it first) nothing is
    done: SQLite's own open says why, or opens the one that is there."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    except OSError:
        pass


def connect(target: str, project_path: Path | str, *, uri: bool = False) -> Connection:
    """A connection to ``target`` (a path, or an SQLite URI with ``uri``) as a project uses it: autocommit (each
    write is an explicit transaction), usable from the worker threads, damage named with ``project_path``."""
    conn = sqlite3.connect(target, uri=uri, isolation_level=None, check_same_thread=False, factory=Connection)
    conn.project_path = project_path
    return conn


def file_format(conn: sqlite3.Connection, path: Path | str) -> int:
    """The file format (``PRAGMA user_version``) of an existing project file, refused (``ProjectFileError``) when
    it is not an annotator project, is newer than this version reads, or its header is damaged."""
    version = migrations.user_version(conn)
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    if app_id != migrations.APPLICATION_ID:
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if tables:
            raise ProjectFileError(f"{path}: an SQLite file, but not an annotator project")
    if version > migrations.LATEST + FORMATS_AHEAD:  # no annotator wrote it: bytes over the header
        raise DamagedProjectError(
            path,
            f"its header gives file format {version}, which no annotator writes; this version reads up to "
            f"{migrations.LATEST}",
            changed="the file was not changed",
        )
    if version > migrations.LATEST:
        raise ProjectFileError(
            f"{path}: written by a newer annotator (file format {version}, this version reads up to "
            f"{migrations.LATEST}); upgrade annotator to open it. The file was not changed."
        )
    return version


def unfinished_init(path: Path) -> bool:
    """An SQLite file with no tables at all: what an ``init`` killed before its one commit leaves."""
    try:
        with path.open("rb") as fh:
            if fh.read(16) != fileid.SQLITE_MAGIC:
                return False
        conn = sqlite3.connect(fileid.sqlite_uri(path, mode="ro"), uri=True)
        try:
            return conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
        finally:
            conn.close()
    except (OSError, sqlite3.Error):
        return False


def remove_if_empty(path: Path) -> None:
    """Remove a project file (and its -wal and -shm) that holds no document, or is an unfinished init: what a
    command that created it and then failed leaves ("nothing was merged" left an empty project)."""
    if not path.is_file():
        return
    try:
        conn = sqlite3.connect(fileid.sqlite_uri(path, mode="ro"), uri=True)
        try:
            empty = conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
        finally:
            conn.close()
    except sqlite3.Error:
        empty = unfinished_init(path)
    if empty:
        for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            p.unlink(missing_ok=True)
