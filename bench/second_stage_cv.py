"""A second stage where the rules and the trained trigger model disagree, and per-lemma "never marked" vetoes (issue
13, session 43; docs/learning.md, "Session 43").

**Second stage** (``--stage``): the trained trigger model (``EventModel.fit``, annotator/learn/event_model.py) and the
rules agree on most tokens; where they do not, a small logistic regression decides, trained on what the annotators
did with such tokens in the training articles:
- ``veto``: a suggestion the rules show whose type the model gives a probability below ``m``: kept only where the
  second stage finds it right with probability ``cut`` or more;
- ``add``: a token whose best type by the model reaches ``m`` while the rules show no suggestion of that type there:
  suggested (trigger only) where the second stage finds it right with probability ``cut`` or more;
- ``both``; where the two agree the rules' suggestion stands.
Its features (``stage_features``): which disagreement, the type, the model's probability of it (in bins), the rules'
verdict and score (in tenths), lemma, part of speech, dependency, the head's part of speech, entity labels of the
token and its children, a later mention, the sentence's place and the context's signs
(annotator/learn/event_features.trigger_features, each also with the kind of disagreement). Stacked without
leaking: the model's probabilities on the training articles come from models trained on the other inner folds
(cross-fitted), the held-out articles' from the model trained on all the training articles; the setting (mode,
``m``, ``cut``, or none: the rules) is chosen by an inner 4-fold of the second stage over the training articles
(ties: the rules). Measured by article-level k-fold inside the first (``--reverse``: last) N articles
(bench/learning_cv.py's folds; never the articles bench/learning.py scores), then trained on all N and scored once on
the other articles (reported, never tuned on). Scored with bench/events.py's scorer (8 types; added suggestions carry
no arguments).

**Never marked** (``--variants never-lemma never-shown``, bench/rescoring_cv.py's k-fold over its cached rows): the
rules' suggestions on a lemma the training articles have ``k`` or more times and mark as no trigger
(``never-lemma``), or of a (type, lemma) the rules showed ``k`` or more times there and none of them right
(``never-shown``), are left out; ``k`` from 2 to 20, chosen by the inner 4-fold (ties: the rules).

    python bench/second_stage_cv.py [--articles 80] [--reverse] [--stage] [--variants never-lemma never-shown]
        [--cache rows.pkl]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any, Sequence

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
import rescoring_cv as rc  # noqa: E402
from events import DATA, TYPES, as_dicts, figures, labelled_entities, parse_texts, read_articles  # noqa: E402
from learning import gold_events  # noqa: E402

MODES = ("veto", "add", "both")
AGREE = (0.2, 0.5)  # m: the model's probability of a type from which it "gives" the type
CUTS = (0.2, 0.3, 0.4, 0.5)  # the second stage's probability of right from which a disputed suggestion is shown
SETTINGS = [(mode, m, cut) for mode in MODES for m in AGREE for cut in CUTS]
NEVER_K = (2, 3, 4, 5, 6, 8, 10, 15, 20)
Item = tuple[int, int, str, str, list[str], bool]  # (doc key, token, kind, type, features, right)


# -- never marked: per-lemma vetoes over bench/rescoring_cv.py's rows --
def _fit_never_lemma(rows: list[rc.Row]) -> tuple[Counter, set[str]]:
    """How often each lemma occurs in the training articles, and the lemmas a gold trigger's head has (any type)."""
    occurrences: Counter = Counter(t["lemma"] for row in rows for t in row["toks"])
    marked = {lemma for row in rows for lemma in _gold_heads(row)}
    return occurrences, marked


def _gold_heads(row: rc.Row) -> list[str]:
    heads = (rc._root(row["toks"], e["trigger"]) for e in row["events"] if e["type"] in TYPES)
    return [h["lemma"] for h in heads if h is not None]


def _predict_never_lemma(row: rc.Row, model: tuple[Counter, set[str]], k: int) -> list[dict]:
    occurrences, marked = model
    return [
        s
        for t in row["toks"]
        for s in t["shown"]
        if s["type"] not in TYPES or t["lemma"] in marked or occurrences[t["lemma"]] < k
    ]


