"""The DocBin export's array reader: a chunk of documents whose stored tokens are used as they are, read and
encoded with whole-array steps instead of a record (a dict per entity), a token list and a plan per document.

``read_chunk`` reads a chunk's texts, stored tokens, entities and event triggers with one query each, checks
the tokens (spaCy's shape: each gap "" or one space, as ``tokens.complete`` needs no filling for), aligns every
entity and trigger to token edges with two ``searchsorted`` over the chunk, and finds each token's word among
the chunk's distinct words by hashing the token's UTF-8 bytes with numpy (``string_ids.murmurhash64a_ranges``),
no Python string per token. ``encode`` turns a run of those documents into what ``DocBinWriter.add_encoded`` stores,
the same bytes per document as ``DocBinWriter.add_plan`` writes for their plans (the entity infos and span
tables of ``doc.spans["sc"]`` framed as msgpack with numpy; the events, few per document, as before).

A document this path does not cover is marked ``regular`` False and left to the record path
(``docbin_plan.plan_doc``), which reports what it changes: tokens not stored, not in spaCy's shape or not
parsed here; an entity or trigger off the token edges; entities of ``doc.ents`` that overlap.
"""

from __future__ import annotations

import sqlite3
import struct
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import orjson

from annotator.errors import DamagedTextError
from annotator.formats.entity_links import LINK_KEYS
from annotator.formats.docbin_plan import SCORED_KEY, argument_entry, event_entry, spelt, user_data_of
from annotator.categories import document_cats
from annotator.formats.records import ExportRequest, chunk_extras, event_dicts
from annotator.queries.export_chunks import (
    chunk_documents,
    chunk_entity_rows,
    chunk_entity_rows_grouped,
    chunk_entity_scores,
    chunk_token_offsets,
)
from annotator.formats.schema_names import has_spellings
from annotator.set_meta import status_in_set
from annotator.formats.string_ids import murmurhash64a_ranges

SPAN_ROW = np.dtype(  # one span of SpanGroup.to_bytes (struct ">QQQllll") as a msgpack bin of 40 bytes
    [
        ("bin", ">u2"),
        ("id", ">u8"),
        ("kb_id", ">u8"),
        ("label", ">u8"),
        ("start", ">i4"),
        ("end", ">i4"),
        ("start_char", ">i4"),
        ("end_char", ">i4"),
    ]
)
_BIN40 = 0xC428
_MINUS_ONE = np.uint64(2**64 - 1)


@dataclass
class Combo:
    """One (label, state, source, annotator) of a chunk's entities: its label and the end of its info map."""

    label: str
    proxy: bool
    head: int  # msgpack map header of the info: 4 entries, 5 with event_proxy
    tail: bytes  # the info's state, source, annotator (and event_proxy) entries, packed


@dataclass
class Chunk:
    """A chunk's documents (``docs``: id, name, text, status, meta rows, in order); those with ``regular`` True
    have their tokens (``tok_off`` into the token arrays), entities (``ent_off``) and events here."""

    docs: list[tuple]
    regular: list[bool]
    tok_off: np.ndarray
    word_of: np.ndarray  # per token: its text's index in ``words``
    words: list[str]  # the chunk's distinct token texts
    starts: np.ndarray  # token start and end characters, in the document
    ends: np.ndarray
    spaces: np.ndarray
    sent: np.ndarray  # True where a sentence starts
    ent_off: np.ndarray
    ent_id: np.ndarray
    ent_first: np.ndarray  # token indices in the document, end exclusive
    ent_end: np.ndarray
    ent_combo: np.ndarray
    combos: list[Combo]
    events: dict[int, list[tuple]]  # event rows, arguments and comments as ``chunk_extras`` reads them
    args: dict[int, list[tuple]]
    comments: dict[int, list[dict[str, Any]]]
    triggers: dict[int, list[tuple[int, int]]]  # per document id: each event's tokens (first, end exclusive)
    scores: dict[int, float] = field(default_factory=dict)  # entity id -> score, for the entities that have one


