"""The reads an export's notes ask before it writes (``formats.records``: ``undecided_counts``, ``spelling_mix``):
the suggestions nobody decided that a format without states would write as annotations, and which documents spell
which labels their own way."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence


class ExportReads:
    conn: sqlite3.Connection

    def undecided_counts(self, annotation_set: str, statuses: Sequence[str] | None = None) -> tuple[int, int]:
        """(entity, event) suggestions of the set nobody decided, in the documents with one of ``statuses`` (every
        document when none)."""
        where = "annotation_set = ? AND state = 'suggested'"
        params: list[object] = [annotation_set]
        if statuses:
            where += f" AND document_id IN (SELECT id FROM documents WHERE status IN ({','.join('?' * len(statuses))}))"
            params += list(statuses)
        return (
            self.conn.execute(f"SELECT count(*) FROM entities WHERE {where}", params).fetchone()[0],
            self.conn.execute(f"SELECT count(*) FROM events WHERE {where}", params).fetchone()[0],
        )

    def undecided_only(
        self, annotation_set: str, states: Sequence[str], statuses: Sequence[str] | None = None
    ) -> list[str]:
        """The names of the documents (with one of ``statuses``, every one when none) holding suggestions of the set
        nobody decided and no entity or event in ``states``, in order."""
        marks = ",".join("?" * len(states))
        where = f" AND d.status IN ({','.join('?' * len(statuses))})" if statuses else ""

        def any_in(table: str, state: str) -> str:
            return f"EXISTS (SELECT 1 FROM {table} WHERE document_id = d.id AND annotation_set = ? AND {state})"

        undecided, decided = "state = 'suggested'", f"state IN ({marks})"
        sql = (
            f"SELECT d.name FROM documents d WHERE ({any_in('entities', undecided)} OR {any_in('events', undecided)}) "
            f"AND NOT {any_in('entities', decided)} AND NOT {any_in('events', decided)}{where} ORDER BY d.id"
        )
        params = [annotation_set, annotation_set, annotation_set, *states, annotation_set, *states, *(statuses or [])]
        return [name for (name,) in self.conn.execute(sql, params)]

    def metas_with_labels(self, statuses: Sequence[str] | None = None) -> list[tuple[int, str]]:
        """(document id, its metadata as stored) of the documents whose metadata names a ``"labels"`` key (the
        spellings an import kept), with one of ``statuses`` when given."""
        where = f" AND status IN ({','.join('?' * len(statuses))})" if statuses else ""
        return self.conn.execute(
            f"SELECT id, meta FROM documents WHERE meta LIKE '%\"labels\"%'{where}", list(statuses or [])
        ).fetchall()

    def documents_naming(self, annotation_set: str, names: Sequence[str]) -> list[tuple[int, str]]:
        """(document id, name) for each document of the set with an entity labelled, or an event typed, one of
        ``names``."""
        marks = ",".join("?" * len(names))
        return self.conn.execute(
            f"SELECT document_id, label FROM entities WHERE annotation_set = ? AND label IN ({marks}) "
            f"UNION SELECT document_id, type FROM events WHERE annotation_set = ? AND type IN ({marks})",
            [annotation_set, *names, annotation_set, *names],
        ).fetchall()
