"""The project file: open it and run edits as single transactions (what it reads: ``project_reads``)."""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

from annotator import file_logs, filemark, fileid, migrations, new_tables, opencheck, project_file, upgraded_copy
from annotator.db import ProjectDb, now
from annotator.errors import (
    NoProjectFileError,
    AnnotatorError,
    BusyError,
    DamagedOnSaveError,
    DamagedProjectError,
    ProjectFileError,
    ProjectMovedError,
    SaveError,
)
from annotator.model import DEFAULT_SET
from annotator import read_only as read_only_kinds
from annotator import schema_cache, schema_given
from annotator.read_only import ReadOnlyReason
from annotator.file_watch import WatchedFile
from annotator.project_reads import ProjectReads
from annotator.schema import Schema, default_schema

BUSY_TIMEOUT_MS = 10_000


class Project(WatchedFile, ProjectReads):
    """An open project file: its connection, its schema and who is annotating; what it reads is ``ProjectReads``'s."""

    def __init__(
        self,
        path: str | Path,
        *,
        create: bool = True,
        schema: Schema | None = None,
        annotator: str | None = None,
        read_only: bool = False,
        synchronous: str = "FULL",
    ) -> None:
        self.path = Path(path)
        self.annotator = annotator
        self.annotation_set = DEFAULT_SET
        problem = opencheck.not_a_file(self.path)  # /dev/null, a FIFO, a folder, a symlink loop: never opened
        if problem is not None:
            raise ProjectFileError(f"{self.path}: {problem}")
        exists = self.path.exists() and self.path.stat().st_size > 0
        if not exists and not create:
            if self.path.exists():  # a copy cut short, a disk that filled: not "missing"
                raise ProjectFileError(f"{self.path}: an empty file (0 bytes), not a project file; nothing was changed")
            raise NoProjectFileError(f"{self.path}: no such project file")
        if (too_long := opencheck.path_too_long(self.path, exists)) is not None:
            raise ProjectFileError(f"{self.path}: {too_long}")
        if exists:
            project_file.check_header(self.path)
        self.read_only = read_only
        # why it is open read-only (a kind the app's banner and the refusals ask, with its words): None when writable
        self.read_only_why: ReadOnlyReason | None = read_only_kinds.ASKED if read_only else None
        if exists and not read_only:
            self.read_only_why = opencheck.why_not_writable(self.path)
            self.read_only = self.read_only_why is not None
        if self.read_only and not exists:
            raise ProjectFileError(f"{self.path}: cannot create a project read-only")
        if not exists and not self.path.parent.is_dir():
            raise ProjectFileError(f"{self.path}: cannot create the project: no folder {self.path.parent}")
        self.identity: tuple[int, int] | None = None  # set once open: the writes of opening are not checked
        self._riders: list[Callable[[ProjectDb], None]] = []  # written in the next transaction's commit (``riding``)
        self.kept_replay: Any = None  # kept_replay.Replay: what the person's open wrote of edits a killed run kept
        self.stopped: ProjectMovedError | None = None
        self.upgraded: migrations.Upgrade | None = None  # an older format's file upgraded by this open
        self.read_from: upgraded_copy.UpgradedCopy | None = None  # an older read-only file: read from this copy
        # read-only, the file read alone: its log holds saved changes this user cannot read (opencheck.unread_log)
        self.log_unread: str | None = None
        # a process killed with this file open under another name (renamed or moved meanwhile) left its log there
        self._took_log = file_logs.take_left_log(self.path) if exists and not self.read_only else None
        self._had_log = exists and not self.read_only and opencheck.has_log(self.path)
        # a -wal beside the file: check file and log where nothing can be written, before a read-write open
        self._prechecked = self._had_log and opencheck.check_log_before_writing(self.path)
        if not self.read_only:
            made = not exists and not self.path.exists()
            if made:
                project_file.make_new(self.path)  # the user's umask, not SQLite's 0644
            try:
                self._connect(str(self.path), False, exists, schema, synchronous)
            except sqlite3.OperationalError as exc:  # full disk, read-only file system, folder not writable
                if not exists:
                    why = opencheck.why_cannot_create(self.path, exc)
                    if made:  # SQLite made the file before it found no room to write it: "nothing was created"
                        fileid.remove_made_empty(self.path)
                    raise ProjectFileError(f"{self.path}: cannot create the project: {why}") from None
                self.read_only, self.read_only_why = True, opencheck.why_write_open_failed(self.path, exc)
        if self.read_only:
            before = file_logs.side_identities(self.path)
            uris = opencheck.read_only_uris(self.path.resolve(), write_open_failed=not read_only)
            for n, uri in enumerate(uris):
                try:
                    self._connect(uri, True, exists, schema, synchronous)
                    break
                except sqlite3.OperationalError as exc:
                    if n == len(uris) - 1:
                        raise ProjectFileError(f"{self.path}: cannot open the project file: {exc}") from None
                    if opencheck.has_log(self.path):  # the file alone next: its log's saved changes not read
                        self.log_unread = opencheck.unread_log(self.path, exc)
        self.identity = fileid.identity(self.path)  # the file opened: device and inode, not its name
        # the -wal/-shm a read-only connection made (owned by this user): removed at the close, or the file's owner
        # could not write them, nor so edit the project
        self._made_logs = file_logs.made_logs(self.path, before) if self.read_only and exists else {}
        # its -wal and -shm as opened: the close removes them under an old name only if they are these
        self._logs = {} if self.read_only else file_logs.side_identities(self.path)
        if not self.read_only:  # a close under the old name killed half-way: its log was finished from this name
            file_logs.remove_old_log_names(self.path, self._took_log)
        # what the file alone held: a file copied over it later (same inode) is told by its history (filemark)
        self._unsure = False  # the file changed on disk and could not be read alone: perhaps a copy under way
        self._mark = (
            None
            if self.read_only
            else filemark.read_mark(self.path, self.db.conn) or filemark.empty_mark(self.path, self.db.conn)
        )
        fileid.register_open(self)
        if not self.read_only:
            file_logs.opened_for_writing(self)  # where its log is, should it be killed after a move (``take_left_log``)

    # -- opening ---------------------------------------------------------------------------------
    def _connect(self, target: str, uri: bool, exists: bool, schema: Schema | None, synchronous: str) -> None:
        """Connect and prepare; a plain SQLite failure to read or write here stays an OperationalError."""
        try:
            conn = project_file.connect(target, self.path, uri=uri)
        except sqlite3.OperationalError:
            raise
        except sqlite3.Error as exc:
            raise ProjectFileError(f"{self.path}: cannot open the project file: {exc}") from None
        self.db = ProjectDb(conn)
        try:
            self._prepare(exists, schema, synchronous)
        except sqlite3.OperationalError as exc:
            self._abandon(conn)
            if getattr(exc, "sqlite_errorname", "").startswith(project_file.CANNOT_WRITE_HERE):
                raise
            raise ProjectFileError(f"{self.path}: not a usable annotator project: {exc}") from None
        except sqlite3.DatabaseError as exc:
            self._abandon(conn)
            raise ProjectFileError(f"{self.path}: not a usable annotator project: {exc}") from None
        except BaseException:
            self._abandon(conn)
            raise

    def _abandon(self, conn: sqlite3.Connection) -> None:
        """Close what a failed open made: its connection, and an upgraded copy's connection and folder."""
        conn.close()
        self.db.conn.close()
        if self.read_from is not None:
            self.read_from.remove()
            self.read_from = None

    def _prepare(self, exists: bool, schema: Schema | None, synchronous: str) -> None:
        conn = self.db.conn
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        self._lock_wait_ms = BUSY_TIMEOUT_MS
        if exists:
            version = project_file.file_format(conn, self.path)
            if not self._prechecked:
                self._check_intact()
            if version < migrations.LATEST and self.read_only:  # it was refused ("needs an upgrade ... read-only")
                self._read_upgraded_copy(version)
                conn = self.db.conn
        if not self.read_only:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute(f"PRAGMA synchronous = {synchronous}")
        conn.execute("PRAGMA foreign_keys = ON")
        if not self.read_only and migrations.user_version(conn) == 0:
            self._create(schema)  # a new project: tables and schema in one transaction
            return
        if not self.read_only:
            upgrade = migrations.migrate(self.db.conn, self.path if exists else None)
            self.upgraded = upgrade if upgrade is not None and upgrade.before > 0 else None
        stored = schema_cache.latest_schema(conn, str(self.path), writable=not self.read_only)
        if stored is None:
            if self.read_only:
                raise ProjectFileError(f"{self.path}: the project has no schema")
            # the open is not finished (no file mark yet for ``transaction``'s checks): one plain transaction
            schema = schema or default_schema()
            with conn:
                conn.execute("BEGIN IMMEDIATE")
                schema_cache.store_schema(conn, schema, now())
            self.schema = schema
        else:
            self.schema = stored

    def _read_upgraded_copy(self, version: int) -> None:
        """Read an older project that cannot be upgraded where it is from a copy upgraded in a temporary folder (the
        file itself is never written); ``read_from`` says so, and so does ``read_only_reason``."""
        copy = upgraded_copy.make_upgraded_copy(self.db.conn, self.path, version)
        try:
            conn = project_file.connect(fileid.sqlite_uri(copy.path, mode="ro", immutable=1), self.path, uri=True)
        except sqlite3.Error as exc:
            copy.remove()
            raise ProjectFileError(f"{self.path}: cannot read its upgraded copy: {exc}") from None
        self.db.conn.close()
        self.db = ProjectDb(conn)
        self.read_from = copy
        why = self.read_only_why or read_only_kinds.ASKED
        copy.why = None if why.asked else why.text
        self.read_only_why = why.with_text(
            f"{why.text}; it is of file format {version}, shown from an upgraded copy in a temporary folder (the file "
            "itself is not changed)"
        )

    def _create(self, schema: Schema | None) -> None:
        """Make a new project's tables and store its schema in ONE transaction: a kill leaves no half project. A
        ``schema`` given is recorded as the user's (``schema_given``: an input's is then not taken in its place)."""
        conn = self.db.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            new_tables.make_latest(conn)  # what every migration leaves in an empty file, made once a process
            self.set_schema(schema or default_schema(), given=schema is not None)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def _check_intact(self) -> None:
        """Find damage at open (SQLite itself notices only when it reads a bad page): quick_check, or the schema."""
        problems = opencheck.quick_problems(self.db.conn, self.path)
        if problems != ["ok"]:
            changed = "it was not changed" if self.read_only or not self._had_log else "its write-ahead log was read"
            raise DamagedProjectError(self.path, "; ".join(problems), changed=changed)

    def set_schema(self, schema: Schema, given: bool = False) -> None:
        """Store ``schema`` as the project's schema (the newest stored one is in use); ``given``: the user chose it
        (``init --schema``), so the inputs neither replace nor grow it unasked (``schema_given``)."""
        with self.transaction():
            schema_cache.store_schema(self.db.conn, schema, now())
            if given:
                schema_given.mark_given(self.db, schema.name)
        self.schema = schema

    def close(self) -> None:
        """Close the file (``WatchedFile._release_file``: one renamed or moved while open keeps what was saved) and
        remove an upgraded copy it was read from."""
        self._release_file()
        if self.read_from is not None:
            self.read_from.remove()

    def __enter__(self) -> "Project":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions -----------------------------------------------------------------------------
    def refuse_unread_log(self, then: str) -> None:
        """Raise when the project was read without a log of saved changes this user cannot read (``log_unread``):
        what hands the project on (an export, a merge of it) would pass it on without them, without a word; ``then``
        says what to do and that nothing was done ("export it then (or as that user); nothing was written")."""
        if self.log_unread is not None:
            raise AnnotatorError(f"{self.path}: {self.log_unread}: {then}")

    @property
    def read_only_reason(self) -> str | None:
        """``read_only_why`` in words ("the folder /x is not writable (...)"); None when the project is writable."""
        return None if self.read_only_why is None else self.read_only_why.text

    def check_writable(self) -> None:
        """Raise the ``SaveError`` a write would meet when the project is open read-only (a long job, loading a
        model or training, asks first)."""
        if self.read_only:
            why = (
                f" (open read-only because {self.read_only_why})"
                if self.read_only_why is not None and not self.read_only_why.asked
                else ""
            )
            raise SaveError(f"{self.path}: the project is open read-only; nothing was changed{why}")

    @contextmanager
    def lock_wait(self, ms: int) -> Iterator[None]:
        """Writes in the block wait at most ``ms`` (0: not at all) for another program to finish writing, then raise
        ``BusyError`` (the default wait is ``BUSY_TIMEOUT_MS``): the app's edits never hold its window that long."""
        before = self._lock_wait_ms
        self._set_lock_wait(ms)
        try:
            yield
        finally:
            self._set_lock_wait(before)

    def _set_lock_wait(self, ms: int) -> None:
        self.db.conn.execute(f"PRAGMA busy_timeout = {int(ms)}")
        self._lock_wait_ms = int(ms)

    @contextmanager
    def riding(self, write: Callable[[ProjectDb], None]) -> Iterator[None]:
        """``write`` goes into the commit of the next (outermost) transaction made in the block, with its edit: a
        kept edit's journal mark lands with the edit or not at all (``kept_journal``)."""
        self._riders.append(write)
        try:
            yield
        finally:
            self._riders.remove(write)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE ... COMMIT), rolled back on any error."""
        self.check_writable()
        conn = self.db.conn
        if conn.in_transaction:
            yield conn
            return
        self.check_still_here()
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if getattr(exc, "sqlite_errorname", "").startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
                raise BusyError(
                    f"{self.path}: cannot write to the project: another program is writing to it (waited "
                    f"{self._lock_wait_ms / 1000:g} s: {exc}); nothing was changed; try again when it is done"
                ) from None
            raise SaveError(f"{self.path}: cannot write to the project: {exc}") from None
        try:
            yield conn
            for write in self._riders:
                write(self.db)
            # a copy over the file while this transaction was under way (seconds for an import's batch): the commit's
            # checkpoint would write its pages into the copy; one stat, unless the file changed
            self._check_copied_over(before_stop=lambda: conn.execute("ROLLBACK"))
            conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise SaveError(
                f"{self.path}: the change could not be saved ({opencheck.why_not_saved(self.path, exc)}); nothing was "
                "changed"
            ) from None
        except sqlite3.DatabaseError as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if type(exc) is not sqlite3.DatabaseError:  # programming errors keep their traceback
                raise
            raise DamagedOnSaveError(self.path, str(exc)) from None
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        # the commit's own checkpoint (SQLite makes one past ~1,000 pages of log) moved the file: looked at now, the
        # next look compares with what the project itself wrote (it would not know what wrote it); one stat otherwise
        self._check_copied_over()

    def changes(self) -> int:
        """Rows this connection has changed since it opened (it moves with each of our own edits)."""
        return self.db.conn.total_changes

    def save_copy(self, dest: str | Path) -> Path:
        """The project as this connection holds it, written to ``dest`` through the open handle (SQLite's backup): a
        file deleted while open is saved from the program that still has it open, what was saved up to the deletion
        and its log alike. Self-contained (no -wal or -shm beside it), written aside and renamed into place: a copy
        that fails leaves ``dest`` as it was. Raises SaveError."""
        dest = Path(dest)
        part = dest.with_name(f".{dest.name}.part")
        if (too_long := opencheck.path_too_long(dest, False, room=len(part.name) - len(dest.name))) is not None:
            raise SaveError(f"{dest}: cannot save a copy of the project there: {too_long}")
        if (refused := opencheck.why_folder_refuses(dest.parent)) is not None:  # SQLite's "unable to open database
            raise SaveError(f"{dest}: cannot save a copy of the project there: {refused}; nothing was written")  # file"
        try:
            project_file.make_new(part)
            out = sqlite3.connect(part)
            try:
                with out:
                    self.db.conn.backup(out)
                out.execute("PRAGMA journal_mode = DELETE")
            finally:
                out.close()
            os.replace(part, dest)
        except (OSError, sqlite3.Error) as exc:
            part.unlink(missing_ok=True)
            raise SaveError(f"{dest}: cannot save a copy of the project there ({exc}); nothing was written") from None
        return dest

    def data_version(self) -> int:
        """Changes when another connection commits to the file (for noticing outside edits)."""
        return self.db.conn.execute("PRAGMA data_version").fetchone()[0]


def open_project(path: str | Path, **kwargs: Any) -> Project:
    """Open (or create) a project file."""
    return Project(path, **kwargs)
