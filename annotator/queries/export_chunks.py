"""The exports' streaming reads: a chunk of documents' rows (documents, entities, events, arguments, comments, stored
tokens, the entities' scores) read on a connection that the streaming readers hold (``formats.records``,
``formats.json_chunks``, ``formats.docbin_arrays``), the project's own or a reader's of a thread or of a second
process (``formats.json_split``). One function a read's shape, shared by the readers that read it; each takes the
connection, a chunk of document ids, and where it reads annotations the set and the states exported.

It imports nothing but ``sqlite3`` and ``contextlib``: the JSON export's second process imports it and starts in
~0.05 s (the contract on ``json_split`` and ``json_chunks``)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any


class StreamingConnection:
    """The part of ``db.ProjectDb`` that hands the streaming readers the project's own connection (to read on in this
    process, with this module's functions) and says whether a transaction is open on it (a second process or a
    reader thread would not see its changes)."""

    conn: sqlite3.Connection

    def streaming_connection(self) -> sqlite3.Connection:
        """The project's connection, for this module's reads in this process."""
        return self.conn

    def in_transaction(self) -> bool:
        """Whether a transaction is open on the project's connection."""
        return self.conn.in_transaction


def in_marks(values: Sequence[Any]) -> str:
    """``?,?,...``: the placeholders of an ``IN (...)`` of ``values``."""
    return ",".join("?" * len(values))


def _in(n: int) -> str:
    return ",".join("?" * n)


def open_reader(uri: str, busy_ms: int, mmap_size: int = 0, check_same_thread: bool = True) -> sqlite3.Connection:
    """A connection of its own on the project file at the URI ``uri`` (read-only where the URI says so), in autocommit
    (a reader's read transaction is ``read_transaction``'s), waiting ``busy_ms`` for a writer as the project's own
    connection does; ``mmap_size``: the file mapped (bytes; 0 leaves SQLite's default)."""
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=check_same_thread)
    conn.execute(f"PRAGMA busy_timeout = {int(busy_ms)}")
    if mmap_size:
        conn.execute(f"PRAGMA mmap_size = {int(mmap_size)}")
    return conn


@contextmanager
def read_transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """One read transaction around the reads inside (a chunk's rows agree with one another), unless ``conn`` is in a
    transaction already (then the reads are that one's)."""
    began = not conn.in_transaction
    if began:
        conn.execute("BEGIN")
    try:
        yield
    finally:
        if began:
            conn.execute("COMMIT")


def chunk_documents(conn: Any, ids: Sequence[int]) -> list[tuple]:
    """(id, name, text, sha256, status, meta, bom) of the documents ``ids``, by id (``records``, the DocBin's)."""
    return conn.execute(
        f"SELECT id, name, text, sha256, status, meta, bom FROM documents WHERE id IN ({in_marks(ids)}) ORDER BY id",
        ids,
    ).fetchall()


def chunk_entities(conn: Any, ids: Sequence[int], aset: str, states: Sequence[str]) -> Any:
    """(id, document_id, start, end, label, state, source, annotator, edited, score) of the exported entities of
    ``ids``, in the export's order (document, start, end, id): a cursor (``records``)."""
    return conn.execute(
        f"SELECT id, document_id, start, end, label, state, source, annotator, edited, score FROM entities "
        f"WHERE document_id IN ({in_marks(ids)}) AND annotation_set = ? AND state IN ({in_marks(states)}) "
        "ORDER BY document_id, start, end, id",
        [*ids, aset, *states],
    )


def chunk_entity_ids(conn: Any, ids: Sequence[int], aset: str, states: Sequence[str]) -> Any:
    """(document_id, id) of the exported entities of ``ids``, in no order: a cursor (the JSON export's entities an
    event's arguments may name)."""
    return conn.execute(
        f"SELECT document_id, id FROM entities WHERE document_id IN ({in_marks(ids)}) "
        f"AND annotation_set = ? AND state IN ({in_marks(states)})",
        [*ids, aset, *states],
    )


def chunk_entity_scores(conn: Any, ids: Sequence[int], aset: str, states: Sequence[str]) -> Any:
    """(document_id, id, score) of the exported entities of ``ids`` that have a score, in the export's order
    (document, start, end, id): a cursor. Read as Python floats (exact: SQLite's ``quote()`` of a few doubles is not
    the stored value, nor is any of its ``printf`` formats over the whole range). The JSON export's and the DocBin's."""
    return conn.execute(
        f"SELECT document_id, id, score FROM entities WHERE document_id IN ({in_marks(ids)}) AND annotation_set = ? "
        f"AND state IN ({in_marks(states)}) AND score IS NOT NULL ORDER BY document_id, start, end, id",
        [*ids, aset, *states],
    )


