"""The rules' suggestions re-scored by counts from the finished documents, by k-fold inside the training articles
of events-dev (issue 13, session 25; docs/learning.md, "Session 25").

Each variant learns counts from the training articles and changes the rules' shown suggestions: a veto of the
rules' triggers whose kind the articles mark rarely (per lemma and type, per dependency, first or later mention,
the place in the article with the rules' score and how many suggestions of the type the article has), a
promotion of candidates the rules reject (their weaker matches, or verbs, nouns and adjectives of lemmas marked
often), and a cut of the rules' argument fillers whose kind (role, type and role, + entity label, + dependency
path to the trigger) the articles keep rarely. Every rate is smoothed toward the coarser kind's (``alpha``
pseudo-counts). Scored with bench/events.py's scorer: 5-fold by article inside the first (``--reverse``: last)
N articles at every fixed setting and at the setting an inner 4-fold chooses on the other folds' articles, and
trained on the N and scored on the remaining articles with the setting the N's inner 4-fold chooses. The rules
are parsed and asked once; every variant runs on plain counts (seconds).

    python bench/rescoring_cv.py [--articles 80 [50 ...]] [--reverse] [--variants lemma dep ...]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Callable, Iterable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from events import (  # noqa: E402
    DATA,
    TYPES,
    UNSCORED_ROLES,
    argument_found,
    as_dicts,
    figures,
    labelled_entities,
    matched_gold,
    overlaps,
    parse_texts,
    read_articles,
)
from learning import gold_events  # noqa: E402

Row = dict[str, Any]  # one article: its gold events and its tokens with the rules' verdict
CANDIDATE_POS = ("VERB", "NOUN", "ADJ")


def parsed_rows(cache: Path | None) -> list[dict]:
    """The development articles' rows (``article_rows``, each with its ``text``), read from ``cache`` when it exists,
    else parsed and kept there: the k-fold benches' one way to their rows."""
    import pickle

    if cache is not None and cache.exists():
        return pickle.loads(cache.read_bytes())
    articles = read_articles(DATA)
    rows = article_rows(articles)
    for a, r in zip(articles, rows):
        r["text"] = a["text"]
    if cache is not None:
        cache.write_bytes(pickle.dumps(rows))
    return rows


def print_splits(rows: list, articles: list[int], variants: list[str], folds: int, seed: int, reverse: bool) -> None:
    """Each learner of ``variants`` chosen by a ``folds``-fold inside the first (``reverse``: last) N of ``rows`` for
    each N of ``articles``, then scored on the rest: the k-fold benches' one loop."""
    rows = rows[::-1] if reverse else rows
    side = "last" if reverse else "first"
    for n in articles:
        train, rest = rows[:n], rows[n:]
        print(f"{len(train)} {side} articles, {folds}-fold by article; then scored on the other {len(rest)}")
        for name in variants:
            print(measure(name, train, rest, folds, seed), flush=True)


def article_rows(articles: list[dict]) -> list[Row]:
    """Per article: gold events and per token its lemma, parse, entity label and the rules' verdict (shown
    suggestions, the weaker match at threshold 0, score) as plain data."""
    from annotator.learn.event_model import default_prior, prepare
    from annotator.schema import default_schema
    from annotator.suggest.event_context import read_context

    schema = default_schema()
    docs, _ = parse_texts([a["text"] for a in articles])
    ents = labelled_entities(docs, set(schema.label_names))
    prepared = prepare(
        list(zip(docs, ents, [gold_events(a) for a in articles])),
        list(schema.event_type_names),
        default_prior(schema),
    )
    rows = []
    for a, p in zip(articles, prepared):
        toks = []
        for t in p.doc:
            v = p.views.get(t.i)
            toks.append(
                {
                    "i": t.i,
                    "idx": t.idx,
                    "end": t.idx + len(t),
                    "lemma": t.lemma_.lower(),
                    "pos": t.pos_,
                    "tag": t.tag_,
                    "dep": t.dep_,
                    "head": t.head.i,
                    "ent": p.ents[t.i][2] if t.i in p.ents else None,
                    "ent_span": list(p.ents[t.i][:2]) if t.i in p.ents else None,
                    "sent": p.sent_index[t.i],
                    "prev": p.prev[t.i],
                    "types": list(v.types) if v else [],
                    "score": v.score if v else 0.0,
                    "above": bool(v and v.above),
                    "shown": as_dicts(v.shown) if v else [],
                    "weak": as_dicts([v.suggestion]) if v and not v.above else [],
                    "cues": _cues(read_context(t)) if v else "",
                }
            )
        rows.append({"events": a["events"], "toks": toks})
    return rows


