"""The few tokens of a parsed Doc the rule suggester looks at, found from the Doc's arrays.

The suggester tries a token as a trigger only when its part of speech is a trigger's and its lowercase form or
lowercased lemma is the first word of some trigger pattern (``Lexicon.by_first``, the only place ``Lexicon.candidates``
looks). Reading those columns with ``Doc.to_array`` and making Token objects only for the tokens that pass gives the
same tokens, in the same order, as walking ``doc.sents`` token by token, without a Token per word of the document.
What the suggester asks of a whole document is read here too, once per Doc: the nouns it uses of a person, its
quotation marks, its lowercase forms.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any, Collection, Iterator
from weakref import WeakKeyDictionary

import numpy as np

# spaCy's attribute ids (spacy.attrs), written out so that importing this module does not import spaCy (tested)
LOWER, LEMMA, POS, SENT_START = 66, 73, 74, 80
DEP, ENT_TYPE, HEAD = 76, 78, 79
IS_PUNCT, IS_QUOTE = 5, 15


class FirstWords:
    """Whether a string hash's text (lowercase form) or its lowercased text (lemma) is a pattern's first word;
    answers are cached per hash across documents (a StringStore lookup and ``str.lower`` once per distinct word)."""

    def __init__(self, forms: Collection[str]) -> None:
        self.forms = forms
        self._lower: dict[int, bool] = {}
        self._lemma: dict[int, bool] = {}

    def lower(self, strings: Any, key: int) -> bool:
        found = self._lower.get(key)
        if found is None:
            found = self._lower[key] = strings[key] in self.forms
        return found

    def lemma(self, strings: Any, key: int) -> bool:
        found = self._lemma.get(key)
        if found is None:
            found = self._lemma[key] = strings[key].lower() in self.forms
        return found


def trigger_starts(doc: Any, first: FirstWords, pos_names: Collection[str], skip: Collection[int]) -> Iterator[Any]:
    """(token, its sentence) for each token, in document order, whose part of speech is in ``pos_names``, whose
    index is not in ``skip`` and whose lowercase form or lowercased lemma ``first`` knows. Sentences are the Doc's
    (``Doc.sents``: a sentence starts where SENT_START is 1, and at the first token)."""
    if not len(doc):
        return
    from spacy.parts_of_speech import IDS

    cols = doc.to_array([POS, LOWER, LEMMA, SENT_START])
    wanted = np.array([IDS[p] for p in pos_names], dtype=cols.dtype)
    at = np.flatnonzero(np.isin(cols[:, 0], wanted))
    if not len(at):
        return
    starts = np.flatnonzero(cols[:, 3] == 1)
    if not len(starts) or starts[0] != 0:
        starts = np.concatenate(([0], starts))
    bounds = starts.tolist() + [len(doc)]
    sent_of = (np.searchsorted(starts, at, side="right") - 1).tolist()
    strings = doc.vocab.strings
    sents: dict[int, Any] = {}
    for i, k, low, lem in zip(at.tolist(), sent_of, cols[at, 1].tolist(), cols[at, 2].tolist()):
        if i in skip or not (first.lower(strings, low) or first.lemma(strings, lem)):
            continue
        sent = sents.get(k)
        if sent is None:
            sent = sents[k] = doc[bounds[k] : bounds[k + 1]]
        yield doc[i], sent


def proper_nouns(doc: Any) -> list[int]:
    """Indices of the tokens tagged PROPN."""
    from spacy.parts_of_speech import IDS

    if not len(doc):
        return []
    return np.flatnonzero(doc.to_array([POS]).reshape(-1) == IDS["PROPN"]).tolist()


def person_noun_lemmas(doc: Any, who: Collection[str]) -> frozenset[str]:
    """The lowercased lemmas of the nouns and proper nouns a Doc uses of a person, outside a PERSON name: a title in
    front of a person's name (its compound: "striker John Smith"), in apposition to one or with one in apposition ("the
    striker, John Smith"), or with a relative clause holding one of ``who`` (lowercase forms: "the striker who
    missed"). What ``noun_classes.PersonNouns`` reads, from the Doc's arrays: no Token object per word."""
    if not len(doc):
        return frozenset()
    from spacy.parts_of_speech import IDS

    strings = doc.vocab.strings
    cols = doc.to_array([POS, DEP, HEAD, ENT_TYPE, LOWER, LEMMA])
    at = np.arange(len(doc))
    head = at + cols[:, 2].astype(np.int64)  # HEAD is the offset to the head, stored unsigned
    dep, person = cols[:, 1], cols[:, 3] == strings["PERSON"]
    child = head != at  # a token is its own head only at a sentence's root: no child of itself
    marked = np.isin(dep, [strings["compound"], strings["appos"]]) & person[head]  # "striker John Smith"
    marked[head[child & (dep == strings["appos"]) & person]] = True  # "the striker, John Smith"
    clause = head[child & np.isin(cols[:, 4], [strings[w] for w in who])]  # a "who" word's head
    clause = clause[(dep[clause] == strings["relcl"]) & (head[clause] != clause)]
    marked[head[clause]] = True  # "the striker who missed the penalty"
    nouns = np.isin(cols[:, 0], [IDS["NOUN"], IDS["PROPN"]]) & ~person
    return frozenset(strings[key].lower() for key in set(cols[marked & nouns, 5].tolist()))


