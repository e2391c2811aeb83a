"""What the training articles of events-dev teach a lexical learner of the triggers, and its ceiling (issue 13,
session 36; docs/learning.md, "Session 36").

Per event type, trained on the first (``--reverse``: last) N articles and looked at on the rest, as
bench/learning.py splits them: the gold triggers of the training articles (how many, how many lemmas), the test
articles' gold triggers (how many have a (lemma, type) seen in training, a lemma seen with another type only, a
lemma never marked), how many the rules get, and the rules' wrong triggers. Then the ceiling of any decision per
(type, lemma): for each (type, lemma) one of three choices, none of its mentions, the rules' own suggestions of
it, or every mention of the lemma as that type; the best choices for the test articles' trigger F1 are found
exactly (Dinkelbach's iteration on F1 = 2 TP / (TP + FP + gold)):
- ``oracle``: chosen on the test articles themselves (no lexical learner can do better);
- ``oracle, seen``: the same, but a (type, lemma) the training articles never mark nor the rules show there keeps
  the rules' choice (what a learner from the training articles could know about at all);
- ``learnt``: the choices the same iteration makes on the training articles' counts, applied to the test
  articles (a plain lexical learner; ties and unseen kinds keep the rules);
- ``learnt, k >= m``: only for kinds with at least m training mentions.
``--variants confident`` (and bench/rescoring_cv.py's learners by name) runs a learner as rescoring_cv measures one:
``confident`` drops the rules' suggestions of a (type, lemma) whose right rate is below half the rules' trigger F1
with posterior probability ``sure`` (a Beta of its right / wrong counts in the training articles: a kind helps F1
only when its right rate is above F1 / 2), and adds every other mention of a marked (type, lemma) whose right rate
is above it as surely (``veto``, ``add``, ``both``; ``sure`` 0.6-0.95, chosen by the inner 4-fold).
The rows (parse and the rules' verdict per token) are bench/rescoring_cv.py's, cached by ``--cache`` as
bench/finished_counts_cv.py caches them.

    python bench/lexical_ceiling.py [--articles 80] [--reverse] [--cache rows.pkl] [--variants confident ...]
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
import rescoring_cv as rc  # noqa: E402
from events import TYPES, matched_gold, overlaps  # noqa: E402

CHOICES = ("none", "rules", "all")
Kind = tuple[str, str]  # (event type, lemma)


def gold_lemmas(row: rc.Row) -> list[tuple[dict, str]]:
    """Each gold event of the 8 types with the lemma of its trigger's head token."""
    out = []
    for e in row["events"]:
        if e["type"] not in TYPES:
            continue
        head = rc._root(row["toks"], e["trigger"])
        out.append((e, head["lemma"] if head else "?"))
    return out


def seed_kinds(rows: list[rc.Row]) -> set[Kind]:
    """The kinds a choice is made for: a gold trigger's (type, lemma), or a (type, lemma) the rules show."""
    kinds = set()
    for row in rows:
        kinds.update((e["type"], lemma) for e, lemma in gold_lemmas(row))
        kinds.update((s["type"], t["lemma"]) for t in row["toks"] for s in t["shown"] if s["type"] in TYPES)
    return kinds


def counted(rows: list[rc.Row], kinds: set[Kind]) -> tuple[dict[Kind, dict[str, list[int]]], int]:
    """Per kind and choice: [right, wrong] triggers over the rows (one-to-one with the gold triggers of the same
    type, by overlap; the rules' suggestions of other kinds left out), and the number of gold triggers."""
    counts: dict[Kind, dict[str, list[int]]] = {k: {c: [0, 0] for c in CHOICES} for k in kinds}
    gold = 0
    for row in rows:
        golds = gold_lemmas(row)
        gold += len(golds)
        for choice in ("rules", "all"):
            made = []  # (kind, trigger) in the tokens' order
            for t in row["toks"]:
                if choice == "rules":
                    made += [((s["type"], t["lemma"]), s["trigger"]) for s in t["shown"] if s["type"] in TYPES]
                else:
                    made += [((ty, t["lemma"]), [t["idx"], t["end"]]) for ty in TYPES if (ty, t["lemma"]) in counts]
            # a rules' trigger of a kind outside the set: counted apart, below
            made = [(kind, span) for kind, span in made if kind in counts]
            matched = matched_gold([e for e, _ in golds], [{"type": kind[0], "trigger": span} for kind, span in made])
            for (kind, _span), j in zip(made, matched):
                counts[kind][choice][j is None] += 1
    return counts, gold


