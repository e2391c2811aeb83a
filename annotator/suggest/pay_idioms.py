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
    """``paid:not_money`` when the verb "pay" is told with a loss ("with their lives"), of lip service, or with
    nothing paid as a penalty made to be borne, a thing worth doing or an effort that succeeded (``unpaid_turn``)."""
    if head.pos_ != "VERB" or lemma_of(head) != "pay":
        return frozenset()
    lost = any(s == "prep:with" and lemma_of(g) in LOSSES for s, g in preps(head))
    lip = any(
        c.dep_ in ("dobj", "obj") and lemma_of(c) == "service" and any(g.lower_ == "lip" for g in c.children)
        for c in head.children
    )
    return frozenset({"paid:not_money"}) if lost or lip or unpaid_turn(head) else frozenset()


# verbs that make someone do a thing ("make them pay", "let them pay")
CAUSING = frozenset(("make", "let"))


def unpaid_turn(head: Any) -> bool:
    """ "pay" with nothing paid (no object, no one paid, no sum in its words) in a turn of phrase of no money (session
    42): a penalty someone is made to bear ("vowed to make the killers pay", "we will make them pay for what they
    did"), a thing worth doing ("it pays to be careful": "it" standing for the clause after) or an effort that
    succeeded ("hard work paid off"). ACE's Transfer-Money gives money; "the court made the company pay $5 million",
    "paid off its debts", "it paid $2 million", "the loan was paid off" (a passive: what was paid its subject) stay."""
    if any(c.dep_ in ("dobj", "obj", "dative", "nsubjpass", "auxpass") for c in head.children):
        return False
    if any(t.ent_type_ == "MONEY" or t.tag_ == "$" for t in head.subtree):
        return False
    kids = list(head.children)
    made = head.dep_ in ("ccomp", "xcomp") and lemma_of(head.head) in CAUSING
    worth = any(c.dep_ == "nsubj" and c.lower_ == "it" for c in kids) and any(
        c.dep_ in ("xcomp", "ccomp") for c in kids
    )
    off = any(c.dep_ == "prt" and c.lower_ == "off" for c in kids)
    return made or worth or off