def read_chunk(
    conn: Any, ids: list[int], request: ExportRequest, aset: str, proxies: set[str] | frozenset[str]
) -> Chunk:
    """Read documents ``ids`` (see the module doc)."""
    states = tuple(request.states)
    with DamagedTextError.raised_for(getattr(conn, "project_path", "the project file")):
        docs = chunk_documents(conn, ids)
    docs = [(i, name, text, status_in_set(status, meta, aset), meta) for i, name, text, _, status, meta, _ in docs]
    nd = len(docs)
    stored = {r[0]: r[1:] for r in chunk_token_offsets(conn, ids)}
    kept, starts, ends, counts, sent_doc, sent_at = _parse_tokens(docs, stored)
    text = "".join(docs[k][2] for k in kept)
    text_len = np.array([len(docs[k][2]) for k in kept], dtype=np.int64)
    good, spaces = _check_tokens(starts, ends, counts, text_len, _codes(text))
    if not good.all():  # only the documents whose tokens are in spaCy's shape
        tok = np.repeat(good, counts)
        starts, ends, spaces = starts[tok], ends[tok], spaces[tok]
        rank = np.cumsum(good) - 1
        sent_doc, sent_at = rank[sent_doc[good[sent_doc]]], sent_at[good[sent_doc]]
        kept, counts, text_len = kept[good], counts[good], text_len[good]
        text = "".join(docs[k][2] for k in kept)
    tok_off = np.zeros(nd + 1, dtype=np.int64)
    tok_off[kept + 1] = counts
    tok_off = np.cumsum(tok_off)
    doc_of = np.repeat(kept, counts)
    char_off = np.zeros(nd, dtype=np.int64)
    char_off[kept] = np.cumsum(text_len) - text_len
    g_starts, g_ends = starts + char_off[doc_of], ends + char_off[doc_of]
    found = _word_index(text, g_starts, g_ends)
    if found is None:  # left to the record path
        kept, sent_doc, sent_at = kept[:0], sent_doc[:0], sent_at[:0]
        found = np.zeros(0, dtype=np.int64), []
    word_of, words = found
    ok = np.zeros(nd, dtype=bool)
    ok[kept] = True
    sent = np.zeros(len(starts), dtype=bool)
    sent[tok_off[kept]] = True
    inside = (sent_at >= 0) & (sent_at < counts[sent_doc])
    sent[tok_off[kept[sent_doc[inside]]] + sent_at[inside]] = True
    events: dict[int, list[tuple]] = {}  # none needed when every document goes to the record path
    args: dict[int, list[tuple]] = {}
    comments: dict[int, list[dict[str, Any]]] = {}
    if len(kept):
        events, args, comments = chunk_extras(conn, [docs[k][0] for k in kept], aset, states)
    ent = _read_entities(conn, [docs[k][0] for k in kept], aset, states, docs)
    if ent is None:  # left to the record path
        ok[:], kept = False, kept[:0]
        ent = _read_entities(conn, [], aset, states, docs)
    e_doc, e_id, e_start, e_end, e_combo, combos = ent  # type: ignore[misc]
    e_ok, e_first, e_last = _align(g_starts, g_ends, doc_of, e_doc, e_start + char_off[e_doc], e_end + char_off[e_doc])
    ok[e_doc[~e_ok]] = False
    e_first = e_first - tok_off[e_doc]
    e_end_tok = e_last + 1 - tok_off[e_doc]
    combos = _combos(combos, proxies)
    e_combo = _spelt_combos(docs, e_doc, e_combo, combos)
    proxy = np.array([c.proxy for c in combos] + [False], dtype=bool)[e_combo]
    flat = np.flatnonzero(~proxy)  # doc.ents: the spans of each document must already be apart
    same = e_doc[flat[1:]] == e_doc[flat[:-1]]
    ok[e_doc[flat[1:]][same & (e_end_tok[flat[:-1]] > e_first[flat[1:]])]] = False
    triggers: dict[int, list[tuple[int, int]]] = {}
    t_rows = [(k, r) for k in kept.tolist() for r in events.get(docs[k][0], ())]
    if t_rows:
        t_doc = np.array([k for k, _ in t_rows], dtype=np.int64)
        t_s = np.array([r[3] for _, r in t_rows], dtype=np.int64) + char_off[t_doc]
        t_e = np.array([r[4] for _, r in t_rows], dtype=np.int64) + char_off[t_doc]
        t_ok, t_first, t_last = _align(g_starts, g_ends, doc_of, t_doc, t_s, t_e)
        ok[t_doc[~t_ok]] = False
        base = tok_off[t_doc]
        for k, a, b in zip(t_doc.tolist(), (t_first - base).tolist(), (t_last + 1 - base).tolist()):
            triggers.setdefault(docs[k][0], []).append((a, b))
    scores = _scores(conn, [docs[k][0] for k in kept], aset, states) if len(kept) else {}
    needles = [f'"{key}"' for key in (*LINK_KEYS, "span_groups", "spans_only")]
    for k, d in enumerate(docs):  # entity links, a file's own groups (``docbin_plan``): by the record path
        if ok[k] and any(needle in (d[4] or "") for needle in needles):
            ok[k] = False
    ent_off = np.searchsorted(e_doc, np.arange(nd + 1))
    return Chunk(
        docs,
        ok.tolist(),
        tok_off,
        word_of,
        words,
        starts,
        ends,
        spaces,
        sent,
        ent_off,
        e_id,
        e_first,
        e_end_tok,
        e_combo,
        combos,
        events,
        args,
        comments,
        triggers,
        scores,
    )


