"""Precision, recall and F1 of entities (exact span and label), triggers (overlap and type) and arguments
(their event counts, the same role, overlapping span): the scoring of bench/events.py and of training runs."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Any, Callable, Collection, Iterable, Sequence

import numpy as np

from annotator.learn.data import GoldEvent


def prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def paired_bootstrap(a: np.ndarray, b: np.ndarray, seed: int, resamples: int = 300) -> float:
    """Share of bootstrap resamples of the documents in which the F1 of ``a`` beats the F1 of ``b`` (a tie is not
    better); ``a`` and ``b``: per document, the counts (tp, fp, fn), shape (documents, 3)."""
    if not len(a):
        return 0.0
    rng = np.random.default_rng(seed)
    pick = rng.integers(0, len(a), (resamples, len(a)))
    sa, sb = a[pick].sum(1), b[pick].sum(1)

    def f1(c: np.ndarray) -> np.ndarray:
        den = 2 * c[:, 0] + c[:, 1] + c[:, 2]
        return np.divide(2 * c[:, 0], den, out=np.zeros(len(c)), where=den > 0)

    return float((f1(sa) > f1(sb)).mean())


class Tally:
    """Counts of true positives, false positives and false negatives per key, plus the total."""

    def __init__(self) -> None:
        self.tp: Counter = Counter()
        self.fp: Counter = Counter()
        self.fn: Counter = Counter()

    def add(self, key: str, what: str, n: int = 1) -> None:
        getattr(self, what)[key] += n

    def merge(self, other: "Tally") -> None:
        self.tp.update(other.tp)
        self.fp.update(other.fp)
        self.fn.update(other.fn)

    def result(self) -> dict[str, dict[str, float | int]]:
        keys = sorted(set(self.tp) | set(self.fp) | set(self.fn))
        out = {k: prf(self.tp[k], self.fp[k], self.fn[k]) for k in keys}
        out["all"] = prf(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values()))
        return out


def _overlap(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def matched_triggers(gold: Sequence[tuple[str, int, int]], pred: Sequence[tuple[str, int, int]]) -> list[int | None]:
    """The gold event each predicted one counts against, both given as (type, start, end) of their triggers, in the
    predictions' order: the first gold event of its type, not taken by an earlier prediction, whose trigger overlaps
    its own (None: none is left for it). The one matching rule of events: the training runs' scores and the benches'
    (bench/events.py's ``matched_gold``) ask it."""
    used: set[int] = set()
    out: list[int | None] = []
    for type_, start, end in pred:
        match = next(
            (
                k
                for k, (gold_type, gold_start, gold_end) in enumerate(gold)
                if k not in used and gold_type == type_ and _overlap(start, end, gold_start, gold_end)
            ),
            None,
        )
        if match is not None:
            used.add(match)
        out.append(match)
    return out


def tally_trigger_words(
    gold: Sequence[GoldEvent],
    pred: Sequence[GoldEvent],
    word: Callable[[int, int], str],
    counts: dict[tuple[str, str], list[int]],
    types: set[str] | None = None,
) -> dict[tuple[str, str], list[int]]:
    """Per (type, trigger word) into ``counts``: [suggested and right, suggested and wrong, gold], as ``tally_events``
    matches triggers (``matched_triggers``); ``word(start, end)`` names a trigger (its lemma in training runs): what
    a training run says per word of the suggestions the new version makes differently (session 43)."""
    if types is not None:
        gold = [g for g in gold if g.type in types]
        pred = [p for p in pred if p.type in types]
    matches = matched_triggers([(g.type, g.start, g.end) for g in gold], [(p.type, p.start, p.end) for p in pred])
    for p, match in zip(pred, matches):
        counts.setdefault((p.type, word(p.start, p.end)), [0, 0, 0])[0 if match is not None else 1] += 1
    for g in gold:
        counts.setdefault((g.type, word(g.start, g.end)), [0, 0, 0])[2] += 1
    return counts


def tally_entities(
    gold: Iterable[tuple[int, int, str]], pred: Iterable[tuple[int, int, str]], tally: Tally | None = None
) -> Tally:
    """Exact spans with the same label."""
    t = tally or Tally()
    g, p = Counter(gold), Counter(pred)
    for (s, e, label), n in p.items():
        hit = min(n, g.get((s, e, label), 0))
        t.add(label, "tp", hit)
        t.add(label, "fp", n - hit)
    for (s, e, label), n in g.items():
        t.add(label, "fn", n - min(n, p.get((s, e, label), 0)))
    return t


def as_events(suggestions: Sequence[Any]) -> list[GoldEvent]:
    """EventSuggestions (or anything with type, trigger_start, trigger_end, arguments) as GoldEvents."""
    from annotator.learn.data import GoldArgument

    out = []
    for v in suggestions:
        if isinstance(v, GoldEvent):
            out.append(v)
            continue
        args = tuple(GoldArgument(a.role, a.start, a.end, a.label) for a in v.arguments)
        out.append(GoldEvent(v.type, v.trigger_start, v.trigger_end, args))
    return out


def tally_events(
    gold: Sequence[GoldEvent],
    pred: Sequence[GoldEvent],
    triggers: Tally | None = None,
    arguments: Tally | None = None,
    types: set[str] | None = None,
    typed_roles: bool = False,
    left_out_roles: Collection[str] = (),
) -> tuple[Tally, Tally]:
    """One-to-one matching: a suggested trigger counts when it overlaps an unmatched gold trigger of the same
    type; an argument counts when its event counts, the role is the same and the spans overlap. Argument counts
    are kept per role, or with ``typed_roles`` per "Type|Role". Arguments whose role is in ``left_out_roles``
    (roles the gold does not annotate: Time in events-dev, a role no finished document of a project fills) are
    not counted, suggested or gold, as bench/events.py leaves Time out."""
    tt, at = triggers or Tally(), arguments or Tally()
    if types is not None:
        gold = [g for g in gold if g.type in types]
        pred = [p for p in pred if p.type in types]
    if left_out_roles:
        gold = [replace(g, arguments=tuple(a for a in g.arguments if a.role not in left_out_roles)) for g in gold]
        pred = [replace(p, arguments=tuple(a for a in p.arguments if a.role not in left_out_roles)) for p in pred]
    matches = matched_triggers([(g.type, g.start, g.end) for g in gold], [(p.type, p.start, p.end) for p in pred])
    used = {k for k in matches if k is not None}

    def key(ev: GoldEvent, role: str) -> str:
        return f"{ev.type}|{role}" if typed_roles else role

    for p, match in zip(pred, matches):
        if match is None:
            tt.add(p.type, "fp")
            for a in p.arguments:
                at.add(key(p, a.role), "fp")
            continue
        tt.add(p.type, "tp")
        g = gold[match]
        taken: set[int] = set()
        for a in p.arguments:
            m = next(
                (
                    k
                    for k, b in enumerate(g.arguments)
                    if k not in taken and b.role == a.role and _overlap(a.start, a.end, b.start, b.end)
                ),
                None,
            )
            if m is None:
                at.add(key(p, a.role), "fp")
            else:
                taken.add(m)
                at.add(key(p, a.role), "tp")
        for k, b in enumerate(g.arguments):
            if k not in taken:
                at.add(key(g, b.role), "fn")
    for k, g in enumerate(gold):
        if k not in used:
            tt.add(g.type, "fn")
            for b in g.arguments:
                at.add(key(g, b.role), "fn")
    return tt, at
