"""A filler chooser learned from the finished documents (issue 13, session 37; docs/learning.md, "Session 37"):
for each role the rules fill on their own events, the rules' filler or another candidate of the trigger's
sentence (bench/finished_counts_cv.py's candidates: an entity's span or a common noun's head word within 3
dependency steps, or a sibling), by counts over the training articles' right triggers:
- how often the rules' filler of a kind (type and role -> + entity label or part of speech -> + dependency path)
  is the gold argument (bench/rescoring_cv.py's ``kinds`` chain);
- how often a candidate of a kind, beside a rules' filler of that role, is the gold argument of the role
  (the same chain, and whether it is nearer the trigger than the rules' filler).
The candidate replaces the rules' filler where its smoothed rate reaches the cut and beats the filler's by the
margin. Scored as rescoring_cv scores a variant (5-fold by article inside the first / last N, the setting an inner
4-fold chooses; then trained on the N, scored on the rest).

    python bench/filler_chooser_cv.py [--articles 80] [--reverse] [--cache rows.pkl]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
import finished_counts_cv as fc  # noqa: E402
import rescoring_cv as rc  # noqa: E402
from events import overlaps  # noqa: E402

Choice = tuple[dict, list[str], list[tuple[list[int], list[str]]]]  # a rules' filler, its chain, [(candidate, chain)]


def _distance(toks: list[dict], trigger: dict, span: list[int]) -> int:
    head = rc._root(toks, span)
    return abs(head["i"] - trigger["i"]) if head else 99


def choices(row: rc.Row) -> list[tuple[dict, list[Choice]]]:
    """Per shown suggestion of the rules: each filler (Time left out) with its kind chain and the other candidates
    of its role with theirs, once per article."""
    if "_choices" not in row:
        out = []
        for t, s, fillers in rc._argument_kinds(row):
            spans = [a["span"] for a in s["arguments"]]
            cands = [c for c in fc.candidates(row, t) if not any(overlaps(c[0], u) for u in spans)]
            per = []
            for a, chain in fillers:
                if a["role"] in fc.LEFT_OUT:
                    continue
                mine = _distance(row["toks"], t, a["span"])
                alts = []
                for span, label, path in cands:
                    base = f"alt|{s['type']}|{a['role']}"
                    nearer = "nearer" if _distance(row["toks"], t, span) < mine else "farther"
                    alts.append(
                        (
                            span,
                            [base, f"{base}|{nearer}", f"{base}|{nearer}|{label}", f"{base}|{nearer}|{label}|{path}"],
                        )
                    )
                per.append((a, chain, alts))
            out.append((s, per))
        row["_choices"] = out
    return row["_choices"]


def fit(rows: list[rc.Row]) -> Any:
    """Kept counts of the rules' fillers and of the other candidates of their roles, on the rules' right triggers."""
    tally = rc.Tally()
    for row in rows:
        for s, per in choices(row):
            event = rc.right_event(row, s)
            if event is None:
                continue
            for a, chain, alts in per:
                tally.add(chain, rc.kept(event, a))
                for span, alt_chain in alts:
                    tally.add(alt_chain, rc.kept(event, {"role": a["role"], "span": span}))
    counts, _start = tally.model()
    return counts


def predict(row: rc.Row, counts: Any, setting: tuple[float, float, float]) -> list[dict]:
    """The rules' suggestions, a filler replaced by its role's best candidate where the counts say so."""
    alpha, cut, margin = setting
    out = []
    for s, per in choices(row):
        args = [a for a in s["arguments"] if a["role"] in fc.LEFT_OUT]
        taken: list[list[int]] = []
        for a, chain, alts in per:
            own = rc.smoothed(counts, chain, 0.0, alpha)
            best = (own + margin, None)
            for span, alt_chain in alts:
                rate = rc.smoothed(counts, alt_chain, 0.0, alpha)
                if rate >= cut and rate > best[0] and not any(overlaps(span, u) for u in taken):
                    best = (rate, span)
            span = best[1] or a["span"]
            taken.append(span)
            args.append(dict(a, span=span))
        out.append(dict(s, arguments=args))
    return out


rc.VARIANTS["chooser"] = (
    "arguments",
    fit,
    predict,
    [(a, c, m) for a in (2, 5) for c in (0.1, 0.2, 0.3, 0.4) for m in (0.0, 0.1, 0.2)],
)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    rc.sizes_options(ap)
    ap.add_argument("--cache", type=Path, help="the parsed rows (bench/finished_counts_cv.py --cache makes them)")
    args = ap.parse_args()
    fc.ROLES.update(fc._roles())
    rows = rc.parsed_rows(args.cache)
    rc.print_splits(rows, args.articles, ["chooser"], args.folds, args.seed, args.reverse)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
