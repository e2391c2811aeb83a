"""A training's Cancel during the event model's training (session 43): looked at after each document in every pass over
the documents, and every few hundred instances in an epoch. The features of every document, the prior's rules on
every document and each fold's held-out documents were 0.3-0.5 s of CPU without a look (12 news articles)."""

from __future__ import annotations


import pytest
from learn_support import seeds_with_the_rules_events

from annotator.learn import argument_tuning, event_model, event_tuning
from annotator.learn.event_model import EventModel, TrainedEventSuggester
from annotator.learn.event_tuning import train_event_model
from annotator.learn.perceptron import VISITS_BETWEEN_LOOKS, LogLinear, _visits


def test_an_epoch_looks_at_the_cancel_every_few_hundred_instances():
    import numpy as np

    looks: list[int] = []  # the instances visited before each look
    xs = [np.array([k % 7], np.int64) for k in range(3 * VISITS_BETWEEN_LOOKS + 5)]
    seen = 0

    def cancelled() -> bool:
        looks.append(seen)
        return False

    for _x, _y in _visits(xs, [0] * len(xs), 2, 0, cancelled):
        seen += 1
    assert seen == 2 * len(xs)
    n = VISITS_BETWEEN_LOOKS
    assert looks == [0, n, 2 * n, 3 * n, len(xs), len(xs) + n, len(xs) + 2 * n, len(xs) + 3 * n]  # on main [0, len]
    # the same weights as before the looks: the order of the visits is the seed's alone
    a = LogLinear.train([(["f1", "f2"], "A"), (["f2"], "B")] * 300, ["A", "B"], 2, 0, lambda: False)
    b = LogLinear.train([(["f1", "f2"], "A"), (["f2"], "B")] * 300, ["A", "B"], 2, 0, None)
    assert np.array_equal(a.weights, b.weights)


@pytest.mark.slow
def test_the_event_training_looks_at_the_cancel_after_each_document(monkeypatch):
    """The documents whose work ran between two looks at Cancel: one at most (on main the prior's rules ran on all 8
    seed documents, then their features were read, then each fold's held-out documents, each without a look)."""
    schema, rules, docs, ents, gold = seeds_with_the_rules_events()

    touched: set[int] = set()  # the documents worked on since the last look
    most = [0]

    def cancelled() -> bool:
        most[0] = max(most[0], len(touched))
        touched.clear()
        return False

    def spy(module, name, which):  # type: ignore[no-untyped-def]
        real = getattr(module, name)

        def spied(*args, **kwargs):  # type: ignore[no-untyped-def]
            touched.add(which(args))
            return real(*args, **kwargs)

        monkeypatch.setattr(module, name, spied)

    spy(event_model, "rule_views", lambda a: id(a[1]))  # the prior's rules on a document (prior, doc, entities)
    spy(EventModel, "features", lambda a: id(a[1].doc))  # its trigger features (model, prepared, token, …)
    spy(EventModel, "role_probabilities", lambda a: id(a[3].doc))  # its roles' (model, trigger, type, prepared, …)
    spy(TrainedEventSuggester, "suggest_prepared", lambda a: id(a[1].doc))  # a fold's suggestions (suggester, prepared)
    assert argument_tuning.held_prior_events and event_tuning.tune  # the passes spied on are theirs
    model = train_event_model(list(zip(docs, ents, gold)), schema, rules, epochs=1, cancelled=cancelled)
    cancelled()
    assert model.tuning["folds"] == 4
    assert most[0] == 1


def test_the_entity_examples_are_made_with_a_look_at_the_cancel_before_each_document():
    """A part's examples (its documents and the rehearsal's 10,000 words tokenized) came right after its pipeline's
    load, 0.3 s of CPU on 12 news articles without a look at Cancel."""
    from annotator.errors import TrainingCancelled
    from annotator.learn.data import FinishedDoc
    from annotator.learn.ner import make_examples
    from spacy_support import english_words

    docs = [FinishedDoc(k, f"d{k}", f"Anna Berg met Ivan Petrov in Moscow ({k}).", "annotated", []) for k in range(5)]
    looks: list[int] = []

    def cancelled() -> bool:
        looks.append(1)
        return len(looks) == 3  # pressed while the second document was made

    assert len(make_examples(english_words(), docs, [[]] * 5, lambda: False)) == 5
    with pytest.raises(TrainingCancelled):
        make_examples(english_words(), docs, [[]] * 5, cancelled)
    assert len(looks) == 3  # main: no look (all five made)
