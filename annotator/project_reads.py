"""What the open project reads of its file: a row, the documents (by status, by name, one, their summaries), a
document's spans, events, comments, tokens and noun heads, the annotation sets and the change log. A part of the
store's ``Project`` (its reads apart from its opening and its transactions), over the connection it holds."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import orjson
from annotator.db import ProjectDb
from annotator.errors import AnnotatorError, DamagedTextError
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
from annotator.wording import first_named

_ENTITY_SELECT = ", ".join(f"[{c}]" for c in ENTITY_FIELDS)
_EVENT_SELECT = ", ".join(f"[{c}]" for c in EVENT_COLUMNS)
_ARGUMENT_SELECT = ", ".join(f"a.[{c}]" for c in ARGUMENT_FIELDS)


class ProjectReads:
    """The reads of an open project; ``store.Project`` is one (it opens the file and sets what these read)."""

    db: ProjectDb
    path: Path
    annotation_set: str

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
