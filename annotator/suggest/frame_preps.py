"""A token's prepositional attachments as slots of an event's frame: ``prep:<word>`` for its object, ``agent`` for the
"by" of a passive (and "at the hands of X"), ``npadvmod`` for a bare date ("late Monday")."""

from __future__ import annotations

from typing import Any, Sequence

from annotator.suggest.time_spans import is_weekday
from annotator.suggest.noun_classes import lemma_of
from annotator.suggest.per_doc import PerDoc
from annotator.suggest.shared_parts import of_objects

# the phrases telling where a going ends ("into Turkey", "to Italy", "toward the capital")
GOAL_SLOTS = ("prep:into", "prep:to", "prep:toward", "prep:towards")


_PREPS = PerDoc()  # a token's pairs: asked ~3 times a candidate (its frame, a noun's frame, settings, parties)


def preps(tok: Any) -> list[tuple[str, Any]]:
    """The (slot, token) pairs of ``tok``'s prepositions and bare dates (a new list: the caller's to change)."""
    kept = _PREPS.of(tok.doc)
    pairs = kept.get(tok.i)
    if pairs is None:
        pairs = kept[tok.i] = tuple(_preps(tok))
    return list(pairs)


def dative_to(verb: Any) -> list[Any]:
    """The objects of the "to" the parse takes for a verb's dative ("gave compensation to the victims", "sent an email
    to his lawyer": ``dative``, not ``prep``), so no "to" phrase of ``preps``."""
    return [g for c in verb.children if c.dep_ == "dative" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]


def _preps(tok: Any) -> list[tuple[str, Any]]:
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent") and c.pos_ in ("ADP", "SCONJ"):
            for g in c.children:
                if g.dep_ == "pobj" and (doer := _hands_of(g)) is not None:
                    out.append(("agent", doer))  # "killed at the hands of police": the police did it
                elif g.dep_ == "pobj" and (name := _name_before_day(g)) is not None:
                    # "heading to Kyiv Monday": the parse takes the day for the object, the name for its compound
                    out += [(f"prep:{c.lower_}", name), ("npadvmod", g)]
                elif g.dep_ == "pobj":
                    out.append(("agent" if c.dep_ == "agent" else f"prep:{c.lower_}", g))
        elif c.dep_ == "npadvmod" and c.ent_type_ in ("DATE", "TIME"):
            out.append(("npadvmod", c))
    return out


def _name_before_day(day: Any) -> Any | None:
    """The name right before a weekday the parse made its compound ("to Kyiv Monday": Kyiv), or None."""
    if not is_weekday(day.text) or day.i == 0:
        return None
    name = day.doc[day.i - 1]
    return name if name.head.i == day.i and name.dep_ == "compound" and name.pos_ == "PROPN" else None


def _hands_of(noun: Any) -> Any | None:
    """X of "at (in) the hands of X", the one who did it, or None."""
    if lemma_of(noun) != "hand" or noun.tag_ != "NNS" or noun.head.lower_ not in ("at", "in"):
        return None
    return next(iter(of_objects(noun)), None)


def goal_before_object(pairs: Sequence[tuple[str, Any]]) -> list[tuple[str, Any]]:
    """A frame's (slot, token) pairs with the phrases telling where a going ends read before its object: of "crossed the
    border into Turkey", "crossed the Mediterranean to Italy" the place gone to is the "into" or "to" phrase, and the
    object the way crossed (a role of one filler took the object first)."""
    goals = [p for p in pairs if p[0] in GOAL_SLOTS]
    rest = [p for p in pairs if p[0] not in GOAL_SLOTS]
    at = next((i for i, p in enumerate(rest) if p[0] == "obj"), None)
    if not goals or at is None:
        return list(pairs)
    return rest[:at] + goals + rest[at:]
