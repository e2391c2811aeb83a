"""The project file: open it, read from it, and run edits as single transactions."""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

import orjson
from annotator import filemark, fileid, migrations, new_tables, opencheck, project_file, upgraded_copy
from annotator.db import ProjectDb, now
from annotator.errors import (
    NoProjectFileError,
    AnnotatorError,
    BusyError,
    DamagedOnSaveError,
    DamagedProjectError,
    DamagedTextError,
    ProjectFileError,
    ProjectMovedError,
    SaveError,
)
from annotator.model import (
    ARGUMENT_FIELDS,
    DEFAULT_SET,
    ENTITY_FIELDS,
    EVENT_COLUMNS,
    Argument,
    Comment,
    Document,
    Entity,
    Event,
)
from annotator import read_only as read_only_kinds
from annotator import schema_cache, schema_given
from annotator.read_only import ReadOnlyReason
from annotator.file_watch import WatchedFile
from annotator.schema import Schema, default_schema
from annotator.wording import first_named

_ENTITY_SELECT = ", ".join(f"[{c}]" for c in ENTITY_FIELDS)
_EVENT_SELECT = ", ".join(f"[{c}]" for c in EVENT_COLUMNS)
_ARGUMENT_SELECT = ", ".join(f"a.[{c}]" for c in ARGUMENT_FIELDS)
BUSY_TIMEOUT_MS = 10_000


