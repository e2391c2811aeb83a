"""Whether a going is a carrier's routes served, no one movement (ACE's Transport moves a person, a weapon or a vehicle
from one place to another: a timetable or a trade route is no movement that took place).

A verb of going in the simple present with a carrier as its doer - an airline, a ferry, a shipping line (``CARRIERS``),
a firm (``noun_classes.FIRMS``), or an organisation the pipeline names doing a verb of flying or sailing - and no date
or time in its sentence (a rate of occurrence is none: "twice a day") is what the carrier does as a rule: "The airline flies to 50 cities in Europe", "Ryanair flies
from Dublin to 30 destinations", "The ferry sails from Dover to Calais", "The company ships its products to 40
countries". "The plane flew to Paris on Monday", "The airline flew the stranded tourists home" (a past tense), "The
ferry sails to Calais on Monday" (one occasion, dated) and a photo caption's present with its date stay Transports.
"""

from __future__ import annotations

from typing import Any, Sequence

from annotator.suggest.noun_classes import FIRMS, lemma_of

# who carries people or goods as a trade: their verbs of going in the present tell the routes they serve
CARRIERS = frozenset("airline carrier operator ferry ferries railway railroad shipper liner".split())
# verbs of a carrier's service that an organisation named as the doer tells as routes ("Emirates flies to Doha")
SERVICE_VERBS = frozenset(("fly", "sail"))
PRESENT_TAGS = frozenset(("VBZ", "VBP"))
# the words of a rate of occurrence the pipeline labels DATE or TIME ("twice a day", "daily", "every week"): a
# timetable, no date of one occasion
RATE_WORDS = frozenset("daily weekly hourly nightly monthly yearly annually every each twice once times".split())


def routes_served(head: Any, pairs: Sequence[tuple[str, Any]]) -> bool:
    """Whether the trigger ``head`` tells a carrier's routes (see the module's docstring): a verb in the simple
    present with no auxiliary, no DATE or TIME in its sentence, and a carrier, a firm or (flying, sailing) an
    organisation as its subject. A blocker ``route:served`` rules a type out there."""
    if head.pos_ != "VERB" or head.tag_ not in PRESENT_TAGS:
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in head.children):
        return False  # "is flying", "will fly", "has flown": one occasion told
    if any(e.label_ in ("DATE", "TIME") and not _rate(e) for e in head.sent.ents):
        return False  # "sails to Calais on Monday", a caption's date: one occasion
    doers = [tok for slot, tok in pairs if slot in ("subj", "subj_intrans")]
    return any(_carrier(tok, head) for tok in doers)


def _rate(ent: Any) -> bool:
    """A DATE or TIME that tells how often, not when: "twice a day", "daily", "three times a week", "every Sunday"."""
    words = [t.lower_ for t in ent]
    return any(w in RATE_WORDS for w in words) or any(w in ("a", "per") and i > 0 for i, w in enumerate(words))


def _carrier(tok: Any, verb: Any) -> bool:
    if tok.pos_ == "NOUN" and not tok.ent_type_:
        return lemma_of(tok) in CARRIERS | FIRMS
    return tok.ent_type_ == "ORG" and lemma_of(verb) in SERVICE_VERBS