class QuoteMarks:
    """A Doc's quotation marks and punctuation, read once from its arrays: which words stand between two quotation
    marks of their sentence, and how many of the words between are not punctuation."""

    def __init__(self, doc: Any) -> None:
        cols = doc.to_array([IS_QUOTE, IS_PUNCT]) if len(doc) else np.zeros((0, 2), dtype=np.uint64)
        self._quotes: list[int] = np.flatnonzero(cols[:, 0]).tolist()
        # punctuation tokens before each index: those in [i, j) are _punct_before[j] - _punct_before[i]
        self._punct_before: list[int] = np.concatenate(([0], np.cumsum(cols[:, 1] != 0))).tolist()

    def words_quoted(self, i: int, start: int, end: int) -> int | None:
        """The words other than punctuation between the quotation marks nearest token ``i`` on either side within the
        sentence [start, end) (``i`` itself counted), or None when a side has none."""
        k = bisect_left(self._quotes, i)
        j = bisect_right(self._quotes, i)
        if not k or self._quotes[k - 1] < start or j == len(self._quotes) or self._quotes[j] >= end:
            return None
        left, right = self._quotes[k - 1], self._quotes[j]
        return (right - left - 1) - (self._punct_before[right] - self._punct_before[left + 1])


# each Doc's lowercase forms (``lower_forms``); weakly held, so no Doc is kept alive by it
_LOWER_FORMS: WeakKeyDictionary = WeakKeyDictionary()


def lower_forms(doc: Any) -> frozenset[str]:
    """The lowercase forms of a Doc's words, read once per Doc from its arrays: whether a word occurs at all."""
    forms = _LOWER_FORMS.get(doc)
    if forms is None:
        strings = doc.vocab.strings
        keys = set(doc.to_array([LOWER]).reshape(-1).tolist()) if len(doc) else set()
        forms = _LOWER_FORMS[doc] = frozenset(strings[k] for k in keys)
    return forms


# each Doc's heads of an open clause, per set of words asked (``open_clause_heads``); weakly held as above
_OPEN_HEADS: WeakKeyDictionary = WeakKeyDictionary()


def open_clause_heads(
    doc: Any, marks: frozenset[str], wh_words: frozenset[str], wh_deps: frozenset[str]
) -> frozenset[int]:
    """Indices of the tokens that open a clause on their own: with a child marker (dependency "mark") whose lowercase
    form is in ``marks``, or a "to" infinitive (a child "aux" "to") with a child before it whose lowercase form is in
    ``wh_words`` and whose dependency is in ``wh_deps``. Read once per Doc from its arrays, and only from a Doc that
    holds such a word at all (``lower_forms``)."""
    asked = (marks, wh_words, wh_deps)
    per_doc = _OPEN_HEADS.get(doc)
    if per_doc is None:
        per_doc = _OPEN_HEADS[doc] = {}
    heads = per_doc.get(asked)
    if heads is None:
        heads = per_doc[asked] = _open_clause_heads(doc, *asked)
    return heads


def _open_clause_heads(
    doc: Any, marks: frozenset[str], wh_words: frozenset[str], wh_deps: frozenset[str]
) -> frozenset[int]:
    forms = lower_forms(doc)
    marked, infinitive = not forms.isdisjoint(marks), "to" in forms and not forms.isdisjoint(wh_words)
    if not (marked or infinitive):
        return frozenset()
    strings = doc.vocab.strings
    cols = doc.to_array([LOWER, DEP, HEAD])
    at = np.arange(len(doc))
    head = at + cols[:, 2].astype(np.int64)  # HEAD is the offset to the head, stored unsigned
    lower, dep, child = cols[:, 0], cols[:, 1], head != at  # a token is its own head only at a sentence's root
    found: set[int] = set()
    if marked:  # "whether an airstrike had caused the blast": the marker's head
        found.update(head[child & (dep == strings["mark"]) & np.isin(lower, [strings[w] for w in marks])].tolist())
    if infinitive:  # "how to combat IS": a head with both children
        to = set(head[child & (dep == strings["aux"]) & (lower == strings["to"])].tolist())
        wh = child & (at < head) & np.isin(lower, [strings[w] for w in wh_words])
        wh &= np.isin(dep, [strings[d] for d in wh_deps])
        found.update(to.intersection(head[wh].tolist()))
    return frozenset(found)
