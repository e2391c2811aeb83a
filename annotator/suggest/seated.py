"""Sitting down with no one: a person takes a seat (ACE's Meet is two or more coming together face to face).

"Sit down" is a meeting where it is told with another party or for a meeting: a "with" phrase ("sat down with
reporters", "sat down to dinner with the delegation", "sat down for an interview with CNN"), "together" ("the
negotiators will sit down together") or a meeting as what one sits down for or to do ("sat down for talks", "sat
down to negotiate a new contract"). Told with none of these it is a person taking a seat: "The old man sat down on a
bench", "She sat down at her desk", "The crowd sat down as the anthem ended". A blocker ``sit:alone`` rules a type
out there (the schema's Meet).
"""

from __future__ import annotations

from typing import Any, Iterator

from annotator.suggest.noun_classes import lemma_of

# what one sits down for or to do that is a meeting: talk, negotiation, an interview, a meal shared (ACE's Meet)
MEETING_AIMS = frozenset(
    "talk negotiation negotiate discuss discussion interview meeting meet conversation dialogue summit chat "
    "dinner lunch breakfast meal".split()
)
TOGETHER = frozenset(("together", "face-to-face"))
PURPOSE_DEPS = frozenset(("xcomp", "advcl"))


def sat_alone(head: Any) -> bool:
    """Whether a verb of sitting down is told with no other party and for no meeting (see the module's docstring)."""
    if head.pos_ != "VERB" or lemma_of(head) != "sit":
        return False
    return not any(_with_another(t) for t in _told_with(head))


def _told_with(head: Any) -> Iterator[Any]:
    """The words that tell what the sitting is with or for: the verb's children, and the words of its prepositions'
    objects and of its purpose ("for an interview with CNN", "to dinner with the delegation", "to negotiate")."""
    for c in head.children:
        yield c
        if c.dep_ == "prep" or c.dep_ in PURPOSE_DEPS:
            yield from (t for t in c.subtree if t is not c)


def _with_another(tok: Any) -> bool:
    return (
        (tok.dep_ == "prep" and tok.lower_ == "with")
        or tok.lower_ in TOGETHER
        or (tok.pos_ in ("NOUN", "VERB") and lemma_of(tok) in MEETING_AIMS)
    )
