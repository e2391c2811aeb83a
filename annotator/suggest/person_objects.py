"""A person as what a verb of receiving or of visiting is done to, which tells another sense than the type's own.

What a verb of receiving ("receive", "accept", "obtain") takes in is its object or its passive subject: a person
received ("Erdogan was received by Putin", "Germany received a million refugees") is a visitor or a newcomer taken in,
no sum of money (blocker ``received:person`` on Transfer-Money). A person visited ("Netanyahu visited Trump at the
White House", "the pope visited the refugees") is met, no place reached (blocker ``visited:person`` on Transport; the
word stays a weak trigger of Contact:Meet); a place the pipeline names visited ("will visit Washington", "who is
visiting Romania") is gone to, no one met (blocker ``visited:place`` on Contact:Meet: ACE's visit to a place is a
Transport).
"""

from __future__ import annotations

from typing import Any

from annotator.role_slots import RECEIVING_VERBS
from annotator.suggest.noun_classes import noun_kind, lemma_of

# personal pronouns a person may be told by ("he was paid", "received him")
_PERSONS = frozenset(("he", "she", "they", "him", "her", "them", "i", "me", "we", "us", "you"))
_VISITING = frozenset(("visit",))
_PLACES = frozenset(("GPE", "LOC", "FAC"))


def is_person_word(tok: Any) -> bool:
    """Whether a token names a person: a personal pronoun, a name of one or a noun guessed to name people."""
    return tok.lower_ in _PERSONS or noun_kind(tok) == "PERSON"


def person_object_kinds(head: Any) -> frozenset[str]:
    """``received:person`` when ``head`` is a verb of receiving whose object or passive subject is a person
    (``is_person_word``), ``visited:person`` when it is "visit" with a person so, ``visited:place`` with a named
    place."""
    if head.pos_ != "VERB":
        return frozenset()
    lemma = lemma_of(head)
    kind = "received:person" if lemma in RECEIVING_VERBS else "visited:person" if lemma in _VISITING else None
    if kind is None:
        return frozenset()
    taken = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    if kind == "visited:person" and any(_place(c) for c in taken):
        return frozenset({"visited:place"})  # "will visit Washington": a place gone to, no one met
    return frozenset({kind}) if any(is_person_word(c) for c in taken) else frozenset()


def _place(tok: Any) -> bool:
    """Whether a token is a place the pipeline names (a country or city, a location, a building), not a person."""
    return tok.ent_type_ in _PLACES and not is_person_word(tok)


def visited_person(verb: Any, obj: Any) -> bool:
    """Whether ``obj`` is a person ``verb`` visits ("visited Trump"): one met, a party of a meeting, no place reached."""
    return lemma_of(verb) in _VISITING and is_person_word(obj)
