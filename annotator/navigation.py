"""What the app works out about the open document without Qt: tokens to snap and move by, spans under a
position, the next document to work on, and which selection survives a reload or an edit."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass

from annotator.model import Entity, Event
from annotator.offsets import snap_to_tokens
from annotator.tokens import word_tokens



@dataclass(frozen=True)
class Tokens:
    """Token starts and ends (code points, sorted) of one document."""

    starts: Sequence[int]
    ends: Sequence[int]

    @classmethod
    def of(cls, text: str, stored: tuple[Sequence[int], Sequence[int]] | None) -> "Tokens":
        """The stored tokens of pre-annotation, else the one fallback (``annotator.tokens``: words and punctuation),
        which the exports and agreement use too."""
        if stored and stored[0]:
            return cls(stored[0], stored[1])
        return cls(*word_tokens(text))

    def snap(self, start: int, end: int) -> tuple[int, int]:
        return snap_to_tokens(self.starts, self.ends, start, end)

    def at(self, cp: int) -> tuple[int, int] | None:
        """The token holding code point ``cp``, or None (a space)."""
        i = bisect_left(self.ends, cp + 1)
        if i < len(self.starts) and self.starts[i] <= cp < self.ends[i]:
            return self.starts[i], self.ends[i]
        return None

    def move(self, offset: int, direction: int, edge: str) -> int:
        """The next token boundary from ``offset`` (edge 'start' or 'end') in ``direction`` (-1 or +1)."""
        bounds = self.starts if edge == "start" else self.ends
        if not bounds:
            return offset
        if direction > 0:
            i = bisect_left(bounds, offset + 1)
            return bounds[i] if i < len(bounds) else offset
        i = bisect_left(bounds, offset) - 1
        return bounds[i] if i >= 0 else offset


def visible_entities(entities: Iterable[Entity], show_rejected: bool = False) -> list[Entity]:
    """Entities in reading order (outer before inner), rejected ones only when asked for."""
    return sorted((e for e in entities if show_rejected or e.state != "rejected"), key=lambda e: (e.start, -e.end, e.id))


def entities_at(entities: Iterable[Entity], cp: int, show_rejected: bool = False) -> list[Entity]:
    """Entities covering code point ``cp``, innermost (shortest) first."""
    hits = [e for e in entities if e.start <= cp < e.end and (show_rejected or e.state != "rejected")]
    return sorted(hits, key=lambda e: (e.end - e.start, e.id))


def events_at(events: Iterable[Event], cp: int) -> list[Event]:
    return [v for v in events if v.trigger_start <= cp < v.trigger_end]


def next_open(open_ids: Sequence[int], current: int | None) -> int | None:
    """The next of ``open_ids`` (sorted) after ``current``, wrapping; None when there is no other."""
    if not open_ids:
        return None
    cur = current if current is not None else -1
    later = [i for i in open_ids if i > cur]
    nxt = (later or open_ids)[0]
    return None if nxt == cur else nxt


def still_there(selected: int | None, present: Container[int]) -> int | None:
    """A selection survives a reload or an edit only while what it names is still there."""
    return selected if selected is not None and selected in present else None
