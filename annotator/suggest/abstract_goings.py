"""Goings whose start or end is no place ("the senator returned to the issue of taxes", "the candidate withdrew from
the race", "the firm withdrew its offer", "voters left the party"): a topic taken up again, a contest or an agreement
given up, a proposal taken back, an organisation left, a website visited ("millions visited the website"), no person,
weapon or vehicle moved (ACE's Transport).

A blocker ``going:abstract`` rules a type out there (the schema's Movement:Transport): the "to" phrase of the going
names a topic (``TOPICS``), its "from" phrase a contest, an agreement or talks (``noun_classes.CONTESTS``,
``PROPOSALS``, ``TALK_EVENTS``), the object of "withdraw" is something put forward (``PROPOSALS``, ``OFFERS``), or the
object of a verb of leaving a membership (``QUITTING``) is an organisation the pipeline names or the classes guess,
or the object or the "to" phrase of the going is a place on the web (``WEB_PLACES``).
"Russia withdrew its troops from the border", "the senator returned to Washington", "fled the city" stay goings.
"""

from __future__ import annotations

from typing import Any

from annotator.suggest.frame_preps import preps
from annotator.suggest.noun_classes import CONTESTS, PROPOSALS, TALK_EVENTS, lemma_of, noun_kind

# what one comes back or turns to in speech or thought ("returned to the issue of taxes")
TOPICS = frozenset("issue topic subject question theme matter point".split())
# what is put forward and may be taken back ("withdrew its offer", "withdrew his candidacy")
OFFERS = frozenset("offer support nomination candidacy complaint lawsuit suit statement request application".split())
# verbs of leaving a membership as well as a place ("left the party", "quit the government")
QUITTING = frozenset(("leave", "quit", "exit", "abandon"))
# places on the web, gone to with no one moving ("visited the website", "went to the app"); not "site" ("visited the
# site of the attack") nor "page" ("turned to page five")
WEB_PLACES = frozenset("website webpage homepage app portal blog chatroom".split())
_GIVEN_UP = CONTESTS | PROPOSALS | TALK_EVENTS | frozenset(("election", "coalition", "government", "union"))


def abstract_going_kinds(head: Any) -> frozenset[str]:
    """``going:abstract`` when the going ``head`` starts or ends at no place (a topic, a contest, an agreement, a
    proposal, an organisation), else nothing."""
    if head.pos_ != "VERB":
        return frozenset()
    lemma = lemma_of(head)
    where = preps(head) + [(s, g) for c in head.children if c.dep_ == "prt" for s, g in preps(c)]
    objects = [c for c in head.children if c.dep_ in ("dobj", "obj")]
    abstract = (
        any(s == "prep:to" and lemma_of(g) in TOPICS for s, g in where)
        or any(s == "prep:from" and lemma_of(g) in _GIVEN_UP and not g.ent_type_ for s, g in where)
        or (lemma == "withdraw" and any(lemma_of(o) in PROPOSALS | OFFERS for o in objects))
        or (lemma in QUITTING and any(noun_kind(o) == "ORG" and o.ent_type_ != "GPE" for o in objects))
        or any(lemma_of(o) in WEB_PLACES for o in objects)
        or any(s in ("prep:to", "prep:into", "prep:onto") and lemma_of(g) in WEB_PLACES for s, g in where)
    )
    return frozenset({"going:abstract"}) if abstract else frozenset()
