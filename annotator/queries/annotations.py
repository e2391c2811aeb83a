"""Reads of entity spans, events and their arguments for the annotation API (edits, edits_flow, decisions):
what an edit looks at before and inside its transaction."""

from __future__ import annotations

import sqlite3
from typing import Iterable


def _scored(min_score: float | None) -> tuple[str, tuple[float, ...]]:
    """A suggestion's minimum score as a condition and its value (none: every suggestion)."""
    return ("", ()) if min_score is None else (" AND score >= ?", (min_score,))


class AnnotationReads:
    conn: sqlite3.Connection

    # -- entity spans ----------------------------------------------------------------------------------
    def has_span(self, doc_id: int, annotation_set: str, start: int, end: int, label: str) -> bool:
        """Whether ``start``-``end`` is a ``label`` span of the document in the set already (not rejected)."""
        return (
            self.conn.execute(
                "SELECT 1 FROM entities WHERE document_id = ? AND annotation_set = ? AND start = ? AND end = ? "
                "AND label = ? AND state != 'rejected'",
                (doc_id, annotation_set, start, end, label),
            ).fetchone()
            is not None
        )

    def suggested_entities(self, doc_id: int, annotation_set: str, min_score: float | None = None) -> list[int]:
        """Ids of the document's undecided entity suggestions in the set (with ``min_score``: scored at least
        that), in order."""
        return self._suggested("entities", doc_id, annotation_set, min_score)

    def entity_state(self, entity_id: int) -> str | None:
        """An entity's state, or None when it is not (or no longer) there."""
        return self._state("entities", entity_id)

    def is_lone_suggestion(self, entity_id: int, source: str) -> bool:
        """Whether an entity is a suggestion of ``source`` nobody edited that fills no role (made only to fill
        roles that are gone)."""
        return (
            self.conn.execute(
                "SELECT 1 FROM entities WHERE id = ? AND state = 'suggested' AND edited = 0 AND source = ? "
                "AND NOT EXISTS (SELECT 1 FROM arguments WHERE entity_id = ?)",
                (entity_id, source, entity_id),
            ).fetchone()
            is not None
        )

    # -- events ----------------------------------------------------------------------------------------
    def suggested_events(self, doc_id: int, annotation_set: str, min_score: float | None = None) -> list[int]:
        """Ids of the document's undecided event suggestions in the set, as ``suggested_entities``."""
        return self._suggested("events", doc_id, annotation_set, min_score)

    def suggested_of_kinds(self, table: str, doc_id: int, annotation_set: str, kinds: Iterable[str]) -> list[int]:
        """Ids of the document's undecided suggestions in ``table`` whose label (entities) or type (events) is one
        of ``kinds``, in order."""
        column = {"entities": "label", "events": "type"}[table]
        wanted = sorted(set(kinds))
        marks = ", ".join("?" * len(wanted))
        sql = (
            f"SELECT id FROM {table} WHERE document_id = ? AND annotation_set = ? AND state = 'suggested' "
            f"AND {column} IN ({marks}) ORDER BY id"
        )
        return [r[0] for r in self.conn.execute(sql, (doc_id, annotation_set, *wanted))]

    def event_state(self, event_id: int) -> str | None:
        """An event's state, or None when it is not (or no longer) there."""
        return self._state("events", event_id)

    def places_of(self, table: str, row_ids: Iterable[int]) -> dict[int, tuple[int, str, str]]:
        """Row id -> (document id, annotation set, state) of those of ``row_ids`` that are rows of ``table``
        (entities or events); an id that is not there is not in it."""
        wanted = sorted(set(row_ids))
        found: dict[int, tuple[int, str, str]] = {}
        for k in range(0, len(wanted), 500):  # SQLite's bound parameters: a few hundred at a time
            part = wanted[k : k + 500]
            sql = (
                f"SELECT id, document_id, annotation_set, state FROM {table} WHERE id IN ({', '.join('?' * len(part))})"
            )
            found.update((r[0], (r[1], r[2], r[3])) for r in self.conn.execute(sql, part))
        return found

    def _suggested(self, table: str, doc_id: int, annotation_set: str, min_score: float | None) -> list[int]:
        """Ids of the document's undecided suggestions in ``table`` (entities or events), in order."""
        cond, value = _scored(min_score)
        sql = f"SELECT id FROM {table} WHERE document_id = ? AND annotation_set = ? AND state = 'suggested'{cond} "
        return [r[0] for r in self.conn.execute(sql + "ORDER BY id", (doc_id, annotation_set, *value))]

    def _state(self, table: str, row_id: int) -> str | None:
        """A row's state in ``table`` (entities or events), or None when it is not there."""
        r = self.conn.execute(f"SELECT state FROM {table} WHERE id = ?", (row_id,)).fetchone()
        return r[0] if r is not None else None

    def event_source(self, event_id: int) -> str:
        """What made an event (``human``, a pipeline, an import)."""
        return self.conn.execute("SELECT source FROM events WHERE id = ?", (event_id,)).fetchone()[0]

    def trigger_text(self, event_id: int) -> str:
        """The words of an event's trigger."""
        return self.conn.execute(
            "SELECT substr(d.text, v.trigger_start + 1, v.trigger_end - v.trigger_start) "
            "FROM events v JOIN documents d ON d.id = v.document_id WHERE v.id = ?",
            (event_id,),
        ).fetchone()[0]

    # -- arguments -------------------------------------------------------------------------------------
    def arguments_of_entity(self, entity_id: int) -> list[int]:
        """Ids of the arguments an entity fills."""
        return [
            r[0] for r in self.conn.execute("SELECT id FROM arguments WHERE entity_id = ? ORDER BY id", (entity_id,))
        ]

    def roles_of_entity(self, entity_id: int) -> list[tuple[int, str, str]]:
        """(argument id, role, its event's type) of the arguments an entity fills, in order."""
        return [
            (r[0], r[1], r[2])
            for r in self.conn.execute(
                "SELECT a.id, a.role, v.type FROM arguments a JOIN events v ON v.id = a.event_id "
                "WHERE a.entity_id = ? ORDER BY a.id",
                (entity_id,),
            )
        ]

    def fills_no_role(self, entity_id: int) -> bool:
        """Whether an entity is in no event's arguments."""
        return self.conn.execute("SELECT 1 FROM arguments WHERE entity_id = ? LIMIT 1", (entity_id,)).fetchone() is None

    def fills_a_decided_role(self, entity_id: int) -> bool:
        """Whether an entity fills a role of an event a person decided on (accepted or added): a role of a suggested
        event is nobody's decision yet."""
        row = self.conn.execute(
            "SELECT 1 FROM arguments a JOIN events v ON v.id = a.event_id"
            " WHERE a.entity_id = ? AND v.state != 'suggested' LIMIT 1",
            (entity_id,),
        ).fetchone()
        return row is not None

    def arguments_of_event(self, event_id: int) -> list[tuple[int, int]]:
        """(argument id, entity id) of an event's arguments, in order."""
        return [
            (r[0], r[1])
            for r in self.conn.execute(
                "SELECT id, entity_id FROM arguments WHERE event_id = ? ORDER BY id", (event_id,)
            )
        ]

    def role_fillers(self, event_id: int, role: str) -> list[tuple[int, int]]:
        """(argument id, entity id) of the arguments filling ``role`` of an event, in order."""
        return [
            (r[0], r[1])
            for r in self.conn.execute(
                "SELECT id, entity_id FROM arguments WHERE event_id = ? AND role = ? ORDER BY id", (event_id, role)
            )
        ]

    def argument_labels(self, event_id: int) -> list[tuple[int, str, str]]:
        """(argument id, role, its entity's label) of an event's arguments, in order."""
        return [
            (r[0], r[1], r[2])
            for r in self.conn.execute(
                "SELECT a.id, a.role, e.label FROM arguments a JOIN entities e ON e.id = a.entity_id "
                "WHERE a.event_id = ? ORDER BY a.id",
                (event_id,),
            )
        ]

    def suggested_fillers(self, event_id: int) -> list[int]:
        """Ids of the entity suggestions (undecided) filling roles of an event, in order."""
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT DISTINCT a.entity_id FROM arguments a JOIN entities e ON e.id = a.entity_id "
                "WHERE a.event_id = ? AND e.state = 'suggested' ORDER BY a.entity_id",
                (event_id,),
            )
        ]

    def roles_in_suggested_events(self, entity_id: int) -> list[int]:
        """Ids of the arguments an entity fills in undecided event suggestions."""
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT a.id FROM arguments a JOIN events v ON v.id = a.event_id "
                "WHERE a.entity_id = ? AND v.state = 'suggested' ORDER BY a.id",
                (entity_id,),
            )
        ]
