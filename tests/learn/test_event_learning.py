"""The learned event model stacked on the rules: the style statistics, the k-fold choice between model and rules,
and the "never worse" guard."""

from __future__ import annotations


import pytest
from learn_support import seeds_with_the_rules_events

from annotator.learn.event_model import TrainedEventSuggester
from annotator.learn.event_tuning import _bootstrap_better, train_event_model
from annotator.learn.lemma_stats import LemmaStats


def test_lemma_rate_leaves_the_document_out_and_backs_off():
    stats = LemmaStats()
    stats.add_document(1, ["attack", "attack", "the"], {0: "Conflict:Attack"})
    stats.add_document(2, ["attack", "x"], {})
    stats.set_base({"above": (1, 1), "none": (0, 10)})
    rate, occ, top = stats.lookup("attack", "above")
    base = stats.base["above"]
    assert occ == 3 and top == "Conflict:Attack" and rate == pytest.approx((1 + 2 * base) / (3 + 2))
    rate_out, occ_out, top_out = stats.lookup("attack", "above", leave_out=1)  # only document 2 is left
    assert occ_out == 1 and top_out is None and rate_out == pytest.approx(2 * base / (1 + 2))
    unseen, n, _ = stats.lookup("siege", "above")
    assert n == 0 and unseen == pytest.approx(stats.base["above"])
    assert stats.lookup("siege", "none")[0] < unseen


def test_bootstrap_prefers_the_model_only_when_it_is_better():
    keys = list(range(10))
    gold = {(k, 1) for k in keys}
    rules = {(k, 1) for k in keys[:5]} | {(k, 2) for k in keys}  # half the gold, a false one per document
    model = set(gold)
    assert _bootstrap_better(keys, model, rules, gold, 0) > 0.95
    assert _bootstrap_better(keys, rules, model, gold, 0) < 0.05
    assert _bootstrap_better(keys, rules, set(rules), gold, 0) == 0.0  # a tie is not better


@pytest.mark.slow
def test_trained_on_the_rules_own_output_suggests_what_the_rules_suggest():
    """When people accepted exactly what the rules suggested, learning must not make the triggers worse."""
    schema, rules, docs, ents, gold = seeds_with_the_rules_events()
    assert sum(map(len, gold)) >= 20
    model = train_event_model(list(zip(docs, ents, gold)), schema, rules)
    assert model.tuning["folds"] == 4
    sugg = TrainedEventSuggester(model, schema, "trained:test@1", rules)
    for d, e, g in zip(docs, ents, gold):
        got = {(s.type, s.trigger_start, s.trigger_end) for s in sugg.suggest(d, e)}
        assert got == {(v.type, v.start, v.end) for v in g}
