"""bench/filler_bands.py on hand-made events (no parse): the rules' fillers counted by their event's score, their own
score and their role, each group against the F1 / 2 bar below which dropping it would raise argument F1."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def load_bench():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        spec = importlib.util.spec_from_file_location("filler_bands_bench", ROOT / "bench" / "filler_bands.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(ROOT / "bench"))


ATTACK, MEET = "Conflict:Attack", "Contact:Meet"
# "Rebels shelled the town. The envoys met in Paris." (offsets by hand)
GOLD = [
    {
        "type": ATTACK,
        "trigger": [7, 14],
        "arguments": [{"role": "Attacker", "span": [0, 6]}, {"role": "Target", "span": [19, 23]}],
    },
    {"type": MEET, "trigger": [36, 39], "arguments": [{"role": "Entity", "span": [29, 35]}]},
]


def event(kind: str, trigger: list[int], score: float, *args: tuple[str, list[int], float]) -> dict:
    return {
        "type": kind,
        "trigger": trigger,
        "score": score,
        "arguments": [{"role": r, "span": s, "score": a} for r, s, a in args],
    }


PRED = [
    # a right trigger: Attacker right, Target on the wrong span, a Time left out of the counts
    event(ATTACK, [7, 14], 0.9, ("Attacker", [0, 6], 0.6), ("Target", [15, 18], 0.6), ("Time", [0, 1], 0.8)),
    # a right trigger: its Entity right, its Place the data leaves empty
    event(MEET, [36, 39], 0.5, ("Entity", [29, 35], 0.6), ("Place", [43, 48], 0.8)),
    # a wrong trigger (no gold Attack overlaps it): its filler is wrong whatever it is
    event(ATTACK, [40, 42], 0.5, ("Place", [43, 48], 0.4)),
]


def test_fillers_pair_events_as_the_scorer_does_and_leave_time_out():
    bench = load_bench()
    rows = bench.fillers(GOLD, PRED)
    assert [(f.type, f.role, f.trigger_right, f.right) for f in rows] == [
        (ATTACK, "Attacker", True, True),
        (ATTACK, "Target", True, False),
        (MEET, "Entity", True, True),
        (MEET, "Place", True, False),
        (ATTACK, "Place", False, False),
    ]
    assert [f.event_score for f in rows] == [0.9, 0.9, 0.5, 0.5, 0.5]


def test_groups_count_fillers_right_ones_and_those_on_wrong_triggers():
    bench = load_bench()
    rows = bench.fillers(GOLD, PRED)
    by_band = bench.grouped(rows, lambda f: bench.band(f.event_score))
    assert by_band == {0.9: (2, 1, 0), 0.5: (3, 1, 1)}
    by_evidence = bench.grouped(rows, lambda f: f.score)
    assert by_evidence == {0.6: (3, 2, 0), 0.8: (1, 0, 0), 0.4: (1, 0, 1)}


def test_band_is_the_lower_edge_of_a_005_band():
    bench = load_bench()
    assert [bench.band(s) for s in (0.62, 0.65, 0.699, 0.7, 0.45)] == [0.6, 0.65, 0.65, 0.7, 0.45]


def test_dropping_pays_only_below_half_the_f1():
    bench = load_bench()
    # 100 given, 40 right, 100 gold: F1 0.4, bar 0.2
    assert bench.drop_gains(100, 40, 100, 10, 1)  # right 0.1 of the time: F1 2*39/190 = 0.41
    assert not bench.drop_gains(100, 40, 100, 10, 3)  # 0.3 of the time: 2*37/190 = 0.389
    assert not bench.drop_gains(100, 40, 100, 10, 2)  # exactly at the bar: 2*38/190 = 0.4, no gain


def test_report_marks_the_groups_worth_dropping():
    bench = load_bench()
    lines = bench.report([GOLD], [PRED])
    # 5 scored fillers given (Time left out), 2 right, 3 gold arguments: F1 0.5, bar 0.25
    assert lines[0].startswith("1 articles: 5 fillers given, 2 right, 3 gold arguments; argument F1 0.5000")
    marked = {line.split("  ")[1].strip() for line in lines if line.rstrip().endswith("drop")}
    assert "('Contact:Meet', 'Place')" in marked and "('Conflict:Attack', 'Attacker')" not in marked
