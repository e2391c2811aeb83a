"""One embedding instead of two: the tagger and parser fed from the NER's own embedding through a fitted map.

en_core_web_sm's ``ner`` has its own embedding (a Tok2Vec of width 96 inside its model), while ``tagger`` and
``parser`` listen to the shared ``tok2vec`` component; pre-annotation with events therefore pays for two
embeddings. At inference a ``Tok2VecListener`` reads ``doc.tensor``, so the shared ``tok2vec`` can be left out if
something else sets ``doc.tensor``: here a first component runs the NER's inner Tok2Vec once per batch, keeps its
output on the Doc for the NER (whose inner Tok2Vec is swapped for a layer that takes it back, so the NER's
arithmetic is its own) and sets ``doc.tensor`` to that output through a map fitted by ridge regression to the
shared ``tok2vec``'s output.

The maps are fitted on text that is not events-dev half B: half A's articles, the seed documents and the
generated documents of bench/preannotate.py (another random seed than its timed ones). Modes:
  token    the token's own NER embedding (96 -> 96, and a bias)
  window   the token and its neighbours (-1, +1) (288 -> 96)
  layers   every layer of the NER's Tok2Vec (its embedding and the 4 residual blocks) and the final output's
           neighbours (672 -> 96); agreement only: it needs the layers' outputs, not what the NER keeps
  mlp      the window through a small network (thinc Maxout 288 -> 256, pieces 2, layer-normalized; Linear -> 96),
           trained with Adam for --epochs epochs; agreement only

Prints, for each mode: the map's R^2 on the fitted text; on half B, every token's agreement with the original
pipeline (POS, TAG, LEMMA, DEP, HEAD, sentence starts) and the documents whose entities are identical; the
event suggestions' trigger and argument F1 on half A, half B and the seeds' gold (tests/data/seed_gold, Time left out as bench/role_keys.py reads it), original
against mapped in the same run; the seeds' mentions suggested with the right type and trigger (000 must keep
>= 12). Then, unless --no-cost, the CPU seconds of spaCy alone over bench/preannotate.py's documents, run as
pre-annotation runs it (``Pipeline.docs``): entities, events (original) and events (mapped), alternating over
--rounds slices, each over the entity pipeline (limit 1.5x for all of pre-annotation with events). The same
mapped pipeline in ``preannotate()`` itself: bench/preannotate.py --events --mapped-embedding MODE.
Asserts nothing.

Run: nice .venv/bin/python bench/embedding_map.py [--modes token window layers mlp] [--docs 150] [--rounds 2]
     [--save DIR: the fitted maps as MODE.npy] [--no-cost]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from annotator.nlp import Pipeline, load_pipeline  # noqa: E402
from annotator.schema import load_schema  # noqa: E402
from annotator.suggest.event_rules import RuleEventSuggester  # noqa: E402
from events import DATA, SCHEMA, as_dicts, read_articles, report  # noqa: E402
from preannotate import SEEDS, make_texts  # noqa: E402
from role_keys import seed_rows  # noqa: E402

STASH = "bench_ner_embedding"  # the Doc's user_data key holding the NER's inner Tok2Vec output until the NER runs
LAYERS = ("POS", "TAG", "LEMMA", "DEP", "HEAD", "SENT_START")
MAPS: dict[str, Any] = {}  # mode -> fitted map (the first component's factory reads it: bench only, one process)


def ner_inner(nlp: Any) -> Any:
    """The NER's own Tok2Vec (the first layer of chain(Tok2Vec, list2array, Linear)), width 96."""
    return nlp.get_pipe("ner").model.get_ref("tok2vec").layers[0]


def _shift(h: np.ndarray, s: int) -> np.ndarray:
    out = np.zeros_like(h)
    if s > 0:
        out[s:] = h[:-s]
    else:
        out[:s] = h[-s:]
    return out


def window(h: np.ndarray) -> np.ndarray:
    """Each token's row beside its neighbours' (-1, +1; zeros past the Doc's edges)."""
    return np.hstack([h, _shift(h, 1), _shift(h, -1)])


