"""What pre-annotation's suggestion writer reads and replaces: a document's suggestions and what people decided
there, and the record of a run."""

from __future__ import annotations

import sqlite3

_UNDECIDED = "document_id = ? AND annotation_set = ? AND state = 'suggested' AND edited = 0"


class SuggestionRows:
    conn: sqlite3.Connection

    def clear_undecided(self, doc_id: int, annotation_set: str, *, events: bool = True) -> tuple[int, int]:
        """Delete a document's undecided, unedited suggestions in the set: events with their arguments (when
        ``events``), then the entities no remaining event uses; (events deleted, entities deleted)."""
        removed_events = 0
        if events:
            self.conn.execute(
                f"DELETE FROM arguments WHERE event_id IN (SELECT id FROM events WHERE {_UNDECIDED})",
                (doc_id, annotation_set),
            )
            removed_events = self.conn.execute(
                f"DELETE FROM events WHERE {_UNDECIDED}", (doc_id, annotation_set)
            ).rowcount
        removed = self.conn.execute(
            f"DELETE FROM entities WHERE {_UNDECIDED} AND id NOT IN (SELECT entity_id FROM arguments)",
            (doc_id, annotation_set),
        ).rowcount
        return removed_events, removed

    def same_suggestion(
        self, doc_id: int, annotation_set: str, start: int, end: int, label: str, after: int
    ) -> int | None:
        """The id of an undecided, unedited suggestion with these offsets and label made after the row ``after``
        (a pre-annotation run that replaced that one by the very same), else None."""
        row = self.conn.execute(
            f"SELECT id FROM entities WHERE {_UNDECIDED} AND start = ? AND end = ? AND label = ? AND id > ? "
            "ORDER BY id LIMIT 1",
            (doc_id, annotation_set, start, end, label, after),
        ).fetchone()
        return None if row is None else int(row[0])

    def same_event_suggestion(
        self, doc_id: int, annotation_set: str, trigger: tuple[int, int], type_: str, roles: list[str], after: int
    ) -> int | None:
        """The id of an undecided, unedited event suggestion with this trigger and type, whose arguments fill the
        same ``roles`` (sorted), made after the row ``after`` (a run that replaced that one by the same), else None."""
        for event_id in self.event_suggestions_at(doc_id, annotation_set, trigger, type_, after):
            if self.roles_filled(event_id) == roles:
                return event_id
        return None

    def event_suggestions_at(
        self, doc_id: int, annotation_set: str, trigger: tuple[int, int], type_: str, after: int
    ) -> list[int]:
        """The ids of the undecided, unedited event suggestions with this trigger and type made after the row
        ``after``, oldest first."""
        return [
            int(r[0])
            for r in self.conn.execute(
                f"SELECT id FROM events WHERE {_UNDECIDED} AND trigger_start = ? AND trigger_end = ? AND type = ? "
                "AND id > ? ORDER BY id",
                (doc_id, annotation_set, trigger[0], trigger[1], type_, after),
            )
        ]

    def roles_filled(self, event_id: int) -> list[str]:
        """The roles an event's arguments fill, sorted (a role filled twice, twice)."""
        return [
            r[0] for r in self.conn.execute("SELECT role FROM arguments WHERE event_id = ? ORDER BY role", (event_id,))
        ]

    def argument_filling(self, event_id: int, role: str, entity_id: int) -> int | None:
        """The id of the event's argument that fills ``role`` with the entity, else None."""
        row = self.conn.execute(
            "SELECT id FROM arguments WHERE event_id = ? AND role = ? AND entity_id = ? ORDER BY id LIMIT 1",
            (event_id, role, entity_id),
        ).fetchone()
        return None if row is None else int(row[0])

    def entity_marks(self, doc_id: int, annotation_set: str) -> list[tuple[int, int, int, str, str, int]]:
        """(id, start, end, label, state, edited) of the document's entities in the set."""
        return self.conn.execute(
            "SELECT id, start, end, label, state, edited FROM entities WHERE document_id = ? AND annotation_set = ?",
            (doc_id, annotation_set),
        ).fetchall()

    def event_marks(self, doc_id: int, annotation_set: str) -> list[tuple[int, int, str, str, int]]:
        """(trigger start, trigger end, type, state, edited) of the document's events in the set."""
        return self.conn.execute(
            "SELECT trigger_start, trigger_end, type, state, edited FROM events WHERE document_id = ? "
            "AND annotation_set = ?",
            (doc_id, annotation_set),
        ).fetchall()

    def record_pipeline_run(
        self,
        started_at: str,
        finished_at: str,
        pipeline: str,
        version: str,
        documents: int,
        suggestions: int,
        skipped_labels: str,
    ) -> None:
        """Record a pre-annotation run (``skipped_labels`` as JSON text) in the open transaction."""
        self.conn.execute(
            "INSERT INTO pipeline_runs (started_at, finished_at, pipeline, version, documents, suggestions, "
            "skipped_labels) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (started_at, finished_at, pipeline, version, documents, suggestions, skipped_labels),
        )
