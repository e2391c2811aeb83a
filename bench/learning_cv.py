"""Article-level k-fold of the learned event suggester inside the training articles of events-dev (issue 13).

The same first (or, with ``--reverse``, last) N articles that bench/learning.py trains on are split into k folds
by article; the event model is trained on k-1 folds exactly as ``annotator train`` trains it (its own k-fold tuning
inside them) and scored on the fold left out, against the rule suggester on the same articles in the same run.
This is where model choices are measured (never on the articles bench/learning.py scores on). Also scored: the
learned argument roles on the GOLD triggers (how good the roles are when the trigger is right) and, on the
triggers the rules got right, the rules' own arguments against the learned ones. Scored with bench/events.py's
scorer (``figures``: Time arguments, which events-dev does not annotate, left out).

    python bench/learning_cv.py [--articles 80] [--folds 5] [--reverse] [--roles]

``--roles``: also, per event type and role, the arguments the rules and the trained suggester give (right / given /
gold, Time left out) where the two differ, and which roles each fold's k-fold gave the learned filler (session 34).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from events import (  # noqa: E402
    DATA,
    UNSCORED_ROLES,
    argument_found,
    as_dicts,
    figures,
    labelled_entities,
    matched_gold,
    parse_texts,
    read_articles,
)
from learning import gold_events  # noqa: E402


def fold_options(ap: argparse.ArgumentParser) -> None:
    """The k-fold benches' options: which articles (``--articles``, ``--reverse``), ``--folds``, ``--seed``."""
    ap.add_argument("--articles", type=int, default=80)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--reverse", action="store_true", help="the LAST N articles (bench/learning.py --reverse)")
    ap.add_argument("--seed", type=int, default=0)


def fold_setup(args: argparse.Namespace) -> tuple:
    """The first (``--reverse``: last) ``--articles`` articles, parsed and prepared for the trained suggester, and
    ``--folds`` folds of their indexes (shuffled by ``--seed``): articles, schema, docs, entities, gold events, the
    rules' prior, prepared documents, folds."""
    from annotator.learn.event_model import default_prior, prepare
    from annotator.schema import default_schema

    articles = read_articles(DATA)
    if args.reverse:
        articles.reverse()
    articles = articles[: args.articles]
    schema = default_schema()
    labels = set(schema.label_names)
    docs, _ = parse_texts([a["text"] for a in articles])
    ents = labelled_entities(docs, labels)
    golds = [gold_events(a) for a in articles]
    prior = default_prior(schema)
    prepared = prepare(list(zip(docs, ents, golds)), list(schema.event_type_names), prior)
    keys = list(range(len(articles)))
    random.Random(args.seed).shuffle(keys)
    folds = [set(keys[j :: args.folds]) for j in range(args.folds)]
    return articles, schema, docs, ents, golds, prior, prepared, folds


def role_counts(golds: list[list[dict]], preds: list[list[dict]]) -> dict[tuple[str, str], list[int]]:
    """(event type, role) -> [fillers right, fillers given, gold arguments], as bench/events.py counts them (a
    filler is right when its event's trigger is and a gold argument of the role overlaps it)."""
    counts: dict[tuple[str, str], list[int]] = {}
    for gold, pred in zip(golds, preds):
        for p, j in zip(pred, matched_gold(gold, pred)):
            for a in p["arguments"]:
                if a["role"] in UNSCORED_ROLES:
                    continue
                c = counts.setdefault((p["type"], a["role"]), [0, 0, 0])
                c[1] += 1
                c[0] += j is not None and argument_found(a, gold[j]["arguments"])
        for g in gold:
            for b in g["arguments"]:
                counts.setdefault((g["type"], b["role"]), [0, 0, 0])[2] += 1
    return counts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    fold_options(ap)
    ap.add_argument("--roles", action="store_true", help="per type and role: where the trained suggester differs")
    args = ap.parse_args()

    from annotator.learn.event_features import shown_suggestions
    from annotator.learn.event_model import TrainedEventSuggester
    from annotator.learn.event_tuning import train_event_model

    articles, schema, docs, ents, golds, prior, prepared, folds = fold_setup(args)
    names = (
        "rules",
        "trained",
        "trained roles on gold triggers",
        "rules on their right triggers",
        "trained roles there",
    )
    scored: dict[str, tuple[list, list]] = {n: ([], []) for n in names}  # (golds, predictions) as events.py reads

    def add(name: str, gold: list, pred: list) -> None:
        scored[name][0].append(as_dicts(gold))
        scored[name][1].append(as_dicts(pred))

    learned_roles = []
    t0, cpu0 = time.monotonic(), time.process_time()
    for part in folds:
        train = [k for k in range(len(articles)) if k not in part]
        model = train_event_model([(docs[k], ents[k], golds[k]) for k in train], schema, prior, seed=args.seed)
        chosen = model.tuning.get("prior_events_arguments", {}).get("learned_roles", [])
        learned_roles.append(f"{chosen} ({'kept' if model.learned_arguments else 'refused by the guard'})")
        sugg = TrainedEventSuggester(model, schema, "k-fold", prior)
        for k in sorted(part):
            p, gold = prepared[k], golds[k]
            shown = shown_suggestions(p.views)
            add("rules", gold, [s for _i, s in shown])
            add("trained", gold, sugg.suggest_prepared(p))
            on_gold = [sugg._event(p.doc[i], g.type, 1.0, (), p) for i, g in p.gold.items()]
            add("trained roles on gold triggers", gold, on_gold)
            right = {i: s for i, s in shown if i in p.gold and p.gold[i].type == s.type}
            gold_right = [p.gold[i] for i in right]
            add(names[3], gold_right, list(right.values()))
            add(names[4], gold_right, [sugg._event(p.doc[i], s.type, 1.0, (), p) for i, s in right.items()])
    print(
        f"{len(articles)} {'last' if args.reverse else 'first'} articles, {args.folds}-fold by article "
        f"({time.monotonic() - t0:.0f} s wall, {time.process_time() - cpu0:.0f} s CPU); rules: {prior.source}"
    )
    for n, (gold, pred) in scored.items():
        result = figures(gold, pred)
        t, a = result["triggers"]["all"], result["arguments"]["all"]
        trig = f"trigger F1 {t['f1']:.3f} (P {t['p']:.2f} R {t['r']:.2f})" if n in names[:2] else " " * 31
        print(f"  {n:32} {trig}  argument F1 {a['f1']:.3f} (P {a['p']:.2f} R {a['r']:.2f})")
    if args.roles:
        print("  roles k-fold gave the learned filler, per fold: " + "; ".join(learned_roles))
        rules, trained = (role_counts(*scored[n]) for n in names[:2])
        for key in sorted(set(rules) | set(trained)):
            r, t = rules.get(key, [0, 0, 0]), trained.get(key, [0, 0, 0])
            if r != t:
                print(f"  {key[0]:28} {key[1]:12} right/given/gold: rules {r}, trained {t}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
