"""A call or a letter told as the channel of another act: who does that act and whom it is done to are the call's
parties (ACE's Phone-Write: two or more people engage in discussion not face to face, each a party).

A noun of talk at a distance or in writing ("phone call", "telephone conversation", "letter", "email") that is the
object of "in" or "over" on a verb is how that verb's act was done: "In a phone call on Sunday, Obama told
Netanyahu he would visit" (Obama and Netanyahu), "The two leaders discussed the crisis in a phone call" (the
leaders), "In a letter to Obama, the senators urged him to act" (the senators; Obama by the noun's own "to"). The
verb's subject is the one who calls or writes (slot ``gov_subj``, as "X held a phone call"), the person it tells or
asks (its object or its dative) the other party (slot ``receiver``). A call told as the time of another act
("during a conference call with senior officials, Abadi said": ``noun_frame``'s ``during`` reading, the speaker there
but no party read; session 40 measured "during" here too and dropped it: one call more, one the data leaves unmarked),
the subject of a verb ("the call came as tensions rose") or its object ("ignored the call") is read as before.
"""

from __future__ import annotations

from typing import Any

from annotator.suggest.noun_classes import lemma_of, noun_kind

# nouns of a talk at a distance or in writing (the heads of the schema's "phone call", "telephone conversation")
CHANNELS = frozenset("call conversation letter email e-mail message".split())
CHANNEL_PREPS = frozenset(("in", "over"))
TOLD = frozenset(("dobj", "obj", "dative"))


def channel_parties(n: Any) -> list[tuple[str, Any]]:
    """The parties of a call or a letter told as the channel of a verb's act (see the module's docstring): the verb's
    subject (``gov_subj``) and the person its object or dative names (``receiver``); none for any other noun."""
    head = n.head
    if n.dep_ != "pobj" or head.lower_ not in CHANNEL_PREPS or lemma_of(n) not in CHANNELS:
        return []
    act = head.head
    if act.pos_ != "VERB":
        return []
    out: list[tuple[str, Any]] = [("gov_subj", c) for c in act.children if c.dep_ == "nsubj"]
    out += [("receiver", c) for c in act.children if c.dep_ in TOLD and noun_kind(c) == "PERSON"]
    return out
