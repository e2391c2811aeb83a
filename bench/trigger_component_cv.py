"""A spaCy component trained on the event triggers, by article-level k-fold inside the training articles (issue 13).

The learner issue 13 names and the learned suggester did not try: a second ``ner`` over the 8 trigger types
(BILUO over trigger tokens), or a ``spancat`` (1- and 2-token spans, a score per type), trained by spaCy's
``nlp.update`` on the sentences of k-1 folds of the first (``--reverse``: last) N articles of events-dev and
scored on the fold left out, as bench/events.py scores (trigger: overlap + same type, 8 types; arguments of the
events shown). Never on the articles bench/learning.py scores on. Its tok2vec:
- ``a``: the pipeline's shared tok2vec, frozen (the component reads ``doc.tensor``, which pre-annotation
  computes anyway);
- ``b``: its own copy of the shared tok2vec's weights, fine-tuned.
Then the combinations with the rules (their suggestions at their threshold and their weaker matches at 0): the
model alone; the rules plus the model's triggers where the rules have none (``fill``); the rules' triggers
kept only where the model agrees (``veto``); the rules plus their weaker matches the model agrees with
(``boost``); with spancat's scores, each at a threshold. Per type (and one for all types), the combination is
chosen on the OTHER folds' held-out predictions and scored on the fold (ties go to the rules).
Held-out predictions are kept in a JSON file (``--preds``), so ``--score-only`` re-scores without training.

    python bench/trigger_component_cv.py [--reverse] [--kind ner|spancat] [--variants a,b] [--epochs 5,10]
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from events import DATA, MODEL, TYPES, read_articles  # noqa: E402
from learning_cv import fold_options  # noqa: E402
from learning import gold_events  # noqa: E402

CACHE = Path(tempfile.gettempdir()) / "trigger_component_cv"
KEY = "triggers"  # spancat's span group
GRID = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)  # spancat score thresholds tried by the combinations
Event = tuple[str, int, int, tuple]  # type, trigger start, end, ((role, start, end), ...)


def parsed(articles: list[dict]) -> tuple[Any, list]:
    """The pipeline and every article parsed by it (cached with their tensors: Doc.to_bytes keeps them)."""
    import spacy
    from spacy.tokens import Doc

    nlp = spacy.load(MODEL)
    CACHE.mkdir(exist_ok=True)
    f = CACHE / f"docs_{MODEL}_{len(articles)}.pkl"
    if f.exists():
        return nlp, [Doc(nlp.vocab).from_bytes(b) for b in pickle.loads(f.read_bytes())]
    docs = list(nlp.pipe([a["text"] for a in articles], batch_size=16))
    f.write_bytes(pickle.dumps([d.to_bytes() for d in docs]))
    return nlp, docs


def fresh(doc: Any, start: int = 0, end: int | None = None) -> Any:
    """A new Doc of doc[start:end]'s words, entities missing, with the pipeline's tensor rows."""
    from spacy.tokens import Doc

    span = doc[start : len(doc) if end is None else end]
    d = Doc(doc.vocab, words=[t.text for t in span], spaces=[bool(t.whitespace_) for t in span])
    d.tensor = doc.tensor[span.start : span.end].copy()
    return d


def gold_spans(doc: Any, gold: list) -> list[tuple[int, int, str]]:
    from spacy.util import filter_spans

    spans = [doc.char_span(g.start, g.end, label=g.type, alignment_mode="expand") for g in gold if g.type in TYPES]
    return [(s.start, s.end, s.label_) for s in filter_spans([s for s in spans if s is not None and len(s)])]


def examples_of(doc: Any, spans: list[tuple[int, int, str]]) -> list:
    """One Example per sentence: the gold triggers as entities (every other token O) and as the span group."""
    from spacy.tokens import Span
    from spacy.training import Example

    out = []
    for sent in doc.sents:
        pred, ref = fresh(doc, sent.start, sent.end), fresh(doc, sent.start, sent.end)
        ents = [
            Span(ref, s - sent.start, e - sent.start, lab) for s, e, lab in spans if sent.start <= s and e <= sent.end
        ]
        ref.set_ents(ents, default="outside")
        ref.spans[KEY] = ents
        out.append(Example(pred, ref))
    return out


def register() -> None:
    import spacy
    from thinc.api import Model

    @spacy.registry.architectures("bench.DocTensor.v1")
    def doc_tensor(width: int) -> Model:
        """The shared tok2vec's output as the pipeline left it in ``doc.tensor`` (frozen: no gradient)."""

        def forward(model: Model, docs: list, is_train: bool) -> tuple[list, Any]:
            out = [model.ops.asarray2f(d.tensor) if d.tensor.size else model.ops.alloc2f(len(d), width) for d in docs]
            return out, lambda d_out: []

        return Model("doc_tensor", forward, dims={"nO": width})