def _fit_never_shown(rows: list[rc.Row]) -> dict[tuple[str, str], list[int]]:
    """Per (type, lemma) the rules' shown suggestions in the training articles: [right, shown]."""
    counts: dict[tuple[str, str], list[int]] = {}
    for row in rows:
        for t in row["toks"]:
            for s in t["shown"]:
                c = counts.setdefault((s["type"], t["lemma"]), [0, 0])
                c[0] += rc.right_event(row, s) is not None
                c[1] += 1
    return counts


def _predict_never_shown(row: rc.Row, counts: dict[tuple[str, str], list[int]], k: int) -> list[dict]:
    out = []
    for t in row["toks"]:
        for s in t["shown"]:
            right, seen = counts.get((s["type"], t["lemma"]), (0, 0))
            if s["type"] not in TYPES or right or seen < k:
                out.append(s)
    return out


rc.VARIANTS["never-lemma"] = ("triggers", _fit_never_lemma, _predict_never_lemma, list(NEVER_K))
rc.VARIANTS["never-shown"] = ("triggers", _fit_never_shown, _predict_never_shown, list(NEVER_K))


# -- the second stage --
def _bin(p: float) -> int:
    return min(int(p * 10), 9)


def stage_features(kind: str, type_: str, model_p: float, base: Sequence[str]) -> list[str]:
    """The second stage's features of one disputed (token, type): the kind of disagreement (``veto``: the rules show
    it, the model does not give it; ``add``: the reverse), the type, the model's probability of it, and the token's
    own features (``trigger_features``) alone and with the kind."""
    mp = _bin(model_p)
    out = [f"k={kind}", f"k={kind}|{type_}", f"mp={mp}", f"mp={mp}|{kind}", f"mp={mp}|{type_}"]
    for f in base:
        out += [f, f"{kind}|{f}"]
    return out


def disputes(model: Any, p: Any, probs: dict[int, Any] | None = None) -> dict[float, list[Item]]:
    """Per ``m`` of AGREE: the (token, type) the rules and ``model`` dispute in the prepared document ``p``, each
    with its second-stage features and whether a gold trigger of that type is on the token."""
    from annotator.learn.event_features import NO_RULE, shown_suggestions, trigger_features

    classes = model.triggers.classes
    index = {c: k for k, c in enumerate(classes)}
    if probs is None:
        probs = dict(model.trigger_probabilities(p))
    shown = shown_suggestions(p.views)
    base: dict[int, list[str]] = {}

    def feats(i: int) -> list[str]:
        if i not in base:
            tok = p.doc[i]
            base[i] = trigger_features(tok, p.ents, p.views.get(i, NO_RULE), None, p.prev[i], p.sent_index[i])
        return base[i]

    def right(i: int, type_: str) -> bool:
        g = p.gold.get(i)
        return g is not None and g.type == type_

    out: dict[float, list[Item]] = {}
    for m in AGREE:
        items: list[Item] = []
        for i, s in shown:
            if s.type not in TYPES:
                continue
            pr = probs.get(i)
            q = float(pr[index[s.type]]) if pr is not None and s.type in index else 0.0
            if q < m:
                items.append((p.key, i, "veto", s.type, stage_features("veto", s.type, q, feats(i)), right(i, s.type)))
        for i, pr in probs.items():
            best = max((k for k, c in enumerate(classes) if c in TYPES), key=lambda k: pr[k])
            type_, q = classes[best], float(pr[best])
            if q >= m and not any(j == i and s.type == type_ for j, s in shown):
                items.append((p.key, i, "add", type_, stage_features("add", type_, q, feats(i)), right(i, type_)))
        out[m] = items
    return out


def fit_stage(items: list[Item], epochs: int = 10, seed: int = 0) -> Any:
    """The second stage: P(right) of a disputed (token, type), a logistic regression (None: nothing to learn)."""
    from annotator.learn.perceptron import LogLinear

    if len({it[5] for it in items}) < 2:
        return None
    return LogLinear.train([(it[4], "yes" if it[5] else "no") for it in items], ["no", "yes"], epochs, seed, rate=0.05)


def stage_probability(stage: Any, item: Item) -> float:
    """P(right) of ``item`` by ``stage`` (no stage: 0.5, nothing learnt either way)."""
    if stage is None:
        return 0.5
    return float(stage.probabilities(item[4])[stage.classes.index("yes")])


