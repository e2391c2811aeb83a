"""A chunk of documents read in one read transaction and rendered to the JSON export's bytes: the part of the
JSON and JSONL exports that both of their processes run (``json_stream`` in this one, ``json_split``'s second
interpreter beside it). It imports only ``sqlite3`` and ``orjson``, so that interpreter starts in ~0.05 s.

Byte-identical to ``orjson.dumps`` of ``records.iter_document_records``'s dicts (the tests compare the two):
SQLite's ``json_object`` escapes strings exactly as orjson does (checked for every ASCII character), integers are
printed alike, and the one value SQLite cannot make cheaply, an entity's ``text`` (``substr`` walks the document
from its first character, so a long document costs quadratic time), is sliced in Python (O(1) per slice) and
quoted by orjson, then spliced in where SQLite left its place.

Per document SQLite returns one column: the starts and the ends of its entities as two JSON arrays, then the
entities' JSON objects, each text's place a ``%b`` (json_object's value ``"text":"%b"``: a raw quote is never inside
a JSON string, so that sequence is only ever our key and value; any other ``%``, rare, is found by the formatting
and doubled). Python slices the texts, quotes them all with one orjson call (joined by a character the document
does not hold, split after), and fills them in with one ``bytes %`` call over the whole column (the offsets hold no
``%``), cut after the offsets without a copy: no per-entity Python object beyond the slice and its quoted form. A
chunk's documents come in one row (see ``queries.export_chunks.chunk_documents_json_row``).
"""

from __future__ import annotations

import sqlite3
from typing import Any, Callable

import orjson

from annotator.errors import DamagedTextError
from annotator.model import DEFAULT_SET
from annotator.queries.export_chunks import (
    chunk_arguments,
    chunk_comments,
    chunk_documents_json,
    chunk_documents_json_row,
    chunk_entity_ids,
    chunk_entity_scores,
    chunk_events,
    read_transaction,
)
from annotator.set_meta import status_in_set

_TEXT = b'"text":"%b"'  # where an entity's quoted text goes (a raw quote is never inside a JSON string)
_JOIN = "\x7f"  # joins a document's entity texts for one orjson call (orjson leaves it raw; used if the text lacks it)
_JOIN_B = _JOIN.encode()
_ENTITIES = b',"entities":['
_TOKENS = b',"tokens":'
_SCORE = b'"score":""'  # where a scored entity's score goes
_NO_EVENTS = b'],"events":[],"comments":[]}'
_BOM_KEY = b',"bom":true}'  # a document whose file began with a byte order mark (after "meta")

_dumps = orjson.dumps
_loads = orjson.loads


class Chunk:
    __slots__ = ("docs", "events", "args", "comments", "kept", "scores")

    def __init__(self) -> None:
        self.docs: list[tuple] = []
        self.events: dict[int, list[tuple]] = {}
        self.args: dict[int, list[tuple]] = {}
        self.comments: dict[int, list[dict[str, Any]]] = {}
        self.kept: dict[int, set[int]] = {}  # entity ids exported, for documents with events
        self.scores: dict[int, list[float]] = {}  # the scores of a document's scored entities, in the column's order


def _split_docs(head: str, texts: bytes | None, ents: bytes | None, toks: bytes | None) -> list[tuple]:
    """The chunk's row back into one tuple a document: (id, name, text, sha256, status, meta, entities column,
    stored tokens' JSON or None, bom)."""
    docs = []
    at = cut = took = 0
    view = memoryview(texts or b"")
    for did, name, sha, status, meta, n, m, t, bom in _loads(head):
        column = tokens = None
        if m is not None:
            column = ents[cut : cut + m]  # type: ignore[index]
            cut += m
        if t is not None:
            tokens = toks[took : took + t]  # type: ignore[index]
            took += t
        docs.append((did, name, str(view[at : at + n], "utf-8"), sha, status, meta, column, tokens, bom))
        at += n
    return docs