def _parse_tokens(docs: list[tuple], stored: dict[int, tuple]) -> tuple[Any, Any, Any, Any, Any, Any]:
    """The stored tokens of ``docs`` (rows of JSON arrays of integers) joined: the positions of the documents
    that have some, their token starts and ends, token counts, and sentence starts as (document, token index).
    None of them when a row is not such an array (the record path reads them all)."""
    cand = [k for k, d in enumerate(docs) if _listed(stored.get(d[0]))]
    rows = [stored[docs[k][0]] for k in cand]
    sents = [r[2] or "[]" for r in rows]
    try:
        starts = np.fromstring(",".join(r[0][1:-1] for r in rows), dtype=np.int64, sep=",")
        ends = np.fromstring(",".join(r[1][1:-1] for r in rows), dtype=np.int64, sep=",")
        sent_at = np.fromstring(",".join(s[1:-1] for s in sents if len(s) > 2), dtype=np.int64, sep=",")
        counts = np.array([r[0].count(",") for r in rows], dtype=np.int64) + 1
        sent_counts = np.array([s.count(",") + 1 if len(s) > 2 else 0 for s in sents], dtype=np.int64)
        shaped = all(s[0] == "[" and s[-1] == "]" for s in sents) and len(sent_at) == sent_counts.sum()
        shaped = shaped and len(starts) == len(ends) == counts.sum()
        shaped = shaped and all(r[1].count(",") + 1 == c for r, c in zip(rows, counts.tolist()))
    except (ValueError, TypeError, IndexError):
        shaped = False
    if not shaped:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty, empty, empty, empty
    return np.array(cand, dtype=np.int64), starts, ends, counts, np.repeat(np.arange(len(rows)), sent_counts), sent_at


def _listed(row: tuple | None) -> bool:
    """A stored row whose starts and ends look like non-empty JSON arrays."""
    if row is None or not isinstance(row[0], str) or not isinstance(row[1], str):
        return False
    return len(row[0]) > 2 and row[0][0] == "[" and row[0][-1] == "]" and row[1][:1] == "[" and row[1][-1:] == "]"


def _codes(text: str) -> np.ndarray:
    """The text's characters as numbers: one byte each for ASCII text, else four (UTF-32)."""
    if text.isascii():
        return np.frombuffer(text.encode("ascii"), dtype=np.uint8)
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def _check_tokens(starts: Any, ends: Any, counts: Any, text_len: Any, codes: np.ndarray) -> tuple[Any, Any]:
    """Per document, are its tokens already complete (``tokens._already_complete``: the first at 0, each gap ""
    or one space, the text's end at most one space after the last)? And per token, is a space after it?"""
    nd = len(counts)
    if nd == 0:
        return np.zeros(0, dtype=bool), np.zeros(0, dtype=bool)
    first = np.cumsum(counts) - counts
    last = first + counts - 1
    gap = np.empty(len(starts), dtype=np.int64)
    gap[:-1] = starts[1:] - ends[:-1]
    gap[last] = text_len - ends[last]  # after a document's last token: to the end of its text
    bad = (ends <= starts) | (gap < 0) | (gap > 1)
    spaces = gap == 1
    char_off = np.cumsum(text_len) - text_len
    at = np.flatnonzero(spaces)
    where = np.clip(ends[at] + np.repeat(char_off, counts)[at], 0, max(len(codes) - 1, 0))
    if len(codes):
        bad[at] |= codes[where] != 32
    good = ~(np.logical_or.reduceat(bad, first) | (starts[first] != 0))
    return good, spaces


