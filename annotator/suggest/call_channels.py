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

from typing import Any, Sequence

from annotator.suggest.noun_classes import lemma_of, noun_kind

# nouns of a talk at a distance or in writing (the heads of the schema's "phone call", "telephone conversation")
CHANNELS = frozenset("call conversation letter email e-mail message".split())
CHANNEL_PREPS = frozenset(("in", "over"))
LINE_PREPS = frozenset(("in", "on", "over"))  # a call told as a verb's channel ("spoke on a conference call")
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


def one_call(doc: Any, types: Sequence[str], heads: Sequence[int]) -> list[bool]:
    """Which suggestions to keep (``types`` and ``heads``: each suggestion's type and trigger head, in order): a call
    told "in", "on" or "over" on a verb suggested as the same event ("spoke to her in a phone call", "the two leaders
    talked in a telephone call") is that verb's channel, one event with it, carried by the verb (as the data marks
    "spoke to both her brothers by phone"); so is a call or a letter that is the object of a verb suggested as the
    same event ("the governor wrote an email to the mayor": "takes a phone call", "answering phone calls" as the data
    marks them); the call's own suggestion is dropped."""
    by_head = {(h, t) for h, t in zip(heads, types)}
    keep = []
    for h, t in zip(heads, types):
        n = doc[h]
        prep = n.head
        told = lemma_of(n) in CHANNELS and (
            (n.dep_ == "pobj" and prep.lower_ in LINE_PREPS and prep.head.i != h and (prep.head.i, t) in by_head)
            or (n.dep_ == "dobj" and (prep.i, t) in by_head)  # "wrote an email to the mayor": the verb's object
        )
        keep.append(not told)
    return keep
