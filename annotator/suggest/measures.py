"""Measures told with a trigger word that name no event: a sum of money told as a rate or a range, a journey told as
how far one place lies from another, an event noun told as an amount.

ACE's Transfer-Money is money given by a giver to a recipient; a sum told per unit of time or of goods ("$1 an hour",
"$5 per barrel", "$300 a month") or as a range ("between $5,500 and $18,700") is a price, a wage or a market figure,
what is paid as a rule, no one transfer. ACE's Transport moves someone or something from one place to another; "Libya,
just a short boat ride from southern Europe", "the town is a two-hour drive from the capital" say how far a place
lies, no one went. An event noun that rises or falls, is counted or changes ("foreign investment fell 20 percent",
"the number of arrivals", "a drop in deportations") is a statistic, the sum of many events, no one of them. Each is a
kind the schema's blockers name: ``money:rate``, ``money:range``, ``distance``, ``figure``.
"""

from __future__ import annotations

from typing import AbstractSet, Any

from annotator.suggest.arg_spans import PLACE_LABELS
from annotator.suggest.noun_classes import noun_kind, lemma_of
from annotator.suggest.trigger_sides import objects_of

# units a sum is told per ("$1 an hour", "$5 a barrel"): units of time, and of goods or people priced one by one
RATE_UNITS = frozenset(
    """hour day night week month year annum head person capita barrel gallon litre liter ton tonne kilo kilogram
    pound ounce share unit piece ticket seat visit""".split()
)
_PER = frozenset(("per", "a", "an", "each", "every"))
# verbs saying how an amount moves or what it comes to ("investment fell 20 percent", "payments topped $3 billion")
CHANGES = frozenset(
    """rise fall grow drop decline increase decrease double triple halve jump soar surge plunge slump climb dip shrink
    tumble slide total top exceed""".split()
)
# nouns of an amount whose "of" phrase is what is counted ("the number of arrivals", "the value of investments")
AMOUNTS = frozenset(
    "number amount level rate volume value total count share percent percentage proportion majority".split()
)
# nouns of a change in an amount whose "in" phrase is what changed ("a 30 percent drop in deportations")
CHANGE_NOUNS = frozenset("rise fall growth drop decline increase decrease jump surge spike slump dip reduction".split())
_LYING = frozenset(("be", "lie", "sit"))  # what a place is or where it lies ("Libya lies a boat ride from Europe")


MONEY_KINDS = frozenset(("money:rate", "money:range"))  # what ``money_kinds`` may tell


def measure_kinds(head: Any, span: Any, wanted: AbstractSet[str] | None = None) -> frozenset[str]:
    """The measures a trigger is told with (``money_kinds``, ``distance`` when ``is_distance``, ``figure`` when
    ``is_figure``): kinds the schema's blockers may name. ``wanted``: the kinds asked for (None: all); the others are
    not read, their tests not run."""
    tests = (("distance", is_distance), ("figure", is_figure))
    told = frozenset(k for k, test in tests if (wanted is None or k in wanted) and test(head))
    return (money_kinds(head, span) if wanted is None or wanted & MONEY_KINDS else frozenset()) | told


def money_kinds(head: Any, span: Any) -> frozenset[str]:
    """``money:rate`` when a sum of money a trigger gives (its object, or a noun trigger's "of" phrase) is told per a
    unit ("earning $1 an hour", "paid $5 per day"), ``money:range`` when it is told as a range ("pay between $5,500
    and $18,700"): a price, a wage or a market figure, no one transfer (ACE)."""
    out: set[str] = set()
    for obj in objects_of(head, span):
        if obj.ent_type_ != "MONEY":
            continue
        if _per_unit(obj):
            out.add("money:rate")
        if _a_range(obj):
            out.add("money:range")
    return frozenset(out)


def _per_unit(amount: Any) -> bool:
    """Whether an amount is told per a unit: "an hour" (a noun phrase under it), "per day" (a preposition)."""
    for c in amount.children:
        if c.dep_ == "npadvmod" and lemma_of(c) in RATE_UNITS and any(d.lower_ in _PER for d in c.children):
            return True
        if c.dep_ == "prep" and c.lower_ == "per":
            return True
    return False


def _a_range(amount: Any) -> bool:
    """Whether an amount is one end of a range: "between $5,500 and $18,700" (the word in the NER's MONEY, or the
    parse's quantity modifier)."""
    start = amount
    while start.ent_iob_ == "I" and start.i > 0:
        start = amount.doc[start.i - 1]
    return start.lower_ == "between" or any(c.dep_ == "quantmod" and c.lower_ == "between" for c in amount.children)


def is_distance(head: Any) -> bool:
    """Whether a noun of a journey says how far a place lies from another: said of a place (in apposition to it, or
    what a place is or lies) with a "from" or an "away" ("Libya, just a short boat ride from southern Europe", "Libya
    lies a short boat ride from Europe", "the border is an hour's flight away"); no one moved (ACE's Transport)."""
    if head.pos_ != "NOUN":
        return False
    if head.dep_ == "appos":
        said_of, told = head.head, [head]
    elif head.dep_ in ("attr", "dobj", "npadvmod") and head.head.lemma_ in _LYING:
        said_of = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
        told = [head, head.head]
    else:
        return False
    apart = any(
        (c.dep_ == "prep" and c.lower_ == "from" and t is head) or (c.dep_ == "advmod" and c.lower_ == "away")
        for t in told
        for c in t.children
    )
    return apart and said_of is not None and noun_kind(said_of) in PLACE_LABELS


def is_figure(head: Any) -> bool:
    """Whether an event noun is told as an amount, the sum of many events: what rises or falls ("foreign investment
    fell 20 percent", "arrivals dropped by half"), what is counted ("the number of arrivals", "20 percent of
    deportations"), what changed ("a drop in deportations") or happens so many times a unit ("300 flights a day"). A
    market figure or a statistic, no one event (ACE marks events that happen, each one)."""
    if head.pos_ != "NOUN" and not (head.tag_ == "VBG" and head.dep_ == "nsubj"):
        return False
    if head.tag_ == "NNS" and _per_unit(head):  # "300 flights a day", "400 deportations per week": a rate
        return True
    if head.dep_ == "nsubj" and lemma_of(head.head) in CHANGES:
        return not any(c.dep_ == "dobj" for c in head.head.children)  # "the attack increased tensions": a cause
    if head.dep_ == "pobj" and head.head.dep_ == "prep":
        prep, noun = head.head, head.head.head
        low = lemma_of(noun)
        return (prep.lower_ == "of" and low in AMOUNTS) or (prep.lower_ == "in" and low in CHANGE_NOUNS)
    return False