def _word_index(text: str, starts: Any, ends: Any) -> tuple[np.ndarray, list[str]] | None:
    """Each token's text (``starts``, ``ends``: in ``text``) as an index into the distinct texts, which are
    returned with it: tokens are told apart by MurmurHash64A of their UTF-8 bytes (spaCy's own string id: two
    texts of one hash would be one string to spaCy too), so no Python string is made per token. None when the
    text cannot be UTF-8 (a lone surrogate: the record path reads it)."""
    if not len(ends):
        return np.zeros(0, dtype=np.int64), []
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        return None
    if len(data) != len(text):  # byte offsets of the characters: 1 to 4 bytes each
        codes = _codes(text)
        size = 1 + (codes >= 0x80).astype(np.int64) + (codes >= 0x800) + (codes >= 0x10000)
        at = np.zeros(len(text) + 1, dtype=np.int64)
        np.cumsum(size, out=at[1:])
        starts, ends = at[starts], at[ends]
    ids = murmurhash64a_ranges(data, starts, ends - starts)
    order = ids.argsort()  # np.unique with return_index sorts stably: 3x the time of this quicksort
    ids = ids[order]
    new = np.empty(len(ids), dtype=bool)  # where a distinct hash begins in sorted order
    new[0] = True
    np.not_equal(ids[1:], ids[:-1], out=new[1:])
    first = order[new]  # one token of each distinct hash
    word_of = np.empty(len(ids), dtype=np.int64)
    word_of[order] = np.cumsum(new) - 1
    words = [data[a:b].decode("utf-8") for a, b in zip(starts[first].tolist(), ends[first].tolist())]
    return word_of, words


def _scores(conn: Any, ids: list[int], aset: str, states: tuple[str, ...]) -> dict[int, float]:
    """The scores of the exported entities of ``ids`` that have one, by entity id (read as Python floats: exact)."""
    return {eid: score for _, eid, score in chunk_entity_scores(conn, ids, aset, states)}


def _read_entities(
    conn: Any, ids: list[int], aset: str, states: tuple[str, ...], docs: list[tuple]
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, list[str]] | None:
    """The exported entities of ``ids`` in the export's order (document, start, end, id): the position of each
    one's document in ``docs``, id, start, end and combination of label, state, source and annotator (numbered
    in order of appearance; the last item: each combination's values as a JSON array). None when a value is a
    BLOB (JSON cannot hold one: the record path reads them)."""
    empty = np.zeros(0, dtype=np.int64)
    if not ids:
        return empty, empty, empty, empty, empty, []
    try:  # one row per document (SQLite's per-row cost is most of a row per entity), see _grouped
        got = _grouped(chunk_entity_rows_grouped(conn, ids, aset, states))
        if got is None:
            rows = chunk_entity_rows(conn, ids, aset, states)
            if rows:
                did, eid, start, end, key = zip(*rows)
                got = tuple(np.fromiter(x, dtype=np.int64, count=len(x)) for x in (did, eid, start, end)), key
    except sqlite3.OperationalError:
        return None
    if got is None:
        return empty, empty, empty, empty, empty, []
    (did_a, eid_a, start_a, end_a), key = got
    keys = list(dict.fromkeys(key))
    index = {k: i for i, k in enumerate(keys)}
    combo = np.fromiter(map(index.__getitem__, key), dtype=np.int64, count=len(key))
    order = np.lexsort((eid_a, end_a, start_a, did_a))
    doc_index = np.searchsorted(np.array([d[0] for d in docs], dtype=np.int64), did_a[order])
    return doc_index, eid_a[order], start_a[order], end_a[order], combo[order], keys


