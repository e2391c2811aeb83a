"""Where a going starts is no place it ends: a verb of leaving told "in" or "at" a place ("escaped from prison in
Kuwait", "leaves the cathedral in New York", "departed from the airport in Berlin") tells where the one who leaves was,
the setting of the departure, and ACE's Destination is where the movement ends. Read after the trigger's decision (a
place named still tells a movement), so no trigger moves; only the role the place was given is taken back."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from annotator.role_slots import LEAVING_VERBS
from annotator.suggest.noun_classes import lemma_of
from annotator.suggest.types import EventSuggestion

SETTING_WORDS = frozenset(("in", "at", "inside"))  # the prepositions of where one is, not where one goes


def without_place_left(suggestion: EventSuggestion, head: Any) -> EventSuggestion:
    """``suggestion`` without the Destination a verb of leaving (``head``, its trigger's head) was told "in", "at" or
    "inside" ("fled the fighting in Aleppo"): that place is where the going starts from."""
    if head.pos_ != "VERB" or lemma_of(head) not in LEAVING_VERBS:
        return suggestion
    where = [
        g.idx
        for c in head.children
        if c.dep_ == "prep" and c.lower_ in SETTING_WORDS
        for g in c.children
        if g.dep_ == "pobj"
    ]
    kept = tuple(
        a for a in suggestion.arguments if not (a.role == "Destination" and any(a.start <= i < a.end for i in where))
    )
    return suggestion if len(kept) == len(suggestion.arguments) else replace(suggestion, arguments=kept)
