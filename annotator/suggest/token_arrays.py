"""The few tokens of a parsed Doc the rule suggester looks at, found from the Doc's arrays.

The suggester tries a token as a trigger only when its part of speech is a trigger's and its lowercase form or
lowercased lemma is the first word of some trigger pattern (``Lexicon.by_first``, the only place ``Lexicon.candidates``
looks). Reading those columns with ``Doc.to_array`` and making Token objects only for the tokens that pass gives the
same tokens, in the same order, as walking ``doc.sents`` token by token, without a Token per word of the document.
"""

from __future__ import annotations

from typing import Any, Collection, Iterator

import numpy as np

# spaCy's attribute ids (spacy.attrs), written out so that importing this module does not import spaCy (tested)
LOWER, LEMMA, POS, SENT_START = 66, 73, 74, 80


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
