"""Triggers kept or added by their parse frame rather than their lemma (issue 13, session 37; docs/learning.md,
"Session 37"), as bench/rescoring_cv.py measures a variant (5-fold by article inside the first / last N, the
setting an inner 4-fold chooses; then trained on the N, scored on the rest):
- ``vetoframe``: a rules' shown suggestion dropped where its kind's right rate over the training articles is below
  the cut; kinds coarse to fine: type -> + part of speech and relation -> + its children's entity labels by
  relation -> + the entity labels under its prepositions (bench/unseen_triggers.py's frame);
- ``weakframe``: the rules' weaker matches (below their threshold) added where their kind's rate reaches the cut;
  kinds: type -> + the roles the rules' frame filled -> + the frame's children's entity labels by relation ->
  + the prepositions' (what generalises beyond the lemma: session 25's ``weak`` keyed them by lemma).

    python bench/frame_triggers_cv.py [--articles 80] [--reverse] [--cache rows.pkl] [--variants vetoframe weakframe]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
import rescoring_cv as rc  # noqa: E402
import unseen_triggers as ut  # noqa: E402


def frame_chain(row: rc.Row, t: dict, s: dict) -> list[str]:
    """The suggestion's type, then its trigger's parse frame coarse to fine."""
    return [s["type"], *(f"{s['type']}|{key}" for key in ut.frame_keys(row, t))]


def weak_chain(row: rc.Row, t: dict, s: dict) -> list[str]:
    """The weaker match's type, the roles the rules' frame filled, then its frame with the entity labels."""
    roles = "+".join(sorted({a["role"] for a in s["arguments"] if a["role"] != "Time"}))
    _base, ents, preps = ut.frame_keys(row, t)
    return [s["type"], f"{s['type']}|{roles}", f"{s['type']}|{roles}|{ents}", f"{s['type']}|{roles}|{preps}"]


def fit_weak(rows: list[rc.Row]) -> Any:
    tally = rc.Tally()
    for row in rows:
        for t in row["toks"]:
            for s in t["weak"]:
                tally.add(weak_chain(row, t, s), rc.right_event(row, s) is not None)
    return tally.counts


def predict_weak(row: rc.Row, counts: Any, setting: tuple[float, float]) -> list[dict]:
    alpha, cut = setting
    out = rc.shown(row)
    for t in row["toks"]:
        for s in t["weak"]:
            if rc.smoothed(counts, weak_chain(row, t, s), 0.0, alpha) >= cut:
                out.append(s)
    return out


rc.VARIANTS["vetoframe"] = ("triggers", *rc.veto(frame_chain), [(a, c) for a in (2, 5) for c in rc.CUTS])
rc.VARIANTS["weakframe"] = (
    "triggers",
    fit_weak,
    predict_weak,
    [(a, c) for a in (1, 2, 5) for c in (0.2, 0.3, 0.4, 0.5)],
)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    rc.sizes_options(ap)
    ap.add_argument("--variants", nargs="+", choices=["vetoframe", "weakframe"], default=["vetoframe", "weakframe"])
    ap.add_argument("--cache", type=Path, help="the parsed rows (bench/finished_counts_cv.py --cache makes them)")
    args = ap.parse_args()
    rows = rc.parsed_rows(args.cache)
    rc.print_splits(rows, args.articles, args.variants, args.folds, args.seed, args.reverse)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