def features(mode: str, layers: list[np.ndarray]) -> np.ndarray:
    """The map's input for one Doc from the NER Tok2Vec's layer outputs (embedding, 4 blocks; the last is final)."""
    final = layers[-1]
    if mode == "token":
        parts = [final]
    elif mode == "window" or mode == "mlp":
        parts = [window(final)]
    elif mode == "layers":
        parts = [*layers, _shift(final, 1), _shift(final, -1)]
    else:
        raise ValueError(f"unknown mode {mode!r}")
    x = np.hstack(parts)
    return x if mode == "mlp" else np.hstack([x, np.ones((len(x), 1), x.dtype)])


def layer_outputs(nlp: Any, docs: list) -> list[list[np.ndarray]]:
    """Each Doc's outputs of the NER Tok2Vec's embedding and of its 4 residual blocks."""
    embed, encode = ner_inner(nlp).layers
    out = []
    for e in embed.predict(docs):
        xs, x = [e], e
        for block in encode.layers[0].layers:
            x = block.predict(x)
            xs.append(x)
        out.append(xs)
    return out


class MappedEmbedding:
    """The first component: the NER's inner Tok2Vec once per batch, kept for the NER, and ``doc.tensor`` mapped."""

    def __init__(self, nlp: Any, mode: str) -> None:
        self.inner, self.mode, self.weights = ner_inner(nlp), mode, MAPS[mode]

    def __call__(self, doc: Any) -> Any:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Any, batch_size: int = 64) -> Any:
        from spacy.util import minibatch

        for batch in minibatch(docs, size=batch_size):
            for doc, h in zip(batch, self.inner.predict(batch)):
                doc.user_data[STASH] = h
                doc.tensor = np.ascontiguousarray(features(self.mode, [h]) @ self.weights, dtype="float32")
            yield from batch


def stashed(inner: Any) -> Any:
    """A layer giving what the first component kept on each Doc (the NER's own Tok2Vec otherwise)."""
    from thinc.api import Model

    def forward(model: Any, docs: list, is_train: bool) -> Any:
        if is_train or not all(STASH in d.user_data for d in docs):
            return inner(docs, is_train)
        return [d.user_data.pop(STASH) for d in docs], lambda d: d

    return Model("stashed_tok2vec", forward, dims={"nO": 96})


def mapped_pipeline(model: str | None, mode: str) -> Pipeline:
    """The event pipeline without the shared ``tok2vec``: the mapped embedding first, the NER reading it back."""
    from spacy.language import Language

    name = f"mapped_embedding_{mode}"
    if not Language.has_factory(name):
        Language.factory(name, func=lambda nlp, name, mode=mode: MappedEmbedding(nlp, mode))
    pipe = load_pipeline(model, events=True)
    nlp = pipe.nlp
    nlp.remove_pipe("tok2vec")
    nlp.add_pipe(name, first=True)
    chain = nlp.get_pipe("ner").model.get_ref("tok2vec")
    chain.layers[0] = stashed(chain.layers[0])
    return pipe