def read_chunk(
    conn: sqlite3.Connection,
    chunk: list[int],
    aset: str,
    states: tuple[str, ...],
    one_row: bool = True,
    where: object = None,
    tokens: bool = True,
) -> Chunk:
    """Everything the export needs of these documents, read in one read transaction. ``one_row``: the documents
    come in one row (``chunk_documents_json_row``: for reader threads, which take the GIL back after each row), else a row each
    (in a process of its own: 0.06-0.1 s less CPU for 10,000 documents, no chunk-sized strings to build and cut).
    ``where``: the project file, named if a stored text is not UTF-8 (``DamagedTextError``). ``tokens``: with the
    stored tokens (the export's ``tokens=no`` leaves them out)."""
    out = Chunk()
    with read_transaction(conn):
        if one_row:
            try:
                out.docs = _split_docs(*chunk_documents_json_row(conn, chunk, aset, states, tokens))
            except UnicodeDecodeError:
                raise DamagedTextError(where or getattr(conn, "project_path", "the project file")) from None
        else:
            out.docs = chunk_documents_json(conn, chunk, aset, states, tokens)
        if aset != DEFAULT_SET:  # a merged set's documents carry the statuses its file had (set_meta)
            out.docs = [(*d[:4], status_in_set(d[4], d[5], aset), *d[5:]) for d in out.docs]
        # the scores as Python reads them (exact), in the entities column's order
        for did, _, score in chunk_entity_scores(conn, chunk, aset, states):
            out.scores.setdefault(did, []).append(score)
        for r in chunk_events(conn, chunk, aset, states):
            out.events.setdefault(r[1], []).append(r)
        if out.events:
            for r in chunk_arguments(conn, chunk, aset, states):
                out.args.setdefault(r[0], []).append(r)
            for did, eid in chunk_entity_ids(conn, list(out.events), aset, states):
                out.kept.setdefault(did, set()).add(eid)
        for r in chunk_comments(conn, chunk):
            out.comments.setdefault(r[0], []).append({"author": r[1], "text": r[2], "created_at": r[3]})
    return out


def entities_json(text: str, column: bytes | None, scores: list[float]) -> tuple[bytes | memoryview, int]:
    """The entities of one document from its SQL column (the starts and the ends as two JSON arrays, an array with
    a 0 for each scored entity, then the entities' JSON, each text's place a ``%b``), ``scores`` the scored entities'
    scores in order (``Chunk.scores``): (their JSON without the array's brackets, how many)."""
    if column is None:
        return b"", 0
    cut = column.index(b"]") + 1
    mid = column.index(b"]", cut) + 1
    end = column.index(b"]", mid) + 1
    view = memoryview(column)
    starts, ends = _loads(view[:cut]), _loads(view[cut:mid])
    if len(_loads(view[mid:end])) != len(scores):  # never silently wrong output
        raise RuntimeError("entity scores and their places disagree")
    n = len(starts)
    texts = [text[a:b] for a, b in zip(starts, ends)]
    if _JOIN not in text:  # one orjson call quotes every text; the joining character comes out raw, split there
        dumped = _dumps(_JOIN.join(texts))
        quoted = dumped.split(_JOIN_B)
        quoted[0] = quoted[0][1:]
        quoted[-1] = quoted[-1][:-1]
        size = len(dumped) - n - 1  # the quoted texts' bytes: less the n - 1 joining characters and two quotes
    else:
        quoted = [q[1:-1] for q in map(_dumps, texts)]
        size = sum(map(len, quoted))
    if len(quoted) != n:  # never silently wrong output
        raise RuntimeError("entity JSON fragments and offsets disagree")
    # The whole column is the format (the offsets before the entities hold no '%'), cut after. With no '%' but
    # ours (one '%b' a text) it comes out exactly this long; any other '%' (in a label, state, source or
    # annotator) stops the formatting (a conversion with no argument left, or none it knows) or shortens it
    # ('%%'): then every '%' but ours is doubled (rare)
    expected = len(column) - 2 * n + size
    try:
        filled = column % tuple(quoted)
        if len(filled) == expected:
            return _with_scores(memoryview(filled)[end:], scores), n
    except (TypeError, ValueError):
        pass
    filled = column.replace(b"%", b"%%").replace(b'"text":"%%b"', _TEXT) % tuple(quoted)
    if len(filled) != expected:
        raise RuntimeError("entity JSON fragments and offsets disagree")
    return _with_scores(memoryview(filled)[end:], scores), n


