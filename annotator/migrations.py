"""Numbered migrations of the project file; ``PRAGMA user_version`` holds the number applied."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from annotator.db import ProjectDb
from annotator.errors import UpgradeFailedError

if TYPE_CHECKING:  # pragma: no cover
    from sqlite_utils import Database  # imported by migrate(), only when a file needs a migration

APPLICATION_ID = 0x414E4E4F  # "ANNO": marks the file as an annotator project


def _m1_initial(db: "Database") -> None:
    db["project"].create({"key": str, "value": str}, pk="key")
    db["schemas"].create({"id": int, "name": str, "source": str, "added_at": str}, pk="id")
    db["documents"].create(
        {
            "id": int,
            "name": str,
            "text": str,
            "sha256": str,
            "status": str,
            "meta": str,
            "bom": int,
            "source_path": str,
            "imported_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"name", "text", "sha256", "status"},
        defaults={"status": "new", "meta": "{}", "bom": 0},
    )
    db["documents"].create_index(["sha256"], unique=True)
    db["documents"].create_index(["status"])
    db["tokens"].create(
        {"document_id": int, "pipeline": str, "starts": str, "ends": str, "sentence_starts": str},
        pk="document_id",
        foreign_keys=[("document_id", "documents", "id")],
    )
    db["entities"].create(
        {
            "id": int,
            "document_id": int,
            "annotation_set": str,
            "start": int,
            "end": int,
            "label": str,
            "state": str,
            "source": str,
            "annotator": str,
            "edited": int,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"document_id", "annotation_set", "start", "end", "label", "state", "source"},
        defaults={"annotation_set": "main", "edited": 0},
        foreign_keys=[("document_id", "documents", "id")],
    )
    db["entities"].create_index(["document_id", "annotation_set"])
    db["events"].create(
        {
            "id": int,
            "document_id": int,
            "annotation_set": str,
            "type": str,
            "trigger_start": int,
            "trigger_end": int,
            "attributes": str,
            "annotator": str,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"document_id", "annotation_set", "type", "trigger_start", "trigger_end"},
        defaults={"annotation_set": "main", "attributes": "{}"},
        foreign_keys=[("document_id", "documents", "id")],
    )
    db["events"].create_index(["document_id", "annotation_set"])
    db["arguments"].create(
        {"id": int, "event_id": int, "role": str, "entity_id": int, "annotator": str, "created_at": str},
        pk="id",
        not_null={"event_id", "role", "entity_id"},
        foreign_keys=[("event_id", "events", "id"), ("entity_id", "entities", "id")],
    )
    db["arguments"].create_index(["event_id"])
    db["arguments"].create_index(["entity_id"])
    db["comments"].create(
        {"id": int, "document_id": int, "author": str, "text": str, "created_at": str},
        pk="id",
        not_null={"document_id", "text"},
        foreign_keys=[("document_id", "documents", "id")],
    )
    db["comments"].create_index(["document_id"])
    db["change_log"].create(
        {
            "id": int,
            "at": str,
            "annotator": str,
            "document_id": int,
            "action": str,
            "rows": str,
        },
        pk="id",
        not_null={"at", "action", "rows"},
    )
    db["change_log"].create_index(["document_id"])
    db["pipeline_runs"].create(
        {
            "id": int,
            "started_at": str,
            "finished_at": str,
            "pipeline": str,
            "version": str,
            "documents": int,
            "suggestions": int,
            "skipped_labels": str,
        },
        pk="id",
    )


def _m2_event_suggestions(db: "Database") -> None:
    """Events become suggestions like entity spans: state, source, score, runner-up types, edited.

    Events made before this were made by people (or imported): they become ``added`` with source ``human``.
    A rejected event suggestion stays as a row in state ``rejected`` (without arguments): that row is what
    keeps a later pre-annotation from offering the same trigger and type again.
    """
    events = db["events"]
    events.add_column("state", str, not_null_default="added")
    events.add_column("source", str, not_null_default="human")
    events.add_column("score", float)
    events.add_column("alternatives", str, not_null_default="[]")  # JSON list of other plausible types, best first
    events.add_column("edited", int, not_null_default=0)
    events.create_index(["document_id", "annotation_set", "state"])


_ROWID_PK = re.compile(r'^(\s*"id"\s+INTEGER\s+PRIMARY\s+KEY)(\s*,)', re.IGNORECASE | re.MULTILINE)


def _m3_ids_never_reused(db: "Database") -> None:
    """Ids are never reused: every table keyed by ``id`` becomes AUTOINCREMENT, rebuilt with the same ids.

    Without it SQLite gives a deleted last row's id to the next row, so an edit aimed at a span deleted
    elsewhere could land on a new span. Each table is copied into a new one (same columns, ids, foreign
    keys and indexes), and its counter starts above every id the table or the change log has ever named.
    """
    conn = db.conn
    tables = [
        (name, sql)
        for name, sql in conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid"
        ).fetchall()
        if _ROWID_PK.search(sql) and "AUTOINCREMENT" not in sql.upper()
    ]
    logged: dict[str, int] = {}
    if (
        any(name == "change_log" for name, _ in tables)
        or conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'change_log'").fetchone()
    ):
        for table, top in conn.execute(
            "SELECT json_extract(j.value, '$.table'), max(json_extract(j.value, '$.id')) FROM change_log AS c, "
            "json_each(CASE WHEN json_valid(c.rows) THEN c.rows ELSE '[]' END) AS j "
            "WHERE j.type = 'object' GROUP BY 1"
        ):
            if isinstance(table, str) and isinstance(top, int):
                logged[table] = top
    for name, sql in tables:
        indexes = [
            r[0]
            for r in conn.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL", (name,)
            )
        ]
        temp = f"{name}__m3"
        body = sql[sql.index("(") :]
        conn.execute(f'CREATE TABLE "{temp}" ' + _ROWID_PK.sub(r"\1 AUTOINCREMENT\2", body, count=1))
        conn.execute(f'INSERT INTO "{temp}" SELECT * FROM "{name}"')
        conn.execute(f'DROP TABLE "{name}"')
        conn.execute(f'ALTER TABLE "{temp}" RENAME TO "{name}"')
        for index in indexes:
            conn.execute(index)
        top = max(conn.execute(f'SELECT coalesce(max(id), 0) FROM "{name}"').fetchone()[0], logged.get(name, 0))
        conn.execute("DELETE FROM sqlite_sequence WHERE name = ?", (name,))
        conn.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", (name, top))


def _m4_merge_provenance(db: "Database") -> None:
    """Merged annotation sets remember the file each came from and the model's original suggestions."""
    conn = db.conn
    conn.execute(
        "CREATE TABLE merge_sources (id INTEGER PRIMARY KEY AUTOINCREMENT, annotation_set TEXT NOT NULL, "
        "path TEXT NOT NULL, history BLOB NOT NULL, log_rows INTEGER NOT NULL, merged_at TEXT, merged_by TEXT)"
    )
    conn.execute(
        "CREATE TABLE merged_suggestions (id INTEGER PRIMARY KEY AUTOINCREMENT, "
        "document_id INTEGER NOT NULL REFERENCES documents(id), annotation_set TEXT NOT NULL, start INTEGER NOT NULL, "
        "[end] INTEGER NOT NULL, label TEXT NOT NULL, source TEXT NOT NULL)"
    )
    conn.execute(
        "CREATE INDEX idx_merged_suggestions_document_id_annotation_set ON merged_suggestions (document_id, annotation_set)"
    )


