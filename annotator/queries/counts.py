"""Counts over a project for ``annotator.stats``: documents by status, entities and events by label or type and
state, arguments, scored suggestions, the last pre-annotation runs."""

from __future__ import annotations

import sqlite3
from typing import Any


class CountReads:
    conn: sqlite3.Connection

    def document_count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM documents").fetchone()[0]

    def documents_by_status(self) -> dict[str, int]:
        """Status -> how many documents have it, by status."""
        return dict(self.conn.execute("SELECT status, count(*) FROM documents GROUP BY status ORDER BY status"))

    def entities_by_label_and_state(self, annotation_set: str) -> list[tuple[str, str, int]]:
        """(label, state, how many) of the set's entities, by label and state."""
        return self.conn.execute(
            "SELECT label, state, count(*) FROM entities WHERE annotation_set = ? GROUP BY label, state "
            "ORDER BY label, state",
            (annotation_set,),
        ).fetchall()

    def events_by_type_and_state(self, annotation_set: str) -> list[tuple[str, str, int]]:
        """(type, state, how many) of the set's events, by type and state."""
        return self.conn.execute(
            "SELECT type, state, count(*) FROM events WHERE annotation_set = ? GROUP BY type, state "
            "ORDER BY type, state",
            (annotation_set,),
        ).fetchall()

    def scored_suggestions(self, annotation_set: str) -> dict[str, int]:
        """{"entities": n, "events": m}: the set's undecided suggestions that carry their suggester's score."""
        return {
            table: self.conn.execute(
                f"SELECT count(*) FROM {table} WHERE annotation_set = ? AND state = 'suggested' AND score IS NOT NULL",
                (annotation_set,),
            ).fetchone()[0]
            for table in ("entities", "events")
        }

    def argument_count(self, annotation_set: str) -> int:
        """How many arguments the set's events have."""
        return self.conn.execute(
            "SELECT count(*) FROM arguments a JOIN events v ON v.id = a.event_id WHERE v.annotation_set = ?",
            (annotation_set,),
        ).fetchone()[0]

    def pipeline_runs(self, last: int = 5) -> list[dict[str, Any]]:
        """The ``last`` pre-annotation runs, newest first: pipeline, version, finished_at, documents, suggestions."""
        return [
            {"pipeline": r[0], "version": r[1], "finished_at": r[2], "documents": r[3], "suggestions": r[4]}
            for r in self.conn.execute(
                "SELECT pipeline, version, finished_at, documents, suggestions FROM pipeline_runs "
                "ORDER BY id DESC LIMIT ?",
                (last,),
            )
        ]
