"""A suggester with the project's decisions as a prior: the event types nobody keeps are not suggested
(``annotator.learn.decision_prior``)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Sequence

from annotator.suggest.types import EventSuggester, EventSuggestion


SOURCE_SUFFIX = "+decisions"  # on the source of suggestions made with the prior: rules:news@1+decisions


class DecidedSuggester:
    """``base``'s events without those of ``left_out`` types (nor those types among the alternatives); source
    ``<base's source>+decisions``."""

    def __init__(self, base: EventSuggester, left_out: frozenset[str]) -> None:
        self.base = base
        self.left_out = left_out

    @property
    def source(self) -> str:
        return self.base.source + SOURCE_SUFFIX

    def suggest(self, doc: Any, entities: Sequence[tuple[int, int, str]]) -> list[EventSuggestion]:
        out = []
        for s in self.base.suggest(doc, entities):
            if s.type in self.left_out:
                continue
            if any(a in self.left_out for a in s.alternatives):
                s = replace(s, alternatives=tuple(a for a in s.alternatives if a not in self.left_out))
            out.append(s)
        return out
