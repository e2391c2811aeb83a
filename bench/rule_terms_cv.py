"""The rules' own evidence as features of the trained trigger model (issue 13, session 42): does the model learn
which of the rules' kinds of evidence these annotators follow?

The trained trigger model (annotator/learn/event_model.py) reads the rules' verdict on a token as its type, its
score in tenths and whether it is shown; not WHICH evidence made the score. Here the rule suggester's trace
(``RuleEventSuggester.trace``: every candidate's named terms, annotator/suggest/rule_weights.py: participants, cue
words, negation and other context signs, a weak word, a later mention, a modifier, ...) of the token's first type
is added to its features, alone and with that type (``term_features``), so that the model can weigh, per type, the
evidence the hand weights weigh the same for every type. Variants:

- ``base``: today's features (``annotator train`` as shipped);
- ``terms``: + each of the rules' terms of the token's first type, alone, with the type, and with the rules'
  verdict (shown, below the threshold);

each trained exactly as ``annotator train`` trains the event model (``event_tuning.train_event_model``: its own
4-fold tuning and the "never worse" guard inside the training articles). Measured by article-level k-fold inside the
first (``--reverse``: last) N articles (bench/learning_cv.py's folds; never the articles bench/learning.py scores):
the rules, the trained suggester as it ships (``trained``) and the model's own triggers for every type at its k-fold
thresholds (``alone``: what the features change in the model itself). ``--test``: then trained on all N and scored
once on the other articles (reported, never tuned on). Scored with bench/events.py's scorer.

    python bench/rule_terms_cv.py [--articles 80] [--reverse] [--variants base terms] [--test]
"""

from __future__ import annotations

import argparse
import copy
import sys
import time
from pathlib import Path
from typing import Any, Mapping

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from events import DATA, as_dicts, figures, labelled_entities, parse_texts, read_articles  # noqa: E402
from learning import gold_events  # noqa: E402
from learning_cv import fold_options, fold_setup  # noqa: E402
from vectors_cv import alone  # noqa: E402

VARIANTS = ("base", "terms")


def token_terms(prior: Any, doc: Any, entities: Any) -> dict[int, dict[str, dict[str, float]]]:
    """Token index -> event type -> the rules' named terms of their candidate of that type on it: from the rules
    at their own threshold where they show the token, else from the rules asked at threshold 0 (as
    ``event_features.rule_views`` reads the weaker matches). Empty for a prior without a trace."""
    out: dict[int, dict[str, dict[str, float]]] = {}
    if not hasattr(prior, "trace"):
        return out
    low = copy.copy(prior)
    low.threshold = 0.0
    for asked in (prior, low):
        asked.trace = []
        try:
            asked.suggest(doc, entities)
            found = list(asked.trace)
        finally:
            asked.trace = None
        seen: dict[int, dict[str, dict[str, float]]] = {}
        for type_, start, end, terms, _score in found:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            seen.setdefault(span.root.i, {}).setdefault(type_, dict(terms))
        for i, by_type in seen.items():
            out.setdefault(i, by_type)  # the shown run first: its terms stand where both read the token
    return out


def term_features(types: tuple[str, ...], category: str, terms: Mapping[str, Mapping[str, float]]) -> list[str]:
    """Features of the rules' evidence for a token's first type ``types[0]``: each nonzero term alone, with the
    type and with the rules' verdict (``category``: above, below)."""
    if not types or types[0] not in terms:
        return []
    t = types[0]
    out = []
    for name, value in sorted(terms[t].items()):
        if not value:
            continue
        v = name if value == 1 else f"{name}={min(int(value), 2)}"
        out += [f"rt={v}", f"rt={v}|{t}", f"rt={v}|{category}"]
    return out


