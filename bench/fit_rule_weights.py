"""Fit the rule suggester's weights to data: the weights of its kinds of evidence (annotator/suggest/rule_weights.py:
participants, cues, context signs, the word's form, ...; never words) and the threshold, measured 2-fold.

Each candidate the rules score (every type of every trigger word, also those below the threshold) is an instance,
positive when its trigger overlaps a gold trigger of its type (events-dev/dev.jsonl, see its README). The weights
are fitted by logistic regression (numpy, L2; ``--link clamp``: least squares, the hand weights' form, a sum
clamped to [0, 1]), then the threshold that gives the best trigger F1 on the training articles, running the
suggester itself with the new weights. ``--two-fold`` fits on half A (even lines) and scores half B (odd lines),
then the other way round, printing only ``bench/events.py``'s figures of the evaluated half (never its errors),
for the fitted weights and for the hand weights on the same half. ``--train all --out FILE`` writes weights
fitted on all the articles with their provenance, the form annotator/suggest/rule_weights.json takes.

Run: nice $PY bench/fit_rule_weights.py --cache /tmp/dev.spacy --two-fold [--link logistic|clamp]
     nice $PY bench/fit_rule_weights.py --cache /tmp/dev.spacy --train all --out annotator/suggest/rule_weights.json
Asserts nothing: prints figures.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import io
import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator.schema import load_schema  # noqa: E402
from annotator.suggest.event_rules import RuleEventSuggester  # noqa: E402
from annotator.suggest.rule_weights import HAND, HAND_THRESHOLD, TERMS  # noqa: E402
from bench.events import DATA, MODEL, PRF, SCHEMA, TYPES, as_dicts, parse_cached, read_articles, report, score_document  # noqa: E402

FEATURES = tuple(t for t in TERMS if t != "bias")
PASSES = 2
GRID = tuple(round(0.02 * k, 2) for k in range(1, 50))  # thresholds tried on the training articles


def _ents(doc) -> list[tuple[int, int, str]]:  # noqa: ANN001
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents]


def instances(schema, rows: list[dict], docs: list) -> tuple[np.ndarray, np.ndarray]:  # noqa: ANN001
    """Every scored candidate of the hand-weighted suggester as a row of FEATURES, and whether it is right."""
    suggester = RuleEventSuggester(schema)
    xs, ys = [], []
    for row, doc in zip(rows, docs):
        suggester.trace = []
        suggester.suggest(doc, _ents(doc))
        gold = [(g["type"], g["trigger"]) for g in row["events"] if g["type"] in TYPES]
        for type_, start, end, terms, _score in suggester.trace:
            if type_ not in TYPES:
                continue
            xs.append([float(terms.get(f, 0.0)) for f in FEATURES])
            ys.append(any(t == type_ and s < end and start < e for t, (s, e) in gold))
    return np.array(xs), np.array(ys, dtype=float)


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float) -> dict[str, float]:
    """Logistic regression by Newton steps, an intercept (``bias``, not penalised) and L2 on the rest."""
    a = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(a.shape[1])
    pen = np.full(a.shape[1], l2)
    pen[0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-a @ w))
        grad = a.T @ (y - p) - pen * w
        hess = (a * (p * (1 - p))[:, None]).T @ a + np.diag(pen) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w += step
        if np.abs(step).max() < 1e-8:
            break
    return {"bias": float(w[0]), **{f: float(v) for f, v in zip(FEATURES, w[1:])}}


def fit_linear(x: np.ndarray, y: np.ndarray, l2: float) -> dict[str, float]:
    """Least squares on 0/1 (a linear probability: the hand weights' form), intercept not penalised."""
    a = np.hstack([np.ones((len(x), 1)), x])
    pen = np.full(a.shape[1], l2)
    pen[0] = 0.0
    w = np.linalg.solve(a.T @ a + np.diag(pen), a.T @ y)
    return {"bias": float(w[0]), **{f: float(v) for f, v in zip(FEATURES, w[1:])}}


STEPS = (-0.1, -0.05, 0.05, 0.1)  # moves of one weight (or the threshold) tried by the ascent
MIN_GAIN = 0.002  # a move is kept when it raises training F1 by more than this (about one mention of 350)


def fit_ascent(schema, rows: list[dict], docs: list, passes: int) -> tuple[dict, float, float]:  # noqa: ANN001
    """Coordinate ascent on trigger F1 itself from the hand weights (clamped sum): each weight and the threshold in
    turn moved by STEPS, the best move kept when it gains more than MIN_GAIN, running the suggester each time."""
    weights, thr = dict(HAND), HAND_THRESHOLD
    best = trigger_f1(rows, predictions(schema, docs, weights, "clamp", thr))
    for _ in range(passes):
        moved = False
        for name in (*TERMS, "threshold"):
            trials = []
            for step in STEPS:
                w, t = (
                    (weights, round(thr + step, 3))
                    if name == "threshold"
                    else ({**weights, name: round(weights[name] + step, 3)}, thr)
                )
                trials.append((trigger_f1(rows, predictions(schema, docs, w, "clamp", t)), w, t))
            f1, w, t = max(trials, key=lambda r: r[0])
            if f1 > best + MIN_GAIN:
                best, weights, thr, moved = f1, w, t, True
        if not moved:
            break
    return weights, thr, best


def predictions(schema, docs: list, weights: dict, link: str, threshold: float) -> list[list[dict]]:  # noqa: ANN001
    s = RuleEventSuggester(schema, threshold=threshold, weights=weights, link=link)
    return [as_dicts(s.suggest(d, _ents(d))) for d in docs]


def trigger_f1(rows: list[dict], preds: list[list[dict]]) -> float:
    trig: dict[str, PRF] = defaultdict(PRF)
    args: dict[str, PRF] = defaultdict(PRF)
    for row, pred in zip(rows, preds):
        score_document(row["events"], pred, trig, args, None, row["text"])
    total = PRF()
    for t in TYPES:
        total.add(trig[t])
    return total.figures()[2]


def fit(schema, rows: list[dict], docs: list, link: str, l2: float) -> tuple[dict, float, float]:  # noqa: ANN001
    """Weights fitted on ``rows`` and the threshold best for trigger F1 on them: (weights, threshold, that F1)."""
    if link == "ascent":
        return fit_ascent(schema, rows, docs, PASSES)
    x, y = instances(schema, rows, docs)
    weights = (fit_logistic if link == "logistic" else fit_linear)(x, y, l2)
    best = max(GRID, key=lambda t: (trigger_f1(rows, predictions(schema, docs, weights, link, t)), -abs(t - 0.5)))
    return weights, best, trigger_f1(rows, predictions(schema, docs, weights, link, best))


def _quiet_report(name: str, rows: list[dict], preds: list[list[dict]]) -> tuple[dict, str]:
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        figures = report(name, rows, preds)
    return figures, buf.getvalue()


def two_fold(schema, rows: list[dict], docs: list, link: str, l2: float) -> None:  # noqa: ANN001
    halves = {"A": [i for i in range(len(rows)) if i % 2 == 0], "B": [i for i in range(len(rows)) if i % 2 == 1]}
    for train, test in (("A", "B"), ("B", "A")):
        tr, te = halves[train], halves[test]
        weights, thr, f1 = fit(schema, [rows[i] for i in tr], [docs[i] for i in tr], link, l2)
        link_used = "clamp" if link == "ascent" else link
        print(f"\n##### fitted on half {train} ({link}, l2={l2}): threshold {thr} (trigger F1 {f1:.3f} on {train})")
        print("weights: " + ", ".join(f"{k} {v:+.3f}" for k, v in weights.items()))
        test_rows, test_docs = [rows[i] for i in te], [docs[i] for i in te]
        hand, hand_text = _quiet_report(
            f"half {test}, hand weights", test_rows, predictions(schema, test_docs, HAND, "clamp", HAND_THRESHOLD)
        )
        fitted, fitted_text = _quiet_report(
            f"half {test}, weights fitted on {train}",
            test_rows,
            predictions(schema, test_docs, weights, link_used, thr),
        )
        print(hand_text + fitted_text)
        print(
            f"half {test}: trigger F1 hand {hand['trigger'][2]:.3f} -> fitted {fitted['trigger'][2]:.3f}; "
            f"argument F1 {hand['argument'][2]:.3f} -> {fitted['argument'][2]:.3f}"
        )


CUTS = (0.05, 0.1, 0.15, 0.25, 0.35, 0.5)


def type_choice(schema, rows: list[dict], docs: list, name: str) -> None:  # noqa: ANN001
    """With the hand weights, on words scored for several types of which a gold trigger there has one: how often
    the best score is the gold type, and for each cut how often the gold type is among the alternatives kept
    (the type picker opens on them) against how many alternatives are shown on every suggestion."""
    suggester = RuleEventSuggester(schema)
    words = right = 0
    near = dict.fromkeys(CUTS, 0)
    shown = dict.fromkeys(CUTS, 0)
    suggested = 0
    for row, doc in zip(rows, docs):
        suggester.trace = []
        suggester.suggest(doc, _ents(doc))
        by_span: dict[tuple[int, int], list] = {}
        for type_, start, end, _terms, sc in suggester.trace:
            by_span.setdefault((start, end), []).append((type_, sc))
        for (start, end), cands in by_span.items():
            ranked = sorted(cands, key=lambda c: -c[1])
            if ranked[0][1] >= HAND_THRESHOLD:
                suggested += 1
                for cut in CUTS:
                    shown[cut] += sum(1 for _, sc in ranked[1:] if sc >= ranked[0][1] - cut)
            if len(ranked) < 2:
                continue
            gold = {g["type"] for g in row["events"] if g["trigger"][0] < end and start < g["trigger"][1]}
            if not gold & {t for t, _ in ranked}:
                continue
            words += 1
            if ranked[0][0] in gold:
                right += 1
                continue
            for cut in CUTS:
                near[cut] += any(t in gold and sc >= ranked[0][1] - cut for t, sc in ranked[1:])
    print(f"\n{name}: {words} words scored for several types, one of them gold; the best score right on {right}")
    for cut in CUTS:
        print(
            f"  cut {cut:4}: gold type among the alternatives on {near[cut]} of the {words - right} others; "
            f"{shown[cut] / max(suggested, 1):.3f} alternatives a suggestion ({suggested} suggestions)"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--cache", type=Path, help="a .spacy file keeping the parsed articles between runs")
    ap.add_argument(
        "--link",
        choices=("logistic", "clamp", "ascent"),
        default="logistic",
        help="logistic regression, least squares (clamped sum) or coordinate ascent on F1 from the hand weights",
    )
    ap.add_argument("--l2", type=float, default=1.0, help="L2 penalty on the weights (not the intercept)")
    ap.add_argument("--two-fold", action="store_true", help="fit on A score B, fit on B score A (figures only)")
    ap.add_argument("--types", action="store_true", help="the type choice and the alternatives cut (hand weights)")
    ap.add_argument("--train", choices=("A", "B", "all"), default="all")
    ap.add_argument("--out", type=Path, help="write the fitted weights, threshold and provenance here (JSON)")
    ap.add_argument("--two-fold-figures", type=Path, help="a JSON of the 2-fold figures to record in --out")
    args = ap.parse_args()
    schema = load_schema(SCHEMA)
    rows = read_articles(args.data)
    docs = parse_cached([r["text"] for r in rows], args.cache)
    if args.types:
        for half, keep in (("half A", 0), ("half B", 1)):
            idx = [i for i in range(len(rows)) if i % 2 == keep]
            type_choice(schema, [rows[i] for i in idx], [docs[i] for i in idx], half)
        return
    if args.two_fold:
        two_fold(schema, rows, docs, args.link, args.l2)
        return
    keep = [i for i in range(len(rows)) if args.train == "all" or i % 2 == (0 if args.train == "A" else 1)]
    weights, thr, f1 = fit(schema, [rows[i] for i in keep], [docs[i] for i in keep], args.link, args.l2)
    print(f"fitted on {args.train} ({len(keep)} articles): threshold {thr}, trigger F1 {f1:.3f} on them")
    print("weights: " + ", ".join(f"{k} {v:+.3f}" for k, v in weights.items()))
    if args.out:
        provenance = {
            "script": "bench/fit_rule_weights.py",
            "date": datetime.date.today().isoformat(),
            "data": f"events-dev/dev.jsonl, {args.train} ({len(keep)} articles), parsed by {MODEL}",
            "fit": f"{args.link}, l2={args.l2}; threshold best for trigger F1 on the training articles",
            "two_fold": json.loads(args.two_fold_figures.read_text()) if args.two_fold_figures else None,
        }
        data = {
            "link": "clamp" if args.link == "ascent" else args.link,
            "threshold": thr,
            "weights": weights,
            "provenance": provenance,
        }
        args.out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
