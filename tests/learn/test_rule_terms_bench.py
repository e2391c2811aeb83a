"""bench/rule_terms_cv.py without a parse: the rules' named terms read from their trace per token and type (the
shown run's where both runs read a token, the weaker matches from the run at threshold 0), and the features they
give the trained trigger model."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def load_bench():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        spec = importlib.util.spec_from_file_location("rule_terms_bench", ROOT / "bench" / "rule_terms_cv.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(ROOT / "bench"))


class Span:
    def __init__(self, i: int) -> None:
        self.root = type("Tok", (), {"i": i})()

    def __len__(self) -> int:
        return 1


class Doc:
    """Words of 5 characters and a space: token i spans [6 i, 6 i + 5)."""

    def char_span(self, start: int, end: int, alignment_mode: str = "strict"):
        return Span(start // 6)


class TracingRules:
    """A rule suggester that traces its candidates: at its own threshold the candidates scoring above it, at 0 all."""

    def __init__(self, candidates: list[tuple[str, int, dict, float]]) -> None:
        self.candidates = candidates  # (type, token, terms, score)
        self.threshold = 0.45
        self.trace = None

    def suggest(self, doc, entities):
        for type_, i, terms, score in self.candidates:
            if self.trace is not None and score >= self.threshold:
                self.trace.append((type_, 6 * i, 6 * i + 5, terms, score))
        return []


ATTACK, DIE = "Conflict:Attack", "Life:Die"


def test_terms_are_read_per_token_and_type_from_both_runs_and_the_trace_is_switched_off_after():
    bench = load_bench()
    rules = TracingRules(
        [
            (ATTACK, 0, {"core": 2, "cue": 0}, 0.75),  # shown
            (DIE, 0, {"core": 1, "weak": 1}, 0.3),  # the same token's weaker type: read at threshold 0
            (DIE, 3, {"no_participant": 1, "bare_form": 1}, 0.2),  # a weaker match only
        ]
    )
    got = bench.token_terms(rules, Doc(), [])
    assert got == {
        0: {ATTACK: {"core": 2, "cue": 0}},  # the shown run's terms stand where both runs read the token
        3: {DIE: {"no_participant": 1, "bare_form": 1}},
    }
    assert rules.trace is None and rules.threshold == 0.45  # the rules are left as they were


def test_a_prior_without_a_trace_gives_no_terms():
    bench = load_bench()

    class Words:
        threshold = 0.45

        def suggest(self, doc, entities):
            return []

    assert bench.token_terms(Words(), Doc(), []) == {}


def test_features_of_the_first_type_alone_with_the_type_and_with_the_verdict():
    bench = load_bench()
    terms = {ATTACK: {"core": 2, "cue": 0, "weak": 1}, DIE: {"modifier": 1}}
    assert bench.term_features((ATTACK, DIE), "above", terms) == [
        "rt=core=2",
        f"rt=core=2|{ATTACK}",
        "rt=core=2|above",
        "rt=weak",
        f"rt=weak|{ATTACK}",
        "rt=weak|above",
    ]
    assert bench.term_features((DIE,), "below", terms) == ["rt=modifier", f"rt=modifier|{DIE}", "rt=modifier|below"]
    assert bench.term_features((), "none", terms) == []
    assert bench.term_features(("Contact:Meet",), "below", terms) == []


def test_the_switch_adds_the_terms_to_the_model_features_and_takes_them_away():
    bench = load_bench()
    from annotator.learn.event_features import RuleView
    from annotator.learn.event_model import EventModel, PreparedDoc

    before = EventModel.features
    calls = []

    def base(model, p, tok, leave_out=None):
        calls.append(tok.i)
        return ["bias"]

    EventModel.features = base
    try:
        doc = Doc()
        tok = type("Tok", (), {"i": 2})()
        p = PreparedDoc(0, doc, [], {}, {2: RuleView((ATTACK,), 0.6, True)}, [0, 0, 0], [0, 0, 0])
        switch = bench.TermFeatures({id(doc): {2: {ATTACK: {"cue": 1}}}})
        switch.on()
        assert EventModel.features(None, p, tok) == ["bias", "rt=cue", f"rt=cue|{ATTACK}", "rt=cue|above"]
        switch.off()
        assert EventModel.features(None, p, tok) == ["bias"]
        assert calls == [2, 2]
    finally:
        EventModel.features = before