def _with_scores(ents: memoryview, scores: list[float]) -> bytes | memoryview:
    """The entities' JSON with each score's place (json_object's ``"score":""``: a raw quote is never inside a JSON
    string, so that sequence is only ever our key and its empty value) given its score as orjson writes it (the value
    Python read, ``Chunk.scores``: SQLite's json_object writes 15 digits, and its quote() misses the last digit of a
    few doubles)."""
    if not scores:
        return ents
    pieces = bytes(ents).split(_SCORE)
    if len(pieces) != len(scores) + 1:  # never silently wrong output
        raise RuntimeError("entity scores and their places disagree")
    out = [pieces[0]]
    for value, rest in zip(scores, pieces[1:]):
        out += (b'"score":', _dumps(value), rest)
    return b"".join(out)


def render_chunk(
    chunk: Chunk,
    report: Any,
    events_of: Callable[[tuple, str, list[tuple], dict[int, list[tuple]], Any, Any], list[dict[str, Any]]],
    separator: bytes,
    after: bool,
    first: bool,
    tick: Callable[[], None] | None = None,
) -> list[bytes | memoryview]:
    """The chunk's documents as JSON objects, ``separator`` between them (or after each when ``after``): the
    pieces of one ``bytes.join``. ``first``: no separator before the chunk's first document. Counts into ``report``;
    ``tick()`` after each document."""
    parts: list[bytes | memoryview] = []
    add = parts.append
    for d in chunk.docs:
        did, text = d[0], d[2]
        if not first and not after:
            add(separator)
        first = False
        head = _dumps(
            {"id": did, "name": d[1], "text": text, "sha256": d[3], "status": d[4], "meta": _loads(d[5] or "{}")}
        )
        if d[8]:  # the file began with a byte order mark: said only then, as records.iter_document_records does
            head = head[:-1] + _BOM_KEY
        add(memoryview(head)[:-1])  # without its closing brace: the tokens, entities, events and comments follow
        if d[7] is not None:  # the stored tokens (records.iter_document_records' "tokens")
            add(_TOKENS)
            add(d[7].encode() if isinstance(d[7], str) else d[7])
        add(_ENTITIES)
        ents, n = entities_json(text, d[6], chunk.scores.get(did, []))
        add(ents)
        rows = chunk.events.get(did)
        out_events = events_of(d, text, rows, chunk.args, chunk.kept.get(did, ()), report) if rows else []
        comments = chunk.comments.get(did)
        if out_events or comments:
            add(b'],"events":' + _dumps(out_events) + b',"comments":' + _dumps(comments or []) + b"}")
        else:
            add(_NO_EVENTS)
        if after:
            add(separator)
        report.documents += 1
        report.entities += n
        report.events += len(out_events)
        if tick is not None:
            tick()
    return parts


def event_dicts(
    d: tuple, text: str, rows: list[tuple], args: dict[int, list[tuple]], kept: Any, report: Any
) -> list[dict[str, Any]]:
    """A document's exported events; arguments whose entity was not exported are left out and reported."""
    out_events = []
    for v in rows:
        arguments = []
        for a in args.get(v[0], []):
            if a[2] in kept:
                arguments.append({"role": a[1], "entity_id": a[2]})
            else:
                report.dropped_arguments.append((d[1], v[0], a[1]))
        out_events.append(
            {
                "id": v[0],
                "type": v[2],
                "trigger": {"start": v[3], "end": v[4], "text": text[v[3] : v[4]]},
                "attributes": orjson.loads(v[5] or "{}"),
                "arguments": arguments,
                "annotator": v[6],
                "state": v[7],
                "source": v[8],
                "score": v[9],
                "alternatives": orjson.loads(v[10] or "[]"),
                "edited": bool(v[11]),
            }
        )
    return out_events