def _m5_parsed_schema(db: "Database") -> None:
    """Each stored schema keeps its parsed form beside its TOML source (JSON with the source's sha256), so an
    open reads it instead of parsing and checking the TOML again (annotator/schema_cache.py fills it)."""
    if not ProjectDb(db.conn).has_column("schemas", "parsed"):
        db.conn.execute("ALTER TABLE schemas ADD COLUMN parsed TEXT")


def _m6_document_names(db: "Database") -> None:
    """Documents are found by name: an import gives a name already taken the next free "NAME (2)" (``importing``)."""
    db.conn.execute("CREATE INDEX IF NOT EXISTS idx_documents_name ON documents (name)")


def _m7_entity_scores(db: "Database") -> None:
    """Entity spans keep a suggester's confidence as events do (``score``, NULL where none was given: people's spans,
    spaCy's ``ner``, which gives none per span, and every span made before this)."""
    if not ProjectDb(db.conn).has_column("entities", "score"):
        db.conn.execute("ALTER TABLE entities ADD COLUMN score REAL")


def _m8_news_aliases(db: "Database") -> None:
    """A project on the news schema stored before it declared ACE's names as aliases (an entity's, session 8; an
    event type's, session 9; the Time-* role aliases) gets those of the bundled news.toml, as a new version of its
    schema (each a line added to its source, the rest as it was): an older news project refused ACE's PER, and its
    DyGIE++ export could not write ACE's names. A schema is the news schema when it has the bundled one's name and
    every one of its labels and event types; any other is left as it is, as is one that cannot be read."""
    _news_aliases_added(db)