def build(nlp: Any, variant: str, kind: str, seed: int) -> tuple[Any, Any]:
    import spacy
    from thinc.api import fix_random_seed

    fix_random_seed(seed)
    if variant == "a":
        t2v: dict = {"@architectures": "bench.DocTensor.v1", "width": 96}
    else:
        t2v = nlp.config.interpolate()["components"]["tok2vec"]["model"]
    blank = spacy.blank("en", vocab=nlp.vocab)
    if kind == "spancat":
        model = {
            "@architectures": "spacy.SpanCategorizer.v1",
            "scorer": {"@layers": "spacy.LinearLogistic.v1"},
            "reducer": {"@layers": "spacy.mean_max_reducer.v1", "hidden_size": 128},
            "tok2vec": t2v,
        }
        cfg = {
            "spans_key": KEY,
            "suggester": {"@misc": "spacy.ngram_suggester.v1", "sizes": [1, 2]},
            "model": model,
            "threshold": 0.05,
            "max_positive": 1,
        }
        pipe = blank.add_pipe("spancat", name="triggers", config=cfg)
    else:
        model = {
            "@architectures": "spacy.TransitionBasedParser.v2",
            "state_type": "ner",
            "extra_state_tokens": False,
            "hidden_width": 64,
            "maxout_pieces": 2,
            "use_upper": True,
            "tok2vec": t2v,
        }
        pipe = blank.add_pipe("ner", name="triggers", config={"model": model})
    for t in TYPES:
        pipe.add_label(t)
    return blank, pipe


def predicted(pipe: Any, doc: Any, kind: str) -> list:
    d = pipe(fresh(doc))
    if kind == "ner":
        return [(e.start_char, e.end_char, e.label_) for e in d.ents]
    group = d.spans[KEY]
    scores = group.attrs["scores"]
    return [(e.start_char, e.end_char, e.label_, round(float(scores[j].max()), 4)) for j, e in enumerate(group)]


def train_predict(args: argparse.Namespace, nlp: Any, names: list[str], docs: list, spans: list, folds: list) -> dict:
    """'variant@epochs' -> article name -> the held-out predictions of the fold's model."""
    from spacy.util import minibatch
    from thinc.api import Adam

    register()
    shared = nlp.get_pipe("tok2vec").model.to_bytes()
    checkpoints = sorted(int(x) for x in args.epochs.split(","))
    preds: dict[str, dict[str, list]] = {}
    for variant in args.variants.split(","):
        cpu0 = time.process_time()
        for part in folds:
            blank, pipe = build(nlp, variant, args.kind, args.seed)
            train = [eg for k in range(len(docs)) if k not in part for eg in examples_of(docs[k], spans[k])]
            blank.initialize(lambda: train)  # noqa: B023
            if variant == "b":  # the shared tok2vec's weights, then fine-tuned
                ref = pipe.model.get_ref("tok2vec")
                (ref if args.kind == "spancat" else ref.layers[0]).from_bytes(shared)
            opt, rng = Adam(args.lr), random.Random(args.seed)
            for epoch in range(1, checkpoints[-1] + 1):
                rng.shuffle(train)
                for batch in minibatch(train, args.batch):
                    blank.update(batch, sgd=opt, drop=args.dropout)
                if epoch in checkpoints:
                    got = preds.setdefault(f"{args.kind}-{variant}@{epoch}", {})
                    for k in sorted(part):
                        got[names[k]] = predicted(pipe, docs[k], args.kind)
        print(f"  {args.kind} {variant}: {time.process_time() - cpu0:.0f} s CPU for {len(folds)} folds", flush=True)
    return preds


