"""Whether a verb of aiming is a seller's or a campaigner's aim at a market: a firm, a brand or a campaign "targets"
customers, buyers or voters to sell to or win over them (ACE's Attack is a violent physical act: no one is harmed).

Both sides tell it: the doer a firm (``noun_classes.FIRMS``) or a thing of selling or persuading (``PITCHES``: a
campaign, an advert, a brand), and what is aimed at people as a market (``MARKETS``: customers, consumers, voters,
viewers): "The company targets young customers", "The campaign targeted young voters in swing states". "Militants
targeted shoppers in a crowded market" (no firm), "The military campaign targeted civilians" (no market) stay Attacks.
"""

from __future__ import annotations

from typing import Any, Sequence

from annotator.suggest.noun_classes import FIRMS, lemma_of

AIMING = frozenset(("target", "aim"))
PITCHES = frozenset("campaign advert advertisement ad commercial brand product marketing promotion".split())
MARKETS = frozenset(
    """customer consumer buyer shopper client subscriber user viewer reader listener audience voter electorate
    market demographic""".split()
)


def market_targeted(head: Any, pairs: Sequence[tuple[str, Any]]) -> bool:
    """Whether ``head`` (a verb of aiming) is done by a firm or a pitch to people as a market (see the module's
    docstring). A blocker ``obj:market`` rules a type out there."""
    if head.pos_ != "VERB" or lemma_of(head) not in AIMING:
        return False
    doers = [t for slot, t in pairs if slot in ("subj", "subj_intrans", "agent")]
    aimed = [t for slot, t in pairs if slot in ("obj", "subjpass")]
    seller = any(t.pos_ == "NOUN" and lemma_of(t) in FIRMS | PITCHES for t in doers)
    return seller and bool(aimed) and all(t.pos_ == "NOUN" and lemma_of(t) in MARKETS for t in aimed)