def _news_aliases_added(db: "Database") -> None:
    """The bundled news.toml's aliases added to the project's news schema where its labels and event types have none
    (``schema_write.with_aliases``), as a new version of it; any other schema left as it is."""
    from annotator.db import now
    from annotator.errors import SchemaError
    from annotator.schema import default_schema, parse_schema
    from annotator.schema_write import with_aliases
    from annotator.schema_cache import latest_schema, store_schema

    conn = db.conn
    try:
        stored = latest_schema(conn, "the project", writable=False)
        news = default_schema()
    except SchemaError:
        return
    if stored is None or stored.name != news.name:
        return
    if {e.name for e in news.entities} - {e.name for e in stored.entities}:
        return
    if set(news.event_type_names) - set(stored.event_type_names):
        return
    source = with_aliases(stored, news)
    if source is None:
        return
    try:
        schema = parse_schema(source, "the project's schema with the news schema's aliases", app_keys=False)
    except SchemaError:  # an alias one of its own labels already gives, say: left as it was
        return
    store_schema(conn, schema, now())


def _m9_preannotation_lease(db: "Database") -> None:
    """One row while a pre-annotation runs (``annotator.lease``): its pid, host, start and a heartbeat renewed as it
    goes, so that a second run (the app's of new documents while ``annotator preannotate`` runs) finds it and waits
    instead of doubling the CPU and replacing the first one's suggestions."""
    db.conn.execute(
        "CREATE TABLE IF NOT EXISTS preannotation_lease (id INTEGER PRIMARY KEY CHECK (id = 1), pid INTEGER NOT NULL, "
        "host TEXT NOT NULL, started_at TEXT NOT NULL, heartbeat_at TEXT NOT NULL, token TEXT NOT NULL)"
    )


def _m10_news_words(db: "Database") -> None:
    """A project on the news schema stored before it declared the words ORG, GPE, LOC and FAC abbreviate as their
    aliases (``organization``, ``Location``, ``Facility``, ``Geo-political entity``; session 21) gets them as
    migration 8 gave ACE's names: an older news project refused a Label Studio file labelled ``organization``, and a
    news project of this version takes it as ``ORG``."""
    _news_aliases_added(db)


def _m11_noun_heads(db: "Database") -> None:
    """A document's stored tokens keep the parse's noun heads that are no part of an entity (``noun_heads``, JSON
    [[start, end], ...], code points), written by pre-annotation with events: a role key offers them after the
    sentence's entity spans. NULL for documents pre-annotated before (and without a parse): they behave as then."""
    if not ProjectDb(db.conn).has_column("tokens", "noun_heads"):
        db.conn.execute("ALTER TABLE tokens ADD COLUMN noun_heads TEXT")