def chunk_events(conn: Any, ids: Sequence[int], aset: str, states: Sequence[str]) -> Any:
    """(id, document_id, type, trigger_start, trigger_end, attributes, annotator, state, source, score, alternatives,
    edited) of the exported events of ``ids``, by document, trigger start and id: a cursor (every streaming reader)."""
    return conn.execute(
        f"SELECT id, document_id, type, trigger_start, trigger_end, attributes, annotator, state, source, score, "
        f"alternatives, edited FROM events WHERE document_id IN ({in_marks(ids)}) AND annotation_set = ? "
        f"AND state IN ({in_marks(states)}) ORDER BY document_id, trigger_start, id",
        [*ids, aset, *states],
    )


def chunk_arguments(conn: Any, ids: Sequence[int], aset: str, states: Sequence[str]) -> Any:
    """(event_id, role, entity_id) of the arguments of the exported events of ``ids``, by id: a cursor."""
    return conn.execute(
        f"SELECT a.event_id, a.role, a.entity_id FROM arguments a JOIN events v ON v.id = a.event_id "
        f"WHERE v.document_id IN ({in_marks(ids)}) AND v.annotation_set = ? AND v.state IN ({in_marks(states)}) "
        "ORDER BY a.id",
        [*ids, aset, *states],
    )


def chunk_comments(conn: Any, ids: Sequence[int]) -> Any:
    """(document_id, author, text, created_at) of the comments on ``ids``, by id: a cursor."""
    return conn.execute(
        f"SELECT document_id, author, text, created_at FROM comments WHERE document_id IN ({in_marks(ids)}) ORDER BY id",
        ids,
    )


def chunk_tokens(conn: Any, ids: Sequence[int]) -> Any:
    """(document_id, pipeline, starts, ends, sentence_starts, noun_heads, heads_version) of the stored tokens of
    ``ids`` (their JSON text as stored): a cursor (``records``: the JSON export's ``tokens``)."""
    return conn.execute(
        f"SELECT document_id, pipeline, starts, ends, sentence_starts, noun_heads, heads_version FROM tokens "
        f"WHERE document_id IN ({in_marks(ids)})",
        ids,
    )


def chunk_token_offsets(conn: Any, ids: Sequence[int]) -> Any:
    """(document_id, starts, ends, sentence_starts) of the stored tokens of ``ids``: a cursor (the DocBin's arrays,
    which need neither the pipeline's name nor the noun heads)."""
    return conn.execute(
        f"SELECT document_id, starts, ends, sentence_starts FROM tokens WHERE document_id IN ({in_marks(ids)})", ids
    )


def chunk_entity_rows_grouped(conn: Any, ids: Sequence[int], aset: str, states: Sequence[str]) -> list[tuple]:
    """The exported entities of ``ids`` as one row a document (SQLite's per-row cost is most of a row an entity):
    document_id, count, then their ids, starts and ends each joined by ``group_concat`` (commas) and their
    (label, state, source, annotator) as ``json_array`` texts joined by ``char(30)``, the same entity order within a
    row. The DocBin's arrays; ``chunk_entity_rows`` reads the same a row an entity."""
    return conn.execute(
        "SELECT document_id, count(*), group_concat(id), group_concat(start), group_concat(end), "
        "group_concat(k, char(30)) FROM (SELECT document_id, id, start, end, "
        "json_array(label, state, source, annotator) AS k FROM entities "
        f"WHERE document_id IN ({in_marks(ids)}) AND annotation_set = ? AND state IN ({in_marks(states)})) "
        "GROUP BY document_id",
        [*ids, aset, *states],
    ).fetchall()


def chunk_entity_rows(conn: Any, ids: Sequence[int], aset: str, states: Sequence[str]) -> list[tuple]:
    """(document_id, id, start, end, json_array(label, state, source, annotator)) of the exported entities of
    ``ids``, in no order: ``chunk_entity_rows_grouped``'s read a row an entity (where a value of those columns does
    not read back from the joined text as it was)."""
    return conn.execute(
        f"SELECT document_id, id, start, end, json_array(label, state, source, annotator) FROM entities "
        f"WHERE document_id IN ({in_marks(ids)}) AND annotation_set = ? AND state IN ({in_marks(states)})",
        [*ids, aset, *states],
    ).fetchall()


