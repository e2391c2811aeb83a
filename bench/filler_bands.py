"""The rules' argument fillers by how sure their event is, against what dropping them would need (issues 11 and 13).

A filler of a suggestion on a wrong trigger is wrong whatever it is, so a suggestion the rules are less sure of might
carry fewer fillers. Whether that pays is a count: taking away ``n`` fillers of which ``r`` are right raises argument
F1 only where ``r / n`` is below F1 / 2 (F1 = 2 TP / (given + gold): what is left is 2 (TP - r) / (given - n + gold)).
This prints the rules' fillers of the 8 scored types (Time left out, as bench/events.py scores) grouped by their
event's score (bands of 0.05), by their own score (the evidence: 0.8 an entity in a slot of the parse, 0.6 a common
noun, 0.45 a reading from another clause, 0.4 the sentence's nearest place or police), by the two together and by type
and role, each with how many are right, how many sit on wrong triggers, and whether dropping the group would gain.

Parts: ``A`` (half A, the half whose errors are read), ``first80`` / ``last80`` (the training articles of
bench/learning.py's two splits: what a learner trained on them could count). Half B and the splits' test articles are
not offered: they are scored, not read. Asserts nothing.

Run: nice .venv/bin/python bench/filler_bands.py [--part A|first80|last80] [--cache FILE]
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path
from typing import Callable, Iterable, NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent))

from events import (  # noqa: E402  (one scorer)
    MODEL,
    SCHEMA,
    TYPES,
    UNSCORED_ROLES,
    argument_found,
    figures,
    matched_gold,
    read_articles,
)

PARTS: dict[str, Callable[[int], Iterable[int]]] = {
    "A": lambda n: range(0, n, 2),
    "first80": lambda n: range(min(80, n)),
    "last80": lambda n: range(max(0, n - 80), n),
}


class Filler(NamedTuple):
    """One suggested argument of a scored type, with what decides it: its event's score, its own, and whether the
    event and the filler count (the event overlaps a gold trigger of its type; the filler a gold argument of its
    role in that event)."""

    type: str
    role: str
    event_score: float
    score: float
    trigger_right: bool
    right: bool


def scored_dicts(suggestions: Iterable) -> list[dict]:  # noqa: ANN001
    """Event suggestions as bench/events.py's dicts, with the event's and each argument's score kept."""
    return [
        {
            "type": s.type,
            "trigger": [s.trigger_start, s.trigger_end],
            "score": s.score,
            "arguments": [{"role": a.role, "span": [a.start, a.end], "score": a.score} for a in s.arguments],
        }
        for s in suggestions
    ]


def fillers(gold: list[dict], pred: list[dict]) -> list[Filler]:
    """The fillers of one document's suggestions (``pred``: ``scored_dicts``), each suggestion paired with a gold
    event as bench/events.py's ``score_document`` pairs them (the first unpaired gold event of its type it overlaps)."""
    gold = [g for g in gold if g["type"] in TYPES]
    scored = [p for p in pred if p["type"] in TYPES]
    out = []
    for p, j in zip(scored, matched_gold(gold, scored)):
        for a in p["arguments"]:
            if a["role"] in UNSCORED_ROLES:
                continue
            right = j is not None and argument_found(a, gold[j]["arguments"])
            out.append(Filler(p["type"], a["role"], p["score"], a["score"], j is not None, right))
    return out


def band(score: float, width: float = 0.05) -> float:
    """The lower edge of the score's band (0.05 wide: 0.62 -> 0.6)."""
    return round(int(round(score / width, 6)) * width, 2)


def grouped(rows: Iterable[Filler], key: Callable[[Filler], object]) -> dict[object, tuple[int, int, int]]:
    """(fillers, right, on wrong triggers) of each group ``key`` makes."""
    counts: dict[object, list[int]] = defaultdict(lambda: [0, 0, 0])
    for f in rows:
        c = counts[key(f)]
        c[0] += 1
        c[1] += f.right
        c[2] += not f.trigger_right
    return {k: (n, r, w) for k, (n, r, w) in counts.items()}


def drop_gains(given: int, right: int, gold: int, n: int, r: int) -> bool:
    """Whether taking away ``n`` fillers of which ``r`` are right raises argument F1 (``given`` fillers in all, ``right``
    of them right, ``gold`` gold arguments): 2 (right - r) / (given - n + gold) > 2 right / (given + gold)."""
    return (right - r) * (given + gold) > right * (given - n + gold)


def report(golds: list[list[dict]], preds: list[list[dict]]) -> list[str]:
    """The tables, as lines."""
    rows = [f for g, p in zip(golds, preds) for f in fillers(g, p)]
    args = figures(golds, preds)["arguments"]["all"]
    given, gold = args["pred"], args["gold"]
    right = sum(f.right for f in rows)
    bar = right / (given + gold) if given + gold else 0.0
    lines = [
        f"{len(golds)} articles: {given} fillers given, {right} right, {gold} gold arguments; argument F1 {args['f1']:.4f}"
        f" (bar F1 / 2 = {bar:.3f}: a group right less often than this is worth dropping)"
    ]
    tables: list[tuple[str, Callable[[Filler], object]]] = [
        ("the event's score band", lambda f: band(f.event_score)),
        ("the filler's own score (evidence)", lambda f: f.score),
        ("event score below 0.6 / 0.6-0.8 / 0.8 and up, and the filler's score", _sure_and_evidence),
        ("type and role", lambda f: (f.type, f.role)),
    ]
    for title, key in tables:
        lines.append(f"\nby {title}: fillers, right (rate), on wrong triggers; 'drop' where dropping the group gains")
        for k, (n, r, w) in sorted(grouped(rows, key).items(), key=lambda kv: str(kv[0])):
            mark = "drop" if drop_gains(given, right, gold, n, r) else ""
            lines.append(f"  {str(k):45} {n:5} {r:5} ({r / n:.2f}) {w:5}  {mark}")
    return lines


def _sure_and_evidence(f: Filler) -> tuple[str, float]:
    sure = "low" if f.event_score < 0.6 else "mid" if f.event_score < 0.8 else "high"
    return sure, f.score


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--part", choices=sorted(PARTS), default="A")
    ap.add_argument("--cache", type=Path, help="a .spacy file keeping the parsed articles between runs")
    ap.add_argument("--model", default=MODEL)
    args = ap.parse_args()
    import spacy

    from annotator.nlp import pipeline_entities
    from annotator.schema import load_schema
    from annotator.suggest.event_rules import RuleEventSuggester
    from events import parse_cached

    rows = read_articles()
    nlp = spacy.load(args.model)
    docs = parse_cached([r["text"] for r in rows], args.cache, nlp=nlp)
    suggester = RuleEventSuggester(load_schema(SCHEMA))
    idx = list(PARTS[args.part](len(rows)))
    preds = [scored_dicts(suggester.suggest(docs[i], pipeline_entities(docs[i]))) for i in idx]
    print(f"part {args.part}:", *report([rows[i]["events"] for i in idx], preds), sep="\n")


if __name__ == "__main__":
    main()