class Project(WatchedFile):
    """An open project file: its connection, its schema and who is annotating."""

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
        self._took_log = fileid.take_left_log(self.path) if exists and not self.read_only else None
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
            before = fileid.side_identities(self.path)
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
        self._made_logs = fileid.made_logs(self.path, before) if self.read_only and exists else {}
        # its -wal and -shm as opened: the close removes them under an old name only if they are these
        self._logs = {} if self.read_only else fileid.side_identities(self.path)
        if not self.read_only:  # a close under the old name killed half-way: its log was finished from this name
            fileid.remove_old_log_names(self.path, self._took_log)
        # what the file alone held: a file copied over it later (same inode) is told by its history (filemark)
        self._unsure = False  # the file changed on disk and could not be read alone: perhaps a copy under way
        self._mark = (
            None
            if self.read_only
            else filemark.read_mark(self.path, self.db.conn) or filemark.empty_mark(self.path, self.db.conn)
        )
        fileid.register_open(self)
        if not self.read_only:
            fileid.opened_for_writing(self)  # where its log is, should it be killed after a move (``take_left_log``)

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

    # -- reading ----------------------------------------------------------------------------------
    def row(self, table: str, id: int) -> dict[str, Any] | None:
        return next(self._rows(f"SELECT * FROM [{table}] WHERE id = ?", (id,)), None)

    def document_ids(self, status: list[str] | None = None) -> list[int]:
        """The ids of the documents (with one of these statuses), in order. Read from the status index and sorted
        here: with ``ORDER BY id`` SQLite walks the table, every document's text on its pages (16 ms -> 2.5 ms
        CPU for 10,000 documents of 3 KB)."""
        if status:
            marks = ",".join("?" * len(status))
            rows = self.db.conn.execute(f"SELECT id FROM documents WHERE status IN ({marks})", status)
        else:
            rows = self.db.conn.execute("SELECT id FROM documents")
        return sorted(r[0] for r in rows)

    def documents_named(self, names: list[str], nothing: str = "nothing was changed") -> list[int]:
        """Document ids for names (or ids) as ``stats``/``validate`` show them, sorted; an unknown or shared name is
        a one-line AnnotatorError naming it, ending ``nothing`` (the caller has changed nothing yet; an export has
        written nothing)."""
        by_name: dict[str, list[int]] = {}
        for doc_id, name in self.db.conn.execute("SELECT id, name FROM documents ORDER BY id"):
            by_name.setdefault(name, []).append(doc_id)
        known = set(self.document_ids())
        ids, unknown = [], []
        for name in dict.fromkeys(names):
            if name in by_name:
                if len(by_name[name]) > 1:
                    raise AnnotatorError(
                        f"document name {name!r} is shared by documents "
                        f"{', '.join(map(str, by_name[name]))}; give their ids; {nothing}"
                    )
                ids.append(by_name[name][0])
            elif name.isdigit() and int(name) in known:
                ids.append(int(name))
            else:
                unknown.append(name)
        if unknown:  # the names it has, as the app's list shows them (`validate` lists none when nothing is wrong)
            names = list(by_name)
            has = f"its documents: {first_named(names, 3)}" if names else "it has no document"
            raise AnnotatorError(
                f"no document named {', '.join(map(repr, unknown))} in {self.path} ({has}; "
                f"a name as the app's list shows it, or an id); {nothing}"
            )
        return sorted(set(ids))

    def document(self, doc_id: int) -> Document:
        """The document ``doc_id``; a stored text whose bytes are not UTF-8 is a ``DamagedTextError`` (SQLite's own
        error reached the app raw when such a document was opened)."""
        with DamagedTextError.raised_for(self.path):
            r = self.db.conn.execute(
                "SELECT id, name, text, sha256, status, meta FROM documents WHERE id = ?", (doc_id,)
            ).fetchone()
        if r is None:
            raise AnnotatorError(f"no document with id {doc_id}")
        return Document(r[0], r[1], r[2], r[3], r[4], orjson.loads(r[5] or "{}"))

    def document_summaries(
        self, annotation_set: str | None = None, ids: list[int] | set[int] | None = None
    ) -> list[dict[str, Any]]:
        """One row per document (only those in ``ids`` when given): id, name, status, entity/event counts (not
        rejected), suggestions of both (no text: reading it would cost a walk over every document)."""
        s = annotation_set or self.annotation_set
        params: dict[str, Any] = {"s": s}
        where = ""
        if ids is not None:
            where = f"WHERE d.id IN ({','.join(f':i{k}' for k in range(len(ids)))})"
            params.update({f"i{k}": i for k, i in enumerate(ids)})
        if ids is not None:  # a few documents: counted one by one
            sql = f"""
            SELECT d.id, d.name, d.status,
              (SELECT count(*) FROM entities e WHERE e.document_id = d.id AND e.annotation_set = :s
                 AND e.state != 'rejected') AS entities,
              (SELECT count(*) FROM entities e WHERE e.document_id = d.id AND e.annotation_set = :s
                 AND e.state = 'suggested')
              + (SELECT count(*) FROM events v WHERE v.document_id = d.id AND v.annotation_set = :s
                 AND v.state = 'suggested') AS suggestions,
              (SELECT count(*) FROM events v WHERE v.document_id = d.id AND v.annotation_set = :s
                 AND v.state != 'rejected') AS events
            FROM documents d {where} ORDER BY d.id"""
        else:  # every document: one grouped pass over each table (half the time at 50,000 documents)
            sql = """
            SELECT d.id, d.name, d.status, coalesce(e.entities, 0) AS entities,
              coalesce(e.suggested, 0) + coalesce(v.suggested, 0) AS suggestions, coalesce(v.events, 0) AS events
            FROM documents d
            LEFT JOIN (SELECT document_id, sum(state != 'rejected') AS entities, sum(state = 'suggested') AS suggested
                       FROM entities WHERE annotation_set = :s GROUP BY document_id) e ON e.document_id = d.id
            LEFT JOIN (SELECT document_id, sum(state != 'rejected') AS events, sum(state = 'suggested') AS suggested
                       FROM events WHERE annotation_set = :s GROUP BY document_id) v ON v.document_id = d.id
            ORDER BY d.id"""
        cur = self.db.conn.execute(sql, params)
        cols = [c[0] for c in cur.description]
        return [dict(zip(cols, r)) for r in cur]

    def _rows(self, sql: str, params: Any = ()) -> Iterator[dict[str, Any]]:
        cur = self.db.conn.execute(sql, params)
        cols = [c[0] for c in cur.description]
        for r in cur:
            yield dict(zip(cols, r))

    def entities(self, doc_id: int, annotation_set: str | None = None) -> list[Entity]:
        cur = self.db.conn.execute(
            f"SELECT {_ENTITY_SELECT} FROM entities WHERE document_id = ? AND annotation_set = ? "
            "ORDER BY start, end, id",
            (doc_id, annotation_set or self.annotation_set),
        )
        return Entity.from_values(cur)  # the columns Entity needs, no dict per row: 8,000 spans in half the time

    def entity(self, entity_id: int) -> Entity:
        row = self.row("entities", entity_id)
        if row is None:
            raise AnnotatorError(f"no entity with id {entity_id}")
        return Entity.from_row(row)

    def events(self, doc_id: int, annotation_set: str | None = None) -> list[Event]:
        s = annotation_set or self.annotation_set
        args: dict[int, list[Argument]] = {}
        for a in Argument.from_values(
            self.db.conn.execute(
                f"SELECT {_ARGUMENT_SELECT} FROM arguments a JOIN events v ON a.event_id = v.id "
                "WHERE v.document_id = ? AND v.annotation_set = ? ORDER BY a.id",
                (doc_id, s),
            )
        ):
            args.setdefault(a.event_id, []).append(a)
        cur = self.db.conn.execute(
            f"SELECT {_EVENT_SELECT} FROM events WHERE document_id = ? AND annotation_set = ? ORDER BY trigger_start, id",
            (doc_id, s),
        )
        return Event.from_values(cur, args)  # the columns Event needs, no dict per row (2,543 events, 4,061 arguments)

    def event(self, event_id: int) -> Event:
        r = self.db.conn.execute("SELECT document_id, annotation_set FROM events WHERE id = ?", (event_id,)).fetchone()
        if r is None:
            raise AnnotatorError(f"no event with id {event_id}")
        return next(e for e in self.events(r[0], r[1]) if e.id == event_id)

    def comments(self, doc_id: int) -> list[Comment]:
        rows = self.db.conn.execute(
            "SELECT id, document_id, author, text, created_at FROM comments WHERE document_id = ? ORDER BY id",
            (doc_id,),
        )
        return [Comment(*r) for r in rows]

    def tokens(self, doc_id: int) -> tuple[list[int], list[int], list[int]] | None:
        """Stored token starts, ends and sentence-start token indices, or None before pre-annotation."""
        r = self.db.conn.execute(
            "SELECT starts, ends, sentence_starts FROM tokens WHERE document_id = ?", (doc_id,)
        ).fetchone()
        if r is None:
            return None
        return orjson.loads(r[0]), orjson.loads(r[1]), orjson.loads(r[2] or "[]")

    def noun_heads(self, doc_id: int) -> list[tuple[int, int]]:
        """The parse's noun heads stored at pre-annotation with events (``nlp.noun_heads``), [] where none were."""
        r = self.db.conn.execute("SELECT noun_heads FROM tokens WHERE document_id = ?", (doc_id,)).fetchone()
        return [(s, e) for s, e in orjson.loads(r[0])] if r is not None and r[0] else []

    def annotation_sets(self) -> list[str]:
        rows = self.db.conn.execute(
            "SELECT annotation_set FROM entities UNION SELECT annotation_set FROM events ORDER BY 1"
        )
        sets = [r[0] for r in rows]
        return sets or [DEFAULT_SET]

    def change_log(self, doc_id: int | None = None) -> list[dict[str, Any]]:
        sql = "SELECT id, at, annotator, document_id, action, rows FROM change_log"
        params: tuple = ()
        if doc_id is not None:
            sql += " WHERE document_id = ?"
            params = (doc_id,)
        cur = self.db.conn.execute(sql + " ORDER BY id", params)
        return [
            {"id": r[0], "at": r[1], "annotator": r[2], "document_id": r[3], "action": r[4], "rows": orjson.loads(r[5])}
            for r in cur
        ]


def open_project(path: str | Path, **kwargs: Any) -> Project:
    """Open (or create) a project file."""
    return Project(path, **kwargs)
