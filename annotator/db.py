"""The project file's data access: its connection, and the named reads and writes that more than one module needs.

- ``span_row`` is the one place a new entity span's bookkeeping is set (who, edited, timestamps), whether an
  edit, an import or a pre-annotation makes it; ``insert_span``/``insert_spans`` write such rows. ``event_row``
  and ``insert_event`` do the same for events.
- ``document_state``, ``progress`` and ``new_documents`` are the reads the app and pre-annotation
  share (the app runs no SQL of its own).
- rows become ``Entity``/``Event``/``Argument`` in ``annotator.model`` (``from_row``), the one place for it.

sqlite-utils is imported only by ``migrations.migrate`` when a migration is due, never when a project is opened
or the app starts: importing it costs about a quarter of a second.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime, timezone
from typing import Any

import orjson

from annotator.queries.annotations import AnnotationReads
from annotator.queries.change_log import ChangeLogRows
from annotator.queries.columns import ENTITY_COLUMNS, EVENT_COLUMNS
from annotator.queries.counts import CountReads
from annotator.queries.decided import DecidedReads
from annotator.queries.documents import DocumentRows
from annotator.queries.export_chunks import StreamingConnection
from annotator.queries.exports import ExportReads
from annotator.queries.held_pages import HeldPageReads
from annotator.queries.lease import LeaseRows
from annotator.queries.merging import MergeRows
from annotator.queries.set_names import SetNameRows
from annotator.queries.suggestions import SuggestionRows


def insert_sql(table: str, columns: Iterable[str]) -> str:
    """``INSERT INTO [table] ([c1], ...) VALUES (?, ...)``: the one builder of an insert's SQL (the values bound
    in the order of ``columns``)."""
    cols = list(columns)
    return f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in cols)}) VALUES ({', '.join('?' * len(cols))})"


_INSERT_ENTITY = insert_sql("entities", ENTITY_COLUMNS)
_INSERT_EVENT = insert_sql("events", EVENT_COLUMNS)


def now() -> str:
    """A timestamp as the project file stores them (UTC, milliseconds)."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def span_row(
    document_id: int,
    annotation_set: str,
    start: int,
    end: int,
    label: str,
    state: str,
    source: str,
    annotator: str | None,
    *,
    score: float | None = None,
    at: str | None = None,
    edited: bool = False,
) -> dict[str, Any]:
    """A new entity span's row: not edited by a person yet (``edited``: a span read back from a file that says a
    person changed it), created and updated ``at`` (default: now); ``score``: the suggester's confidence where it gave
    one (``checked_score``)."""
    t = at or now()
    return {
        "document_id": document_id,
        "annotation_set": annotation_set,
        "start": start,
        "end": end,
        "label": label,
        "state": state,
        "source": source,
        "annotator": annotator,
        "edited": int(edited),
        "score": checked_score(score),
        "created_at": t,
        "updated_at": t,
    }


def checked_score(score: float | None) -> float | None:
    """A suggestion's score as the project stores it: a finite float, or None (no score given). An infinite or
    NaN value raises ValueError (readers check theirs first, with their file and line: ``is_score``)."""
    if score is None:
        return None
    value = float(score)
    if not math.isfinite(value):
        raise ValueError(f"a score must be a finite number, not {score!r}")
    return value


def is_score(value: Any) -> bool:
    """Whether a value read from a file is a score the project keeps: a finite number (not a bool)."""
    return type(value) in (int, float) and math.isfinite(value)


def event_row(
    document_id: int,
    annotation_set: str,
    type_: str,
    trigger_start: int,
    trigger_end: int,
    attributes: Mapping[str, str],
    annotator: str | None,
    *,
    state: str = "added",
    source: str = "human",
    score: float | None = None,
    alternatives: Iterable[str] = (),
    at: str | None = None,
    edited: bool = False,
) -> dict[str, Any]:
    """A new event's row, like ``span_row``: not edited by a person yet (unless ``edited``), created and updated
    ``at``."""
    t = at or now()
    return {
        "document_id": document_id,
        "annotation_set": annotation_set,
        "type": type_,
        "trigger_start": trigger_start,
        "trigger_end": trigger_end,
        "attributes": orjson.dumps(dict(attributes)).decode(),
        "state": state,
        "source": source,
        "score": checked_score(score),
        "alternatives": orjson.dumps(list(alternatives)).decode(),
        "edited": int(edited),
        "annotator": annotator,
        "created_at": t,
        "updated_at": t,
    }


