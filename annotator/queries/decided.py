"""Reads of what people decided in a document (accepted or added entities and events; the rejected and undecided
ones where asked): the examples learning takes (``learn.data``) and what agreement compares (``teams.sets``)."""

from __future__ import annotations

import sqlite3

DECIDED = "('accepted', 'added')"  # a person's: accepted suggestions and hand-made ones


class DecidedReads:
    conn: sqlite3.Connection

    def entity_decisions(self, doc_id: int, annotation_set: str) -> list[tuple[int, int, int, str, str]]:
        """(id, start, end, label, state) of every entity of the document in the set, by offsets."""
        return self.conn.execute(
            "SELECT id, start, end, label, state FROM entities WHERE document_id = ? AND annotation_set = ? "
            "ORDER BY start, end",
            (doc_id, annotation_set),
        ).fetchall()

    def suggested_event_count(self, doc_id: int, annotation_set: str) -> int:
        """How many undecided event suggestions the document has in the set."""
        return self.conn.execute(
            "SELECT count(*) FROM events WHERE document_id = ? AND annotation_set = ? AND state = 'suggested'",
            (doc_id, annotation_set),
        ).fetchone()[0]

    def event_triggers(
        self, doc_id: int, annotation_set: str, decided_only: bool = True
    ) -> list[tuple[int, str, int, int]]:
        """(id, type, trigger start, trigger end) of the document's events in the set, by trigger; with
        ``decided_only``, a person's (accepted or added) only (an older file's events have no state: all)."""
        where = f" AND state IN {DECIDED}" if decided_only else ""
        return self.conn.execute(
            f"SELECT id, type, trigger_start, trigger_end FROM events WHERE document_id = ? AND annotation_set = ?"
            f"{where} ORDER BY trigger_start",
            (doc_id, annotation_set),
        ).fetchall()

    def event_type_decisions(self, annotation_set: str) -> list[tuple[str, int, int]]:
        """(type, events kept: accepted or added, events rejected) of every event type a person decided on in the
        set, over all documents (what ``learn.decision_prior`` counts)."""
        return self.conn.execute(
            f"SELECT type, sum(state IN {DECIDED}), sum(state = 'rejected') FROM events WHERE annotation_set = ? "
            "AND state != 'suggested' GROUP BY type ORDER BY type",
            (annotation_set,),
        ).fetchall()

    def argument_roles(self, event_id: int) -> list[tuple[str, int]]:
        """(role, entity id) of an event's arguments."""
        return self.conn.execute("SELECT role, entity_id FROM arguments WHERE event_id = ?", (event_id,)).fetchall()

    def decided_spans(self, doc_id: int, annotation_set: str) -> list[tuple[int, int, str, int]]:
        """(start, end, label, id) of a person's entities (accepted or added) of the document in the set, sorted."""
        return self.conn.execute(
            "SELECT start, end, label, id FROM entities WHERE document_id = ? AND annotation_set = ? "
            f"AND state IN {DECIDED} ORDER BY start, end, label, id",
            (doc_id, annotation_set),
        ).fetchall()

    def decided_events(self, doc_id: int, annotation_set: str) -> list[tuple[int, str, int, int, str | None]]:
        """(id, type, trigger start, trigger end, attributes as stored) of a person's events (accepted or added) of
        the document in the set, sorted."""
        return self.conn.execute(
            "SELECT id, type, trigger_start, trigger_end, attributes FROM events WHERE document_id = ? "
            f"AND annotation_set = ? AND state IN {DECIDED} ORDER BY trigger_start, trigger_end, type, id",
            (doc_id, annotation_set),
        ).fetchall()

    def decided_event_arguments(self, doc_id: int, annotation_set: str) -> list[tuple[int, str, int, int, str]]:
        """(event id, role, start, end, label) of the arguments of a person's events of the document in the set."""
        return self.conn.execute(
            "SELECT a.event_id, a.role, n.start, n.end, n.label FROM arguments a JOIN events v ON v.id = a.event_id "
            "JOIN entities n ON n.id = a.entity_id WHERE v.document_id = ? AND v.annotation_set = ? "
            f"AND v.state IN {DECIDED} ORDER BY a.id",
            (doc_id, annotation_set),
        ).fetchall()

    def documents_with_decisions(self, annotation_set: str) -> set[int]:
        """Ids of the documents holding a person's decision in the set: an entity or an event that is anything but
        a suggestion nobody decided on (the copies handed out were pre-annotated: every document of an annotator's
        file holds suggestions, worked on or not)."""
        return {
            r[0]
            for r in self.conn.execute(
                "SELECT document_id FROM entities WHERE annotation_set = ? AND state != 'suggested' UNION "
                "SELECT document_id FROM events WHERE annotation_set = ? AND state != 'suggested'",
                (annotation_set, annotation_set),
            )
        }

    def decisions_by_document(self) -> list[tuple[int, str]]:
        """(document id, annotation set) of every document and set holding a person's decision there (as
        ``documents_with_decisions``): one pass over each table for the whole project."""
        return self.conn.execute(
            "SELECT document_id, annotation_set FROM entities WHERE state != 'suggested' UNION "
            "SELECT document_id, annotation_set FROM events WHERE state != 'suggested'"
        ).fetchall()

    def sets_with_decisions(self, doc_id: int) -> set[str]:
        """The annotation sets holding a person's decision in a document (as ``documents_with_decisions``)."""
        return {
            r[0]
            for r in self.conn.execute(
                "SELECT annotation_set FROM entities WHERE document_id = ? AND state != 'suggested' UNION "
                "SELECT annotation_set FROM events WHERE document_id = ? AND state != 'suggested'",
                (doc_id, doc_id),
            )
        }
