"""An incoming document's rows, made before the write lock is taken.

An import stores a file whole or not at all, so a large file is one transaction, and while it runs every other
program (the app's edit) waits. Everything that needs nothing of the project file is done here, before
``BEGIN IMMEDIATE``: the text's digest, the JSON of its metadata, attributes and tokens, the rows of its entities,
events and comments, the change log's row. What does need the file (is the text there already, is the name free,
the ids the rows get) is left to ``importing.store_documents``, which then only looks up and inserts.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Mapping

import orjson

from annotator.graphemes import ClusterEdges
from annotator.db import ENTITY_COLUMNS, EVENT_COLUMNS, event_row, span_row
from annotator.incoming import IncomingDocument, IncomingEvent


def sha256_text(text: str) -> str:
    """A text's digest as the project keeps it (``documents.sha256``: how an import, a merge and an export's reader
    know a text they have seen), a lone surrogate kept as it is."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class PreparedEvent:
    values: list[Any]  # the event's row in EVENT_COLUMNS order; the document id (first) is set at storing
    arguments: list[tuple[str, int]]  # (role, index of its entity in PreparedDocument.entities)


@dataclass
class PreparedDocument:
    """What storing an ``IncomingDocument`` writes, as far as it is known before the project is asked anything."""

    doc: IncomingDocument
    digest: str
    annotation_set: str
    meta: str  # JSON
    entities: list[list[Any]]  # rows in ENTITY_COLUMNS order, the document id (first) set at storing
    events: list[PreparedEvent]
    tokens: tuple[str, str, str] | None  # JSON of the input's own starts, ends and sentence starts, when sound
    at: str
    log: tuple[str, str] = ("", "")  # (the name it was made with, the change log's JSON)
    widened: int = 0  # spans of the input that cut a grapheme cluster, widened to its edges (``kept_whole``)

    def entity_rows(self, doc_id: int) -> list[list[Any]]:
        return [[doc_id, *row[1:]] for row in self.entities]

    def comment_rows(self, doc_id: int, comments: list[dict[str, Any]] | None = None) -> list[tuple[Any, ...]]:
        return [
            (doc_id, c.get("author"), c["text"], c.get("created_at") or self.at)
            for c in (self.doc.comments if comments is None else comments)
        ]

    def log_row(self, doc_id: int, action: str, annotator: str | None) -> tuple[Any, ...]:
        """The change log's row of this document's import (its name as stored: ``store_documents`` may have made
        it free)."""
        if self.log[0] != self.doc.name or not self.log[1]:
            self.log = (self.doc.name, self._log_json())
        return (self.at, annotator, doc_id, action, self.log[1])

    def _log_json(self) -> str:
        d = self.doc
        rows = {
            "name": d.name,
            "sha256": self.digest,
            "source_path": d.source_path,
            "entities": len(d.entities),
            "events": len(d.events),
        }
        return orjson.dumps(rows).decode()


def incoming_event_row(
    v: IncomingEvent, doc_id: int, aset: str, defaults: Mapping[str, str], annotator: str | None, state: str, at: str
) -> dict[str, Any]:
    """An incoming event's row in ``state``: its attributes over the schema's ``defaults`` when it asks for them
    (``fill_defaults``: brat's says an attribute it lacks has no value), its source, score and alternatives as given."""
    attrs = {**(defaults if v.fill_defaults else {}), **v.attributes}
    return event_row(
        doc_id,
        aset,
        v.type,
        v.trigger_start,
        v.trigger_end,
        attrs,
        annotator,
        state=state,
        source=v.source,
        score=v.score,
        alternatives=v.alternatives,
        at=at,
        edited=v.edited,
    )


def prepare_document(
    doc: IncomingDocument, defaults: Mapping[str, str], annotator: str | None, default_set: str, at: str
) -> PreparedDocument:
    """``doc``'s rows, checked already (``importing.check_incoming``); ``defaults``: the schema's default attributes
    (for an event that asks for them); ``annotator`` stands for a missing one unless the document keeps them (an
    export read back)."""

    def who(name: str | None) -> str | None:
        return name if doc.keep_annotators else (name or annotator)

    aset = doc.annotation_set or default_set
    widened = kept_whole(doc)
    index = {}
    entities = []
    for k, e in enumerate(doc.entities):
        index[e.key] = k
        row = span_row(
            0, aset, e.start, e.end, e.label, e.state, e.source, who(e.annotator), score=e.score, at=at, edited=e.edited
        )
        entities.append([row[c] for c in ENTITY_COLUMNS])
    events = []
    for v in doc.events:
        row = incoming_event_row(v, 0, aset, defaults, who(v.annotator), v.state, at)
        events.append(PreparedEvent([row[c] for c in EVENT_COLUMNS], [(role, index[key]) for role, key in v.arguments]))
    prepared = PreparedDocument(
        doc, sha256_text(doc.text), aset, orjson.dumps(doc.meta).decode(), entities, events, _sound_tokens(doc), at
    )
    prepared.log = (doc.name, prepared._log_json())
    prepared.widened = widened
    return prepared


def kept_whole(doc: IncomingDocument) -> int:
    """Widen each entity and trigger of ``doc`` that starts or ends inside a grapheme cluster (another tool's span of
    "🏛" without its U+FE0F, of a flag's first regional indicator, of "e" without its combining accent) to the
    cluster's edges, and merge the input's own tokens within one cluster (``graphemes.ClusterEdges``); the text is
    kept exactly as it came. Returns how many spans were widened (the import's summary says so)."""
    edges = ClusterEdges(doc.text)
    if edges.whole:
        return 0
    widened = 0
    for e in doc.entities:
        start, end = edges.widen(e.start, e.end)
        if (start, end) != (e.start, e.end):
            e.start, e.end = start, end
            widened += 1
    for v in doc.events:
        start, end = edges.widen(v.trigger_start, v.trigger_end)
        if (start, end) != (v.trigger_start, v.trigger_end):
            v.trigger_start, v.trigger_end = start, end
            widened += 1
    if doc.tokens is not None:
        doc.tokens = edges.merge_tokens(*doc.tokens)
    if doc.noun_heads:
        doc.noun_heads = list(dict.fromkeys(edges.widen(s, e) for s, e in doc.noun_heads))
    return widened


def _sound_tokens(doc: IncomingDocument) -> tuple[str, str, str] | None:
    """The input's own tokens as stored JSON, when they are sound (sorted, apart, inside the text); else None, and
    the fallback is used."""
    if doc.tokens is None:
        return None
    starts, ends, sents = doc.tokens
    sound = len(starts) == len(ends) > 0 and all(0 <= s < e <= len(doc.text) for s, e in zip(starts, ends))
    sound = sound and all(e <= s for e, s in zip(ends, starts[1:])) and all(0 <= k < len(starts) for k in sents)
    if not sound:
        return None
    a, b, c = (orjson.dumps(x).decode() for x in (starts, ends, sents or [0]))
    return a, b, c


def sound_noun_heads(doc: IncomingDocument) -> str | None:
    """The input's noun heads as stored JSON, when each lies inside the text (start < end); else None: a document
    without them is offered its entity spans alone, as one never pre-annotated with events."""
    heads = doc.noun_heads
    if not heads or not all(0 <= s < e <= len(doc.text) for s, e in heads):
        return None
    return orjson.dumps([list(h) for h in heads]).decode()
