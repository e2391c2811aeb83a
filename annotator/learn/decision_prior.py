"""What pre-annotation learns from the decisions already made, without a training run: the event types nobody keeps.

A type the project's people rejected at least ``LEAST_REJECTED`` times (in any documents of the set) and never kept
(accepted or added by hand) is how they work: they do not annotate it (events-dev marks 8 of the news schema's 33
types). Pre-annotation of the undecided documents then no longer suggests it (``annotator.suggest.decided``); one
event of the type accepted or added brings it back. The counts are of the schema's own type names, so a user's own
schema works the same way. Measured by ``bench/decision_prior.py`` (docs/learning.md, "Session 18"): the other
priors tried there (per trigger word, per role) lowered the scores and are not here.
"""

from __future__ import annotations

from typing import Iterable

LEAST_REJECTED = 5  # rejections of a type, none kept, before it is left out (a few decisions: evidence first)


def types_nobody_keeps(counts: Iterable[tuple[str, int, int]], least: int = LEAST_REJECTED) -> frozenset[str]:
    """The types rejected at least ``least`` times and never kept, of (type, kept, rejected) counts."""
    return frozenset(type_ for type_, kept, rejected in counts if not kept and rejected >= least)
