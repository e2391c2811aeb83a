"""The noun heads a role key offers after the trigger's sentence's entity spans (docs/keyboard.md, round 26b): the
parse's heads that pre-annotation with events stores (``nlp.noun_heads``, ``tokens.noun_heads``), those still free,
and their place among the role's candidates (``keyflow.role_candidates``' order)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from annotator.pipeline_names import LabelKinds


def heads_offered(
    heads: Sequence[tuple[int, int]],
    sentence: tuple[int, int],
    trigger: tuple[int, int],
    spans: Iterable[tuple[int, int]],
) -> list[tuple[int, int]]:
    """The stored noun heads (``nlp.noun_heads``) a role key offers after the sentence's entity spans: those of the
    trigger's ``sentence`` that overlap no span of ``spans`` (the document's, rejected ones aside) nor the trigger,
    nearest the trigger first. ``bench/noun_role_keys.py`` measured the place: among the entities by distance the
    entity arguments lost more keys than the heads saved."""
    near = [
        h
        for h in heads
        if sentence[0] <= h[0] and h[1] <= sentence[1] and not (h[0] < trigger[1] and trigger[0] < h[1])
    ]
    if not near:
        return []
    taken = list(spans)
    free = [h for h in near if not any(s < h[1] and h[0] < e for s, e in taken)]
    return sorted(free, key=lambda h: (abs(h[0] - trigger[0]), h[0]))


def heads_place(cands: Sequence[tuple[int, int]], sentence: tuple[int, int]) -> int:
    """Where the heads go among a role's candidates (their spans, ``role_candidates``' order): before the first one
    outside the trigger's ``sentence``."""
    return next((i for i, c in enumerate(cands) if not (sentence[0] <= c[0] and c[1] <= sentence[1])), len(cands))


def takes_nouns(labels: Iterable[str], kinds: "LabelKinds") -> bool:
    """Whether a role of ``labels`` is offered the sentence's noun heads: not one whose every label is a time or an
    amount (a date, a sum, a count is a name the pipeline spans, never a common noun: Time's key offered
    "engagement", made a DATE)."""
    return any(label not in kinds.times and label not in kinds.amounts for label in labels)
