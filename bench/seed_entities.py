"""Entity F1 of the trained vs the original pipeline on held-out hand-annotated seed documents (issue 13).

The 8 documents of ``seeds/`` have hand-written gold entities (``tests/data/keys_seed000_entities.json`` and
``tests/data/seed_entities/*.json``). K-fold over them (4 folds of 2 documents by default): the pipeline's ``ner``
is updated exactly as ``annotator train`` updates it (annotator/learn/ner.py, from the original weights, the
documents as ``reviewed`` or ``annotated`` finished documents) on the other documents, and both pipelines are
scored on the held-out ones: exact span and label, per label and in all.

    python bench/seed_entities.py [--folds 4] [--epochs 8] [--status reviewed|annotated] [--rehearsal-words W]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def load_gold() -> list[tuple[str, str, list[tuple[int, int, str]]]]:
    files = [
        ROOT / "tests" / "data" / "keys_seed000_entities.json",
        *sorted((ROOT / "tests" / "data" / "seed_entities").glob("*.json")),
    ]
    out = []
    for f in files:
        g = json.loads(f.read_text(encoding="utf-8"))
        text = (ROOT / "seeds" / g["document"]).read_text(encoding="utf-8")
        ents = [(s, e, label) for s, e, label, *_ in g["entities"]]
        for s, e, _label, *rest in g["entities"]:
            assert not rest or text[s:e] == rest[0], (g["document"], s, e, rest)
        out.append((g["document"], text, ents))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folds", type=int, default=4)
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--status", default="reviewed", choices=["reviewed", "annotated"])
    ap.add_argument("--out", default=str(ROOT / "docs" / "learning_entities.json"))
    ap.add_argument(
        "--rehearsal-words",
        type=int,
        default=None,
        metavar="W",
        help="words of other text (events-dev articles) trained on with the original pipeline's own "
        "entities, as annotator train does with a project's unfinished documents (default: "
        "TrainOptions.rehearsal_words)",
    )
    args = ap.parse_args()

    from annotator.learn.data import FinishedDoc
    from annotator.learn.ner import make_examples, update_ner
    from annotator.learn.scoring import Tally, tally_entities
    from annotator.learn.train import _load_full, _predict_entities
    from annotator.nlp import DEFAULT_PIPELINE
    from annotator.schema import default_schema

    labels = set(default_schema().label_names)
    gold = load_gold()
    base = _load_full(DEFAULT_PIPELINE)
    original = _predict_entities(base, [t for _n, t, _e in gold], labels)
    rehearsal: list[tuple[str, list[tuple[int, int, str]]]] = []
    from annotator.learn.train import TrainOptions

    budget = TrainOptions.rehearsal_words if args.rehearsal_words is None else args.rehearsal_words
    from events import DATA, read_articles

    texts: list[str] = []
    for article in read_articles(DATA):
        if sum(len(t.split()) for t in texts) >= budget:
            break
        texts.append(article["text"])
    rehearsal = list(zip(texts, _predict_entities(base, texts, labels))) if texts else []
    tallies = {"original": Tally(), "trained": Tally()}
    seconds = []
    k = args.folds
    for fold in range(k):
        held = [i for i in range(len(gold)) if i % k == fold]
        train = [i for i in range(len(gold)) if i % k != fold]
        docs = [FinishedDoc(i, gold[i][0], gold[i][1], args.status, list(gold[i][2])) for i in train]
        origs = [original[i] for i in train]
        for j, (text, ents) in enumerate(rehearsal):
            docs.append(FinishedDoc(1000 + j, f"rehearse{j}", text, "reviewed", list(ents)))
            origs.append(ents)
        nlp = _load_full(DEFAULT_PIPELINE)
        t = time.monotonic()
        update_ner(nlp, make_examples(nlp, docs, origs), sorted(labels), epochs=args.epochs)
        seconds.append(time.monotonic() - t)
        trained = _predict_entities(nlp, [gold[i][1] for i in held], labels)
        for i, pred in zip(held, trained):
            tally_entities(gold[i][2], pred, tallies["trained"])
            tally_entities(gold[i][2], original[i], tallies["original"])
            print(f"fold {fold + 1}: {gold[i][0]}", flush=True)
    res = {w: t.result() for w, t in tallies.items()}
    print(f"{'label':12} {'n':>4}  original P/R/F1      trained P/R/F1")
    for key in sorted(set(res["original"]) | set(res["trained"]), key=lambda x: (x == "all", x)):
        o, t = res["original"].get(key), res["trained"].get(key)
        n = (o or t)["tp"] + (o or t)["fn"]
        fmt = lambda r: f"{r['p']:.2f}/{r['r']:.2f}/{r['f1']:.3f}" if r else "-"  # noqa: E731
        print(f"{key:12} {n:4}  {fmt(o):20} {fmt(t)}")
    summary = {
        "documents": len(gold),
        "folds": k,
        "epochs": args.epochs,
        "status": args.status,
        "rehearsal_texts": len(rehearsal),
        "rehearsal_words": sum(len(t.split()) for t, _e in rehearsal),
        "train_seconds_per_fold": [round(s, 1) for s in seconds],
        "scores": res,
    }
    Path(args.out).write_text(json.dumps(summary, indent=1), encoding="utf-8")
    print(
        f"entity F1 original {res['original']['all']['f1']:.3f} -> trained {res['trained']['all']['f1']:.3f} "
        f"({len(gold)} seed documents, {k}-fold, {args.epochs} epochs, as '{args.status}', "
        f"{len(rehearsal)} rehearsal texts of {sum(len(t.split()) for t, _e in rehearsal)} words); wrote {args.out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
