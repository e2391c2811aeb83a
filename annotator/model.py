"""Plain, frozen records of the core: documents, entity spans, events, arguments and changes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from itertools import starmap
from typing import Any

import orjson

STATUSES = ("new", "in_progress", "annotated", "reviewed")
STATES = ("suggested", "accepted", "rejected", "added")
# a document done (trained on, exported as an answer, passed over by Ctrl+Enter's next), and one not yet
FINISHED = ("annotated", "reviewed")
UNFINISHED = ("new", "in_progress")
HUMAN = "human"  # the source of what a person made (an entity or event added by hand)
DEFAULT_SET = "main"
# the ``document_id`` of a Change (and its change-log row) of the project rather than of one document: its list of
# categories, with the documents it took a category off (``edits.remove_category``); no document has id 0
PROJECT_WIDE = 0


def meta_object(raw: str | None) -> dict[str, Any] | None:
    """A document's metadata as stored (JSON text; none: ``{}``) as an object, None when no JSON reader can read it
    or it is no object: what a pass over the documents' metas passes over (a meta that cannot be read holds nothing
    it looks for)."""
    try:
        meta = orjson.loads(raw) if raw else {}
    except orjson.JSONDecodeError:
        return None
    return meta if isinstance(meta, dict) else None


@dataclass(frozen=True)
class Document:
    id: int
    name: str
    text: str
    sha256: str
    status: str
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Entity:
    id: int
    document_id: int
    start: int
    end: int
    label: str
    state: str
    source: str
    annotator: str | None
    annotation_set: str = DEFAULT_SET
    score: float | None = None  # the suggester's confidence where it gave one; None for spans people made

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> "Entity":
        """An Entity from a row of the entities table (as a query, ``Project.row`` or a Change gives it)."""
        return cls(
            row["id"],
            row["document_id"],
            row["start"],
            row["end"],
            row["label"],
            row["state"],
            row["source"],
            row["annotator"],
            row["annotation_set"],
            row.get("score"),
        )

    @classmethod
    def from_values(cls, rows: Iterable[tuple[Any, ...]]) -> list["Entity"]:
        """Entities from rows of values in ``ENTITY_FIELDS`` order (a query selecting those columns): the fast
        way for thousands of rows (no dict per row)."""
        return list(starmap(cls, rows))


ENTITY_FIELDS = tuple(f.name for f in fields(Entity))  # the columns a query selects for ``Entity.from_values``


@dataclass(frozen=True)
class Argument:
    id: int
    event_id: int
    role: str
    entity_id: int
    annotator: str | None = None

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> "Argument":
        return cls(row["id"], row["event_id"], row["role"], row["entity_id"], row["annotator"])

    @classmethod
    def from_values(cls, rows: Iterable[tuple[Any, ...]]) -> list["Argument"]:
        """Arguments from rows of values in ``ARGUMENT_FIELDS`` order (no dict per row)."""
        return list(starmap(cls, rows))


ARGUMENT_FIELDS = tuple(f.name for f in fields(Argument))  # the columns a query selects for ``from_values``


@dataclass(frozen=True)
class Event:
    """An event; a suggested one (``state`` = suggested) is decided like an entity suggestion."""

    id: int
    document_id: int
    type: str
    trigger_start: int
    trigger_end: int
    attributes: dict[str, str]
    annotator: str | None
    arguments: tuple[Argument, ...] = ()
    annotation_set: str = DEFAULT_SET
    state: str = "added"
    source: str = "human"  # who made it: human, import, or a suggester with a version (rules:news@1)
    score: float | None = None  # the suggester's confidence; None for events people made
    alternatives: tuple[str, ...] = ()  # other plausible types of a suggestion, best first
    edited: bool = False  # a person changed the suggestion (type, trigger, attributes or arguments)

    @classmethod
    def from_row(cls, row: Mapping[str, Any], arguments: tuple[Argument, ...] = ()) -> "Event":
        """An Event from a row of the events table (as ``Project.row`` or a Change gives it)."""
        return cls(
            row["id"],
            row["document_id"],
            row["type"],
            row["trigger_start"],
            row["trigger_end"],
            orjson.loads(row["attributes"] or "{}"),
            row["annotator"],
            arguments,
            row["annotation_set"],
            row.get("state", "added"),
            row.get("source", "human"),
            row.get("score"),
            tuple(orjson.loads(row.get("alternatives") or "[]")),
            bool(row.get("edited", 0)),
        )

    @classmethod
    def from_values(cls, rows: Iterable[tuple[Any, ...]], arguments: Mapping[int, Sequence[Argument]]) -> list["Event"]:
        """Events from rows of values in ``EVENT_COLUMNS`` order (a query selecting those columns), each with its
        arguments from ``arguments`` (by event id): as ``from_row`` makes them, without a dict per row."""
        loads = orjson.loads
        return [
            cls(
                i,
                doc,
                typ,
                ts,
                te,
                loads(attrs or "{}"),
                who,
                tuple(arguments.get(i, ())),
                aset,
                state,
                source,
                score,
                tuple(loads(alts or "[]")),
                bool(edited),
            )
            for i, doc, typ, ts, te, attrs, who, aset, state, source, score, alts, edited in rows
        ]


# the columns a query selects for ``Event.from_values`` (the fields but the arguments, which are rows of their own)
EVENT_COLUMNS = tuple(f.name for f in fields(Event) if f.name != "arguments")


@dataclass(frozen=True)
class Comment:
    id: int
    document_id: int
    author: str | None
    text: str
    created_at: str


@dataclass(frozen=True)
class RowChange:
    """One row of one table before and after an edit (None where it did not exist)."""

    table: str
    id: int
    before: dict[str, Any] | None
    after: dict[str, Any] | None


@dataclass(frozen=True)
class Change:
    """What one edit did: enough to redraw the views and to undo or redo it exactly."""

    action: str
    document_id: int
    rows: tuple[RowChange, ...]
    result_id: int | None = None

    def ids(self, table: str) -> set[int]:
        """The ids of the rows of ``table`` that this change touched."""
        return {r.id for r in self.rows if r.table == table}

    @property
    def is_empty(self) -> bool:
        return not self.rows