def _documents_json_sql(n_states: int, n_docs: int, tokens: bool = True) -> str:
    # parameters: annotation set, states (the correlated subquery comes first in the text), then document ids; the
    # BOM flag is the last column, so the columns before it keep the places the renderer indexes
    return (
        "SELECT d.id, d.name, d.text, d.sha256, d.status, d.meta, ("
        "  SELECT CAST(json_group_array(s) || json_group_array(t) || '[' || coalesce(group_concat(q), '') || ']' "
        "    || group_concat(frag, ',') AS BLOB) FROM ("
        "    SELECT json_object('id', e.id, 'start', e.start, 'end', e.end, 'label', e.label, 'text', '%b',"
        "      'state', e.state, 'source', e.source, 'annotator', e.annotator,"
        "      'edited', json(CASE WHEN e.edited THEN 'true' ELSE 'false' END),"
        "      'score', CASE WHEN e.score IS NULL THEN NULL ELSE '' END) AS frag, e.start AS s, e.end AS t,"
        "      CASE WHEN e.score IS NOT NULL THEN 0 END AS q"
        "    FROM entities e"
        f"   WHERE e.document_id = d.id AND e.annotation_set = ? AND e.state IN ({_in(n_states)})"
        "    ORDER BY e.start, e.end, e.id)) AS ents, ("
        + (
            "  SELECT CASE WHEN k.noun_heads IS NULL THEN json_object('source', k.pipeline, 'starts', json(k.starts),"
            "    'ends', json(k.ends), 'sentence_starts', json(coalesce(k.sentence_starts, '[]')))"
            "  ELSE json_patch(json_object('source', k.pipeline, 'starts', json(k.starts), 'ends', json(k.ends),"
            "    'sentence_starts', json(coalesce(k.sentence_starts, '[]')), 'noun_heads', json(k.noun_heads)),"
            # the heads' rules' version where stored (a null member of the patch adds nothing: RFC 7396)
            "    json_object('heads_version', k.heads_version)) END"
            "  FROM tokens k WHERE k.document_id = d.id)"
            if tokens
            else "  NULL)"  # the export's tokens=no: not read at all
        )
        + f" AS toks, d.bom FROM documents d WHERE d.id IN ({_in(n_docs)}) ORDER BY d.id"
    )


def chunk_documents_json(
    conn: Any, ids: Sequence[int], aset: str, states: Sequence[str], tokens: bool = True
) -> list[tuple]:
    """The JSON export's documents of ``ids``, a row each, by id: (id, name, text, sha256, status, meta, entities
    column, stored tokens' JSON or None, bom). The entities column: the exported entities' starts and ends as two
    JSON arrays, an array with a 0 for each scored one, then each entity's JSON object (its text ``%b``, its score
    ``""``, for the renderer to fill); ``tokens``: the stored tokens as the export writes them (else None, not read)."""
    return conn.execute(_documents_json_sql(len(states), len(ids), tokens), [aset, *states, *ids]).fetchall()


def chunk_documents_json_row(
    conn: Any, ids: Sequence[int], aset: str, states: Sequence[str], tokens: bool = True
) -> tuple[str, bytes | None, bytes | None, bytes | None]:
    """``chunk_documents_json``'s documents in one row, so a reader thread takes the GIL once a chunk (a row a
    document would wait for the GIL once a document, while the joining thread holds it): their small fields as a
    JSON array (id, name, sha256, status, meta, then the lengths in bytes of the text, the entities column and the
    tokens, and bom), then the texts (UTF-8), the entity columns and the tokens, each joined."""
    return conn.execute(
        "SELECT json_group_array(json_array(id, name, sha256, status, meta, length(CAST(text AS BLOB)), length(ents),"
        " length(CAST(toks AS BLOB)), bom)),"
        " CAST(group_concat(text, '') AS BLOB), CAST(group_concat(ents, '') AS BLOB), CAST(group_concat(toks, '') AS BLOB)"
        f" FROM ({_documents_json_sql(len(states), len(ids), tokens)})",
        [aset, *states, *ids],
    ).fetchone()