def best_choices(counts: dict[Kind, dict[str, list[int]]], gold: int, allowed: set[Kind] | None = None) -> dict:
    """The choice per kind that maximises 2 TP / (TP + FP + gold) (Dinkelbach); kinds outside ``allowed`` keep
    the rules'. Ties keep the rules'."""
    level = 0.0
    for _ in range(50):
        choice = {}
        for k, c in counts.items():
            if allowed is not None and k not in allowed:
                choice[k] = "rules"
                continue
            value = {x: (2 - level) * c[x][0] - level * c[x][1] for x in CHOICES}
            choice[k] = max(CHOICES, key=lambda x: (round(value[x], 9), x == "rules"))
        new = f1_of(counts, choice, gold)
        if abs(new - level) < 1e-9:
            break
        level = new
    return choice


def f1_of(counts: dict, choice: dict, gold: int) -> float:
    tp = sum(counts[k][x][0] for k, x in choice.items())
    fp = sum(counts[k][x][1] for k, x in choice.items())
    return 2 * tp / (tp + fp + gold) if tp + fp + gold else 0.0


def describe(train: list[rc.Row], test: list[rc.Row]) -> str:
    lines = []
    train_gold: dict[str, Counter] = defaultdict(Counter)  # type -> lemma -> gold triggers
    train_lemma_types: dict[str, set[str]] = defaultdict(set)
    for row in train:
        for e, lemma in gold_lemmas(row):
            train_gold[e["type"]][lemma] += 1
            train_lemma_types[lemma].add(e["type"])
    lines.append(
        "type | training gold (lemmas; marked once) | test gold | (lemma, type) seen | lemma seen, other type | "
        "lemma never marked | rules right (of seen / unseen) | rules wrong"
    )
    total = Counter()
    for ty in sorted(TYPES):
        seen = other = never = right = right_seen = wrong = n = 0
        for row in test:
            shown = [s for t in row["toks"] for s in t["shown"] if s["type"] == ty]
            golds = [(e, lemma) for e, lemma in gold_lemmas(row) if e["type"] == ty]
            matched = matched_gold([e for e, _ in golds], shown)
            used = {j for j in matched if j is not None}
            wrong += matched.count(None)
            for j, (e, lemma) in enumerate(golds):
                n += 1
                is_seen = train_gold[ty][lemma] > 0
                seen += is_seen
                other += (not is_seen) and bool(train_lemma_types[lemma])
                never += not train_lemma_types[lemma]
                right += j in used
                right_seen += j in used and is_seen
        once = sum(1 for c in train_gold[ty].values() if c == 1)
        lines.append(
            f"{ty} | {sum(train_gold[ty].values())} ({len(train_gold[ty])}; {once}) | {n} | {seen} | {other} | "
            f"{never} | {right} ({right_seen} / {right - right_seen}) | {wrong}"
        )
        total.update(n=n, seen=seen, other=other, never=never, right=right, right_seen=right_seen, wrong=wrong)
    lines.append(
        f"all | {sum(sum(c.values()) for c in train_gold.values())} | {total['n']} | {total['seen']} | "
        f"{total['other']} | {total['never']} | {total['right']} ({total['right_seen']} / "
        f"{total['right'] - total['right_seen']}) | {total['wrong']}"
    )
    train_kinds = seed_kinds(train)
    kinds = train_kinds | seed_kinds(test)
    test_counts, test_gold = counted(test, kinds)
    rules = {k: "rules" for k in test_counts}
    lines.append(f"rules: trigger F1 {f1_of(test_counts, rules, test_gold):.4f} on the test articles")
    oracle = best_choices(test_counts, test_gold)
    lines.append(f"oracle per (type, lemma), chosen on the test articles: {f1_of(test_counts, oracle, test_gold):.4f}")
    changed = Counter(x for k, x in oracle.items() if x != "rules")
    lines.append(f"  its changes from the rules: {dict(changed)}")
    seen_oracle = best_choices(test_counts, test_gold, train_kinds)
    lines.append(
        f"oracle, kinds seen in training only: {f1_of(test_counts, seen_oracle, test_gold):.4f} "
        f"({dict(Counter(x for k, x in seen_oracle.items() if x != 'rules'))})"
    )
    train_counts, train_gold_n = counted(train, kinds)
    lines.append(
        f"in-sample on the training articles: rules {f1_of(train_counts, rules, train_gold_n):.4f}, "
        f"best choices {f1_of(train_counts, best_choices(train_counts, train_gold_n), train_gold_n):.4f}"
    )
    for least in (1, 3, 5, 10):
        allowed = {k for k in train_kinds if sum(train_counts[k]["all"]) >= least}
        learnt = best_choices(train_counts, train_gold_n, allowed)
        lines.append(
            f"learnt on the training articles (kinds with >= {least} mentions there), on the test: "
            f"{f1_of(test_counts, learnt, test_gold):.4f} ({dict(Counter(x for x in learnt.values() if x != 'rules'))})"
        )
    return "\n".join(lines)


