"""The noun heads a role key offers after the trigger's sentence's entity spans (docs/keyboard.md, round 26b): the
parse's heads that pre-annotation with events stores (``nlp.noun_heads``, ``tokens.noun_heads``), those still free,
and their place among the role's candidates (``keyflow.role_candidates``' order)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import TYPE_CHECKING

from annotator.suggest.noun_classes import guess_label_of_word, label_taken

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


def heads_of_kind(
    heads: Sequence[tuple[int, int]], text: str, labels: Collection[str], unknown: bool = False
) -> list[tuple[int, int]]:
    """Of ``heads`` (spans of ``text``, ``heads_offered``' order kept), the nouns of a kind a role of ``labels`` takes,
    as the word classes say (``noun_classes.guess_label_of_word``: "officials" a PERSON, "team" an ORG, "market" a
    FAC) with the labels the rule suggester lets such a noun take (``alternative_labels``: a body of people fills a
    role for people, "team" an Artifact; a place's kinds one another's in a role of places alone, as
    ``event_args.fill_roles`` reads them): a noun of a kind the role does not take ("market" for an Attacker) or of
    none known ("deal", "step": made an ORG in Org) is not offered (``unknown``: those of none known are)."""
    kinds = [guess_label_of_word(text[h[0] : h[1]]) for h in heads]
    return [h for h, kind in zip(heads, kinds) if (unknown if kind is None else label_taken(kind, labels) is not None)]


def heads_for_role(
    heads: Sequence[tuple[int, int]], text: str, labels: Collection[str]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Of ``heads`` (``heads_offered``' order kept), (those of a kind a role of ``labels`` takes: ``heads_of_kind``,
    those of no kind known): what a role key's cycle offers after the sentence's entities, in that order, a noun of a
    kind the role does not take left out. Session 34 (s34-keys): the nouns of no kind known offered last, said so
    (``of_no_known_kind``), where ``heads_of_kind`` left them out: ``bench/noun_role_keys.py --stored`` half A 1,604
    -> 1,585 keys, B 1,578 -> 1,526, the seeds 99."""
    unknown = [h for h in heads if guess_label_of_word(text[h[0] : h[1]]) is None]
    return heads_of_kind(heads, text, labels), unknown


def of_no_known_kind(text: str, head: tuple[int, int]) -> bool:
    """Whether a noun head is of no kind the word classes know (``heads_for_role``: offered after those of a kind
    the role takes, said so where the key puts it)."""
    return guess_label_of_word(text[head[0] : head[1]]) is None
