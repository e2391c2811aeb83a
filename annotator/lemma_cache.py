"""spaCy's rule lemmatizer, applied once per distinct (word, part of speech, morphology) and written back as an array.

spaCy's Lemmatizer visits every token in Python (a Token object and a cache lookup each); its rule and lookup modes
are a function of the token's ORTH, POS and MORPH (its own cache is keyed so), so asking it once per distinct key
and writing the lemmas with ``Doc.from_array`` gives the same lemmas (tested against it) for a fraction of the time.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator

NAME = "annotator_lemma_cache"
ORTH, POS, MORPH, LEMMA = 65, 74, 453, 73  # spacy.attrs ids (tested), so that importing this does not import spaCy
_MODES = ("rule", "lookup")


class LemmaCache:
    """Lemmas of a spaCy Lemmatizer, asked once per (ORTH, POS, MORPH) and set with one array per Doc."""

    def __init__(self, vocab: Any, name: str = NAME) -> None:
        self.vocab = vocab
        self.name = name
        self.lemmatizer: Any = None
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Any) -> Any:
        if not len(doc):
            return doc
        cols = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = cols[:, 3].copy()
        known = self._lemmas
        for i, key in enumerate(zip(cols[:, 0].tolist(), cols[:, 1].tolist(), cols[:, 2].tolist())):
            if lemmas[i]:  # set before (the attribute ruler's exceptions): kept, as the lemmatizer keeps it
                continue
            lemma = known.get(key)
            if lemma is None:
                lemma = known[key] = self.vocab.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = lemma
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc

    def pipe(self, docs: Iterable[Any], batch_size: int = 128) -> Iterator[Any]:
        for doc in docs:
            yield self(doc)


def make_lemma_cache(nlp: Any, name: str) -> LemmaCache:  # noqa: D103 - spaCy factory
    return LemmaCache(nlp.vocab, name)


def use_lemma_cache(nlp: Any) -> bool:
    """Put a LemmaCache in place of ``nlp``'s lemmatizer when it is a rule or lookup lemmatizer that keeps lemmas
    already set (spaCy's default); else leave it."""
    from spacy.language import Language

    if "lemmatizer" not in nlp.pipe_names:
        return False
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) not in _MODES or getattr(lemmatizer, "overwrite", True):
        return False
    if not Language.has_factory(NAME):
        Language.factory(NAME, func=make_lemma_cache)
    cache = nlp.replace_pipe("lemmatizer", NAME)
    cache.lemmatizer = lemmatizer
    return True