# -- a kind's choice only where the training articles are sure of it (session 36's learner of the ceiling above) --
def beta_below(bar: float, right: int, wrong: int) -> float:
    """P(rate < bar) under the Beta(right + 1, wrong + 1) posterior of a kind's right rate (integer parameters:
    the chance that Binomial(right + wrong + 1, bar) reaches right + 1)."""
    n, k = right + wrong + 1, right + 1
    return sum(math.comb(n, j) * bar**j * (1 - bar) ** (n - j) for j in range(k, n + 1))


def _fit_confident(rows: list[rc.Row]) -> tuple[float, dict[Kind, list[int]], dict[Kind, list[int]]]:
    """Half the rules' trigger F1 on the training articles (a kind helps F1 only when its right rate is above it),
    per (type, lemma) the rules' shown suggestions right / wrong, and the lemma's other mentions right / wrong as
    that type (the kinds the training articles mark)."""
    bar = rc.f1(rows, [rc.shown(r) for r in rows], "triggers") / 2
    shown: dict[Kind, list[int]] = defaultdict(lambda: [0, 0])
    marked = {(e["type"], lemma) for row in rows for e, lemma in gold_lemmas(row)}
    other: dict[Kind, list[int]] = defaultdict(lambda: [0, 0])
    for row in rows:
        for t in row["toks"]:
            types = {s["type"] for s in t["shown"]}
            for s in t["shown"]:
                if s["type"] in TYPES:
                    shown[(s["type"], t["lemma"])][rc.right_event(row, s) is None] += 1
            if t["pos"] not in rc.CANDIDATE_POS:
                continue
            for ty in TYPES:
                if (ty, t["lemma"]) in marked and ty not in types:
                    made = {"type": ty, "trigger": [t["idx"], t["end"]]}
                    other[(ty, t["lemma"])][rc.right_event(row, made) is None] += 1
    return bar, dict(shown), dict(other)


def _predict_confident(row: rc.Row, model: Any, setting: tuple[str, float]) -> list[dict]:
    """The rules' suggestions without the kinds whose right rate is below the bar with probability ``sure``
    (``veto``), with every other mention of the kinds whose other mentions are above it as sure (``add``)."""
    bar, shown, other = model
    mode, sure = setting
    out = []
    for t in row["toks"]:
        types = set()
        for s in t["shown"]:
            types.add(s["type"])
            r, w = shown.get((s["type"], t["lemma"]), (0, 0))
            if mode == "add" or s["type"] not in TYPES or beta_below(bar, r, w) < sure:
                out.append(s)
        if mode == "veto" or t["pos"] not in rc.CANDIDATE_POS:
            continue
        for ty in TYPES:
            r, w = other.get((ty, t["lemma"]), (0, 0))
            if ty not in types and r + w and 1 - beta_below(bar, r, w) >= sure:
                out.append({"type": ty, "trigger": [t["idx"], t["end"]], "arguments": []})
    return out


rc.VARIANTS["confident"] = (
    "triggers",
    _fit_confident,
    _predict_confident,
    [(m, c) for m in ("veto", "add", "both") for c in (0.6, 0.7, 0.8, 0.9, 0.95)],
)


# -- a cut on the rules' own score per type, learned (the fifth round's first idea, on today's rules) --
CUTS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7)
RULES_CUT = 0.45  # the rules' own threshold (annotator/suggest/)


def _at_cuts(row: rc.Row, cuts: dict[str, float]) -> list[dict]:
    """The rules' suggestions (their weaker matches too) whose token's score reaches the cut of their type."""
    out = []
    for t in row["toks"]:
        for s in t["shown"] if t["above"] else t["weak"]:
            if t["score"] >= cuts.get(s["type"], RULES_CUT):
                out.append(s)
    return out


