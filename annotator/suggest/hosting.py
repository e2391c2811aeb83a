"""A meal or a reception a host gives for a guest ("Merkel hosted a dinner for Obama", "the queen gave a banquet for
Macron"), or one had with a companion ("Obama had lunch with Biden"): ACE's Contact:Meet, the two come together face
to face.

The guest is the "for" or "with" phrase of the noun or of the verb of hosting (the "with" phrase of a verb of having
or sharing one), a party (a person named or guessed, a pronoun of one, an organisation, a country or a nationality),
not a cause or a time ("a dinner for the victims' fund", "dinner for two hours"). It takes the slot ``guest`` (ACE's
Entity reads it: ``role_slots``); one named guest and the host's subject are the two parties a weak word needs
(``hosted_guest``), where the small pipeline names no host ("Merkel hosted a dinner for Obama": "Merkel" no PERSON
there).
"""

from __future__ import annotations

from typing import Any, Sequence

from annotator.suggest.noun_classes import noun_kind, lemma_of
from annotator.suggest.person_objects import is_person_word
from annotator.suggest.types import ArgumentSuggestion

HOSTING_VERBS = frozenset(("host", "give", "hold", "throw"))
# verbs of sharing a meal with someone ("had lunch with Biden", "shared a dinner with Macron")
SHARING_VERBS = frozenset(("have", "share", "eat"))
# what a host gives a guest: a meal or a reception (English's words for them, not a list of the data's triggers)
MEALS = frozenset("dinner lunch breakfast supper banquet luncheon feast brunch reception".split())
_PARTIES = frozenset(("PERSON", "ORG", "GPE", "NORP"))


def guests(noun: Any) -> list[tuple[str, Any]]:
    """The (``guest``, token) pairs of the one a meal or a reception (``noun``) is hosted for or had with: the "for" or
    "with" phrase of the noun or of the verb of hosting it is the object of ("with" alone for a verb of having or
    sharing it), when it names a party."""
    verb = noun.head
    if lemma_of(noun) not in MEALS or noun.dep_ not in ("dobj", "obj") or verb.pos_ != "VERB":
        return []
    lemma = lemma_of(verb)
    words = ("for", "with") if lemma in HOSTING_VERBS else ("with",) if lemma in SHARING_VERBS else ()
    told = [c for x in (noun, verb) for c in x.children if c.dep_ in ("prep", "dative") and c.lower_ in words]
    return [("guest", g) for c in told for g in c.children if g.dep_ == "pobj" and _party(g)]


def _party(tok: Any) -> bool:
    return is_person_word(tok) or noun_kind(tok) in _PARTIES


def hosted_guest(pairs: Sequence[tuple[str, Any]], args: Sequence[ArgumentSuggestion]) -> bool:
    """Whether a named guest (an argument scored 0.8 or more) was taken from the slot ``guest``, with a host told as
    the verb's subject (``gov_subj``): two parties, the host and the guest."""
    named = [t for s, t in pairs if s == "guest" and any(a.start <= t.idx < a.end and a.score >= 0.8 for a in args)]
    return bool(named) and any(s == "gov_subj" for s, _ in pairs)
