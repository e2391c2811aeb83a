"""Whether shots are fired at no one: into the air, as a warning or in celebration (ACE's Attack is a violent physical
act that harms or damages a target: a volley into the sky harms no one).

A verb of firing ("fire", "shoot") told "into the air", "in the air" or "skyward" with no one aimed at - no "at",
"on" or "upon" phrase, and an object, if any, that is what is fired (a shot, a round, a weapon) - is shots fired
aimlessly: "Soldiers fired warning shots into the air", "Troops fired shots in the air as the crowd grew", "Celebrating
fans fired guns into the air". "Soldiers fired at the protesters", "Police fired on the crowd", "Guards fired warning
shots at the boat" and "The army fired rockets into the city" stay Attacks.
"""

from __future__ import annotations

from typing import Any

from annotator.suggest.noun_classes import WEAPONS, lemma_of

FIRING = frozenset(("fire", "shoot"))
AIMED_PREPS = frozenset(("at", "on", "upon", "toward", "towards"))
UPWARD = frozenset(("skyward", "skywards", "upward", "upwards", "overhead"))
# what is fired: a shot, a round, a volley, or a weapon (``WEAPONS``)
FIRED = frozenset("shot round volley salvo burst bullet".split()) | WEAPONS


def fired_in_air(head: Any) -> bool:
    """Whether a verb of firing is told into the air with no one aimed at (see the module's docstring). A blocker
    ``air:aimless`` rules a type out there."""
    if head.pos_ != "VERB" or lemma_of(head) not in FIRING:
        return False
    upward = False
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in AIMED_PREPS:
            return False  # "fired at the protesters", "fired on the crowd": someone aimed at
        if c.dep_ == "dobj" and lemma_of(c) not in FIRED:
            return False  # "shot the man": someone hit
        if c.dep_ == "prep" and c.lower_ in ("into", "in") and any(lemma_of(g) == "air" for g in c.children):
            upward = True
        if c.dep_ == "advmod" and c.lower_ in UPWARD:
            upward = True
    return upward
