"""A token's prepositional attachments as slots of an event's frame: ``prep:<word>`` for its object, ``agent`` for the
"by" of a passive (and "at the hands of X"), ``npadvmod`` for a bare date ("late Monday")."""

from __future__ import annotations

from typing import Any

from annotator.suggest.time_spans import is_weekday


def preps(tok: Any) -> list[tuple[str, Any]]:
    """The (slot, token) pairs of ``tok``'s prepositions and bare dates."""
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
    if noun.lemma_.lower() != "hand" or noun.tag_ != "NNS" or noun.head.lower_ not in ("at", "in"):
        return None
    return next(
        (g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"),
        None,
    )
