"""The benches' one matching rule (``bench/events.py``'s ``matched_gold`` and ``argument_found``): which gold event a
predicted one scores against and whether an argument is found. ``bench/learning_cv.py``, ``decision_prior.py`` and
``rescoring_cv.py`` wrote the rule again each (until session 38); their figures are the score's only while they
count as it does."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

from annotator.learn.data import GoldEvent
from annotator.learn.scoring import tally_events

ROOT = Path(__file__).resolve().parents[2]


def load_events():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        spec = importlib.util.spec_from_file_location("events_bench", ROOT / "bench" / "events.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(ROOT / "bench"))


def event(type_: str, start: int, end: int, *arguments: tuple[str, int, int]) -> dict:
    return {"type": type_, "trigger": [start, end], "arguments": [{"role": r, "span": [s, e]} for r, s, e in arguments]}


def test_each_gold_event_is_taken_once_by_the_first_prediction_of_its_type_that_overlaps_it():
    bench = load_events()
    gold = [event("Conflict:Attack", 10, 16), event("Conflict:Attack", 12, 20), event("Life:Die", 10, 16)]
    pred = [
        event("Conflict:Attack", 14, 15),  # overlaps both attacks: the first
        event("Conflict:Attack", 11, 13),  # the first is taken: the second
        event("Conflict:Attack", 15, 16),  # both taken
        event("Life:Die", 16, 18),  # touches the death's end: no overlap
        event("Life:Die", 0, 11),
        event("Movement:Transport", 10, 16),  # no gold event of its type
    ]
    assert bench.matched_gold(gold, pred) == [0, 1, None, None, 2, None]
    assert bench.matched_gold([], pred) == [None] * 6 and bench.matched_gold(gold, []) == []


def test_an_argument_is_found_by_its_role_and_an_overlapping_span():
    bench = load_events()
    gold = event("Conflict:Attack", 0, 5, ("Target", 10, 20), ("Place", 30, 35))["arguments"]
    assert bench.argument_found({"role": "Target", "span": [19, 25]}, gold)
    assert not bench.argument_found({"role": "Target", "span": [20, 25]}, gold)  # ends touch
    assert not bench.argument_found({"role": "Attacker", "span": [10, 20]}, gold)  # another role


def test_the_benches_that_score_events_ask_the_one_rule():
    written = sorted(
        p.name
        for p in (ROOT / "bench").glob("*.py")
        if 'g["type"] == p["type"] and' in p.read_text(encoding="utf-8")
        or 'a["role"] == b["role"] and overlaps(' in p.read_text(encoding="utf-8")
    )
    assert written == ["events.py"]


def test_the_training_runs_score_triggers_by_the_benches_rule():
    """``annotator.learn.scoring.tally_events`` (a training run's held-out scores) counts a trigger right by the
    benches' rule, the one function ``matched_triggers`` both ask (until session 39 each wrote it)."""
    bench = load_events()
    gold = [event("Conflict:Attack", 10, 16), event("Conflict:Attack", 12, 20), event("Life:Die", 10, 16)]
    pred = [
        event("Conflict:Attack", 14, 15),
        event("Conflict:Attack", 11, 13),
        event("Conflict:Attack", 15, 16),
        event("Life:Die", 16, 18),
        event("Life:Die", 0, 11),
        event("Movement:Transport", 10, 16),
    ]
    matched = bench.matched_gold(gold, pred)
    triggers, _ = tally_events(
        [GoldEvent(g["type"], *g["trigger"], ()) for g in gold], [GoldEvent(p["type"], *p["trigger"], ()) for p in pred]
    )
    assert sum(triggers.tp.values()) == sum(j is not None for j in matched) == 3
    assert sum(triggers.fp.values()) == matched.count(None) == 3
    assert sum(triggers.fn.values()) == len(gold) - 3 == 0


ONE_TO_ONE = re.compile(r"not in (used|taken) and .*overlaps?\(")  # a match that takes each gold item once, by overlap


def test_a_one_to_one_match_by_overlap_is_written_in_the_scoring_module_alone():
    """The benches' ``matched_gold`` (bench/events.py), ``noun_role_keys``' and ``lexical_ceiling``'s own matches and
    the training runs' ``tally_events`` each wrote the match of predicted to gold triggers (until session 39):
    ``annotator/learn/scoring.py`` holds it (and the training runs' one-to-one match of arguments) alone."""
    assert ONE_TO_ONE.search("if j not in used and g.type == p.type and _overlap(a, b)")
    assert not ONE_TO_ONE.search("if j not in used:")
    written = sorted(
        p.relative_to(ROOT).as_posix()
        for folder in ("annotator", "bench")
        for p in (ROOT / folder).rglob("*.py")
        if ONE_TO_ONE.search(p.read_text(encoding="utf-8"))
    )
    assert written == ["annotator/learn/scoring.py"]