def _grouped(rows: list[tuple]) -> tuple[tuple[np.ndarray, ...], list[str]] | None:
    """The entities read as one row per document (``chunk_entity_rows_grouped``: their ids, starts, ends and
    combinations joined, in the same order within a row): the document id, id, start and end of each entity
    as arrays, and its combination (``json_array`` text). None when there are none, or when a value does not read
    back as an integer (a text or real in an INTEGER column: the row query reads those as the arrays did)."""
    if not rows:
        return None
    did, counts, eid, start, end, key = zip(*rows)
    n = sum(counts)
    cols = []
    for col in (eid, start, end):
        joined = ",".join(col)
        arr = np.fromstring(joined, dtype=np.int64, sep=",") if joined.isascii() else np.zeros(0, np.int64)
        if len(arr) != n or joined.count(",") != n - 1 or "." in joined or "e" in joined or "E" in joined:
            return None
        cols.append(arr)
    keys = "\x1e".join(key).split("\x1e")
    if len(keys) != n:  # a label or value with the separator in it
        return None
    did_a = np.repeat(np.array(did, dtype=np.int64), np.array(counts, dtype=np.int64))
    return (did_a, *cols), keys


def _combos(keys: list[str], proxies: Any) -> list[Combo]:
    """Each combination's values (from its JSON array) and its packed info entries."""
    import srsly

    pack = srsly.msgpack_dumps
    out = []
    for key in keys:
        label, state, source, annotator = orjson.loads(key)
        proxy = label in proxies
        tail = pack("state") + pack(state) + pack("source") + pack(source) + pack("annotator") + pack(annotator)
        if proxy:
            tail += pack("event_proxy") + pack(True)
        out.append(Combo(label, proxy, 0x85 if proxy else 0x84, tail))
    return out


def _spelt_combos(docs: list[tuple], e_doc: Any, e_combo: Any, combos: list[Combo]) -> Any:
    """``e_combo`` with the entities of a document whose DocBin spelt a label otherwise (``docbin_plan.spelt``: ``PER``
    for ``PERSON``) on a combination of that label, added to ``combos`` (its state, source, annotator and proxy as
    the one it spells)."""
    spelt_docs = [k for k, d in enumerate(docs) if has_spellings(d[4])]
    if not spelt_docs:
        return e_combo
    e_combo = e_combo.copy()
    made: dict[tuple[int, str], int] = {}
    for k in spelt_docs:
        given = spelt({"meta": orjson.loads(docs[k][4])})
        for x in np.flatnonzero(e_doc == k).tolist():
            c = combos[int(e_combo[x])]
            label = given.label(c.label)
            if label != c.label:
                if (int(e_combo[x]), label) not in made:
                    made[(int(e_combo[x]), label)] = len(combos)
                    combos.append(Combo(label, c.proxy, c.head, c.tail))
                e_combo[x] = made[(int(e_combo[x]), label)]
    return e_combo


def _align(g_starts: Any, g_ends: Any, doc_of: Any, docs: Any, starts: Any, ends: Any) -> tuple[Any, Any, Any]:
    """``DocTokens.exact_many`` over a chunk: spans [starts, ends) in the chunk's characters (of documents
    ``docs``) that begin and end on token edges of their own document; (ok, first token, last token)."""
    n = len(g_starts)
    if not len(starts):
        return np.zeros(0, dtype=bool), np.zeros(0, np.int64), np.zeros(0, np.int64)
    if not n:
        return np.zeros(len(starts), dtype=bool), np.zeros(len(starts), np.int64), np.zeros(len(starts), np.int64)
    i = np.searchsorted(g_starts, starts, "left")
    j = np.searchsorted(g_ends, ends, "left")
    ic, jc = np.minimum(i, n - 1), np.minimum(j, n - 1)
    ok = (i < n) & (j < n) & (g_starts[ic] == starts) & (g_ends[jc] == ends) & (j >= i)
    ok &= (doc_of[ic] == docs) & (doc_of[jc] == docs)
    return ok, ic, jc