def _m12_tokens_whole(db: "Database") -> None:
    """Stored tokens with no edge inside a grapheme cluster (``graphemes.ClusterEdges.merge_tokens``), as
    pre-annotation and import store them since session 34: spaCy had cut a flag into its regional indicators, a ZWJ
    family into five tokens, "🏛️" into the emoji and its U+FE0F, and a span snapped to them ended inside a character.
    Sentence starts follow their tokens, noun heads widen; no span, event or argument is touched (their code-point
    offsets stay as they are). A text of ASCII alone, or whose every cluster is one code point, is left unread."""
    import orjson

    from annotator.graphemes import ClusterEdges

    rows = db.conn.execute(
        "SELECT t.document_id, d.text, t.starts, t.ends, t.sentence_starts, t.noun_heads "
        "FROM tokens t JOIN documents d ON d.id = t.document_id"
    )
    changed = []
    for doc_id, text, starts, ends, sents, heads in rows:
        if text is None or text.isascii():
            continue
        edges = ClusterEdges(text)
        if edges.whole:
            continue
        new_starts, new_ends, new_sents = edges.merge_tokens(
            orjson.loads(starts), orjson.loads(ends), orjson.loads(sents or "[]")
        )
        new_heads = (
            orjson.dumps(list(dict.fromkeys(edges.widen(a, b) for a, b in orjson.loads(heads)))).decode()
            if heads
            else heads
        )
        out = (orjson.dumps(new_starts).decode(), orjson.dumps(new_ends).decode(), orjson.dumps(new_sents).decode())
        if out != (starts, ends, sents) or new_heads != heads:
            changed.append((*out, new_heads, doc_id))
    db.conn.executemany(
        "UPDATE tokens SET starts = ?, ends = ?, sentence_starts = ?, noun_heads = ? WHERE document_id = ?", changed
    )


def _m13_heads_version(db: "Database") -> None:
    """Which rules stored a document's noun heads (``tokens.heads_version``: ``nlp.NOUN_HEADS_VERSION`` of the run that
    stored them). NULL for heads stored before: by older rules, kept until the document is pre-annotated again, which
    the project's open now says (``role_heads.older_heads_said``)."""
    if not ProjectDb(db.conn).has_column("tokens", "heads_version"):
        db.conn.execute("ALTER TABLE tokens ADD COLUMN heads_version INTEGER")


MIGRATIONS: list[Callable[["Database"], None]] = [
    _m1_initial,
    _m2_event_suggestions,
    _m3_ids_never_reused,
    _m4_merge_provenance,
    _m5_parsed_schema,
    _m6_document_names,
    _m7_entity_scores,
    _m8_news_aliases,
    _m9_preannotation_lease,
    _m10_news_words,
    _m11_noun_heads,
    _m12_tokens_whole,
    _m13_heads_version,
]
LATEST = len(MIGRATIONS)


def user_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


class CannotCopyHere(sqlite3.OperationalError):
    """The copy made before an upgrade cannot be made beside the file (SQLite would say only 'unable to open
    database file'); a read-only open goes on, from a copy upgraded elsewhere, and says ``reason``."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.sqlite_errorname = "SQLITE_CANTOPEN"  # as SQLite's own: "cannot be written here", not damage


def backup_before_migration(path: Path, version: int) -> Path:
    """Copy the file aside before a migration changes it; returns the copy's path."""
    from annotator.opencheck import SQLITE_MAX_PATH_BYTES, full_path_bytes

    target = path.with_name(f"{path.name}.v{version}.bak")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.name}.v{version}.bak{n}")
        n += 1
    size = full_path_bytes(target)
    if size is not None and size > SQLITE_MAX_PATH_BYTES:  # the file's own path fits, its copy's longer name not
        raise CannotCopyHere(
            f"the copy of it made before an upgrade, {target.name}, would have a full path of {size:,} bytes, and "
            f"SQLite opens files whose full path is at most {SQLITE_MAX_PATH_BYTES} bytes: move it to a shorter path "
            "to upgrade it"
        )
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(target)
        try:
            with dst:
                src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")  # a self-contained copy: no -wal/-shm files beside it
        finally:
            dst.close()
    except BaseException:  # a disk too full for the copy: no empty "copy of the file as it was" left behind
        for leftover in (target, Path(f"{target}-journal"), Path(f"{target}-wal"), Path(f"{target}-shm")):
            leftover.unlink(missing_ok=True)
        raise
    finally:
        src.close()
    return target


