"""Session 38 (s38-cost): answers about a Doc's tokens kept while that Doc is read (``per_doc.PerDoc``), and the two
questions that keep them (``frame_preps.preps``, ``noun_classes.guess_label``) answering as they answer afresh.
Failed on main (no ``annotator.suggest.per_doc``)."""

from __future__ import annotations

import functools
import gc

import pytest

from annotator.suggest import frame_preps, noun_classes
from annotator.suggest.per_doc import PerDoc

WORDS = "Police arrested two officials of the ministry at the hands of rebels in the east of Ukraine on Monday".split()
POS = "NOUN VERB NUM NOUN ADP DET NOUN ADP DET NOUN ADP NOUN ADP DET NOUN ADP PROPN ADP PROPN".split()
DEPS = "nsubj ROOT nummod dobj prep det pobj prep det pobj prep pobj prep det pobj prep pobj prep pobj".split()
HEADS = [1, 1, 3, 1, 3, 6, 4, 1, 9, 7, 9, 10, 1, 14, 12, 14, 15, 1, 17]
TAGS = "NNS VBD CD NNS IN DT NN IN DT NNS IN NNS IN DT NN IN NNP IN NNP".split()
ENTS = ["O", "O", "B-CARDINAL", "O", "O", "O", "O", "O", "O", "O", "O", "O", "O", "O", "O", "O", "B-GPE", "O", "B-DATE"]


@functools.cache
def _vocab():  # noqa: ANN202 - one blank English vocabulary for the Docs made here
    return pytest.importorskip("spacy").blank("en").vocab


def _doc():  # noqa: ANN202 - a hand-parsed Doc: prepositions, "at the hands of", a part of a place, a date
    from spacy.tokens import Doc

    lemmas = [w.lower().rstrip("s") if p == "NOUN" else w.lower() for w, p in zip(WORDS, POS)]
    return Doc(_vocab(), words=WORDS, pos=POS, deps=DEPS, heads=HEADS, tags=TAGS, lemmas=lemmas, ents=ENTS)


class _Doc:  # an object a weak reference can name, as a Doc
    pass


def test_answers_are_kept_for_the_doc_asked_and_begin_anew_for_another():
    kept, one, two = PerDoc(), _Doc(), _Doc()
    answers = kept.of(one)
    answers[3] = "x"
    assert kept.of(one) is answers and kept.of(one)[3] == "x"
    other = kept.of(two)
    assert other == {} and other is not answers
    other[3] = "y"
    assert answers == {3: "x"}  # one Doc's answers never written by another's reader
    assert kept.of(one) == {}  # one Doc at a time: back to the first, its answers begin anew


def test_a_doc_gone_is_no_new_docs_answers():
    kept = PerDoc()
    gone = _Doc()
    kept.of(gone)[0] = "old"
    del gone
    gc.collect()
    assert kept.of(_Doc()) == {}  # a new object, even at the freed address, is not the one gone


def test_preps_and_guess_label_kept_are_the_answers_afresh():
    docs = [_doc(), _doc()]
    for _ in range(2):  # asked again, the Docs in turn
        for doc in docs:
            for tok in doc:
                assert noun_classes.guess_label(tok) == noun_classes._guess_label(tok), tok.text
                assert frame_preps.preps(tok) == frame_preps._preps(tok), tok.text
    doc = docs[0]
    assert noun_classes.guess_label(doc[14]) == "LOC"  # "the east of Ukraine": a part of a place
    assert ("agent", doc[11]) in frame_preps.preps(doc[1])  # "at the hands of rebels"
    pairs = frame_preps.preps(doc[1])
    pairs.append(("prep:x", doc[0]))  # the caller's list: the next answer is as before
    assert frame_preps.preps(doc[1]) == frame_preps._preps(doc[1])
