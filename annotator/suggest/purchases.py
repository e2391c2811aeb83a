"""Whether money given on a trigger word is the price of a thing bought, which ACE's Transfer-Money leaves out (money
given "when it is not in the context of purchasing something").

Money given "for" a thing ("paid for equipment", "paid $3 million for new trucks", "paid $1 million for the
building", "paid $9 billion for a stake in Uber") is a purchase. A person paid - the
passive's subject ("he was paid $500 for the story") or the one the money goes to ("paid him $500 for the interview")
- for a thing of no kind the noun classes know is paid for work or a service, a wage or a fee, not for goods; a
weapon or a vehicle ("paid $20,000 for the truck") stays bought, whoever is paid.
"""

from __future__ import annotations

from typing import Any, Callable

from annotator.suggest.noun_classes import noun_kind, lemma_of
from annotator.suggest.person_objects import is_person_word

_PAYING = frozenset(("pay", "payment", "spend"))  # words of paying a price, not of giving (donate, grant, pledge)
# a part of a firm or a debt one holds ("paid $9 billion for a 15 percent stake", "paid a premium for the shares")
HOLDINGS = frozenset("share stake stock bond security equity".split())


def bought(head: Any, names_event: Callable[[Any], Any]) -> bool:
    """Whether a "for" phrase on the trigger ``head`` (or on its object: "paid [$3 million for trucks]") names a thing
    bought (``bought_thing``) that names no event (``names_event``: "for his release"), and not a person ("for the
    victims")."""
    paid = person_paid(head)
    paying = lemma_of(head) in _PAYING
    return any(
        c.dep_ == "prep"
        and c.lower_ == "for"
        and g.dep_ == "pobj"
        and (bought_thing(g, paid) or paying and (bought_place(g) or bought_holding(g)))
        and not names_event(g)
        for x in (head, *(o for o in head.children if o.dep_ == "dobj"))
        for c in x.children
        for g in c.children
    )


def bought_thing(tok: Any, person_paid: bool = False) -> bool:
    """A noun naming a thing one may buy: a weapon or a vehicle (PRODUCT, named or guessed: "new trucks"), or a common
    noun of no label in the singular ("equipment", "a wall"; a plural of no label may name people the noun classes
    do not know, "veterans") - the latter not when a person is paid (``person_paid``: "paid him for the story", work)."""
    label = noun_kind(tok)
    if label == "PRODUCT":
        return True
    return tok.pos_ == "NOUN" and label is None and tok.tag_ == "NN" and not person_paid


def bought_place(tok: Any) -> bool:
    """A building or a place the noun classes know as a facility, not a named one ("the building", "the stadium", "a
    flat"): paid for, it is bought (real estate: ACE's Transfer-Ownership); given "for" by a donor ("donated $1 million
    for the new hospital") it is what the money is for, which ``bought`` reads only on verbs of paying."""
    return tok.pos_ == "NOUN" and not tok.ent_type_ and noun_kind(tok) == "FAC"


def bought_holding(tok: Any) -> bool:
    """A share, a stake, a bond paid for (``HOLDINGS``): ownership bought (ACE's Transfer-Ownership of an organization's
    part), not money given."""
    return tok.pos_ == "NOUN" and lemma_of(tok) in HOLDINGS


def person_paid(head: Any) -> bool:
    """Whether a verb trigger tells a person as the one paid: its passive subject ("he was paid") or its dative ("paid
    him $500"), a personal pronoun or a name or noun of a person."""
    if head.pos_ != "VERB":
        return False
    return any(c.dep_ in ("nsubjpass", "dative") and is_person_word(c) for c in head.children)
