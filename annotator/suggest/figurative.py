"""Figurative and non-event senses of event words, told by who takes part and where the word is said: a clash in
words at a debate, a market's rally, a death of what has no life. Each reads ACE's definition of its type: an Attack
is a physical act, a Demonstrate people gathering in public, a Life:Die the end of a living being's life. Pure
functions of spaCy tokens, for the rule-based event suggester (``trigger_clues.kinds_of_sides``, ``event_rules``).
"""

from __future__ import annotations

from typing import Any, Sequence

from annotator.suggest.noun_classes import ARMED, LIFELESS, NATURAL_FORCES, TALK_EVENTS, TRADED, guess_label, is_police

SETTING_PREPS = frozenset({"during", "in", "at"})  # where or when an act is told as done ("during the debate")
CHANGE_LABELS = frozenset({"PERCENT", "MONEY"})  # how far a price moved ("rallied 5 percent", "rose to $40")
UNDERGOER_SLOTS = ("obj", "subjpass", "subj_intrans")  # who undergoes a verb: what the frame reads as done to


def over_topic(head: Any) -> bool:
    """Whether a word has an "over" or "about" phrase on a common noun that names no person, place, thing or time
    ("clashed over the budget", "attacked the government over its budget"): what a dispute is about, a clash in words
    (ACE's Attack is physical); "clashed over the weekend" (a time), "over the border" (a place) are not."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("over", "about")
        and g.dep_ == "pobj"
        and g.pos_ == "NOUN"
        and not g.ent_type_
        and guess_label(g) is None
        for c in head.children
        for g in c.children
    )


def in_talk(head: Any) -> bool:
    """Whether a word is told as done during, in or at an event of speech (``TALK_EVENTS``: "the candidates clashed
    during the debate", "the senators clashed at the hearing") with no police nor armed force on either side ("with
    police during the meeting" may be blows): a clash in words, no violent act."""
    talk = any(
        c.dep_ == "prep" and c.lower_ in SETTING_PREPS and g.dep_ == "pobj" and g.pos_ == "NOUN" and _talk(g)
        for c in head.children
        for g in c.children
    )
    return talk and not any(is_police(t) or t.lemma_.lower() in ARMED for t in _sides(head))


def _sides(head: Any) -> list[Any]:
    """Who takes part in a word's act: its subjects, its objects and its "with" phrase's nouns."""
    kids = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    kids += [g for c in head.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children]
    return kids + [k for t in kids for k in t.conjuncts]


def told_in_words(head: Any) -> bool:
    """Whether a figurative word (an attack, a clash) is told as a dispute: about a topic (``over_topic``) or at an
    event of speech (``in_talk``). ``event_rules`` reads it for a figurative word told with no cue of its type."""
    return over_topic(head) or in_talk(head)


def market_move(head: Any, pairs: Sequence[tuple[str, Any]]) -> bool:
    """Whether a verb tells a price's move: its subject is a thing traded (``TRADED``: "stocks rallied", "the dollar
    rallied against the euro") or it is told with an amount of change ("rallied 5 percent", "rallied to $40"): no
    people gathering (ACE's Demonstrate). A blocker ``subj:market`` rules a type out there."""
    if head.pos_ != "VERB":
        return False
    if any(slot in ("subj", "subj_intrans") and _traded(tok) for slot, tok in pairs):
        return True
    near = list(head.children) + [g for c in head.children if c.dep_ == "prep" for g in c.children]
    return any(t.ent_type_ in CHANGE_LABELS for t in near)


def _traded(tok: Any) -> bool:
    """A common noun naming a thing traded, or one in the "of" phrase of a price or a share ("shares of Apple")."""
    return tok.pos_ == "NOUN" and not tok.ent_type_ and tok.lemma_.lower() in TRADED


def lifeless_undergoing(head: Any, pairs: Sequence[tuple[str, Any]]) -> bool:
    """Whether who undergoes a verb (its object, its passive subject, the subject of an intransitive one) has no life
    to end: "it", a hope, an undertaking, an institution or a machine (``LIFELESS``), an event of speech, a force of
    nature, a thing made or a building ("his hopes died", "the talks died", "the company died", "the engine died"). A
    blocker ``obj:lifeless`` rules a type out there (ACE's Life:Die ends a living being's life)."""
    return head.pos_ == "VERB" and any(slot in UNDERGOER_SLOTS and _lifeless(tok) for slot, tok in pairs)


def _lifeless(tok: Any) -> bool:
    if tok.lower_ == "it":  # a thing or a fact: English says "he" or "she" of a person who dies
        return True
    if tok.pos_ != "NOUN" or tok.ent_type_:
        return False
    lemma = tok.lemma_.lower()
    return lemma in LIFELESS or _talk(tok) or lemma in NATURAL_FORCES or guess_label(tok) in ("PRODUCT", "FAC")


def _talk(tok: Any) -> bool:
    """A common noun naming an event of speech, by its lemma or its form ("the talks", lemma "talk")."""
    return tok.lemma_.lower() in TALK_EVENTS or tok.lower_ in TALK_EVENTS


def figurative_kinds(head: Any, pairs: Sequence[tuple[str, Any]]) -> frozenset[str]:
    """The blocker kinds of a word's figurative senses read on who takes part: ``subj:market`` (``market_move``) and
    ``obj:lifeless`` (``lifeless_undergoing``)."""
    return frozenset(
        kind
        for kind, said in (
            ("subj:market", market_move(head, pairs)),
            ("obj:lifeless", lifeless_undergoing(head, pairs)),
        )
        if said
    )
