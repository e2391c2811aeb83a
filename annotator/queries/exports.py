"""The reads an export's notes ask before it writes (``formats.records``: ``undecided_counts``, ``spelling_mix``):
the suggestions nobody decided that a format without states would write as annotations, and which documents spell
which labels their own way."""

from __future__ import annotations

import orjson

import json
import sqlite3
from collections.abc import Sequence

IDS_IN = "(SELECT value FROM json_each(?))"  # the documents of a list of ids, one parameter however many


class ExportReads:
    conn: sqlite3.Connection

    def undecided_counts(
        self, annotation_set: str, statuses: Sequence[str] | None = None, ids: Sequence[int] | None = None
    ) -> tuple[int, int]:
        """(entity, event) suggestions of the set nobody decided, in the documents with one of ``statuses`` (every
        document when none), or in the documents ``ids`` where given (a merged set's own statuses chose them)."""
        where = "annotation_set = ? AND state = 'suggested'"
        params: list[object] = [annotation_set]
        if ids is not None:
            where += f" AND document_id IN {IDS_IN}"
            params.append(json.dumps(list(ids)))
        elif statuses:
            where += f" AND document_id IN (SELECT id FROM documents WHERE status IN ({','.join('?' * len(statuses))}))"
            params += list(statuses)
        return (
            self.conn.execute(f"SELECT count(*) FROM entities WHERE {where}", params).fetchone()[0],
            self.conn.execute(f"SELECT count(*) FROM events WHERE {where}", params).fetchone()[0],
        )

    def undecided_only(
        self,
        annotation_set: str,
        states: Sequence[str],
        statuses: Sequence[str] | None = None,
        ids: Sequence[int] | None = None,
    ) -> list[str]:
        """The names of the documents (with one of ``statuses``, every one when none; of ``ids`` where given) holding
        suggestions of the set nobody decided and no entity or event in ``states``, in order."""
        return [name for _, name, _ in self._undecided_documents(annotation_set, states, statuses, ids, False)]

    def partly_decided(
        self,
        annotation_set: str,
        states: Sequence[str],
        statuses: Sequence[str] | None = None,
        ids: Sequence[int] | None = None,
    ) -> list[tuple[int, str, str]]:
        """(id, name, status) of the documents (selected as ``undecided_only``'s) holding suggestions of the set nobody
        decided beside an entity or event in ``states``, in order."""
        return self._undecided_documents(annotation_set, states, statuses, ids, True)

    def _undecided_documents(
        self,
        annotation_set: str,
        states: Sequence[str],
        statuses: Sequence[str] | None,
        ids: Sequence[int] | None,
        with_decided: bool,
    ) -> list[tuple[int, str, str]]:
        marks = ",".join("?" * len(states))
        where = f" AND d.status IN ({','.join('?' * len(statuses))})" if statuses else ""
        chosen: list[object] = list(statuses or [])
        if ids is not None:
            where, chosen = f" AND d.id IN {IDS_IN}", [json.dumps(list(ids))]

        def any_in(table: str, state: str) -> str:
            return f"EXISTS (SELECT 1 FROM {table} WHERE document_id = d.id AND annotation_set = ? AND {state})"

        undecided, decided = "state = 'suggested'", f"state IN ({marks})"
        some_decided = f"({any_in('entities', decided)} OR {any_in('events', decided)})"
        sql = (
            f"SELECT d.id, d.name, d.status FROM documents d WHERE ({any_in('entities', undecided)} OR "
            f"{any_in('events', undecided)}) AND {'' if with_decided else 'NOT '}{some_decided}{where} ORDER BY d.id"
        )
        params = [annotation_set, annotation_set, annotation_set, *states, annotation_set, *states, *chosen]
        return [(doc_id, name, status) for doc_id, name, status in self.conn.execute(sql, params)]

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

    def any_meta_naming(self, key: str) -> bool:
        """Whether some document's metadata as stored names the key ``key`` (``"key"`` in its JSON text): a cheap
        look before an export decides how to write (the DocBin's knowledge-base id column)."""
        needle = orjson.dumps(key).decode()
        return (
            self.conn.execute("SELECT EXISTS(SELECT 1 FROM documents WHERE instr(meta, ?) > 0)", [needle]).fetchone()[0]
            == 1
        )
