"""Who gets a sum of money where the parse hangs the one given to away from the verb: on the noun that says what the sum
is ("committed $1.3 billion in aid to Ukraine": the aid goes to Ukraine), or on the account it is put in ("deposited
into the bank account of Najib Razak", "paid into his account": the account's owner gets it). A name the parse hangs on
the sum itself ("lent Greece 10 billion euros") is the verb's indirect object, ``indirect_objects.misread_datives``'.

The first two are read as hearsay slots (``~prep:to``: no evidence of the trigger), after the verb's own "to" phrase.

A noun of money given told "for" a party ("a bailout for Greece", "aid for refugees", "compensation for the
victims") names whom it goes to, ACE's Recipient (slot ``given_for``), not a Beneficiary of a payment made to
another ("paid $10 million for the victims": the verb's "for"); a ransom is paid to captors for a captive's release
(``FOR_RELEASE``).
"""

from __future__ import annotations

from typing import Any, Sequence

from annotator.suggest.frame_preps import preps
from annotator.suggest.noun_classes import noun_kind, lemma_of
from annotator.suggest.person_objects import is_person_word

_ACCOUNTS = frozenset(("account",))
# the prepositions money is put in an account by ("deposited into", "paid into", "transferred to", "kept in")
_INTO = frozenset(("prep:into", "prep:to", "prep:in"))
_PARTIES = frozenset(("PERSON", "ORG", "GPE", "NORP"))
FOR_RELEASE = frozenset(("ransom",))  # paid "for" a captive, to the captors


def money_recipients(verb: Any, objects: Sequence[Any]) -> list[tuple[str, Any]]:
    """The (slot, token) pairs of whom the money ``verb`` moves goes to: the "to" phrase of the noun of a sum's "in"
    phrase ("$1.3 billion in aid to Ukraine") and the owner of an account the money goes into (its possessive or its
    "of" phrase; ``~prep:to``)."""
    out: list[tuple[str, Any]] = []
    for sum_ in objects:
        if sum_.ent_type_ != "MONEY":
            continue
        for slot, noun in preps(sum_):
            if slot == "prep:in":
                out += [("~prep:to", g) for s, g in preps(noun) if s == "prep:to"]
    for slot, place in preps(verb):
        if slot in _INTO and lemma_of(place) in _ACCOUNTS:
            out += [("~prep:to", c) for c in place.children if c.dep_ == "poss" and c.pos_ != "PRON"]
            out += [("~prep:to", g) for s, g in preps(place) if s == "prep:of"]
    return out


def given_for(noun: Any) -> list[tuple[str, Any]]:
    """The (``given_for``, token) pairs of the party a noun trigger is "for" ("a bailout for Greece"): a person named
    or guessed, a pronoun of one, an organisation, a country or a nationality; none for a ransom."""
    if noun.pos_ != "NOUN" or lemma_of(noun) in FOR_RELEASE:
        return []
    return [
        ("given_for", g) for s, g in preps(noun) if s == "prep:for" and (is_person_word(g) or noun_kind(g) in _PARTIES)
    ]