def rules_of(docs: list) -> list[dict]:
    """Per article: the rules' shown events and their weaker matches (the rules asked at threshold 0)."""
    from annotator.learn.event_features import rule_views, shown_suggestions
    from annotator.learn.event_model import default_prior
    from annotator.schema import default_schema

    schema = default_schema()
    prior = default_prior(schema)
    labels = set(schema.label_names)
    out = []
    for d in docs:
        views = rule_views(prior, d, [(e.start_char, e.end_char, e.label_) for e in d.ents if e.label_ in labels])

        def ev(s: Any) -> Event:
            return (s.type, s.trigger_start, s.trigger_end, tuple((a.role, a.start, a.end) for a in s.arguments))

        shown = [ev(s) for _i, s in shown_suggestions(views)]
        weak = [(*ev(v.suggestion), v.score) for v in views.values() if not v.above and v.types]
        out.append({"shown": shown, "weak": weak, "source": prior.source})
    return out


def ov(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def combos(model: list, rules: dict, scored: bool) -> dict[str, list[Event]]:
    """Each combination's events for one article (``model``: (start, end, type[, score]) of the component)."""
    shown = [tuple(s) for s in rules["shown"]]
    weak = rules["weak"]
    if not scored:
        found = [(t, s, e, ()) for s, e, t in model]

        def agree(ev: tuple) -> bool:
            return any(m[0] == ev[0] and ov(ev[1], ev[2], m[1], m[2]) for m in found)

        fill = [m for m in found if not any(ov(m[1], m[2], s[1], s[2]) for s in shown)]
        return {
            "rules": shown,
            "model": found,
            "fill": shown + fill,
            "veto": [s for s in shown if agree(s)],
            "boost": shown + [w[:4] for w in weak if agree(w)],
        }

    def best(ev: tuple) -> float:
        return max((m[3] for m in model if m[2] == ev[0] and ov(ev[1], ev[2], m[0], m[1])), default=0.0)

    shown_best, weak_best = [best(s) for s in shown], [best(w) for w in weak]
    ranked = sorted(model, key=lambda m: -m[3])
    out: dict[str, list[Event]] = {"rules": shown}
    for th in GRID:
        taken: list[Event] = []
        for m in ranked:
            if m[3] < th:
                break
            if not any(ov(m[0], m[1], t[1], t[2]) for t in taken):
                taken.append((m[2], m[0], m[1], ()))
        out[f"model@{th}"] = taken
        out[f"fill@{th}"] = shown + [m for m in taken if not any(ov(m[1], m[2], s[1], s[2]) for s in shown)]
        out[f"veto@{th}"] = [s for s, b in zip(shown, shown_best) if b >= th]
        out[f"boost@{th}"] = shown + [w[:4] for w, b in zip(weak, weak_best) if b >= th]
    return out


def score(items: list[tuple[list, list[Event]]], types: set[str]) -> tuple[dict, dict]:
    """Trigger and argument P/R/F1 (annotator.learn.scoring, as bench/events.py: Time arguments left out)."""
    from annotator.learn.data import GoldArgument, GoldEvent
    from annotator.learn.scoring import Tally, tally_events

    tt, at = Tally(), Tally()
    for gold, pred in items:
        evs = [
            GoldEvent(t, s, e, tuple(GoldArgument(r, a0, a1, "") for r, a0, a1 in args if r != "Time"))
            for t, s, e, args in pred
        ]
        tally_events(gold, evs, tt, at, types)
    return tt.result(), at.result()


def report(name: str, per: list[dict[str, list[Event]]], golds: list, folds: list[set[int]]) -> None:
    """Each combination over all folds, then the per-type and the one-for-all choice made on the other folds."""
    keys = sorted(k for part in folds for k in part)
    types = set(TYPES)

    def f1(ks: list[int], combo: str, scope: set[str]) -> float:
        t, _a = score([(golds[k], per[k][combo]) for k in ks], scope)
        return float(t["all"]["f1"])

    cells = []
    for c in per[0]:
        t, a = score([(golds[k], per[k][c]) for k in keys], types)
        cells.append(f"{c} {t['all']['f1']:.3f}/{a['all']['f1']:.3f}")
    print(f"  {name}: " + "  ".join(cells), flush=True)
    by_type, one = [], []
    for part in folds:
        other = [k for k in keys if k not in part]
        pick = {t: max(per[0], key=lambda c: (f1(other, c, {t}), c == "rules")) for t in TYPES}  # noqa: B023
        glob = max(per[0], key=lambda c: (f1(other, c, types), c == "rules"))
        for k in sorted(part):
            by_type.append((golds[k], [ev for t in TYPES for ev in per[k][pick[t]] if ev[0] == t]))
            one.append((golds[k], per[k][glob]))
        print(f"    fold: one choice {glob}; per type {sorted(set(pick.values()))}")
    (tc, ac), (tg, ag) = score(by_type, types), score(one, types)
    print(
        f"    chosen on the other folds: per type {tc['all']['f1']:.3f}/{ac['all']['f1']:.3f} "
        f"(P {tc['all']['p']:.2f} R {tc['all']['r']:.2f}), one for all types {tg['all']['f1']:.3f}/{ag['all']['f1']:.3f}"
        "  (trigger/argument F1)",
        flush=True,
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    fold_options(ap)
    ap.add_argument("--kind", default="ner", choices=("ner", "spancat"))
    ap.add_argument("--variants", default="a,b", help="a: the shared tok2vec frozen; b: a fine-tuned copy")
    ap.add_argument("--epochs", default="5,10", help="epochs after which the held-out folds are predicted")
    ap.add_argument("--lr", type=float, default=0.001)
    ap.add_argument("--batch", type=int, default=16, help="sentences per update")
    ap.add_argument("--dropout", type=float, default=0.2)
    ap.add_argument("--preds", type=Path, help="the predictions' JSON file (default: in the temporary folder)")
    ap.add_argument("--score-only", action="store_true", help="score the predictions in --preds, no training")
    args = ap.parse_args()

    all_articles = read_articles(DATA)
    nlp, all_docs = parsed(all_articles)
    order = list(range(len(all_articles)))[:: -1 if args.reverse else 1][: args.articles]
    names = [all_articles[k]["name"] for k in order]
    docs = [all_docs[k] for k in order]
    golds = [gold_events(all_articles[k]) for k in order]
    keys = list(range(len(order)))
    random.Random(args.seed).shuffle(keys)
    folds = [set(keys[j :: args.folds]) for j in range(args.folds)]
    side = f"{'last' if args.reverse else 'first'}{args.articles}"
    path = args.preds or CACHE / f"preds_{side}.json"
    preds = json.loads(path.read_text()) if path.exists() else {}
    if not args.score_only:
        preds.update(train_predict(args, nlp, names, docs, [gold_spans(d, g) for d, g in zip(docs, golds)], folds))
        path.write_text(json.dumps(preds))
    rules = rules_of(docs)
    print(f"{side} articles of events-dev, {args.folds}-fold by article; rules: {rules[0]['source']}")
    for name in sorted(preds):
        got = preds[name]
        scored = any(len(x) == 4 for v in got.values() for x in v)
        report(name, [combos(got[n], r, scored) for n, r in zip(names, rules)], golds, folds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
