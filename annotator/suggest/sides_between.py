"""The two sides of an event told by "between" on its noun ("a clash between police and protesters", "a brawl between
fans of the two clubs", "the battle between the army and the rebels"): who takes part, named together, which one did
what to the other left open. A noun of fighting or of talks so told names its parties as a subject and an object
would, so a word with other senses ("fight") has its support, and the event is no bare mention of a kind. Only a
noun that names one event by its form counts (``one_event``), and only sides that are parties (people, bodies,
countries). Read from the parse and the entity labels; no word of any development text."""

from __future__ import annotations

from typing import Any

from annotator.suggest.noun_classes import noun_kind
from annotator.suggest.noun_frame import occurs

_PARTIES = frozenset(("PERSON", "ORG", "GPE", "NORP"))  # who may take part: people, bodies, countries, peoples
_TWO = frozenset(("two", "both"))  # the words that count two sides in one plural noun ("the two sides")


def one_event(head: Any) -> bool:
    """Whether a noun names one event by its form: a singular with an article or a possessive in front ("a fight",
    "the battle", "their meeting"); a bare singular names an activity ("fighting", "violence"), a plural several
    events ("clashes", "wars", "shots"), which the data leaves unmarked as often as not."""
    return head.tag_ == "NN" and any(c.dep_ in ("det", "poss") for c in head.children)


def sides_between(head: Any) -> list[Any]:
    """The parties a noun trigger's own "between" phrase names: two or more coordinated ("between police and
    protesters", "between Israel and Hamas"), or one plural counted as two ("between the two armies", "both
    countries"), or those of the verb of happening the noun is the subject of ("fighting broke out between police and
    protesters": one occurrence told, whatever the noun's form; session 43); none for a noun that names no one event
    by its form told by no such verb, a side that is no party (a time, an amount, a
    thing: "between June and May", "between $5 and $9", "a fight between two regional giants"), or a single side."""
    if head.pos_ != "NOUN":
        return []
    told = list(head.children) if one_event(head) else []
    if head.dep_ == "nsubj" and occurs(head.head):
        # "fighting broke out between the army and the rebels", "clashes erupted between police and protesters": a
        # verb of happening tells one occurrence of its subject, and its "between" phrase is the event's sides
        told += head.head.children
    for prep in told:
        if prep.dep_ != "prep" or prep.lower_ != "between":
            continue
        for side in prep.children:
            if side.dep_ != "pobj":
                continue
            group = [side, *side.conjuncts]
            if not all(noun_kind(t) in _PARTIES for t in group):
                return []
            counted = side.tag_ in ("NNS", "NNPS") and any(c.lower_ in _TWO for c in side.children)
            if len(group) >= 2 or counted:
                return group
    return []