def argument_row(event_id: int, role: str, entity_id: int, annotator: str | None) -> dict[str, Any]:
    """A new argument's row: ``entity_id`` fills ``role`` of ``event_id``, made now by ``annotator``."""
    return {"event_id": event_id, "role": role, "entity_id": entity_id, "annotator": annotator, "created_at": now()}


class ProjectDb(
    AnnotationReads,
    ChangeLogRows,
    CountReads,
    DecidedReads,
    DocumentRows,
    ExportReads,
    HeldPageReads,
    LeaseRows,
    MergeRows,
    SetNameRows,
    SuggestionRows,
    StreamingConnection,
):
    """One open project file: ``conn`` is its connection (autocommit; ``Project.transaction`` opens writes); the
    named reads and writes of ``annotator.queries`` are its parts."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def table_names(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]

    def has_column(self, table: str, column: str) -> bool:
        """Whether ``table`` has ``column`` (an older file's table may lack one a newer schema added): the one place
        that reads a table's columns (the migrations and the schema's parsed copy ask it too)."""
        return any(r[1] == column for r in self.conn.execute(f"PRAGMA table_info([{table}])"))

    def file_format(self) -> int:
        """The file format the project file is at (``PRAGMA user_version``: the migrations applied to it)."""
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def birth(self) -> str | None:
        """What tells this project from another: when its first schema was stored (made with the file; a copy or a
        backup of the project shares it, another project has its own). None for a file without one."""
        row = self.conn.execute("SELECT added_at FROM schemas ORDER BY id LIMIT 1").fetchone()
        return str(row[0]) if row is not None and row[0] is not None else None

    # -- the project's own values (key -> text: the trained models' registry, ...) ------------------------
    def project_value(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM project WHERE key = ?", (key,)).fetchone()
        return row[0] if row is not None else None

    def project_values_under(self, prefix: str) -> dict[str, str]:
        """Every value whose key starts with ``prefix`` (taken as it is: ``%`` and ``_`` are no wildcards)."""
        rows = self.conn.execute("SELECT key, value FROM project WHERE substr(key, 1, ?) = ?", (len(prefix), prefix))
        return {k: v for k, v in rows}

    def set_project_value(self, key: str, value: str) -> None:
        """Set ``key`` in the open transaction; an existing key's row is updated in place (its rowid, by which an
        edit's change names it for undo, stays)."""
        self.conn.execute(
            "INSERT INTO project (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def drop_project_value(self, key: str) -> None:
        """Take ``key`` out in the open transaction (none: nothing)."""
        self.conn.execute("DELETE FROM project WHERE key = ?", (key,))

    # -- entity spans ----------------------------------------------------------------------------------
    def insert_span(self, row: Mapping[str, Any]) -> int:
        """Insert one entity row (``span_row``, or a row copied whole) in the open transaction; its new id."""
        return int(self.conn.execute(_INSERT_ENTITY, [row[c] for c in ENTITY_COLUMNS]).lastrowid)

    def insert_spans(self, rows: Iterable[Mapping[str, Any]]) -> int:
        """Insert many entity rows at once in the open transaction; how many."""
        values = [[r[c] for c in ENTITY_COLUMNS] for r in rows]
        self.conn.executemany(_INSERT_ENTITY, values)
        return len(values)

    def insert_span_values(self, values: Sequence[Any]) -> int:
        """Insert one entity row given as its values in ``ENTITY_COLUMNS`` order (an import's, made before its
        transaction: ``import_rows``); its new id."""
        return int(self.conn.execute(_INSERT_ENTITY, values).lastrowid)

    def insert_spans_values(self, rows: Iterable[Sequence[Any]]) -> None:
        """Insert entity rows given as their values in ``ENTITY_COLUMNS`` order, at once."""
        self.conn.executemany(_INSERT_ENTITY, rows)

    def insert_event_values(self, values: Sequence[Any]) -> int:
        """Insert one event row given as its values in ``EVENT_COLUMNS`` order; its new id."""
        return int(self.conn.execute(_INSERT_EVENT, values).lastrowid)

    def insert_event(self, row: Mapping[str, Any]) -> int:
        """Insert one event row (``event_row``, or a row copied whole) in the open transaction; its new id."""
        return int(self.conn.execute(_INSERT_EVENT, [row[c] for c in EVENT_COLUMNS]).lastrowid)

    def give_attribute(self, name: str, value: str) -> int:
        """Give every event without a value of the attribute ``name`` the value ``value`` in the open transaction (an
        attribute added to the schema: its default, as a migration of the data gives a new column's); how many."""
        return self.conn.execute(
            "UPDATE events SET attributes = json_set(attributes, '$.' || json_quote(?1), ?2) "
            "WHERE json_type(attributes, '$.' || json_quote(?1)) IS NULL",
            (name, value),
        ).rowcount

    def insert_arguments(self, rows: Iterable[tuple[int, str, int, str | None, str]]) -> int:
        """Insert arguments, each (event id, role, entity id, annotator, created at), in the open transaction; how
        many."""
        values = list(rows)
        self.conn.executemany(
            "INSERT INTO arguments (event_id, role, entity_id, annotator, created_at) VALUES (?, ?, ?, ?, ?)", values
        )
        return len(values)

    # -- documents ---------------------------------------------------------------------------------------
    def document_state(self, doc_id: int) -> tuple[str, str] | None:
        """(sha256, status) of a document, or None when it is not (or no longer) there."""
        r = self.conn.execute("SELECT sha256, status FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return (r[0], r[1]) if r is not None else None

    def document_text(self, doc_id: int) -> str | None:
        """The stored text of a document, or None when there is no such document."""
        r = self.conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return r[0] if r is not None else None

    def text_named(self, name: str) -> str | None:
        """The stored text of the document named ``name`` (the first, if several share it), or None."""
        r = self.conn.execute("SELECT text FROM documents WHERE name = ? ORDER BY id LIMIT 1", (name,)).fetchone()
        return r[0] if r is not None else None

    def all_texts(self) -> Iterator[str]:
        """Every stored text, one at a time (a walk over the whole file: for a search no index serves)."""
        return (r[0] for r in self.conn.execute("SELECT text FROM documents"))

    def document_digests(self) -> dict[int, str]:
        """Document id -> the sha256 of its text."""
        return dict(self.conn.execute("SELECT id, sha256 FROM documents").fetchall())

    def sets_with_rows(self, doc_id: int) -> set[str]:
        """The annotation sets holding an entity or an event of a document."""
        return {
            r[0]
            for r in self.conn.execute(
                "SELECT annotation_set FROM entities WHERE document_id = ? UNION "
                "SELECT annotation_set FROM events WHERE document_id = ?",
                (doc_id, doc_id),
            )
        }

    def progress(self) -> tuple[int, int]:
        """(reviewed, total) documents."""
        r = self.conn.execute("SELECT sum(status = 'reviewed'), count(*) FROM documents").fetchone()
        return int(r[0] or 0), int(r[1] or 0)

    def documents_without_tokens(self) -> list[int]:
        """Ids of the documents never pre-annotated (no stored tokens), in order."""
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT id FROM documents WHERE id NOT IN (SELECT document_id FROM tokens) ORDER BY id"
            )
        ]

    def new_documents(self, annotation_set: str) -> tuple[list[int], list[int]]:
        """(the documents to pre-annotate as new, the new ones held back), in order: new is never pre-annotated
        (no stored tokens); held back, one that came with suggestions in ``annotation_set`` (an import's
        predictions, kept as they came): what ``preannotate(only_new=True)`` and the app's after an open do."""
        without = self.documents_without_tokens()
        held = self.documents_with_suggestions(without, annotation_set)
        return [i for i in without if i not in held], sorted(held)

    def documents_with_suggestions(self, doc_ids: Iterable[int], annotation_set: str) -> set[int]:
        """Those of ``doc_ids`` that hold an undecided entity or event suggestion in ``annotation_set`` (an import's
        predictions, in a document never pre-annotated)."""
        ids = list(doc_ids)
        out: set[int] = set()
        for k in range(0, len(ids), 500):
            part = ids[k : k + 500]
            marks = ", ".join("?" * len(part))
            for table in ("entities", "events"):
                out.update(
                    r[0]
                    for r in self.conn.execute(
                        f"SELECT DISTINCT document_id FROM {table} WHERE document_id IN ({marks}) "
                        "AND annotation_set = ? AND state = 'suggested'",
                        (*part, annotation_set),
                    )
                )
        return out