def _cues(ctx: Any) -> str:
    """The context's signs (negated, future, modal, irrealis ...), generic noun and given information, as a key."""
    signs = sorted(set(ctx.signs)) + (["generic"] if ctx.generic_noun else []) + (["given"] if ctx.given else [])
    return "+".join(signs) or "plain"


def right_event(row: Row, s: dict) -> dict | None:
    """The gold event of the same type whose trigger overlaps the suggestion's."""
    return next((e for e in row["events"] if e["type"] == s["type"] and overlaps(e["trigger"], s["trigger"])), None)


def kept(event: dict, a: dict) -> bool:
    """Whether the gold ``event`` has the argument ``a`` as the score counts it (``events.argument_found``)."""
    return argument_found(a, event["arguments"])


def smoothed(counts: dict, keys: list[str], start: float, alpha: float) -> float:
    """The rate of the finest key, each level smoothed toward the level above (``start`` at the top)."""
    rate = start
    for key in keys:
        k, n = counts.get(key, (0, 0))
        rate = (k + alpha * rate) / (n + alpha)
    return rate


class Tally:
    """Right/seen counts per key, and over all (the prior every chain of keys is smoothed from)."""

    def __init__(self) -> None:
        self.counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        self.total = [0, 0]

    def add(self, keys: Iterable[str], right: bool) -> None:
        self.total[0] += right
        self.total[1] += 1
        for key in keys:
            self.counts[key][0] += right
            self.counts[key][1] += 1

    def model(self) -> tuple[dict[str, list[int]], float]:
        """The counts and the overall rate, smoothed by one right and one wrong."""
        return self.counts, (self.total[0] + 1) / (self.total[1] + 2)


def shown(row: Row) -> list[dict]:
    return [s for t in row["toks"] for s in t["shown"]]


# -- trigger vetoes: a chain of kinds per shown suggestion, its right rate learned from the training articles --
def _chain_lemma(row: Row, t: dict, s: dict) -> list[str]:
    return [s["type"], f"{s['type']}|{t['lemma']}"]


def _chain_dep(row: Row, t: dict, s: dict) -> list[str]:
    return [s["type"], f"{s['type']}|{t['pos']}|{t['dep']}", f"{s['type']}|{t['lemma']}|{t['dep']}"]


def _chain_mention(row: Row, t: dict, s: dict) -> list[str]:
    later = "later" if t["prev"] else "first"
    return [s["type"], f"{s['type']}|{later}", f"{s['type']}|{t['lemma']}|{later}"]


def _chain_cells(row: Row, t: dict, s: dict) -> list[str]:
    """Where in the article (quarter), the rules' score (below 0.7 or not), the type's suggestions there (one or
    more): the last quarter's weak single suggestions are right 12-25 % of the time on events-dev."""
    n = sum(x["type"] == s["type"] for x in shown(row))
    quarter = 4 * t["i"] // len(row["toks"])
    return [f"{quarter}|{t['score'] >= 0.7}|{min(n, 2)}", f"{s['type']}|{quarter}|{t['score'] >= 0.7}|{min(n, 2)}"]


def _chain_cues(row: Row, t: dict, s: dict) -> list[str]:
    """Generic, hypothetical, negated or given mentions (annotator/suggest/event_context.py's signs, which the
    rules already weigh by hand): how often these annotators mark each, per type."""
    return [s["type"], f"{s['type']}|{t['cues']}"]


def _chain_coref(row: Row, t: dict, s: dict) -> list[str]:
    """A second mention of an event already suggested in the article (session 26): an earlier shown suggestion of
    the same type with the same lemma, else one sharing an argument span, else any of the type, else the first."""
    earlier = [(u, x) for u in row["toks"][: t["i"]] for x in u["shown"] if x["type"] == s["type"]]
    spans = [a["span"] for a in s["arguments"] if a["role"] != "Time"]
    if any(u["lemma"] == t["lemma"] for u, _x in earlier):
        kind = "lemma"
    elif any(overlaps(a["span"], b) for _u, x in earlier for a in x["arguments"] if a["role"] != "Time" for b in spans):
        kind = "argument"
    else:
        kind = "type" if earlier else "first"
    return [s["type"], f"{s['type']}|{kind}"]


