"""Money and investors said to flee or to move in a market's words ("capital flight from Russia", "investors fled
emerging markets", "money fled the country"): money going from one market to another, no person, weapon or vehicle
moved (ACE's Transport).

A going is one of money when its mover is a noun of money (the subject of a verb, or the compound or "of" phrase of a
noun: "capital flight", "the flight of capital") or when what is left or gone to is a market ("fled emerging
markets", "moved into bonds"). A blocker ``moved:money`` rules a type out there (the schema's Transport).
"""

from __future__ import annotations

from typing import Any

from annotator.suggest.frame_preps import preps
from annotator.suggest.noun_classes import lemma_of

# nouns of money as what moves ("capital flight", "money fled the country")
MONEY_MOVERS = frozenset("capital money cash fund investment deposit savings".split())
# where money goes or comes from in a market ("fled emerging markets", "moved into bonds"); not "haven", a refuge of
# people as often ("fled to a safe haven in Turkey")
MARKETS = frozenset("market stock bond equity share currency asset commodity security".split())
_WHERE = frozenset(("prep:from", "prep:to", "prep:into", "prep:out"))


def market_kinds(head: Any) -> frozenset[str]:
    """``moved:money`` when the going ``head`` moves money or goes from or to a market, else nothing."""
    if head.pos_ == "VERB":
        movers = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        places = [c for c in head.children if c.dep_ in ("dobj", "obj")]
    elif head.pos_ == "NOUN":
        movers = [c for c in head.children if c.dep_ == "compound" and c.i < head.i]
        movers += [g for s, g in preps(head) if s == "prep:of"]
        places = []
    else:
        return frozenset()
    places += [g for s, g in preps(head) if s in _WHERE]
    money = any(lemma_of(m) in MONEY_MOVERS for m in movers)
    market = any(lemma_of(p) in MARKETS and not p.ent_type_ for p in places)
    return frozenset({"moved:money"}) if money or market else frozenset()
