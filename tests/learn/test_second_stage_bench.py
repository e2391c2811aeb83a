"""bench/second_stage_cv.py without a parse or a trained model: the per-lemma "never marked" vetoes on hand-made rows,
and the second stage's disputes (where the rules and the model's probabilities disagree) and decisions on a
hand-made prepared document."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest
from veto_rows import TEXT, WORDS, row, span

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from spacy_support import english_vocab  # noqa: E402


def load_bench():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        spec = importlib.util.spec_from_file_location("second_stage_bench", ROOT / "bench" / "second_stage_cv.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(ROOT / "bench"))


ATTACK, DIE, MEET = "Conflict:Attack", "Life:Die", "Contact:Meet"


def words_of(suggestions: list[dict]) -> set[tuple[str, str]]:
    return {(s["type"], TEXT[slice(*s["trigger"])]) for s in suggestions}


def test_a_lemma_never_marked_in_k_occurrences_is_vetoed_and_a_marked_one_is_kept():
    bench = load_bench()
    # 'talk' shown as a meeting in three articles and never marked; 'meet' marked
    rows = [row({1: MEET}, {1: MEET, 3: MEET}) for _ in range(3)]
    model = bench._fit_never_lemma(rows)
    new = row({}, {1: MEET, 3: MEET, 5: "Business:Start-Org"})  # a type the scorer leaves out stays as it is
    assert words_of(bench._predict_never_lemma(new, model, 3)) == {(MEET, "met"), ("Business:Start-Org", "fled")}
    assert words_of(bench._predict_never_lemma(new, model, 4)) == {
        (MEET, "met"),
        (MEET, "talked"),
        ("Business:Start-Org", "fled"),
    }
    # marked once, as any type, in one article: never vetoed
    model = bench._fit_never_lemma([*rows, row({3: DIE}, {})])
    assert (MEET, "talked") in words_of(bench._predict_never_lemma(new, model, 2))


def test_a_type_and_lemma_shown_k_times_and_never_right_is_vetoed():
    bench = load_bench()
    rows = [row({1: MEET}, {1: MEET, 3: MEET}) for _ in range(2)]
    counts = bench._fit_never_shown(rows)
    assert counts[(MEET, "talk")] == [0, 2] and counts[(MEET, "meet")] == [2, 2]
    new = row({}, {1: MEET, 3: MEET})
    assert words_of(bench._predict_never_shown(new, counts, 2)) == {(MEET, "met")}
    assert words_of(bench._predict_never_shown(new, counts, 3)) == {(MEET, "met"), (MEET, "talked")}
    # right once: kept at every k
    counts = bench._fit_never_shown([*rows, row({3: MEET}, {3: MEET})])
    assert (MEET, "talked") in words_of(bench._predict_never_shown(new, counts, 2))


class Model:
    """What ``disputes`` reads of a trained event model: its trigger classes."""

    def __init__(self, classes: list[str]) -> None:
        self.triggers = type("Triggers", (), {"classes": classes})()


def prepared(shown: dict[int, str], gold: dict[int, str]):
    """The sentence parsed by hand (every word a child of 'met'), the rules showing ``shown`` (token -> type) at
    score 0.6, people marking ``gold`` (token -> type)."""
    from spacy.tokens import Doc

    from annotator.learn.data import GoldEvent
    from annotator.learn.event_features import RuleView, document_state
    from annotator.learn.event_model import PreparedDoc
    from annotator.suggest.types import EventSuggestion

    words = [w for w, _l, _p in WORDS]
    doc = Doc(
        english_vocab(),
        words=words,
        lemmas=[lemma for _w, lemma, _p in WORDS],
        pos=[p for _w, _l, p in WORDS],
        heads=[1, 1, 3, 1, 5, 1],
        deps=["nsubj", "ROOT", "cc", "conj", "cc", "conj"],
    )
    views = {}
    for i, type_ in shown.items():
        s = EventSuggestion(type_, doc[i].idx, doc[i].idx + len(doc[i]), 0.6, (), ())
        views[i] = RuleView((type_,), 0.6, True, {}, s, (s,))
    prev, sent_index = document_state(doc)
    p = PreparedDoc(7, doc, [], {}, views, prev, sent_index)
    for i, type_ in gold.items():
        p.gold[i] = GoldEvent(type_, doc[i].idx, doc[i].idx + len(doc[i]), ())
    return p


def test_disputes_are_where_the_rules_show_a_type_the_model_does_not_give_and_the_reverse():
    bench = load_bench()
    classes = ["NONE", ATTACK, DIE, MEET]
    # the rules show 'met' and 'talked' as meetings; people mark 'met' and 'fled' (a death)
    p = prepared({1: MEET, 3: MEET}, {1: MEET, 5: DIE})
    probs = {
        1: np.array([0.2, 0.0, 0.0, 0.8]),  # the model gives 'met' the meeting: no dispute
        3: np.array([0.7, 0.0, 0.0, 0.3]),  # 'talked': the meeting below 0.5, not below 0.2
        5: np.array([0.6, 0.05, 0.35, 0.0]),  # 'fled' a death at 0.35: the rules show nothing there
    }
    found = bench.disputes(Model(classes), p, probs)
    as_seen = {m: sorted((it[0], it[1], it[2], it[3], it[5]) for it in items) for m, items in found.items()}
    assert as_seen[0.5] == [(7, 3, "veto", MEET, False)]
    assert as_seen[0.2] == [(7, 5, "add", DIE, True)]
    veto = found[0.5][0][4]
    assert "k=veto" in veto and f"k=veto|{MEET}" in veto and "mp=3" in veto and "veto|l=talk" in veto


class Stage:
    """A second stage that finds every veto right with probability ``veto`` and every addition with ``add``."""

    classes = ["no", "yes"]

    def __init__(self, veto: float, add: float) -> None:
        self.veto, self.add = veto, add

    def probabilities(self, feats):
        q = self.veto if "k=veto" in feats else self.add
        return np.array([1 - q, q])


def test_the_second_stage_keeps_a_disputed_suggestion_from_its_cut_and_adds_one_as_its_mode_says():
    bench = load_bench()
    p = prepared({1: MEET, 3: MEET}, {1: MEET, 5: DIE})
    probs = {1: np.array([0.1, 0.0, 0.0, 0.9]), 3: np.array([0.7, 0.0, 0.0, 0.3]), 5: np.array([0.4, 0.0, 0.6, 0.0])}
    items = bench.disputes(Model(["NONE", ATTACK, DIE, MEET]), p, probs)[0.5]
    stage = Stage(veto=0.25, add=0.45)

    def made(mode: str, cut: float) -> set[tuple[str, str]]:
        return {(s.type, TEXT[s.trigger_start : s.trigger_end]) for s in bench.decide(p, items, stage, mode, cut)}

    assert made("veto", 0.3) == {(MEET, "met")}  # 'talked' right at 0.25 only: dropped
    assert made("veto", 0.2) == {(MEET, "met"), (MEET, "talked")}
    assert made("add", 0.4) == {(MEET, "met"), (MEET, "talked"), (DIE, "fled")}
    assert made("add", 0.5) == {(MEET, "met"), (MEET, "talked")}
    assert made("both", 0.4) == {(MEET, "met"), (DIE, "fled")}
    added = next(s for s in bench.decide(p, items, stage, "add", 0.4) if s.type == DIE)
    assert added.arguments == ()  # a trigger only


def test_a_second_stage_with_one_class_to_learn_is_none_and_decides_nothing_either_way():
    bench = load_bench()
    p = prepared({3: MEET}, {})
    items = bench.disputes(Model(["NONE", MEET]), p, {3: np.array([0.9, 0.1])})[0.5]
    assert [it[5] for it in items] == [False]
    assert bench.fit_stage(items) is None
    assert bench.stage_probability(None, items[0]) == pytest.approx(0.5)


def test_with_nothing_disputed_the_inner_fold_chooses_the_rules():
    bench = load_bench()
    docs = [prepared({1: MEET}, {1: MEET}) for _ in range(4)]
    golds = [[{"type": MEET, "trigger": span(1), "arguments": []}] for _ in docs]
    st = bench.Stacker(docs, golds, schema=None)
    found = {k: {m: [] for m in bench.AGREE} for k in range(4)}
    assert st.choose(list(range(4)), found) is None