def encode(
    chunk: Chunk,
    lo: int,
    hi: int,
    hashes: Any,
    attr_cols: list[int],
    n_attrs: int,
    keys: tuple[str, str],
    report: Any,
) -> dict[str, Any]:
    """What ``DocBinWriter.add_encoded`` stores for the regular documents ``lo`` to ``hi`` (indices in
    ``chunk.docs``): the token table rows, spaces, lengths, and the user data and span groups of each as msgpack
    items, joined; ``keys``: the span keys
    of the entities and the triggers. Counts the documents, entities and events in ``report`` as
    ``iter_document_records`` does, and reports the arguments left out (``event_dicts``)."""
    import srsly

    t0, t1 = int(chunk.tok_off[lo]), int(chunk.tok_off[hi])
    e0, e1 = int(chunk.ent_off[lo]), int(chunk.ent_off[hi])
    n = t1 - t0
    orth, iob, typ, sent = attr_cols
    table = np.zeros((n, n_attrs), dtype=np.uint64)
    word_of = chunk.word_of[t0:t1]
    used = np.flatnonzero(np.bincount(word_of, minlength=len(chunk.words)))  # the file gets these strings only
    word_ids = np.zeros(len(chunk.words), dtype=np.uint64)
    word_ids[used] = hashes.many([chunk.words[i] for i in used.tolist()])
    table[:, orth] = word_ids[word_of]
    lengths = np.diff(chunk.tok_off[lo : hi + 1])
    outside = np.array([d[3] == "reviewed" for d in chunk.docs[lo:hi]], dtype=bool)
    table[:, iob] = np.repeat(np.where(outside, 2, 0), lengths).astype(np.uint64)
    combo = chunk.ent_combo[e0:e1]
    label_hash = np.zeros(len(chunk.combos), dtype=np.uint64)  # of the combinations of these documents only
    for c in np.unique(combo).tolist():
        label_hash[c] = hashes[chunk.combos[c].label]
    first, end = chunk.ent_first[e0:e1], chunk.ent_end[e0:e1]
    base = chunk.tok_off[np.repeat(np.arange(lo, hi), np.diff(chunk.ent_off[lo : hi + 1]))]  # each one's document
    if len(combo):
        ents = np.flatnonzero(~np.array([c.proxy for c in chunk.combos], dtype=bool)[combo])
        b, e = first[ents] + base[ents] - t0, end[ents] + base[ents] - t0
        width = e - b
        inside = np.repeat(b - np.cumsum(width) + width, width) + np.arange(int(width.sum()))
        table[inside, iob] = 1
        table[b, iob] = 3
        table[inside, typ] = np.repeat(label_hash[combo[ents]], width)
    table[:, sent] = np.where(chunk.sent[t0:t1], np.uint64(1), _MINUS_ONE)
    infos, info_off = _infos(chunk.ent_id[e0:e1], combo, chunk.combos)
    rows = np.zeros(e1 - e0, dtype=SPAN_ROW)
    rows["bin"] = _BIN40
    rows["label"] = label_hash[combo] if len(combo) else 0
    rows["start"], rows["end"] = first, end
    rows["start_char"] = chunk.starts[first + base]
    rows["end_char"] = chunk.ends[end - 1 + base]
    spans = rows.tobytes()
    packer = srsly.msgpack.Packer(use_bin_type=True)  # what srsly.msgpack_dumps makes on every call
    pack, header = packer.pack, packer.pack_array_header
    sc_head = b"\x83" + pack("name") + pack(keys[0]) + pack("attrs") + b"\x81" + pack("entities")
    spans_key = pack("spans")
    span_pack = struct.Struct(">QQQllll").pack
    span_groups, user_data = [], []
    cats: list[dict[str, float]] = []
    starts, ends = chunk.starts, chunk.ends
    ent_off = (chunk.ent_off[lo : hi + 1] - e0).tolist()
    tok_off = chunk.tok_off[lo : hi + 1].tolist()
    info_off = info_off.tolist()
    ids_all = chunk.ent_id[e0:e1].tolist()
    first_l, end_l, base_l, combo_l = first.tolist(), end.tolist(), base.tolist(), combo.tolist()
    for k in range(lo, hi):
        d = chunk.docs[k]
        a, z = ent_off[k - lo], ent_off[k - lo + 1]
        count = header(z - a)
        sc = b"".join((sc_head, count, infos[info_off[a] : info_off[z]], spans_key, count, spans[a * 42 : z * 42]))
        rows_k = chunk.events.get(d[0])
        planned: list[dict[str, Any]] = []
        trig: list[bytes] = []
        if rows_k:
            index = dict(zip(ids_all[a:z], range(z - a)))  # entity id -> its span: also the exported ids
            events = event_dicts(d, d[2], rows_k, chunk.args, index, report)
            tb = tok_off[k - lo]
            given = spelt({"meta": orjson.loads(d[4] or "{}")})  # the event types and roles as the DocBin spelt them
            for v, (s, e) in zip(events, chunk.triggers[d[0]]):
                v = {**v, "type": given.label(v["type"])}
                arguments = []
                for arg in v["arguments"]:
                    arg = {**arg, "role": given.role(arg["role"])}
                    x = a + index[arg["entity_id"]]
                    f, t = first_l[x] + base_l[x], end_l[x] - 1 + base_l[x]
                    label = chunk.combos[combo_l[x]].label
                    arguments.append(argument_entry(arg, x - a, label, int(starts[f]), int(ends[t])))
                planned.append(event_entry(v, arguments))
                trig.append(span_pack(0, 0, hashes[v["type"]], s, e, int(starts[s + tb]), int(ends[e - 1 + tb])))
            report.events += len(events)
        msg: dict[bytes, list[str]] = {}
        groups: dict[str, Any] = {keys[0]: None, keys[1]: ("events", planned, trig)}  # as add_plan (one if one key)
        scored = [x for x in range(a, z) if ids_all[x] in chunk.scores] if chunk.scores else ()
        if scored:  # the entities with a score, as a span categorizer leaves them (add_plan's SCORED_KEY group)
            got = [chunk.scores[ids_all[x]] for x in scored]
            groups[SCORED_KEY] = ("scores", got, [spans[x * 42 + 2 : x * 42 + 42] for x in scored])
        for key, group in groups.items():
            body = sc if group is None else pack({"name": key, "attrs": {group[0]: group[1]}, "spans": group[2]})
            msg.setdefault(body, []).append(key)
        span_groups.append(pack(pack(msg)))  # each an item (a msgpack bin) of the map's list
        meta = orjson.loads(d[4] or "{}")
        rec = {"id": d[0], "name": d[1], "status": d[3], "meta": meta, "comments": chunk.comments.get(d[0], [])}
        user_data.append(pack(pack(user_data_of(rec))))
        cats.append(document_cats(meta))
        report.documents += 1
        report.entities += z - a
    return {
        "tokens": table,
        "spaces": chunk.spaces[t0:t1].tobytes("C"),
        "lengths": lengths.tolist(),
        "user_data": b"".join(user_data),
        "span_groups": b"".join(span_groups),
        "cats": cats,
    }