def decide(p: Any, items: list[Item], stage: Any, mode: str, cut: float) -> list:
    """The rules' suggestions of ``p`` with the disputes ``items`` decided by ``stage`` in ``mode`` at ``cut``:
    a vetoed item's suggestion dropped, an added item suggested as a trigger with no arguments."""
    from annotator.learn.event_features import shown_suggestions
    from annotator.suggest.types import EventSuggestion

    drop, add = set(), []
    for it in items:
        if it[2] == "veto" and mode in ("veto", "both") and stage_probability(stage, it) < cut:
            drop.add((it[1], it[3]))
        if it[2] == "add" and mode in ("add", "both") and stage_probability(stage, it) >= cut:
            tok = p.doc[it[1]]
            add.append(EventSuggestion(it[3], tok.idx, tok.idx + len(tok), 0.5, (), ()))
    kept = [s for i, s in shown_suggestions(p.views) if (i, s.type) not in drop]
    return kept + add


def trigger_f1(golds: list[list[dict]], preds: list[list]) -> float:
    return float(figures(golds, [as_dicts(x) for x in preds])["triggers"]["all"]["f1"])


def folds_of(keys: list[int], k: int, seed: int) -> list[set[int]]:
    keys = list(keys)
    random.Random(seed).shuffle(keys)
    return [set(keys[j::k]) for j in range(k)]


class Stacker:
    """The trigger model's cross-fitted probabilities and the second stage's choice, over prepared documents."""

    def __init__(self, prepared: list, golds: list[list[dict]], schema: Any, seed: int = 0) -> None:
        self.prepared, self.golds, self.schema, self.seed = prepared, golds, schema, seed
        self.fits = 0

    def model(self, keys: Sequence[int]) -> Any:
        from annotator.learn.event_model import EventModel

        self.fits += 1
        return EventModel.fit([self.prepared[k] for k in keys], self.schema, 5, self.seed)

    def crossfit(self, keys: list[int], inner: int = 4) -> dict[int, dict[float, list[Item]]]:
        """Each document of ``keys``: its disputes by a model trained on the other inner folds of ``keys``."""
        out = {}
        for part in folds_of(keys, inner, self.seed + 1):
            model = self.model([k for k in keys if k not in part])
            for k in part:
                out[k] = disputes(model, self.prepared[k])
        return out

    def choose(self, keys: list[int], found: dict[int, dict[float, list[Item]]]) -> tuple | None:
        """The setting an inner 4-fold of the second stage finds best on ``keys`` (None: the rules; ties to it)."""
        preds: dict[Any, dict[int, list]] = {s: {} for s in [None, *SETTINGS]}
        for part in folds_of(keys, 4, self.seed + 2):
            stages = {m: fit_stage([it for k in keys if k not in part for it in found[k][m]]) for m in AGREE}
            for k in part:
                p = self.prepared[k]
                preds[None][k] = decide(p, [], None, "veto", 0.0)
                for mode, m, cut in SETTINGS:
                    preds[(mode, m, cut)][k] = decide(p, found[k][m], stages[m], mode, cut)
        golds = [self.golds[k] for k in keys]
        scores = {s: trigger_f1(golds, [pr[k] for k in keys]) for s, pr in preds.items()}
        return max(scores, key=lambda s: (round(scores[s], 9), s is None))

    def predict(self, train: list[int], test: list[int]) -> tuple[dict, tuple | None, dict[str, int]]:
        """Trained on ``train`` (the model, the second stage and its setting): the suggestions for ``test`` at every
        setting (None: the rules'), the setting the inner 4-fold chose, and the disputes of ``test`` at the chosen
        ``m`` (else at the larger) by kind, right or wrong."""
        found = self.crossfit(train)
        setting = self.choose(train, found)
        model = self.model(train)
        tests = {k: disputes(model, self.prepared[k]) for k in test}
        out: dict[Any, dict[int, list]] = {None: {k: decide(self.prepared[k], [], None, "veto", 0.0) for k in test}}
        stages = {m: fit_stage([it for k in train for it in found[k][m]]) for m in AGREE}
        for mode, m, cut in SETTINGS:
            out[(mode, m, cut)] = {k: decide(self.prepared[k], tests[k][m], stages[m], mode, cut) for k in test}
        counts: Counter = Counter()
        for k in test:
            for it in tests[k][setting[1] if setting else max(AGREE)]:
                counts[f"{it[2]} {'right' if it[5] else 'wrong'}"] += 1
        return out, setting, dict(counts)


