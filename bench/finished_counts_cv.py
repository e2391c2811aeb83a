"""Learners of session 34 (issue 13) over counts from the finished documents, beside bench/rescoring_cv.py's
(docs/learning.md, "Session 34"): each learns from the training articles of events-dev and changes the rules'
shown suggestions, scored and chosen as rescoring_cv scores and chooses (5-fold by article inside the first /
last N articles, at every fixed setting and at the setting an inner 4-fold chooses; then trained on the N and
scored on the rest). None of them beat the rules on both splits; they stay here, measured.
- ``adder``: a filler for each role the rules leave empty on their own events, the best candidate of the trigger's
  sentence (an entity's span, a common noun's head word) whose kind (type and role, + its entity label or part of
  speech, + its dependency path to the trigger) the annotators fill often enough, counted over the rules' shown
  events (a wrong trigger's candidates count as not filled: an added filler's true precision); ``--far`` takes the
  sentence's candidates farther than 3 dependency steps too;
- ``never``: a (type, lemma) the rules showed in at least N training documents and the annotators marked in none
  is no longer suggested (by documents, not occurrences: session 18's veto counted rejections);
- ``cut``: one cut on the rules' own score for every type (their weaker matches too), learned;
- ``bare``: a trigger whose (type, lemma) the documents rarely keep is shown without its fillers (the trigger F1
  unchanged; a wrong trigger's fillers are all wrong arguments).
The rules are parsed and asked once (``--cache FILE`` keeps their rows between runs: seconds a run after it).

    python bench/finished_counts_cv.py [--articles 80] [--reverse] [--variants adder never cut bare kinds] [--far]
        [--cache rows.pkl]
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
from events import overlaps  # noqa: E402

LEFT_OUT = {"Time"}  # roles events-dev does not annotate (annotator.learn.argument_tuning.unfilled_roles finds it)


def _roles() -> dict[str, list[str]]:
    from annotator.schema import default_schema

    return {et.name: [r.name for r in et.roles] for et in default_schema().events}


ROLES: dict[str, list[str]] = {}


FAR = [False]  # also the sentence's candidates farther than 3 steps ("far" and the side of the trigger)


def candidates(row: rc.Row, trigger: dict) -> list[tuple[list[int], str, str]]:
    """(span, label, path) of each entity and common noun of the trigger's sentence within 3 dependency steps of
    it (or a sibling: the same head): an entity's span, a common noun's head word (the extent these annotators
    keep, session 26)."""
    toks, out, seen = row["toks"], [], set()
    for t in toks:
        if t["sent"] != trigger["sent"] or t["i"] == trigger["i"]:
            continue
        if t["ent_span"]:
            first, end = t["ent_span"]
            if first in seen:
                continue
            seen.add(first)
            head = rc._root(toks, [toks[first]["idx"], toks[end - 1]["end"]])
            span, label = [toks[first]["idx"], toks[end - 1]["end"]], t["ent"]
        elif t["pos"] in ("NOUN", "PROPN"):
            head, span, label = t, [t["idx"], t["end"]], t["pos"]
        else:
            continue
        if head is None:
            continue
        path = rc._path(toks, trigger["i"], head)
        if path == "other":
            if head["head"] == trigger["head"] and trigger["head"] != trigger["i"]:
                path = f"sib:{head['dep']}~{trigger['dep']}"
            elif FAR[0]:
                path = f"far:{'before' if head['i'] < trigger['i'] else 'after'}"
            else:
                continue
        out.append((span, label, path))
    return out


def _open_roles(row: rc.Row) -> list[tuple[dict, dict, list[tuple[str, list]]]]:
    """(trigger token, the rules' suggestion, [(empty role, [(candidate, chain of kinds)])]) once per article."""
    if "_open" not in row:
        out = []
        for t in row["toks"]:
            for s in t["shown"]:
                used = [a["span"] for a in s["arguments"]]
                cands = [c for c in candidates(row, t) if not any(overlaps(c[0], u) for u in used)]
                filled = {a["role"] for a in s["arguments"]}
                empty = [r for r in ROLES.get(s["type"], []) if r not in filled and r not in LEFT_OUT]
                out.append(
                    (
                        t,
                        s,
                        [
                            (
                                r,
                                [
                                    (
                                        c,
                                        [
                                            f"{s['type']}|{r}",
                                            f"{s['type']}|{r}|{c[1]}",
                                            f"{s['type']}|{r}|{c[1]}|{c[2]}",
                                        ],
                                    )
                                    for c in cands
                                ],
                            )
                            for r in empty
                        ],
                    )
                )
        row["_open"] = out
    return row["_open"]


def _fit_adder(rows: list[rc.Row]) -> Any:
    """Per kind: how often a candidate of that kind is a gold argument of that role, over the rules' shown events."""
    tally = rc.Tally()
    for row in rows:
        for _t, s, open_roles in _open_roles(row):
            event = rc.right_event(row, s)
            for role, cands in open_roles:
                for (span, _label, _path), chain in cands:
                    hit = event is not None and rc.kept(event, {"role": role, "span": span})
                    tally.add(chain, hit)
    counts, _start = tally.model()
    return counts


def _predict_adder(row: rc.Row, counts: Any, setting: tuple[float, float]) -> list[dict]:
    """The rules' events, each empty role given its best candidate whose kind's smoothed rate reaches the cut."""
    alpha, cut = setting
    out = []
    for _t, s, open_roles in _open_roles(row):
        args = list(s["arguments"])
        taken: list[list[int]] = []
        for role, cands in open_roles:
            best = None
            for (span, _label, _path), chain in cands:
                if any(overlaps(span, u) for u in taken):
                    continue
                rate = rc.smoothed(counts, chain, 0.0, alpha)
                if rate >= cut and (best is None or rate > best[0]):
                    best = (rate, span)
            if best:
                args.append({"role": role, "span": best[1]})
                taken.append(best[1])
        out.append(dict(s, arguments=args))
    return out


rc.VARIANTS["adder"] = (
    "arguments",
    _fit_adder,
    _predict_adder,
    [(a, c) for a in (2, 5) for c in (0.25, 0.3, 0.35, 0.4, 0.5)],
)


# -- per lemma and type, by documents (the brief's "a lemma they never mark with a type in N finished documents") --
def _fit_never(rows: list[rc.Row]) -> Any:
    """(type, lemma) -> [documents where the rules showed it, documents where one of those was right]."""
    docs: dict[tuple[str, str], list[int]] = {}
    for row in rows:
        seen: dict[tuple[str, str], bool] = {}
        for t in row["toks"]:
            for s in t["shown"]:
                key = (s["type"], t["lemma"])
                seen[key] = seen.get(key, False) or rc.right_event(row, s) is not None
        for key, right in seen.items():
            c = docs.setdefault(key, [0, 0])
            c[0] += 1
            c[1] += right
    return docs


def _predict_never(row: rc.Row, docs: Any, least: int) -> list[dict]:
    """The rules' shown suggestions but those of a (type, lemma) shown in ``least`` training documents, right in none."""
    out = []
    for t in row["toks"]:
        for s in t["shown"]:
            shown_in, right_in = docs.get((s["type"], t["lemma"]), (0, 0))
            if not (shown_in >= least and right_in == 0):
                out.append(s)
    return out


rc.VARIANTS["never"] = ("triggers", _fit_never, _predict_never, [2, 3, 4, 5, 6, 8])


# -- one cut on the rules' own score for every type, learned (the rules' threshold moved) --
def _fit_nothing(rows: list[rc.Row]) -> Any:
    return None


def _predict_cut(row: rc.Row, _model: Any, cut: float) -> list[dict]:
    """The rules' suggestions (their weaker matches too) whose token's score reaches ``cut``."""
    out = []
    for t in row["toks"]:
        if t["score"] >= cut:
            out.extend(t["shown"] if t["above"] else t["weak"])
    return out


rc.VARIANTS["cut"] = ("triggers", _fit_nothing, _predict_cut, [0.35, 0.4, 0.42, 0.45, 0.48, 0.5, 0.55, 0.6])


# -- the arguments of a trigger the finished documents rarely keep: the trigger shown, its fillers not --
def _fit_bare(rows: list[rc.Row]) -> Any:
    """The right rate of the rules' shown suggestions per type, then per type and lemma."""
    tally = rc.Tally()
    for row in rows:
        for t in row["toks"]:
            for s in t["shown"]:
                tally.add(rc._chain_lemma(row, t, s), rc.right_event(row, s) is not None)
    return tally.model()


def _predict_bare(row: rc.Row, model: Any, setting: tuple[float, float]) -> list[dict]:
    """The rules' suggestions; those whose (type, lemma) smoothed right rate is below the cut without fillers."""
    counts, start = model
    alpha, cut = setting
    out = []
    for t in row["toks"]:
        for s in t["shown"]:
            rate = rc.smoothed(counts, rc._chain_lemma(row, t, s), start, alpha)
            out.append(s if rate >= cut else dict(s, arguments=[]))
    return out


rc.VARIANTS["bare"] = (
    "arguments",
    _fit_bare,
    _predict_bare,
    [(a, c) for a in (2, 5) for c in (0.1, 0.15, 0.2, 0.25, 0.3, 0.35)],
)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    rc.sizes_options(ap)
    ap.add_argument("--variants", nargs="+", choices=sorted(rc.VARIANTS), default=["adder", "never", "cut", "bare"])
    ap.add_argument("--far", action="store_true", help="candidates farther than 3 dependency steps too")
    ap.add_argument("--cache", type=Path, help="keep the parsed rows here (read when it exists)")
    args = ap.parse_args()
    ROLES.update(_roles())
    FAR[0] = args.far
    rows = rc.parsed_rows(args.cache)
    rc.print_splits(rows, args.articles, args.variants, args.folds, args.seed, args.reverse)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
