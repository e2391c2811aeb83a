"""Money and investors said to flee or to move in a market's words ("capital flight from Russia", "investors fled
emerging markets", "money fled the country"), and money someone moves ("withdrew $500 from an ATM", "withdrew their
savings from the bank", "moved $3 million to a Swiss account"): money going from one place or market to another, no
person, weapon or vehicle moved (ACE's Transport).

A going is one of money when its mover is a noun of money (the subject of a verb, or the compound or "of" phrase of a
noun: "capital flight", "the flight of capital"), when what a verb moves (its object) is money (a noun of money or
of a currency, or a sum the pipeline names: "withdrew cash", "withdrew 1 billion euros", "withdrew $500") or when
what is left or gone to is a market ("fled emerging markets", "moved into bonds"). A blocker ``moved:money`` rules a type out there (the schema's Transport).
"""

from __future__ import annotations

from typing import Any

from annotator.suggest.frame_preps import preps
from annotator.suggest.noun_classes import lemma_of

# nouns of money as what moves ("capital flight", "money fled the country")
MONEY_MOVERS = frozenset("capital money cash fund investment deposit savings".split())
# currencies by name: what is moved where a sum is told in words ("withdrew 1 billion euros")
CURRENCIES = frozenset(
    "dollar euro pound yen yuan renminbi rupee ruble rouble peso franc shekel dinar dirham riyal rand lira won real "
    "krona krone zloty forint naira shilling hryvnia baht ringgit rupiah".split()
)
# where money goes or comes from in a market ("fled emerging markets", "moved into bonds"); not "haven", a refuge of
# people as often ("fled to a safe haven in Turkey")
MARKETS = frozenset("market stock bond equity share currency asset commodity security".split())
_WHERE = frozenset(("prep:from", "prep:to", "prep:into", "prep:out"))


def market_kinds(head: Any) -> frozenset[str]:
    """``moved:money`` when the going ``head`` moves money or goes from or to a market, else nothing."""
    if head.pos_ == "VERB":
        movers = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        places = [c for c in head.children if c.dep_ in ("dobj", "obj")]
        movers += places  # "withdrew cash from the machine": what the verb moves
    elif head.pos_ == "NOUN":
        movers = [c for c in head.children if c.dep_ == "compound" and c.i < head.i]
        movers += [g for s, g in preps(head) if s == "prep:of"]
        places = []
    else:
        return frozenset()
    places += [g for s, g in preps(head) if s in _WHERE]
    money = any(_money(m) for m in movers)
    market = any(lemma_of(p) in MARKETS and not p.ent_type_ for p in places)
    return frozenset({"moved:money"}) if money or market else frozenset()


def _money(tok: Any) -> bool:
    """Whether a word names money: a noun of money or of a currency, or a sum (a MONEY entity: "$500")."""
    return tok.ent_type_ == "MONEY" or (tok.pos_ == "NOUN" and lemma_of(tok) in MONEY_MOVERS | CURRENCIES)