def stage_run(args: argparse.Namespace) -> None:
    from annotator.learn.event_model import default_prior, prepare
    from annotator.schema import default_schema

    articles = read_articles(DATA)
    if args.reverse:
        articles.reverse()
    schema = default_schema()
    cpu0 = time.process_time()
    docs, _ = parse_texts([a["text"] for a in articles])
    ents = labelled_entities(docs, set(schema.label_names))
    gold_objs = [gold_events(a) for a in articles]
    prepared = prepare(list(zip(docs, ents, gold_objs)), list(schema.event_type_names), default_prior(schema))
    golds = [a["events"] for a in articles]
    print(f"parsed and prepared {len(articles)} articles in {time.process_time() - cpu0:.0f} s CPU", flush=True)
    st = Stacker(prepared, golds, schema, args.seed)
    n = args.articles
    side = "last" if args.reverse else "first"
    cpu0 = time.process_time()
    preds: dict[Any, dict[int, list]] = {s: {} for s in [None, *SETTINGS]}
    chosen_preds: dict[int, list] = {}
    chosen = []
    for part in folds_of(list(range(n)), args.folds, args.seed):
        got, setting, counts = st.predict([k for k in range(n) if k not in part], sorted(part))
        for s, by_doc in got.items():
            preds[s].update(by_doc)
        chosen_preds.update(got[setting])
        chosen.append((setting, counts))
    g = [golds[k] for k in range(n)]
    scores = {s: trigger_f1(g, [pr[k] for k in range(n)]) for s, pr in preds.items()}
    low = min(scores, key=lambda s: scores[s])
    high = max(scores, key=lambda s: (scores[s], s is None))
    print(
        f"{n} {side} articles, {args.folds}-fold by article: trigger F1 rules {scores[None]:.4f}, second stage chosen "
        f"by the inner 4-fold {trigger_f1(g, [chosen_preds[k] for k in range(n)]):.4f}; fixed settings "
        f"{scores[low]:.4f} {low} .. {scores[high]:.4f} {high} ({st.fits} model fits, "
        f"{time.process_time() - cpu0:.0f} s CPU)"
    )
    for mode in MODES:
        best = max((s for s in SETTINGS if s[0] == mode), key=lambda s: scores[s])
        print(f"  best fixed {mode}: {best} {scores[best]:.4f}")
    for setting, counts in chosen:
        print(f"  a fold chose {setting}; the disputes of its held-out articles: {counts}")
    rest = list(range(n, len(articles)))
    if rest:
        got, setting, counts = st.predict(list(range(n)), rest)
        g = [golds[k] for k in rest]
        print(
            f"trained on the {n}, scored on the other {len(rest)}: rules {trigger_f1(g, [got[None][k] for k in rest]):.4f}, "
            f"second stage {trigger_f1(g, [got[setting][k] for k in rest]):.4f} (chose {setting}; disputes {counts})",
            flush=True,
        )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=80)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--reverse", action="store_true", help="the LAST N articles (bench/learning.py --reverse)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--stage", action="store_true", help="the second stage (trains the trigger model per fold)")
    ap.add_argument("--variants", nargs="*", choices=["never-lemma", "never-shown"], default=[])
    ap.add_argument("--cache", type=Path, help="the parsed rows (bench/finished_counts_cv.py --cache): read or kept")
    args = ap.parse_args()
    if args.variants:
        rows = rc.parsed_rows(args.cache)
        rows = rows[::-1] if args.reverse else rows
        n = args.articles
        print(f"{'last' if args.reverse else 'first'} {n} articles, {args.folds}-fold; then the other {len(rows) - n}")
        for name in args.variants:
            print(rc.measure(name, rows[:n], rows[n:], args.folds, args.seed), flush=True)
    if args.stage:
        stage_run(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
