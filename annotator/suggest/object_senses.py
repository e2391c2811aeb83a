"""Words of going and of arresting done to what makes them another sense, as news of every kind uses them: a flag
flown ("the company flew its flag at half-mast": nothing moved from one place to another, ACE's Movement:Transport)
and a trend arrested ("the party arrested its slide in the polls": no person held, ACE's Justice:Arrest-Jail), and a
body of people infiltrated ("agents infiltrated the gang": joined in secret, no one moved from one place to another;
session 38, helper s38-trig). Told by the object alone, a common noun of a closed class of ordinary English or a body
of people named or guessed (``noun_classes.noun_kind`` ORG). Read on made-up news sentences
(``tests/data/news_sentences.jsonl``, session 36, helper s36-trig). Pure functions of spaCy tokens for the rule
suggester's blockers (``obj:flag`` and ``obj:joined`` on Transport, ``obj:trend`` on Arrest-Jail)."""

from __future__ import annotations

from typing import Any

from annotator.suggest.noun_classes import lemma_of, noun_kind

# what is flown in place, raised on a mast or a string: no one and nothing carried anywhere
FLOWN = frozenset("flag flags banner banners kite kites colours colors ensign pennant standard".split())
# what changes over time, which one stops or checks: no person held
TRENDS = frozenset(
    """slide decline fall drop slump growth spread rise trend momentum progress deterioration decay erosion
    downturn collapse advance""".split()
)

# bodies of people one joins in secret that the ORG class lacks (crime and its circles)
SECRET_BODIES = frozenset("gang ring network cell cartel mafia syndicate clan sect cult circle".split())


def _objects(head: Any) -> list[Any]:
    return [c for c in head.children if c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "NOUN"]


def flag_flown(head: Any) -> bool:
    """Whether "fly" is done to a flag or a kite ("flew its flag at half-mast", "flags were flown at half-staff");
    "flew the plane to Paris", "flew troops to the front" stay."""
    return head.pos_ == "VERB" and lemma_of(head) == "fly" and any(lemma_of(o) in FLOWN for o in _objects(head))


def trend_arrested(head: Any) -> bool:
    """Whether "arrest" (or "halt", "check") is done to a trend ("arrested its slide in the polls", "arrest the
    decline of the town"); "arrested the suspect" stays."""
    return head.pos_ == "VERB" and any(lemma_of(o) in TRENDS and not o.ent_type_ for o in _objects(head))


def body_infiltrated(head: Any) -> bool:
    """Whether "infiltrate" is done to a body of people ("agents infiltrated the gang", "the informant infiltrated a
    group led by a smuggler"): joined in secret; "militants infiltrated the town", "infiltrated into Kashmir" stay."""
    return (
        head.pos_ == "VERB"
        and lemma_of(head) == "infiltrate"
        and any(noun_kind(o) == "ORG" or lemma_of(o) in SECRET_BODIES for o in _objects(head))
    )


def object_sense_kinds(head: Any) -> frozenset[str]:
    """The blocker kinds of these senses: ``obj:flag`` (``flag_flown``), ``obj:trend`` (``trend_arrested``) and
    ``obj:joined`` (``body_infiltrated``)."""
    return frozenset(
        kind
        for kind, said in (
            ("obj:flag", flag_flown(head)),
            ("obj:trend", trend_arrested(head)),
            ("obj:joined", body_infiltrated(head)),
        )
        if said
    )