def fitting_texts() -> list[str]:
    """What the maps are fitted on: events-dev half A's articles, the seed documents, 150 generated documents of
    bench/preannotate.py (random seed 5; its timed ones use 11). Never half B."""
    rows = read_articles(DATA)
    texts = [r["text"] for i, r in enumerate(rows) if i % 2 == 0]
    texts += [p.read_bytes().decode("utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    return texts + make_texts(150, 500, seed=5)


def fit(nlp_full: Any, texts: list[str], modes: list[str], epochs: int) -> dict[str, float]:
    """Fit each mode's map to the shared tok2vec's output over ``texts`` (into MAPS); the R^2 of each."""
    docs = list(
        nlp_full.pipe(texts, batch_size=16, disable=["tagger", "parser", "attribute_ruler", "lemmatizer", "ner"])
    )
    outs = layer_outputs(nlp_full, docs)
    y = np.vstack([d.tensor for d in docs]).astype(np.float64)
    total = ((y - y.mean(0)) ** 2).sum()
    r2 = {}
    for mode in modes:
        x = np.vstack([features(mode, o) for o in outs])
        if mode == "mlp":
            MAPS[mode] = _train_mlp(x.astype("float32"), y.astype("float32"), epochs)
            pred = MAPS[mode].predict(x.astype("float32"))
        else:
            x = x.astype(np.float64)
            w = np.linalg.solve(x.T @ x + np.eye(x.shape[1]), x.T @ y)  # ridge, lambda 1
            MAPS[mode] = w.astype("float32")
            pred = x @ w
        r2[mode] = float(1 - ((y - pred) ** 2).sum() / total)
    return r2


def _train_mlp(x: np.ndarray, y: np.ndarray, epochs: int) -> Any:
    from thinc.api import Adam, Linear, Maxout, chain

    model = chain(Maxout(nO=256, nI=x.shape[1], nP=2, normalize=True), Linear(nO=96, nI=256))
    model.initialize(X=x[:10], Y=y[:10])
    opt, rng = Adam(0.002), np.random.default_rng(0)
    for _ in range(epochs):
        perm = rng.permutation(len(x))
        for s in range(0, len(x), 512):
            idx = perm[s : s + 512]
            out, backprop = model.begin_update(x[idx])
            backprop((out - y[idx]) / len(idx))
            model.finish_update(opt)
    return model


def docs_from_tensors(full: Pipeline, texts: list[str], tensors: list[np.ndarray]) -> list:
    """The texts through tagger, parser, attribute_ruler, lemmatizer and NER with ``doc.tensor`` given."""
    docs = [full.nlp.make_doc(t) for t in texts]
    for doc, t in zip(docs, tensors):
        doc.tensor = np.ascontiguousarray(t, dtype="float32")
    for name, proc in full.nlp.pipeline:
        if name != "tok2vec":
            docs = list(proc.pipe(docs, batch_size=64))
    return docs


def mapped_docs(full: Pipeline, mode: str, texts: list[str]) -> list:
    """The texts parsed through ``mode``'s map (the NER's arithmetic untouched)."""
    probe = [full.nlp.make_doc(t) for t in texts]
    outs = layer_outputs(full.nlp, probe)
    if mode == "mlp":
        tensors = [MAPS[mode].predict(features(mode, o).astype("float32")) for o in outs]
    else:
        tensors = [features(mode, o) @ MAPS[mode] for o in outs]
    return docs_from_tensors(full, texts, tensors)


def agreement(ref: list, got: list) -> str:
    from spacy.attrs import DEP, HEAD, LEMMA, POS, SENT_START, TAG

    attrs = [POS, TAG, LEMMA, DEP, HEAD, SENT_START]
    same = np.zeros(len(attrs))
    n = 0
    for a, b in zip(ref, got):
        same += (a.to_array(attrs) == b.to_array(attrs)).sum(axis=0)
        n += len(a)
    ents = sum(
        [(e.start_char, e.end_char, e.label_) for e in a.ents] == [(e.start_char, e.end_char, e.label_) for e in b.ents]
        for a, b in zip(ref, got)
    )
    return (
        f"{n:,} tokens: "
        + ", ".join(f"{k} {v / n:.4f}" for k, v in zip(LAYERS, same))
        + f"; entities identical in {ents} of {len(ref)} documents"
    )


def suggest(docs: list) -> list[list[dict]]:
    suggester = RuleEventSuggester(load_schema(SCHEMA))
    return [as_dicts(suggester.suggest(doc, [(e.start_char, e.end_char, e.label_) for e in doc.ents])) for doc in docs]


def seed_mentions(rows: list[dict], preds: list[list[dict]]) -> str:
    """Gold mentions suggested with the right type and an overlapping trigger (tests/core/test_suggest_seed_gold)."""
    parts = []
    for row, pred in zip(rows, preds):
        hits = sum(
            any(
                p["type"] == g["type"] and p["trigger"][0] < g["trigger"][1] and g["trigger"][0] < p["trigger"][1]
                for p in pred
            )
            for g in row["events"]
        )
        parts.append(f"{row['name'][:3]} {hits} of {len(row['events'])}")
    return ", ".join(parts)


def quality(full: Pipeline, modes: list[str]) -> None:
    rows = read_articles(DATA)
    halves = {"A": [r for i, r in enumerate(rows) if i % 2 == 0], "B": [r for i, r in enumerate(rows) if i % 2 == 1]}
    seeds = seed_rows()
    for part, part_rows in [*halves.items(), ("seeds", seeds)]:
        texts = [r["text"] for r in part_rows]
        ref = list(full.docs(texts))
        print(f"\n##### {part}: original pipeline", flush=True)
        report(f"{part}, original", part_rows, suggest(ref))
        if part == "seeds":
            print("seeds' mentions, original:", seed_mentions(part_rows, suggest(ref)))
        for mode in modes:
            got = mapped_docs(full, mode, texts)
            print(f"\n##### {part}: mapped ({mode}): agreement with the original: {agreement(ref, got)}", flush=True)
            report(f"{part}, mapped {mode}", part_rows, suggest(got))
            if part == "seeds":
                print(f"seeds' mentions, mapped {mode}:", seed_mentions(part_rows, suggest(got)))


def cost(model: str | None, modes: list[str], n_docs: int, rounds: int) -> None:
    """spaCy alone as pre-annotation runs it: entities, events, events mapped; CPU seconds, alternating."""
    texts = make_texts(n_docs, 500)
    runs: list[tuple[str, Pipeline]] = [
        ("entities", load_pipeline(model)),
        ("events", load_pipeline(model, events=True)),
    ]
    runs += [(f"events, mapped {m}", mapped_pipeline(model, m)) for m in modes if m in ("token", "window")]
    cpu = {name: 0.0 for name, _ in runs}
    same_ents = {name: 0 for name, _ in runs}
    for _, p in runs:
        list(p.docs(texts[:32]))  # warm up every path alike
    step = max(1, len(texts) // rounds)
    ents: dict[str, list] = {name: [] for name, _ in runs}
    for k, first in enumerate(range(0, len(texts), step)):
        part = texts[first : first + step]
        for j in range(len(runs)):
            name, p = runs[(j + k) % len(runs)]
            c0 = time.process_time()
            docs = list(p.docs(part))
            cpu[name] += time.process_time() - c0
            ents[name] += [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in docs]
    for name, _ in runs:
        same_ents[name] = sum(a == b for a, b in zip(ents[name], ents["events"]))
    base = cpu["entities"]
    for name, _ in runs:
        print(
            f"spaCy alone, {name:<22} {cpu[name]:6.1f} s CPU  {cpu[name] / base:.2f}x entities "
            f"(limit for all of pre-annotation with events: 1.5x); entities as the original event path's in "
            f"{same_ents[name]} of {len(texts)} documents"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default=None)
    ap.add_argument(
        "--modes", nargs="+", default=["token", "window", "layers"], choices=["token", "window", "layers", "mlp"]
    )
    ap.add_argument("--epochs", type=int, default=12, help="the mlp mode's training epochs")
    ap.add_argument("--docs", type=int, default=150, help="documents of the cost runs")
    ap.add_argument("--rounds", type=int, default=2, help="slices the cost runs alternate over")
    ap.add_argument("--save", type=Path, default=None, help="a folder for the fitted linear maps (MODE.npy)")
    ap.add_argument("--no-cost", action="store_true")
    ap.add_argument("--no-quality", action="store_true")
    args = ap.parse_args()
    full = load_pipeline(args.model, events=True)
    train = fitting_texts()
    c0 = time.process_time()
    r2 = fit(full.nlp, train, args.modes, args.epochs)
    print(
        f"{full.source}: maps fitted on {len(train)} texts (half A, seeds, generated) in {time.process_time() - c0:.1f} s CPU"
    )
    for mode, value in r2.items():
        print(f"  {mode}: R^2 {value:.3f} on the fitted text")
        if args.save is not None and mode != "mlp":
            args.save.mkdir(parents=True, exist_ok=True)
            np.save(args.save / f"{mode}.npy", MAPS[mode])
    if not args.no_quality:
        quality(full, args.modes)
    if not args.no_cost:
        cost(args.model, args.modes, args.docs, args.rounds)


if __name__ == "__main__":
    main()
