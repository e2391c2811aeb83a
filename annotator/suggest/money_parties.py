"""Who gets a sum of money where the parse hangs the one given to away from the verb: on the noun that says what the sum
is ("committed $1.3 billion in aid to Ukraine": the aid goes to Ukraine) or on the account it is put in ("deposited
into the bank account of Najib Razak", "paid into his account": the account's owner gets it).

Both are read as hearsay slots (``~prep:to``: no evidence of the trigger), after the verb's own "to" phrase.
"""

from __future__ import annotations

from typing import Any, Sequence

from annotator.suggest.frame_preps import preps

_ACCOUNTS = frozenset(("account",))
# the prepositions money is put in an account by ("deposited into", "paid into", "transferred to", "kept in")
_INTO = frozenset(("prep:into", "prep:to", "prep:in"))


def money_recipients(verb: Any, objects: Sequence[Any]) -> list[tuple[str, Any]]:
    """The (``~prep:to``, token) pairs of whom the money ``verb`` moves goes to: the "to" phrase of the noun of a sum's
    "in" phrase ("$1.3 billion in aid to Ukraine"), and the owner of an account the money goes into (its possessive
    or its "of" phrase)."""
    out: list[tuple[str, Any]] = []
    for sum_ in objects:
        if sum_.ent_type_ != "MONEY":
            continue
        for slot, noun in preps(sum_):
            if slot == "prep:in":
                out += [("~prep:to", g) for s, g in preps(noun) if s == "prep:to"]
    for slot, place in preps(verb):
        if slot in _INTO and place.lemma_.lower() in _ACCOUNTS:
            out += [("~prep:to", c) for c in place.children if c.dep_ == "poss" and c.pos_ != "PRON"]
            out += [("~prep:to", g) for s, g in preps(place) if s == "prep:of"]
    return out
