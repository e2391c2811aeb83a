"""Plain, frozen records of the core: documents, entity spans, events, arguments and changes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

STATUSES = ("new", "in_progress", "annotated", "reviewed")
STATES = ("suggested", "accepted", "rejected", "added")
DEFAULT_SET = "main"


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


@dataclass(frozen=True)
class Argument:
    id: int
    event_id: int
    role: str
    entity_id: int
    annotator: str | None = None


@dataclass(frozen=True)
class Event:
    id: int
    document_id: int
    type: str
    trigger_start: int
    trigger_end: int
    attributes: dict[str, str]
    annotator: str | None
    arguments: tuple[Argument, ...] = ()
    annotation_set: str = DEFAULT_SET


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
