"""Plain records of suggestions, shared by every suggester (rules, trained models) and the one writer that stores them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol, Sequence


@dataclass(frozen=True)
class ArgumentSuggestion:
    """A role of a suggested event filled by a span of the text (code points, end exclusive).

    ``label`` is the entity label the span gets if no entity span exists there yet (a new suggested
    entity, e.g. "protesters" as PERSON); when an entity of an allowed label already covers the span,
    the writer uses that entity instead.
    """

    role: str
    start: int
    end: int
    label: str
    score: float = 1.0


@dataclass(frozen=True)
class EventSuggestion:
    """One suggested event: trigger span, type, score, the runner-up types, default attributes, arguments."""

    type: str
    trigger_start: int
    trigger_end: int
    score: float
    arguments: tuple[ArgumentSuggestion, ...] = ()
    alternatives: tuple[str, ...] = ()  # other plausible types, best first (the type picker opens on them)
    attributes: dict[str, str] = field(default_factory=dict)  # only what the text says; the rest stays default


class EventSuggester(Protocol):
    """Anything that suggests events for a parsed spaCy Doc (needs tagger, lemmatizer and parser output)."""

    @property
    def source(self) -> str:
        """Provenance written on each suggestion, with a version: ``rules:news@1``, ``trained:PROJECT@3``."""
        ...

    def suggest(self, doc: Any, entities: Sequence[tuple[int, int, str]]) -> list[EventSuggestion]:
        """Suggested events of one Doc; ``entities`` are the (start, end, label) spans known for it (code points)."""
        ...