class TermFeatures:
    """Adds ``term_features`` to ``EventModel.features`` while it is on (a bench's switch, undone by ``off``)."""

    def __init__(self, terms_of: dict[int, dict[int, dict[str, dict[str, float]]]]) -> None:
        self.terms_of = terms_of  # id(doc) -> token_terms of it
        self._saved = None

    def on(self) -> None:
        from annotator.learn.event_features import NO_RULE
        from annotator.learn.event_model import EventModel

        self._saved = EventModel.features
        saved, terms_of = self._saved, self.terms_of

        def features(model, p, tok, leave_out=None):
            view = p.views.get(tok.i, NO_RULE)
            extra = term_features(view.types, view.category, terms_of.get(id(p.doc), {}).get(tok.i, {}))
            return saved(model, p, tok, leave_out) + extra

        EventModel.features = features

    def off(self) -> None:
        from annotator.learn.event_model import EventModel

        if self._saved is not None:
            EventModel.features = self._saved
            self._saved = None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    fold_options(ap)
    ap.add_argument("--variants", nargs="+", choices=VARIANTS, default=list(VARIANTS))
    ap.add_argument("--test", action="store_true", help="then train on all N and score once on the other articles")
    args = ap.parse_args()

    from annotator.learn.event_features import shown_suggestions
    from annotator.learn.event_model import TrainedEventSuggester, prepare
    from annotator.learn.event_tuning import train_event_model

    articles, schema, docs, ents, golds, prior, prepared, folds = fold_setup(args)
    terms_of = {id(d): token_terms(prior, d, e) for d, e in zip(docs, ents)}
    switch = TermFeatures(terms_of)
    side = "last" if args.reverse else "first"
    print(f"{len(articles)} {side} articles, {args.folds}-fold by article; rules: {prior.source}")

    def show(name: str, scored: dict[str, tuple[list, list]], took: str) -> None:
        for who, (gold, pred) in scored.items():
            r = figures(gold, pred)
            t, a = r["triggers"]["all"], r["arguments"]["all"]
            print(
                f"  {name:6} {who:8} trigger F1 {t['f1']:.4f} (P {t['p']:.3f} R {t['r']:.3f})  "
                f"argument F1 {a['f1']:.4f}{took if who == 'trained' else ''}"
            )

    for variant in args.variants:
        if variant == "terms":
            switch.on()
        try:
            scored: dict[str, tuple[list, list]] = {w: ([], []) for w in ("rules", "trained", "alone")}
            chosen = []
            t0, cpu0 = time.monotonic(), time.process_time()
            for part in folds:
                train = [k for k in range(len(articles)) if k not in part]
                model = train_event_model([(docs[k], ents[k], golds[k]) for k in train], schema, prior, seed=args.seed)
                chosen.append(sorted(set(schema.event_type_names) - model.prior_types))
                sugg = TrainedEventSuggester(model, schema, "k-fold", prior)
                solo = TrainedEventSuggester(alone(model), schema, "k-fold", prior)
                for k in sorted(part):
                    p, gold = prepared[k], golds[k]
                    for who, pred in (
                        ("rules", [s for _i, s in shown_suggestions(p.views)]),
                        ("trained", sugg.suggest_prepared(p)),
                        ("alone", solo.suggest_prepared(p)),
                    ):
                        scored[who][0].append(as_dicts(gold))
                        scored[who][1].append(as_dicts(pred))
            took = (
                f"  ({time.process_time() - cpu0:.0f} s CPU, {time.monotonic() - t0:.0f} s wall; "
                f"types given to the model per fold: {chosen})"
            )
            show(variant, scored, took)
            if args.test:
                rest = read_articles(DATA)
                if args.reverse:
                    rest.reverse()
                rest = rest[args.articles :]
                tdocs, _ = parse_texts([a["text"] for a in rest])
                tents = labelled_entities(tdocs, set(schema.label_names))
                tgold = [gold_events(a) for a in rest]
                terms_of.update({id(d): token_terms(prior, d, e) for d, e in zip(tdocs, tents)})
                model = train_event_model(list(zip(docs, ents, golds)), schema, prior, seed=args.seed)
                types = sorted(set(schema.event_type_names) - model.prior_types)
                tprep = prepare(list(zip(tdocs, tents, tgold)), list(schema.event_type_names), prior)
                out: dict[str, tuple[list, list]] = {w: ([], []) for w in ("rules", "trained", "alone")}
                sugg = TrainedEventSuggester(model, schema, "test", prior)
                solo = TrainedEventSuggester(alone(model), schema, "test", prior)
                for p, gold in zip(tprep, tgold):
                    for who, pred in (
                        ("rules", [s for _i, s in shown_suggestions(p.views)]),
                        ("trained", sugg.suggest_prepared(p)),
                        ("alone", solo.suggest_prepared(p)),
                    ):
                        out[who][0].append(as_dicts(gold))
                        out[who][1].append(as_dicts(pred))
                print(
                    f"  trained on all {len(articles)}, scored on the other {len(rest)} (types to the model: {types})"
                )
                show(variant, out, "")
        finally:
            switch.off()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
