"""Reads of one document's spans and events a page at a time, by id, for a long document whose rows the app reads
after its text is shown (``annotator.held.HeldDocument.read_more``): each page a short read, the event loop free
between two."""

from __future__ import annotations

import sqlite3

from annotator.model import ARGUMENT_FIELDS, ENTITY_FIELDS, EVENT_COLUMNS, Argument, Entity, Event

_ENTITY_SELECT = ", ".join(f"[{c}]" for c in ENTITY_FIELDS)
_EVENT_SELECT = ", ".join(f"[{c}]" for c in EVENT_COLUMNS)
_ARGUMENT_SELECT = ", ".join(f"a.[{c}]" for c in ARGUMENT_FIELDS)


class HeldPageReads:
    conn: sqlite3.Connection

    def annotation_count(self, doc_id: int, annotation_set: str) -> int:
        """How many spans and events the document has in the set (two counts on their indexes)."""
        return sum(
            self.conn.execute(
                f"SELECT count(*) FROM {table} WHERE document_id = ? AND annotation_set = ?", (doc_id, annotation_set)
            ).fetchone()[0]
            for table in ("entities", "events")
        )

    def entity_page(self, doc_id: int, annotation_set: str, after_id: int, limit: int) -> list[Entity]:
        """Up to ``limit`` of the document's spans in the set whose id is past ``after_id``, by id."""
        return Entity.from_values(
            self.conn.execute(
                f"SELECT {_ENTITY_SELECT} FROM entities WHERE document_id = ? AND annotation_set = ? AND id > ? "
                "ORDER BY id LIMIT ?",
                (doc_id, annotation_set, after_id, limit),
            )
        )

    def event_page(self, doc_id: int, annotation_set: str, after_id: int, limit: int) -> list[Event]:
        """Up to ``limit`` of the document's events in the set whose id is past ``after_id``, by id, each with its
        arguments."""
        cur = self.conn.execute(
            f"SELECT {_EVENT_SELECT} FROM events WHERE document_id = ? AND annotation_set = ? AND id > ? "
            "ORDER BY id LIMIT ?",
            (doc_id, annotation_set, after_id, limit),
        )
        rows = cur.fetchall()
        if not rows:
            return []
        args: dict[int, list[Argument]] = {}
        for a in Argument.from_values(
            self.conn.execute(
                f"SELECT {_ARGUMENT_SELECT} FROM arguments a JOIN events v ON a.event_id = v.id "
                "WHERE v.document_id = ? AND v.annotation_set = ? AND v.id BETWEEN ? AND ? ORDER BY a.id",
                (doc_id, annotation_set, rows[0][0], rows[-1][0]),
            )
        ):
            args.setdefault(a.event_id, []).append(a)
        return Event.from_values(rows, args)
