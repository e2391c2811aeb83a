"""Where a going starts is no place it ends: a verb of leaving told "in" or "at" a place ("escaped from prison in
Kuwait", "leaves the cathedral in New York", "departed from the airport in Berlin") tells where the one who leaves was,
the setting of the departure, and ACE's Destination is where the movement ends. Read after the trigger's decision (a
place named still tells a movement), so no trigger moves; only the role the place was given is taken back. And
whether a going is told with a direction (``directed``) or with no place at all (``placeless``), as the suggester's
score reads it."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Sequence

from annotator.role_slots import LEAVING_VERBS
from annotator.suggest.arg_spans import PLACE_LABELS
from annotator.suggest.noun_classes import lemma_of
from annotator.suggest.types import ArgumentSuggestion, EventSuggestion

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


DIRECTIONS = ("Origin", "Destination")  # the roles of where a going starts and ends


# words of direction a going's verb may take without a place: "flying north", "went home", "headed back", "fled abroad",
# "crossed over", "a way to" anywhere
DIRECTION_WORDS = {
    "to", "into", "onto", "toward", "towards", "from", "across", "through", "over", "out", "back", "home", "away",
    "abroad", "north", "south", "east", "west", "northward", "southward", "eastward", "westward", "inland", "ashore",
    "overseas", "offshore", "upstream", "downstream",
}  # fmt: skip


def directed(head: Any) -> bool:
    """Whether a verb of going is told with a direction, a place named or not ("before flying north", "heading to a
    pagoda", "fled abroad"): a preposition, particle or adverb of direction on it."""
    return any(c.dep_ in ("prep", "prt", "advmod", "npadvmod") and c.lower_ in DIRECTION_WORDS for c in head.children)


def placeless(etype: Any, args: Sequence[ArgumentSuggestion], head: Any) -> bool:
    """Whether the type is a going (a role of where it starts or ends: Origin, Destination) told with no place:
    ``args`` fill neither and no place is named in the trigger's phrase ("the arrival of the refugees in Athens")."""
    return (
        any(etype.role(r) is not None for r in DIRECTIONS)
        and not any(a.role in DIRECTIONS for a in args)
        and not any(t.ent_type_ in PLACE_LABELS for t in head.subtree)
    )
