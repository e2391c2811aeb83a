"""How often people marked each lemma as a trigger in the training documents: the annotation style, learned.

In news annotated in the ACE style only some occurrences of a trigger word are marked (specific, real events;
later and generic mentions often not), and the rate differs from word to word. ``rate`` gives the smoothed rate of
a lemma, backing off to a base rate (the rate of tokens the prior suggester treats alike) for rare lemmas; for a
training document the document's own counts are left out, so the feature means the same in training as on new
documents.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

SMOOTHING = 2.0  # pseudo-occurrences at the base rate
RATE_BINS = (0.05, 0.15, 0.3, 0.5, 0.7)
EVIDENCE_BINS = (1, 3, 10)


def rate_bin(rate: float) -> int:
    return sum(rate >= b for b in RATE_BINS)


def evidence_bin(n: int) -> int:
    return sum(n >= b for b in EVIDENCE_BINS)


class LemmaStats:
    """Per lemma: occurrences and marked occurrences per type, in total and per training document."""

    def __init__(self) -> None:
        self.occurrences: Counter = Counter()
        self.marked: dict[str, Counter] = {}
        self.per_doc: dict[int, tuple[Counter, dict[str, Counter]]] = {}
        self.base: dict[str, float] = {}  # rule category ("above", "below", "none") -> marked rate

    def add_document(self, key: int, lemmas: list[str], marked: dict[int, str]) -> None:
        """``lemmas``: every token's lemma; ``marked``: token index -> the type people gave it."""
        occ: Counter = Counter(lemmas)
        mk: dict[str, Counter] = {}
        for i, type_ in marked.items():
            mk.setdefault(lemmas[i], Counter())[type_] += 1
        self.occurrences.update(occ)
        for lemma, c in mk.items():
            self.marked.setdefault(lemma, Counter()).update(c)
        self.per_doc[key] = (occ, mk)

    def set_base(self, counts: dict[str, tuple[int, int]]) -> None:
        """Category -> (marked, candidates) over the training documents."""
        self.base = {k: (m + 0.5) / (n + 5.0) for k, (m, n) in counts.items()}

    def lookup(self, lemma: str, category: str, leave_out: int | None = None) -> tuple[float, int, str | None]:
        """(smoothed marked rate, occurrences seen, the type most often given) of ``lemma``."""
        occ = self.occurrences.get(lemma, 0)
        marked = Counter(self.marked.get(lemma, {}))
        if leave_out is not None and leave_out in self.per_doc:
            d_occ, d_marked = self.per_doc[leave_out]
            occ -= d_occ.get(lemma, 0)
            marked.subtract(d_marked.get(lemma, {}))
            marked = +marked
        n_marked = sum(marked.values())
        p0 = self.base.get(category, 0.1)
        rate = (n_marked + SMOOTHING * p0) / (occ + SMOOTHING)
        top = marked.most_common(1)[0][0] if marked else None
        return rate, occ, top

    def to_json(self) -> dict[str, Any]:
        return {
            "occurrences": dict(self.occurrences),
            "marked": {k: dict(v) for k, v in self.marked.items()},
            "base": self.base,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "LemmaStats":
        s = cls()
        s.occurrences = Counter(data.get("occurrences", {}))
        s.marked = {k: Counter(v) for k, v in data.get("marked", {}).items()}
        s.base = dict(data.get("base", {}))
        return s
