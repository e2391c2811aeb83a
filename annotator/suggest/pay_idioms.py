"""Paying told of what is no money ("soldiers paid with their lives", "paid lip service to reform"): a cost borne or a
show of support, no money given (ACE's Transfer-Money).

What is paid "with" a life, blood, a job or freedom is lost, not given to anyone; "lip service" is a word of support
not meant. A blocker ``paid:not_money`` rules a type out there (the schema's Transfer-Money); "paid with cash", "paid
with a credit card" stay payments.
"""

from __future__ import annotations

from typing import Any

from annotator.suggest.frame_preps import preps
from annotator.suggest.noun_classes import lemma_of

# what one pays "with" that is no money: what is lost ("paid with their lives", "with his job")
LOSSES = frozenset("life blood job freedom liberty health career seat limb".split())


def pay_idiom_kinds(head: Any) -> frozenset[str]:
    """``paid:not_money`` when the verb "pay" is told with a loss ("with their lives") or of lip service."""
    if head.pos_ != "VERB" or lemma_of(head) != "pay":
        return frozenset()
    lost = any(s == "prep:with" and lemma_of(g) in LOSSES for s, g in preps(head))
    lip = any(
        c.dep_ in ("dobj", "obj") and lemma_of(c) == "service" and any(g.lower_ == "lip" for g in c.children)
        for c in head.children
    )
    return frozenset({"paid:not_money"}) if lost or lip else frozenset()
