"""Session 42 (helper s42-app): a training's Cancel during the entity passes. The cancel was looked at only between
``nlp.update`` batches (eight news articles: 0.5-0.8 s of CPU, 2.5-4 s wall under load); it is looked at inside each
batch's update too, before each layer's forward and backward pass, without changing what is trained. A blank
pipeline with a fresh ``ner`` stands in for the project's (the same thinc layers, a fraction of a second)."""

from __future__ import annotations

from typing import Any

import pytest

from annotator.errors import TrainingCancelled
from annotator.learn.ner import update_ner

TEXTS = [
    ("Maria Lopez met Ivan Petrov in Moscow on Monday.", [(0, 11, "PERSON"), (16, 27, "PERSON"), (31, 37, "GPE")]),
    ("The ministry in Paris said Anna Berg had resigned.", [(16, 21, "GPE"), (27, 36, "PERSON")]),
    ("Police in Lagos arrested two men after the attack.", [(10, 15, "GPE")]),
    ("John Smith flew from Berlin to Rome for the talks.", [(0, 10, "PERSON"), (21, 27, "GPE"), (31, 35, "GPE")]),
]


def _pipeline() -> tuple[Any, list[Any]]:
    """A blank English pipeline with an initialised ``ner`` and eight examples (one batch of ``update_ner``'s)."""
    import spacy
    from spacy.training import Example

    spacy.util.fix_random_seed(0)
    nlp = spacy.blank("en")
    nlp.add_pipe("ner")
    examples = [Example.from_dict(nlp.make_doc(t), {"entities": ents}) for t, ents in TEXTS * 2]
    nlp.initialize(lambda: examples)
    return nlp, examples


def _weights(nlp: Any) -> list[tuple[int, str, bytes]]:
    """The ``ner``'s parameters (its bytes also hold each layer's attributes, the dropout rate an update sets)."""
    model = nlp.get_pipe("ner").model
    return [
        (k, name, layer.get_param(name).tobytes())
        for k, layer in enumerate(model.walk())
        for name in layer.param_names
        if layer.has_param(name)
    ]


@pytest.mark.slow  # spaCy's import and a pipeline's initialisation: ~1 s
def test_a_cancel_during_a_batch_s_update_ends_it_inside_that_batch():
    """Cancel pressed while the first batch is updated (from the cancel's third look on): on main the cancel was
    looked at once before the batch, so the batch and the epoch ran to their end and no TrainingCancelled came."""
    nlp, examples = _pipeline()
    before = _weights(nlp)
    looks: list[int] = []
    with pytest.raises(TrainingCancelled):
        update_ner(nlp, examples, ["PERSON", "GPE"], epochs=1, cancelled=lambda: looks.append(1) or len(looks) >= 3)
    assert len(looks) == 3
    assert _weights(nlp) == before  # the batch's step was never taken
    nlp("Maria Lopez met Ivan Petrov.")  # the layers are as they were: no cancel looked at outside the training
    assert len(looks) == 3


@pytest.mark.slow  # two pipelines trained: ~1.5 s
def test_looking_at_the_cancel_inside_the_batches_trains_the_same_weights():
    """The looks draw no random number and change no value: the same seed trains the same weights with them as
    without a cancel."""
    trained = []
    for cancelled in (None, lambda: False):
        nlp, examples = _pipeline()
        update_ner(nlp, examples, ["PERSON", "GPE"], epochs=2, cancelled=cancelled)
        trained.append(_weights(nlp))
    assert trained[0] == trained[1]


@pytest.mark.slow  # spaCy's import and a pipeline's initialisation: ~1 s
def test_the_held_out_documents_are_scored_with_a_look_at_the_cancel_after_each():
    """After each fold's entity passes the held-out documents were parsed in one batch (0.4-0.6 s of CPU in a quick
    try on 12 articles, more with more) with no look at Cancel: a Cancel seen after the first is the last parsed."""
    from annotator.learn import train

    nlp, _examples = _pipeline()
    tokenizer, parsed = nlp.tokenizer, []

    def counted(text):  # type: ignore[no-untyped-def]
        parsed.append(text)
        return tokenizer(text)

    nlp.tokenizer = counted

    def pressed() -> None:
        raise TrainingCancelled()

    with pytest.raises(TrainingCancelled):
        train._predict_entities(nlp, [t for t, _ in TEXTS], {"PERSON", "GPE"}, pressed)
    assert parsed == [TEXTS[0][0]]  # on main: no look (a TypeError here), the four parsed in one batch
    found = train._predict_entities(nlp, [t for t, _ in TEXTS], {"PERSON", "GPE"}, lambda: None)
    assert found == train._predict_entities(nlp, [t for t, _ in TEXTS], {"PERSON", "GPE"})  # the same entities