def _fit_type_cuts(rows: list[rc.Row]) -> dict[float, dict[str, float]]:
    """Per margin: each type's cut that raises the training articles' trigger F1 by more than ``margin`` over the
    rules' (one type at a time, the others at the rules' threshold); else the rules' threshold."""
    base = rc.f1(rows, [_at_cuts(r, {}) for r in rows], "triggers")
    gains: dict[str, tuple[float, float]] = {}
    for ty in sorted(TYPES):
        best = max(CUTS, key=lambda c: (rc.f1(rows, [_at_cuts(r, {ty: c}) for r in rows], "triggers"), c == RULES_CUT))
        gains[ty] = (best, rc.f1(rows, [_at_cuts(r, {ty: best}) for r in rows], "triggers") - base)
    return {m: {ty: c for ty, (c, g) in gains.items() if g > m} for m in (0.0, 0.002, 0.005, 0.01)}


def _predict_type_cuts(row: rc.Row, model: dict[float, dict[str, float]], margin: float) -> list[dict]:
    return _at_cuts(row, model[margin])


rc.VARIANTS["typecut"] = ("triggers", _fit_type_cuts, _predict_type_cuts, [0.0, 0.002, 0.005, 0.01])


# -- what an article's own decisions say about its later mentions (the "second mentions" learner of session 36) --
def second_mentions(rows: list[rc.Row]) -> str:
    """As an annotator goes down an article: a later suggestion of a (type, lemma) the rules showed before in it,
    right or wrong by the verdict on the previous one (she accepted or rejected it); and a later mention of a
    (type, lemma) she added by hand earlier in the article (a gold trigger no suggestion of its type covered),
    right or wrong, where the rules do not show that type there. A learner of these helps F1 only where the right
    rate it acts on is on the far side of F1 / 2 (~0.29-0.30 here)."""
    after: Counter = Counter()
    added_later: Counter = Counter()
    for row in rows:
        previous: dict[Kind, bool] = {}
        for t in row["toks"]:
            for s in t["shown"]:
                if s["type"] not in TYPES:
                    continue
                key, right = (s["type"], t["lemma"]), rc.right_event(row, s) is not None
                if key in previous:
                    after[(previous[key], right)] += 1
                previous[key] = right
        added: dict[Kind, int] = {}
        for e, lemma in gold_lemmas(row):
            covered = any(
                s["type"] == e["type"] and overlaps(s["trigger"], e["trigger"]) for t in row["toks"] for s in t["shown"]
            )
            head = rc._root(row["toks"], e["trigger"])
            if not covered and head is not None:
                added[(e["type"], lemma)] = min(added.get((e["type"], lemma), head["i"]), head["i"])
        for t in row["toks"]:
            if t["pos"] not in rc.CANDIDATE_POS:
                continue
            for (ty, lemma), first in added.items():
                if t["lemma"] == lemma and t["i"] > first and all(s["type"] != ty for s in t["shown"]):
                    made = {"type": ty, "trigger": [t["idx"], t["end"]]}
                    added_later[rc.right_event(row, made) is not None] += 1
    return (
        f"a later suggestion of the same (type, lemma) in the article: after an accepted one right {after[(True, True)]}, "
        f"wrong {after[(True, False)]}; after a rejected one right {after[(False, True)]}, wrong {after[(False, False)]}"
        f"\na later mention of a (type, lemma) added by hand earlier in the article, not shown as that type: right "
        f"{added_later[True]}, wrong {added_later[False]}"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=80)
    ap.add_argument("--reverse", action="store_true")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument(
        "--variants",
        nargs="*",
        choices=sorted(rc.VARIANTS),
        default=[],
        help="also these learners (bench/rescoring_cv.py's and 'confident'), k-fold inside the N",
    )
    ap.add_argument("--cache", type=Path, help="the parsed rows (bench/finished_counts_cv.py --cache): read or kept")
    args = ap.parse_args()
    rows = rc.parsed_rows(args.cache)
    if args.reverse:
        rows = rows[::-1]
    side = "last" if args.reverse else "first"
    print(f"trained on the {side} {args.articles} articles, looked at on the other {len(rows) - args.articles}")
    print(describe(rows[: args.articles], rows[args.articles :]))
    print(f"the {args.articles} articles, as an annotator goes down each: " + second_mentions(rows[: args.articles]))
    for name in args.variants:
        print(rc.measure(name, rows[: args.articles], rows[args.articles :], args.folds, 0), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
