"""A spaCy attribute_ruler applied with whole-array operations instead of its token Matcher.

en_core_web_sm's attribute_ruler maps tagger tags to parts of speech and morphology and sets a few exceptions (179
one- and two-token patterns on TAG, LOWER, DEP and IS_SPACE). Its Matcher costs about as much as the parser; the
same patterns applied as masks over a batch's token arrays give the same attributes (tested token by token against
the ruler) for a few per cent of that. A ruler whose patterns use anything else is left as it is.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Iterable, Iterator

import numpy as np

NAME = "annotator_attribute_table"
# spaCy's attribute ids (spacy.attrs), written out so that importing this module does not import spaCy
TAG, POS, DEP, LEMMA, MORPH, LOWER, IS_SPACE = 75, 74, 76, 73, 453, 66, 6  # tested against spacy.attrs
_KEYS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
_READ = [TAG, LOWER, DEP, IS_SPACE, POS, MORPH, LEMMA]  # columns of the token arrays
_COL = {attr: k for k, attr in enumerate(_READ)}
_WRITE = [POS, MORPH, LEMMA, TAG]  # written back with Doc.from_array (DEP, rare, token by token)

Condition = Callable[[np.ndarray, Any], np.ndarray]  # (token array, vocab) -> bool mask


def supported(patterns: list[dict]) -> bool:
    """Whether every pattern uses only what the table applies (token keys, operators, set attributes)."""
    for entry in patterns:
        if set(entry.get("attrs", {})) - {"POS", "MORPH", "LEMMA", "TAG", "DEP"}:
            return False
        for pattern in entry["patterns"]:
            if not isinstance(pattern, list) or not pattern:
                return False
            for spec in pattern:
                for key, value in spec.items():
                    if key not in _KEYS:
                        return False
                    if isinstance(value, dict) and (
                        len(value) != 1 or next(iter(value)) not in ("IN", "NOT_IN", "REGEX")
                    ):
                        return False
                    if isinstance(value, dict) and key == "IS_SPACE":
                        return False
    return True


def _condition(key: str, value: Any, vocab: Any) -> Condition:
    col = _COL[_KEYS[key]]
    if key == "IS_SPACE":
        return lambda arr, _cache: arr[:, col] == int(bool(value))
    if not isinstance(value, dict):
        h = vocab.strings.add(value) if value else 0
        return lambda arr, _cache: arr[:, col] == h
    op, operand = next(iter(value.items()))
    if op in ("IN", "NOT_IN"):
        hashes = np.array([vocab.strings.add(v) if v else 0 for v in operand], dtype="uint64")
        negate = op == "NOT_IN"
        return lambda arr, _cache: np.isin(arr[:, col], hashes, invert=negate)
    regex = re.compile(operand)

    def match(arr: np.ndarray, cache: dict) -> np.ndarray:
        values = arr[:, col]
        uniq, inverse = np.unique(values, return_inverse=True)
        ok = np.fromiter((_regex_hit(regex, int(h), vocab, cache) for h in uniq), dtype=bool, count=len(uniq))
        return ok[inverse]

    return match


def _regex_hit(regex: re.Pattern, h: int, vocab: Any, cache: dict) -> bool:
    key = (regex.pattern, h)
    if key not in cache:
        cache[key] = bool(regex.search(vocab.strings[h])) if h else False
    return cache[key]


class AttributeTable:
    """The attribute_ruler's patterns, in its order (a later pattern wins), applied as masks over token arrays."""

    def __init__(self, vocab: Any, name: str = NAME) -> None:
        self.vocab = vocab
        self.name = name
        self.rules: list[tuple[list[list[list[Condition]]], int, dict[int, int]]] = []
        self._source: list[tuple[list, int, dict[int, int]]] = []
        self._regex_cache: dict = {}

    def load(self, ruler: Any) -> "AttributeTable":
        """Take the rules of a spaCy AttributeRuler (its normalised attribute values, so the same integers)."""
        self._source = [
            (entry["patterns"], ruler.indices[k], dict(ruler.attrs[k])) for k, entry in enumerate(ruler.patterns)
        ]
        self._compile()
        return self

    def _compile(self) -> None:
        self.rules = [
            (
                [
                    [[_condition(key, v, self.vocab) for key, v in spec.items()] for spec in pattern]
                    for pattern in patterns
                ],
                index,
                attrs,
            )
            for patterns, index, attrs in self._source
        ]

    def __getstate__(self) -> dict:  # the compiled conditions are closures: worker processes compile their own
        return {"vocab": self.vocab, "name": self.name, "source": self._source}

    def __setstate__(self, state: dict) -> None:
        self.vocab, self.name, self._source = state["vocab"], state["name"], state["source"]
        self._regex_cache = {}
        self._compile()

    def __call__(self, doc: Any) -> Any:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Any], batch_size: int = 128) -> Iterator[Any]:
        batch: list[Any] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._apply(batch)
                batch = []
        if batch:
            yield from self._apply(batch)

    def _apply(self, docs: list[Any]) -> list[Any]:
        lengths = [len(d) for d in docs]
        if not sum(lengths):
            return docs
        arr = np.concatenate([d.to_array(_READ) for d in docs if len(d)]).astype("uint64")
        n = len(arr)
        last = np.zeros(n, dtype=bool)  # the last token of each doc: a two-token pattern does not run across docs
        last[np.cumsum([x for x in lengths if x]) - 1] = True
        out = {attr: arr[:, _COL[attr]].copy() for attr in _WRITE}
        dep = None
        for conds, index, attrs in self.rules:
            hit = np.zeros(n, dtype=bool)
            for pattern in conds:
                hit |= self._matches(pattern, arr, last)
            if not hit.any():
                continue
            size = len(conds[0]) if conds else 1
            target = np.flatnonzero(hit) + (index if index >= 0 else size + index)
            for attr, value in attrs.items():
                if attr == DEP:
                    dep = dep if dep is not None else {}
                    dep.update((int(i), value) for i in target)
                elif attr in out:
                    out[attr][target] = value
        start = 0
        for doc, length in zip(docs, lengths):
            if not length:
                continue
            part = np.stack([out[attr][start : start + length] for attr in _WRITE], axis=1)
            doc.from_array(_WRITE, part)
            if dep:
                for i in range(start, start + length):
                    if i in dep:
                        doc[i - start].dep = dep[i]
            start += length
        return docs

    def _matches(self, pattern: list[list[Condition]], arr: np.ndarray, last: np.ndarray) -> np.ndarray:
        n = len(arr)
        hit = np.ones(n, dtype=bool)
        for offset, conds in enumerate(pattern):
            mask = np.ones(n, dtype=bool)
            for cond in conds:
                mask &= cond(arr, self._regex_cache)
            if offset:
                shifted = np.zeros(n, dtype=bool)
                shifted[: n - offset] = mask[offset:]
                # the pattern's tokens must all be in one doc
                for k in range(offset):
                    shifted[: n - k] &= ~last[k:] if k else ~last
                mask = shifted
            hit &= mask
        return hit


def make_attribute_table(nlp: Any, name: str) -> AttributeTable:  # noqa: D103 - spaCy factory
    return AttributeTable(nlp.vocab, name)


def use_attribute_table(nlp: Any) -> bool:
    """Replace ``nlp``'s attribute_ruler by an AttributeTable with the same rules when they are supported."""
    from spacy.language import Language

    if not Language.has_factory(NAME):
        Language.factory(NAME, func=make_attribute_table)
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    if not supported(ruler.patterns):
        return False
    table = nlp.replace_pipe("attribute_ruler", NAME)
    table.load(ruler)
    return True