def veto(chain: Callable[[Row, dict, dict], list[str]]) -> tuple[Callable, Callable]:
    def fit(rows: list[Row]) -> Any:
        tally = Tally()
        for row in rows:
            for t in row["toks"]:
                for s in t["shown"]:
                    tally.add(chain(row, t, s), right_event(row, s) is not None)
        return tally.model()

    def predict(row: Row, model: Any, setting: tuple[float, float]) -> list[dict]:
        counts, start = model
        alpha, cut = setting
        return [s for t in row["toks"] for s in t["shown"] if smoothed(counts, chain(row, t, s), start, alpha) >= cut]

    return fit, predict


# -- trigger promotions: candidates the rules reject --
def _fit_weak(rows: list[Row]) -> Any:
    tally = Tally()
    for row in rows:
        for t in row["toks"]:
            for s in t["weak"]:
                tally.add((s["type"], f"{s['type']}|{t['lemma']}"), right_event(row, s) is not None)
    return tally.counts


def _predict_weak(row: Row, counts: Any, setting: tuple[float, float]) -> list[dict]:
    alpha, cut = setting
    out = shown(row)
    for t in row["toks"]:
        for s in t["weak"]:
            if smoothed(counts, [s["type"], f"{s['type']}|{t['lemma']}"], 0.0, alpha) >= cut:
                out.append(s)
    return out


def _fit_unmatched(rows: list[Row]) -> Any:
    occurrences: Counter = Counter()
    marked: dict[str, Counter] = defaultdict(Counter)
    for row in rows:
        for t in row["toks"]:
            if t["types"] or t["pos"] not in CANDIDATE_POS:
                continue
            occurrences[t["lemma"]] += 1
            for e in row["events"]:
                if overlaps(e["trigger"], [t["idx"], t["end"]]):
                    marked[t["lemma"]][e["type"]] += 1
    return occurrences, marked


def _predict_unmatched(row: Row, model: Any, setting: tuple[float, float]) -> list[dict]:
    occurrences, marked = model
    alpha, cut = setting
    out = shown(row)
    for t in row["toks"]:
        if t["types"] or t["pos"] not in CANDIDATE_POS or t["lemma"] not in marked:
            continue
        type_, n = marked[t["lemma"]].most_common(1)[0]
        if n / (occurrences[t["lemma"]] + alpha) >= cut:
            out.append({"type": type_, "trigger": [t["idx"], t["end"]], "arguments": []})
    return out


# -- the cut of the rules' argument fillers by kind --
def _root(toks: list[dict], span: list[int]) -> dict | None:
    inside = [t for t in toks if overlaps([t["idx"], t["end"]], span)]
    ids = {t["i"] for t in inside}
    return next((t for t in inside if t["head"] not in ids or t["head"] == t["i"]), inside[0] if inside else None)


def _path(toks: list[dict], trigger: int, head: dict) -> str:
    steps, tok = [], head
    for _ in range(3):
        up = toks[tok["head"]]
        steps.append(tok["dep"] + (f":{up['lemma']}" if up["pos"] == "ADP" else ""))
        if up["i"] == trigger:
            return "^".join(steps)
        if up["i"] == tok["i"]:
            break
        tok = up
    return "other"


def _argument_kinds(row: Row) -> list[tuple[dict, dict, list[tuple[dict, list[str]]]]]:
    """(token, suggestion, [(filler, chain of kinds)]) of every shown suggestion, computed once per article."""
    if "_kinds" not in row:
        out = []
        for t in row["toks"]:
            for s in t["shown"]:
                fillers = []
                for a in s["arguments"]:
                    head = _root(row["toks"], a["span"])
                    label = (head["ent"] or head["pos"]) if head else "?"
                    path = _path(row["toks"], t["i"], head) if head else "?"
                    kind = f"{s['type']}|{a['role']}|{label}"
                    fillers.append((a, [a["role"], f"{s['type']}|{a['role']}", kind, f"{kind}|{path}"]))
                out.append((t, s, fillers))
        row["_kinds"] = out
    return row["_kinds"]


def _fit_kinds(rows: list[Row]) -> Any:
    tally = Tally()
    for row in rows:
        for _t, s, fillers in _argument_kinds(row):
            event = right_event(row, s)
            if event is None:
                continue
            for a, chain in fillers:
                if a["role"] != "Time":  # events-dev annotates no Time
                    tally.add(chain, kept(event, a))
    return tally.model()


def _predict_kinds(row: Row, model: Any, setting: tuple[float, float]) -> list[dict]:
    counts, start = model
    alpha, cut = setting
    return [
        dict(s, arguments=[a for a, chain in fillers if smoothed(counts, chain, start, alpha) >= cut])
        for _t, s, fillers in _argument_kinds(row)
    ]


