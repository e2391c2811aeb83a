"""What a candidate's words tell the role keys' order (``keyflow.role_candidates``): a court's or a judge's name for
the role of who judges, and a name spanned with and without its "the" (session 34)."""

from __future__ import annotations

import re

from annotator.model import Entity
from annotator.suggest.noun_classes import ADJUDICATORS

_WORDS = re.compile(r"[^\W\d_]+")
JUDGE_ROLE = "Adjudicator"  # who judges: the suggesters' name of the role too (``noun_classes.court_role``)


def names_judge(text: str, start: int, end: int) -> bool:
    """Whether a name is who judges by its words or the title before it ("the Court of Appeal", "Warsaw Regional
    Court", "Judge Anna Kowalczyk": ``noun_classes.ADJUDICATORS``, a closed class of English)."""
    before = _WORDS.findall(text[max(0, start - 12) : start])[-1:]
    return any(w.lower() in ADJUDICATORS for w in [*before, *_WORDS.findall(text[start:end])])


def bare_before_the(cands: list[Entity], text: str) -> list[Entity]:
    """``cands`` with a name's span that has a leading "the" ("the Court of Appeal", as the pipeline spans an ORG)
    moved after the same name without it ("Court of Appeal", a span a person made for an argument) where both are
    candidates: an argument's extent leaves the article out (of half A's 126 arguments that are a name of several
    words, one starts with "the"); seed 004's Appeal offered "the Court of Appeal" first, its Adjudicator second
    (session 34). Else the order as given."""
    if not text:
        return cands
    spans = {(e.start, e.end) for e in cands}
    held = {
        (e.start + 4, e.end): e
        for e in cands
        if text[e.start : e.start + 4].lower() == "the " and (e.start + 4, e.end) in spans
    }
    if not held:
        return cands
    moved = {e.id for e in held.values()}
    out: list[Entity] = []
    for e in cands:
        if e.id in moved:
            continue
        out.append(e)
        if (e.start, e.end) in held:
            out.append(held[(e.start, e.end)])
    return out