@dataclass(frozen=True)
class Upgrade:
    """What opening a project of an older format did to its file: its format before and now, and the copy of the
    file as it was (None for a new project's tables)."""

    before: int
    after: int
    backup: Path | None

    def summary(self, name: str) -> str:
        """One line for the person: the app said nothing, and a NAME.vN.bak appeared beside the project."""
        kept = f"; the file as it was is kept as {self.backup.name}" if self.backup is not None else ""
        return (
            f"{name} was upgraded from file format {self.before} to {self.after} (an older annotator cannot open it "
            f"now){kept}"
        )


def migrate(conn: sqlite3.Connection, path: Path | None) -> Upgrade | None:
    """Apply the migrations the file lacks, each in one transaction with its version bump; what was done (None when
    the file was up to date)."""
    current = user_version(conn)
    if current >= LATEST:
        return None
    from sqlite_utils import Database  # the migrations' table creation; not imported for an up-to-date file

    db = Database(conn)
    backup: Path | None = None
    if current and current < LATEST and path is not None:
        backup = backup_before_migration(path, current)
    foreign_keys = conn.execute("PRAGMA foreign_keys").fetchone()[0]
    # a table rebuilt in a migration is dropped and renamed (inside a transaction this is a no-op: a new
    # project's tables are empty, so nothing can point at a dropped row)
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        for number in range(current + 1, LATEST + 1):
            _apply(db, number, current, path, backup)
    finally:
        conn.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
    return Upgrade(current, LATEST, backup)


def _apply(db: "Database", number: int, current: int, path: Path | None, backup: Path | None) -> None:
    """Migration ``number`` in one transaction, its foreign keys checked before the commit."""
    conn = db.conn
    outer = conn.in_transaction  # a new project: its caller's transaction holds every step and its schema
    if not outer:
        conn.execute("BEGIN IMMEDIATE")
    try:
        dangling = conn.execute("PRAGMA foreign_key_check").fetchall()  # a damaged old file may have some
        MIGRATIONS[number - 1](db)
        broken = conn.execute("PRAGMA foreign_key_check").fetchall()
        if len(broken) > len(dangling):
            raise sqlite3.IntegrityError(f"a row of {broken[0][0]} points at a missing row of {broken[0][2]}")
        conn.execute(f"PRAGMA user_version = {number}")
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        if not outer:
            conn.execute("COMMIT")
    except BaseException as exc:
        if outer:
            raise
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if backup is not None:  # even a migration that committed part of its work leaves no trace
            _restore(backup, conn)
        if not isinstance(exc, Exception):
            raise
        where = f"; the copy made before the upgrade is {backup}" if backup else ""
        raise UpgradeFailedError(
            path,
            f"upgrading the file to format {number} failed ({type(exc).__name__}: {exc}); the file was left at format "
            f"{current}{where}",
        ) from exc


def _restore(backup: Path, conn: sqlite3.Connection) -> None:
    """Copy the pre-migration backup back into the open file (one SQLite backup, atomic for readers)."""
    from annotator.fileid import sqlite_uri

    src = sqlite3.connect(sqlite_uri(backup, mode="ro"), uri=True)
    try:
        src.backup(conn)
    finally:
        src.close()