# -- the role of the rules' fillers per kind (session 26): the role people give a filler the rules found --
def _fit_roles(rows: list[Row]) -> Any:
    """Per kind (type, rules' role, label, path; then without the path) the roles people gave the rules' fillers
    on right triggers that overlap one of the gold event's arguments (the rules' own role when theirs is kept)."""
    roles: dict[str, Counter] = defaultdict(Counter)
    for row in rows:
        for _t, s, fillers in _argument_kinds(row):
            event = right_event(row, s)
            if event is None:
                continue
            for a, chain in fillers:
                found = [b["role"] for b in event["arguments"] if overlaps(a["span"], b["span"])]
                if a["role"] == "Time" or not found:
                    continue
                role = a["role"] if a["role"] in found else found[0]
                for key in chain[2:]:
                    roles[key][role] += 1
    return roles


def _predict_roles(row: Row, roles: Any, setting: tuple[int, float]) -> list[dict]:
    """A filler takes the role people usually give its kind (the finest kind seen ``least`` times, its top role's
    share at least ``share``); else it keeps the rules' role."""
    least, share = setting
    out = []
    for _t, s, fillers in _argument_kinds(row):
        args = []
        for a, chain in fillers:
            counts = next((roles[k] for k in reversed(chain[2:]) if sum(roles[k].values()) >= least), None)
            role, n = counts.most_common(1)[0] if counts else (a["role"], 0)
            args.append(dict(a, role=role) if counts and n / sum(counts.values()) >= share else a)
        out.append(dict(s, arguments=args))
    return out


# -- the extent of the rules' fillers (session 26): the span people keep for a kind of filler --
EXTENTS = ("as found", "no determiner", "no adjective", "head word")


def _extent(row: Row, span: list[int], style: str) -> list[int]:
    """The filler's span cut to a style: as the rules found it, without leading determiners, a common noun's without
    determiners and adjectives, or a common noun's head word alone ('Syrian refugees' -> 'refugees'; an entity keeps
    its span)."""
    toks = [t for t in row["toks"] if overlaps([t["idx"], t["end"]], span)]
    head = _root(row["toks"], span)
    if not toks or head is None or style == "as found":
        return span
    if style == "no determiner":
        rest = [t for t in toks if not (t["dep"] in ("det", "predet") and t["i"] < head["i"])] or toks
        return [rest[0]["idx"], toks[-1]["end"]]
    if style == "no adjective":  # 'the Syrian refugees' -> 'refugees', 'police officer' kept (its gold: either)
        rest = [t for t in toks if not (t["dep"] in ("det", "predet", "amod") and t["i"] < head["i"])] or toks
        return span if head["ent"] else [rest[0]["idx"], toks[-1]["end"]]
    return span if head["ent"] else [head["idx"], head["end"]]


def _extent_key(row: Row, span: list[int]) -> str:
    head = _root(row["toks"], span)
    return (head["ent"] or head["pos"]) if head else "?"


