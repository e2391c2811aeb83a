"""bench/lexical_ceiling.py on hand-made rows (no parse): the best choice per (type, lemma) of session 36's ceiling
(none / the rules' / every mention), and the learner that vetoes or adds a kind only where the training articles
are sure of it."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from veto_rows import TEXT, WORDS, row, span

ROOT = Path(__file__).resolve().parents[2]


def load_bench():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        spec = importlib.util.spec_from_file_location("lexical_ceiling_bench", ROOT / "bench" / "lexical_ceiling.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(ROOT / "bench"))


MEET, TRANSPORT = "Contact:Meet", "Movement:Transport"


def test_the_ceiling_drops_a_kind_always_wrong_and_takes_every_mention_of_one_always_marked():
    bench = load_bench()
    # 'met' marked and shown; 'talked' shown as a meeting and never marked; 'fled' marked, not shown
    rows = [row({1: MEET, 5: TRANSPORT}, {1: MEET, 3: MEET}) for _ in range(3)]
    kinds = bench.seed_kinds(rows)
    counts, gold = bench.counted(rows, kinds)
    assert gold == 6
    assert counts[(MEET, "talk")]["rules"] == [0, 3]
    assert counts[(TRANSPORT, "flee")]["all"] == [3, 0]
    rules = {k: "rules" for k in counts}
    assert bench.f1_of(counts, rules, gold) == pytest.approx(2 * 3 / (3 + 3 + 6))
    best = bench.best_choices(counts, gold)
    assert best[(MEET, "talk")] == "none"
    assert best[(TRANSPORT, "flee")] == "all"
    assert best[(MEET, "meet")] == "rules"  # a tie of the rules' and every mention keeps the rules'
    assert bench.f1_of(counts, best, gold) == 1.0
    # a kind the training articles never saw keeps the rules' choice
    assert bench.best_choices(counts, gold, allowed={(MEET, "talk")})[(TRANSPORT, "flee")] == "rules"


def test_beta_below_is_the_posterior_chance_of_a_rate_under_the_bar():
    bench = load_bench()
    assert bench.beta_below(0.5, 0, 0) == pytest.approx(0.5)
    assert bench.beta_below(0.3, 0, 10) > 0.95
    assert bench.beta_below(0.3, 5, 5) < 0.1


def test_the_sure_learner_vetoes_and_adds_only_what_many_articles_agree_on():
    bench = load_bench()
    many = [row({1: MEET, 5: TRANSPORT}, {1: MEET, 3: MEET}) for _ in range(12)]
    model = bench._fit_confident(many)
    new = row({}, {1: MEET, 3: MEET})
    made = {(s["type"], TEXT[slice(*s["trigger"])]) for s in bench._predict_confident(new, model, ("both", 0.95))}
    assert made == {(MEET, "met"), (TRANSPORT, "fled")}
    vetoed = {(s["type"], TEXT[slice(*s["trigger"])]) for s in bench._predict_confident(new, model, ("veto", 0.95))}
    assert vetoed == {(MEET, "met")}
    # one article is not enough to be sure of either
    model = bench._fit_confident(many[:1])
    made = {(s["type"], TEXT[slice(*s["trigger"])]) for s in bench._predict_confident(new, model, ("both", 0.95))}
    assert made == {(MEET, "met"), (MEET, "talked")}


def test_second_mentions_counts_later_mentions_by_the_verdict_on_the_earlier_one():
    bench = load_bench()
    # "They met and talked and fled": 'met' shown and marked; 'talked' shown as a meeting, not marked, with
    # another 'talk' after it; 'fled' added by hand, with another 'flee' after it that is not marked
    words = [*WORDS, ("and", "and", "CCONJ"), ("talked", "talk", "VERB"), ("and", "and", "CCONJ")]
    words.append(("fled", "flee", "VERB"))
    base = row({1: MEET, 5: TRANSPORT}, {1: MEET, 3: MEET})
    start = len(TEXT) + 1
    for i, (word, lemma, pos) in enumerate(words[len(WORDS) :], start=len(WORDS)):
        shows = [{"type": MEET, "trigger": [start, start + len(word)], "arguments": []}] if lemma == "talk" else []
        base["toks"].append(dict(base["toks"][3], i=i, idx=start, end=start + len(word), lemma=lemma, pos=pos))
        base["toks"][-1].update(head=i, shown=shows)
        start += len(word) + 1
    said = bench.second_mentions([base])
    assert "after an accepted one right 0, wrong 0; after a rejected one right 0, wrong 1" in said
    assert "not shown as that type: right 0, wrong 1" in said


def test_a_type_cut_moves_only_where_the_training_articles_gain_by_more_than_the_margin():
    bench = load_bench()
    rows = [row({1: MEET, 5: TRANSPORT}, {1: MEET}) for _ in range(4)]
    for r in rows:  # the rules' weaker match on 'fled', below their threshold, is right
        fled = r["toks"][5]
        fled.update(score=0.32, weak=[{"type": TRANSPORT, "trigger": span(5), "arguments": []}])
    assert bench._at_cuts(rows[0], {}) == rows[0]["toks"][1]["shown"]
    cuts = bench._fit_type_cuts(rows)
    assert cuts[0.0] == {TRANSPORT: 0.3}
    assert cuts[0.01] == {TRANSPORT: 0.3}  # F1 0.667 -> 1.0
    made = bench._predict_type_cuts(rows[0], cuts, 0.0)
    assert {(s["type"], TEXT[slice(*s["trigger"])]) for s in made} == {(MEET, "met"), (TRANSPORT, "fled")}