def _infos(ids: np.ndarray, combo: np.ndarray, combos: list[Combo]) -> tuple[bytes, np.ndarray]:
    """The msgpack maps of ``attrs["entities"]`` (id, state, source, annotator[, event_proxy]) of these entities,
    joined, and where each begins (one more offset at the end)."""
    n = len(ids)
    off = np.zeros(n + 1, dtype=np.int64)
    if not n:
        return b"", off
    small = bool(ids.min() >= 0 and ids.max() < 2**32)
    width = 4 if small else 8
    fixed = 5 + width  # map header, "id", the integer's marker and its bytes
    tails = [np.frombuffer(c.tail, dtype=np.uint8) for c in combos]
    off[1:] = np.cumsum(fixed + np.array([len(t) for t in tails], dtype=np.int64)[combo])
    out = np.empty(int(off[-1]), dtype=np.uint8)
    head = np.empty((n, fixed), dtype=np.uint8)
    head[:, 0] = np.array([c.head for c in combos], dtype=np.uint8)[combo]
    head[:, 1:4] = (0xA2, ord("i"), ord("d"))
    head[:, 4] = 0xCE if small else 0xD3  # uint 32 or int 64
    head[:, 5:] = ids.astype(">u4" if small else ">i8").view(np.uint8).reshape(n, width)
    out[(off[:-1, None] + np.arange(fixed)).ravel()] = head.ravel()
    order = np.argsort(combo, kind="stable")
    cuts = np.flatnonzero(np.diff(combo[order])) + 1
    for group in np.split(order, cuts):  # the same tail for all the entities of one combination
        t = tails[combo[group[0]]]
        out[(off[group] + fixed)[:, None] + np.arange(len(t))] = t
    return out.tobytes(), off