def _fit_extents(rows: list[Row]) -> Any:
    """Per kind of filler (the head's entity label, else its part of speech) how often each style gives the span
    people kept (the rules' fillers on right triggers that people kept, by overlap and role)."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for row in rows:
        for _t, s, fillers in _argument_kinds(row):
            event = right_event(row, s)
            for a, _chain in fillers if event else []:
                gold = next(
                    (b for b in event["arguments"] if b["role"] == a["role"] and overlaps(a["span"], b["span"])), None
                )
                if gold is None:
                    continue
                for style in EXTENTS:
                    hit = _extent(row, a["span"], style) == gold["span"]
                    counts[_extent_key(row, a["span"])][style] += hit
                    counts["*"][style] += hit
    return counts


def _predict_extents(row: Row, counts: Any, setting: int) -> list[dict]:
    """Each filler cut to the style that matched most often for its kind (seen ``setting`` times; else all
    kinds'), ties to the span as found."""
    out = []
    for _t, s, fillers in _argument_kinds(row):
        args = []
        for a, _chain in fillers:
            key = _extent_key(row, a["span"])
            c = counts[key] if counts[key]["as found"] + counts[key]["head word"] >= setting else counts["*"]
            style = max(EXTENTS, key=lambda x: (c[x], x == "as found"))
            args.append(dict(a, span=_extent(row, a["span"], style)))
        out.append(dict(s, arguments=args))
    return out


def exact_arguments_f1(rows: list[Row], predictions: list[list[dict]]) -> float:
    """Argument F1 as bench/events.py counts it, but a filler counts only with the gold argument's exact span."""
    tp = n_pred = n_gold = 0
    for row, preds in zip(rows, predictions):
        gold = [e for e in row["events"] if e["type"] in TYPES]
        n_gold += sum(len(e["arguments"]) for e in gold)
        scored = [p for p in preds if p["type"] in TYPES]
        for p, j in zip(scored, matched_gold(gold, scored)):
            mine = [a for a in p["arguments"] if a["role"] not in UNSCORED_ROLES]
            n_pred += len(mine)
            if j is not None:
                tp += sum(
                    any(a["role"] == b["role"] and a["span"] == b["span"] for b in gold[j]["arguments"]) for a in mine
                )
    return 2 * tp / (n_pred + n_gold) if n_pred + n_gold else 0.0


CUTS = (0.1, 0.15, 0.2, 0.25, 0.3)
VARIANTS: dict[str, tuple[str, Callable, Callable, list]] = {
    "lemma": ("triggers", *veto(_chain_lemma), [(a, c) for a in (2, 5) for c in CUTS]),
    "dep": ("triggers", *veto(_chain_dep), [(a, c) for a in (2, 5) for c in CUTS]),
    "mention": ("triggers", *veto(_chain_mention), [(a, c) for a in (2, 5) for c in CUTS]),
    "cells": ("triggers", *veto(_chain_cells), [(a, c) for a in (2, 10) for c in CUTS]),
    "cues": ("triggers", *veto(_chain_cues), [(a, c) for a in (2, 5) for c in CUTS]),
    "coref": ("triggers", *veto(_chain_coref), [(a, c) for a in (2, 5) for c in CUTS]),
    "roles": ("arguments", _fit_roles, _predict_roles, [(m, c) for m in (3, 5, 10) for c in (0.5, 0.6, 0.75)]),
    "extents": ("exact", _fit_extents, _predict_extents, [3, 10, 30]),
    "weak": ("triggers", _fit_weak, _predict_weak, [(a, c) for a in (1, 2, 5) for c in (0.2, 0.3, 0.4, 0.5)]),
    "unmatched": (
        "triggers",
        _fit_unmatched,
        _predict_unmatched,
        [(a, c) for a in (1, 2, 4) for c in (0.2, 0.3, 0.4, 0.5)],
    ),
    "kinds": ("arguments", _fit_kinds, _predict_kinds, [(a, c) for a in (1, 3) for c in CUTS]),
}


def breakdown(rows: list[Row]) -> str:
    """What a learner of the rules' fillers could gain: on the rules' right triggers (Time left out), their fillers
    kept / of another role / of no gold argument, the kept ones' extents against the gold span (overlap counts them
    all), and the gold arguments no filler overlaps (in the trigger's line or not; within 3 dependency steps or not)."""
    fills: Counter = Counter()
    extents: Counter = Counter()
    missed: Counter = Counter()
    for row in rows:
        text = row["text"]
        for t, s, _fillers in _argument_kinds(row):
            event = right_event(row, s)
            if event is None:
                continue
            mine = [a for a in s["arguments"] if a["role"] != "Time"]
            for a in mine:
                near = [b for b in event["arguments"] if overlaps(a["span"], b["span"])]
                same = next((b for b in near if b["role"] == a["role"]), None)
                fills["kept" if same else "another role" if near else "no gold argument"] += 1
                if same:
                    (a0, a1), (b0, b1) = a["span"], same["span"]
                    extents[
                        "exact"
                        if (a0, a1) == (b0, b1)
                        else "longer"
                        if a0 <= b0 and b1 <= a1
                        else "shorter"
                        if b0 <= a0 and a1 <= b1
                        else "crossing"
                    ] += 1
            for b in event["arguments"]:
                if any(overlaps(a["span"], b["span"]) for a in mine):
                    continue
                line = text.count("\n", 0, b["span"][0]) == text.count("\n", 0, s["trigger"][0])
                head = _root(row["toks"], b["span"])
                near_path = head is not None and _path(row["toks"], t["i"], head) != "other"
                missed[f"{'same line' if line else 'other line'}, {'path <= 3' if near_path else 'farther'}"] += 1
    return (
        f"  the rules' fillers on right triggers: {dict(fills)}\n  kept ones' extents (gold inside = longer): "
        f"{dict(extents)}\n  gold arguments no filler overlaps: {dict(missed)}"
    )


def f1(rows: list[Row], predictions: list[list[dict]], part: str) -> float:
    if part == "exact":  # the extents: scored by exact span, which bench/events.py's overlap does not see
        return exact_arguments_f1(rows, predictions)
    return float(figures([r["events"] for r in rows], predictions)[part]["all"]["f1"])


def folds(n: int, k: int, seed: int) -> list[set[int]]:
    keys = list(range(n))
    random.Random(seed).shuffle(keys)
    return [set(keys[j::k]) for j in range(k)]


def held_out(rows: list[Row], k: int, seed: int, fit: Callable, predict: Callable, settings: list) -> dict:
    """Setting -> each article's predictions by the counts of the other folds (None: the rules')."""
    out: dict[Any, list] = {s: [None] * len(rows) for s in [None, *settings]}
    for part in folds(len(rows), k, seed):
        model = fit([rows[i] for i in range(len(rows)) if i not in part])
        for i in part:
            out[None][i] = shown(rows[i])
            for s in settings:
                out[s][i] = predict(rows[i], model, s)
    return out


def choose(rows: list[Row], part: str, fit: Callable, predict: Callable, settings: list) -> Any:
    """The setting an inner 4-fold finds best (ties: the rules)."""
    preds = held_out(rows, 4, 1, fit, predict, settings)
    scores = {s: f1(rows, p, part) for s, p in preds.items()}
    return max(scores, key=lambda s: (scores[s], s is None))


def measure(name: str, rows: list[Row], rest: list[Row], k: int, seed: int) -> str:
    part, fit, predict, settings = VARIANTS[name]
    fixed = held_out(rows, k, seed, fit, predict, settings)
    chosen_preds: list = [None] * len(rows)
    chosen = []
    for fold in folds(len(rows), k, seed):
        train = [rows[i] for i in range(len(rows)) if i not in fold]
        setting = choose(train, part, fit, predict, settings)
        chosen.append(setting)
        model = fit(train)
        for i in fold:
            chosen_preds[i] = shown(rows[i]) if setting is None else predict(rows[i], model, setting)
    scores = {s: f1(rows, p, part) for s, p in fixed.items()}
    low, high = min(scores, key=scores.get), max(scores, key=scores.get)
    line = (
        f"{name:10} {part:9} k-fold: rules {scores[None]:.4f}, chosen by the inner 4-fold {f1(rows, chosen_preds, part):.4f} "
        f"({chosen}); fixed settings {scores[low]:.4f} {low} .. {scores[high]:.4f} {high}"
    )
    if rest:
        setting = choose(rows, part, fit, predict, settings)
        model = fit(rows)
        got = [shown(r) if setting is None else predict(r, model, setting) for r in rest]
        line += f"\n{'':21}trained on {len(rows)}, scored on {len(rest)}: rules {f1(rest, [shown(r) for r in rest], part):.4f}, "
        line += f"chosen {setting} {f1(rest, got, part):.4f}"
        if part == "exact":  # what bench/events.py's overlap counts of the same fillers
            line += f" (overlap: rules {f1(rest, [shown(r) for r in rest], 'arguments'):.4f}, chosen {f1(rest, got, 'arguments'):.4f})"
    return line


def sizes_options(ap: argparse.ArgumentParser) -> None:
    """The rescoring benches' options: training sizes (``--articles``, each a run), ``--reverse``, ``--folds``,
    ``--seed`` (learning_cv.fold_options takes one size)."""
    ap.add_argument("--articles", type=int, nargs="+", default=[80], help="training sizes (each a run)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--reverse", action="store_true", help="the LAST N articles (bench/learning.py --reverse)")
    ap.add_argument("--seed", type=int, default=0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sizes_options(ap)
    ap.add_argument("--variants", nargs="+", choices=sorted(VARIANTS), default=list(VARIANTS))
    ap.add_argument("--breakdown", action="store_true", help="also what the rules' fillers get right and miss")
    args = ap.parse_args()
    articles = read_articles(DATA)
    if args.reverse:
        articles.reverse()
    rows = article_rows(articles)
    for a, r in zip(articles, rows):
        r["text"] = a["text"]
    side = "last" if args.reverse else "first"
    for n in args.articles:
        train, rest = rows[:n], rows[n:]
        print(f"{len(train)} {side} articles, {args.folds}-fold by article; then scored on the other {len(rest)}")
        if args.breakdown:
            print(breakdown(train))
        for name in args.variants:
            print(measure(name, train, rest, args.folds, args.seed), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
