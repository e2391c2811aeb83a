"""What merging an annotator's file reads from it (the source, opened read-only) and writes into the team's
project (the target): a set's rows copied whole, the schema checks' distinct labels and types, the near-duplicate
index's texts, the record of each source file and the model's original suggestions it carried."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

from annotator.queries.columns import ENTITY_COLUMNS, EVENT_COLUMNS

_IN_SET = "document_id = ? AND annotation_set = ?"


class MergeRows:
    conn: sqlite3.Connection

    # -- a source: who made its set, what its set uses -------------------------------------------------
    def annotator_counts(self, annotation_set: str) -> list[tuple[str, int]]:
        """(annotator, how many rows) over the set's entities, events and arguments (each table's counts in
        turn; rows without an annotator left out)."""
        out: list[tuple[str, int]] = []
        for sql in (
            "SELECT annotator, count(*) FROM entities WHERE annotation_set = ? AND annotator IS NOT NULL "
            "GROUP BY annotator",
            "SELECT annotator, count(*) FROM events WHERE annotation_set = ? AND annotator IS NOT NULL "
            "GROUP BY annotator",
            "SELECT a.annotator, count(*) FROM arguments a JOIN events v ON v.id = a.event_id "
            "WHERE v.annotation_set = ? AND a.annotator IS NOT NULL GROUP BY a.annotator",
        ):
            out.extend(self.conn.execute(sql, (annotation_set,)).fetchall())
        return out

    def labels_in_set(self, annotation_set: str) -> list[str]:
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT DISTINCT label FROM entities WHERE annotation_set = ?", (annotation_set,)
            )
        ]

    def event_types_in_set(self, annotation_set: str) -> list[str]:
        return [
            r[0]
            for r in self.conn.execute("SELECT DISTINCT type FROM events WHERE annotation_set = ?", (annotation_set,))
        ]

    def attributes_in_set(self, annotation_set: str) -> list[str | None]:
        """The distinct attributes (JSON text) of the set's events."""
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT DISTINCT attributes FROM events WHERE annotation_set = ?", (annotation_set,)
            )
        ]

    def fillers_in_set(self, annotation_set: str) -> list[tuple[str, str, str]]:
        """The distinct (event type, role, its filler's label) of the set's arguments."""
        return self.conn.execute(
            "SELECT DISTINCT v.type, a.role, n.label FROM arguments a JOIN events v ON v.id = a.event_id "
            "JOIN entities n ON n.id = a.entity_id WHERE v.annotation_set = ?",
            (annotation_set,),
        ).fetchall()

    def stray_arguments(self, annotation_set: str) -> int:
        """How many of the set's arguments are filled by an entity of another document or set."""
        return self.conn.execute(
            "SELECT count(*) FROM arguments a JOIN events v ON v.id = a.event_id JOIN entities n ON n.id = a.entity_id "
            "WHERE v.annotation_set = ? AND (n.document_id != v.document_id OR n.annotation_set != v.annotation_set)",
            (annotation_set,),
        ).fetchone()[0]

    def document_list(self) -> list[tuple[int, str, str, str]]:
        """(id, name, sha256, status) of every document, in order."""
        return self.conn.execute("SELECT id, name, sha256, status FROM documents ORDER BY id").fetchall()

    def named_texts(self) -> Iterator[tuple[int, str, str]]:
        """(id, name, text) of every document, in id order, one at a time."""
        return iter(self.conn.execute("SELECT id, name, text FROM documents ORDER BY id"))

    # -- a source document's set, copied whole ---------------------------------------------------------
    def document_row(self, doc_id: int) -> tuple[Any, ...]:
        """(id, name, text, sha256, status, meta, bom, source_path) of a document."""
        return self.conn.execute(
            "SELECT id, name, text, sha256, status, meta, bom, source_path FROM documents WHERE id = ?", (doc_id,)
        ).fetchone()

    def token_row(self, doc_id: int) -> tuple[str, str, str, str, str | None, int | None] | None:
        """(pipeline, starts, ends, sentence starts, noun heads, their rules' version) of a document's tokens as
        stored, or None."""
        return self.conn.execute(
            "SELECT pipeline, starts, ends, sentence_starts, noun_heads, heads_version FROM tokens WHERE document_id = ?",
            (doc_id,),
        ).fetchone()

    def add_noun_heads(
        self, doc_id: int, starts: str, ends: str, noun_heads: str, heads_version: int | None = None
    ) -> None:
        """Give a document's stored tokens the parse's ``noun_heads`` (found by rules of ``heads_version``) where they
        have none and are cut at the same ``starts`` and ``ends`` (a copy's: the heads were found on those tokens)."""
        self.conn.execute(
            "UPDATE tokens SET noun_heads = ?, heads_version = ? WHERE document_id = ? AND noun_heads IS NULL "
            "AND starts = ? AND ends = ?",
            (noun_heads, heads_version, doc_id, starts, ends),
        )

    def entity_rows_in_set(self, doc_id: int, annotation_set: str) -> list[tuple[Any, ...]]:
        """(id, ENTITY_COLUMNS[2:] ...) of the document's entities in the set, by id: the bookkeeping too."""
        return self.conn.execute(
            f"SELECT id, {', '.join(f'[{c}]' for c in ENTITY_COLUMNS[2:])} FROM entities WHERE {_IN_SET} ORDER BY id",
            (doc_id, annotation_set),
        ).fetchall()

    def event_rows_in_set(self, doc_id: int, annotation_set: str) -> list[tuple[Any, ...]]:
        """(id, EVENT_COLUMNS[2:] ...) of the document's events in the set, by id."""
        return self.conn.execute(
            f"SELECT id, {', '.join(f'[{c}]' for c in EVENT_COLUMNS[2:])} FROM events WHERE {_IN_SET} ORDER BY id",
            (doc_id, annotation_set),
        ).fetchall()

    def argument_rows_in_set(self, doc_id: int, annotation_set: str) -> list[tuple[int, str, int, str | None, str]]:
        """(event id, role, entity id, annotator, created at) of the arguments of the document's events in the set."""
        return self.conn.execute(
            "SELECT a.event_id, a.role, a.entity_id, a.annotator, a.created_at FROM arguments a JOIN events v "
            "ON v.id = a.event_id WHERE v.document_id = ? AND v.annotation_set = ? ORDER BY a.id",
            (doc_id, annotation_set),
        ).fetchall()

    def has_comment(self, doc_id: int, author: str | None, text: str, created_at: str | None) -> bool:
        return (
            self.conn.execute(
                "SELECT 1 FROM comments WHERE document_id = ? AND author IS ? AND text = ? AND created_at IS ?",
                (doc_id, author, text, created_at),
            ).fetchone()
            is not None
        )

    # -- the target ------------------------------------------------------------------------------------
    def digests_in_set(self, annotation_set: str) -> list[str]:
        """The sha256 of the documents with an entity or an event in the set."""
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT d.sha256 FROM documents d WHERE EXISTS (SELECT 1 FROM entities WHERE document_id = d.id "
                "AND annotation_set = ?) OR EXISTS (SELECT 1 FROM events WHERE document_id = d.id AND annotation_set = ?)",
                (annotation_set, annotation_set),
            )
        ]

    def delete_set_rows(self, doc_id: int, annotation_set: str) -> int:
        """Delete the document's entities and events in the set, and their events' arguments (arguments of other
        sets never point at this set's entities: the core refuses that); how many entities and events."""
        self.conn.execute(
            f"DELETE FROM arguments WHERE event_id IN (SELECT id FROM events WHERE {_IN_SET})", (doc_id, annotation_set)
        )
        n = self.conn.execute(f"DELETE FROM events WHERE {_IN_SET}", (doc_id, annotation_set)).rowcount
        return n + self.conn.execute(f"DELETE FROM entities WHERE {_IN_SET}", (doc_id, annotation_set)).rowcount

    # -- where a merged set came from (teams.provenance) ----------------------------------------------
    def merge_sources(self, annotation_set: str) -> list[tuple[int, str, str, bytes]]:
        """(id, annotation set, path, history) of the files the set was merged from."""
        return self.conn.execute(
            "SELECT id, annotation_set, path, history FROM merge_sources WHERE annotation_set = ?", (annotation_set,)
        ).fetchall()

    def merge_sources_of_other_sets(self, annotation_set: str) -> list[tuple[int, str, str, bytes]]:
        """(id, annotation set, path, history) of the files every other set was merged from."""
        return self.conn.execute(
            "SELECT id, annotation_set, path, history FROM merge_sources WHERE annotation_set != ? ORDER BY id",
            (annotation_set,),
        ).fetchall()

    def save_merge_source(
        self, record_id: int | None, annotation_set: str, values: tuple[str, bytes, int, str, str | None]
    ) -> int:
        """Insert (``record_id`` None) or update a source file's record, ``values`` (path, history, its rows, merged
        at, merged by); its id."""
        if record_id is None:
            cur = self.conn.execute(
                "INSERT INTO merge_sources (annotation_set, path, history, log_rows, merged_at, merged_by) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (annotation_set, *values),
            )
            return int(cur.lastrowid)
        self.conn.execute(
            "UPDATE merge_sources SET path = ?, history = ?, log_rows = ?, merged_at = ?, merged_by = ? WHERE id = ?",
            (*values, record_id),
        )
        return record_id

    def replace_merged_suggestions(
        self, doc_id: int, annotation_set: str, spans: list[tuple[int, int, str, str]]
    ) -> None:
        """The model's original suggestions of a merged document's set, (start, end, label, source) each, over
        those stored."""
        self.conn.execute(f"DELETE FROM merged_suggestions WHERE {_IN_SET}", (doc_id, annotation_set))
        self.conn.executemany(
            "INSERT INTO merged_suggestions (document_id, annotation_set, start, end, label, source) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(doc_id, annotation_set, *s) for s in spans],
        )

    def merged_suggestions(self, doc_id: int, annotation_set: str) -> list[tuple[int, int, str, str]]:
        return self.conn.execute(
            f"SELECT start, end, label, source FROM merged_suggestions WHERE {_IN_SET} ORDER BY start, end, label, source",
            (doc_id, annotation_set),
        ).fetchall()

    # -- what the model suggested (teams.model_quality) -----------------------------------------------
    def entity_origins(self, doc_id: int, annotation_set: str) -> list[tuple[int, int, int, str, str, int, str]]:
        """(id, start, end, label, source, edited, created at) of the document's entities in the set."""
        return self.conn.execute(
            f"SELECT id, start, end, label, source, edited, created_at FROM entities WHERE {_IN_SET}",
            (doc_id, annotation_set),
        ).fetchall()

    def document_statuses(self) -> list[tuple[int, str, str | None]]:
        """(id, status, meta as stored) of every document, in order."""
        return self.conn.execute("SELECT id, status, meta FROM documents ORDER BY id").fetchall()
