"""Counting blocks shared by agreement and model quality: precision/recall/F1 counts and Cohen's kappa."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, Callable, Hashable, Iterable

OVERALL = "overall"


@dataclass
class Counts:
    """Matches between a reference (A) and a compared list (B): ``tp`` matched, ``a`` and ``b`` their sizes."""

    tp: int = 0
    a: int = 0
    b: int = 0

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.a += other.a
        self.b += other.b

    @property
    def precision(self) -> float | None:
        return self.tp / self.b if self.b else None

    @property
    def recall(self) -> float | None:
        return self.tp / self.a if self.a else None

    @property
    def f1(self) -> float | None:
        """2·tp / (a + b): symmetric in A and B; None when both are empty."""
        return 2 * self.tp / (self.a + self.b) if self.a + self.b else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "a": self.a,
            "b": self.b,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


class Table:
    """Counts by label plus their sum (micro average) under ``overall``."""

    def __init__(self) -> None:
        self.by_label: dict[str, Counts] = {}

    def count(self, label: str, tp: int = 0, a: int = 0, b: int = 0) -> None:
        c = self.by_label.setdefault(label, Counts())
        c.tp += tp
        c.a += a
        c.b += b

    def add(self, other: "Table") -> None:
        for label, c in other.by_label.items():
            self.by_label.setdefault(label, Counts()).add(c)

    @property
    def overall(self) -> Counts:
        total = Counts()
        for c in self.by_label.values():
            total.add(c)
        return total

    def to_dict(self) -> dict[str, Any]:
        return {
            OVERALL: self.overall.to_dict(),
            "by_label": {k: self.by_label[k].to_dict() for k in sorted(self.by_label)},
        }


def count_exact(
    table: Table, a: Iterable[Hashable], b: Iterable[Hashable], label_of: Callable[[Hashable], str]
) -> None:
    """Multiset matching of keys: each key of A matches at most one equal key of B."""
    ca, cb = Counter(a), Counter(b)
    for key in ca.keys() | cb.keys():
        table.count(label_of(key), tp=min(ca[key], cb[key]), a=ca[key], b=cb[key])


class Kappa:
    """Cohen's kappa from pooled pairs of per-item categories (A's, B's)."""

    def __init__(self) -> None:
        self.pairs: Counter[tuple[str, str]] = Counter()

    def add_items(self, a: list[str], b: list[str]) -> None:
        self.pairs.update(zip(a, b))

    def add(self, other: "Kappa") -> None:
        self.pairs.update(other.pairs)

    @staticmethod
    def _kappa(pairs: Counter[tuple[str, str]]) -> tuple[float | None, float | None, float | None]:
        n = sum(pairs.values())
        if not n:
            return None, None, None
        po = sum(v for (x, y), v in pairs.items() if x == y) / n
        ma: Counter[str] = Counter()
        mb: Counter[str] = Counter()
        for (x, y), v in pairs.items():
            ma[x] += v
            mb[y] += v
        pe = sum(ma[k] * mb[k] for k in ma) / (n * n)
        if pe == 1:
            return None, po, pe  # both gave every item one and the same category: kappa is undefined
        return (po - pe) / (1 - pe), po, pe

    def to_dict(self) -> dict[str, Any]:
        k, po, pe = self._kappa(self.pairs)
        labels = sorted({x for pair in self.pairs for x in pair} - {"O"})
        by_label = {}
        for label in labels:  # one label against everything else
            binary: Counter[tuple[str, str]] = Counter()
            for (x, y), v in self.pairs.items():
                binary[(str(x == label), str(y == label))] += v
            by_label[label] = self._kappa(binary)[0]
        return {OVERALL: k, "tokens": sum(self.pairs.values()), "observed": po, "expected": pe, "by_label": by_label}


def fmt(x: float | None, width: int = 6) -> str:
    return f"{x:>{width}.3f}" if x is not None else f"{'-':>{width}}"


class CategoryChoices:
    """Two annotators' categories of documents (a text classification's labels: several may apply), pooled: per
    category, the documents each chose it on and both did (P, R, F1 as for spans), and Cohen's kappa of "chose it" on
    every pooled document; ``overall`` sums the categories (micro) and its kappa pools every (document, category)
    decision. The categories are those either annotator chose on a pooled document."""

    def __init__(self) -> None:
        self.documents: list[tuple[frozenset[str], frozenset[str]]] = []

    def add_document(self, a: list[str], b: list[str]) -> None:
        self.documents.append((frozenset(a), frozenset(b)))

    def add(self, other: "CategoryChoices") -> None:
        self.documents += other.documents

    def to_dict(self) -> dict[str, Any]:
        table = Table()
        names = sorted({c for a, b in self.documents for c in a | b})
        pooled: Counter[tuple[str, str]] = Counter()
        kappas = {}
        for c in names:
            decisions: Counter[tuple[str, str]] = Counter((str(c in a), str(c in b)) for a, b in self.documents)
            table.count(
                c,
                tp=decisions[("True", "True")],
                a=sum(c in a for a, _ in self.documents),
                b=sum(c in b for _, b in self.documents),
            )
            pooled.update(decisions)
            kappas[c] = Kappa._kappa(decisions)[0]
        out = table.to_dict()
        out["documents"] = len(self.documents)
        out["kappa"] = {OVERALL: Kappa._kappa(pooled)[0], "by_label": kappas}
        return out
