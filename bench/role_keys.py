"""Alt+N's candidates on the development articles: where each gold argument ranks among the candidates the role
keys offer, with spaCy's entities (the pipeline's, as pre-annotation gives them) and the pipeline's sentences.

For each gold event of the 8 annotated types and each gold argument (Time is not annotated there) whose span is
exactly an entity of a label the role takes ("reachable"), the roles filled in the type's order as a person
fills them (each role's arguments nearest the trigger first, the ones before passed as ``used``), the argument's
rank in ``keyflow.role_candidates``: 0 is Alt+N's first press (the fillers of the roles before left out, as Alt+N
leaves them out: an argument filling two roles of its event costs the most keys, a person going to it). Counted apart: the arguments inside the trigger's
sentence and those outside it. Keys per argument: rank + 1, at most 5 (past the fourth candidate a person goes to
the filler: Find, a few letters, Enter, Space, Alt+N). Figures for the two halves (even / odd lines) and all.
Then the same on the three seed documents with hand-written gold (tests/data/seed_gold/, their gold entities
tests/data/keys_seedNNN_entities.json: the spans the key replays end with), whose gold marks arguments in other
sentences too. Asserts nothing.

With --parse, also the order a stored parse would give (not the app's: it stores no parse): the candidates the
pipeline's parse puts in one of the role's slots around the trigger (``suggest.event_args.frame``, the suggester's
reading) before the others, the rest as ``role_candidates`` orders them; and what storing the parse would cost
(its arrays as the tokens table keeps its own, JSON; a Doc made again from them).

    python bench/role_keys.py [--cache FILE.spacy] [--no-from] [--no-by] [--parse]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from events import DATA, MODEL, SCHEMA, TYPES, UNSCORED_ROLES, parse_cached, read_articles  # noqa: E402

from annotator.keyflow import agent_order, role_candidates, source_order, within_line  # noqa: E402
from annotator.model import Entity  # noqa: E402
from annotator.schema import load_schema  # noqa: E402

MOST_KEYS = 5
PARSE = False  # --parse: the parse's slot fillers first (parse_first)
FROM_FIRST = True  # --no-from: every role's candidates as if no name were told after "from" (the order before)
BY_FIRST = True  # --no-by: as if no name were told after "by" (keyflow.agent_order left out: the order before)


def ranks(rows: list[dict], docs: list, schema, order=role_candidates, entities: list | None = None) -> list[dict]:  # noqa: ANN001, C901
    """One record per reachable gold argument: its rank, whether it lies in the trigger's sentence, its role
    (``entities``: each document's (start, end, label, ...) instead of the pipeline's)."""
    labels = {lab.name for lab in schema.entities}
    out = []
    for k, (row, doc) in enumerate(zip(rows, docs)):
        text = row["text"]
        spans = [(e.start_char, e.end_char, e.label_) for e in doc.ents] if entities is None else entities[k]
        ents = [
            Entity(i, 0, sp[0], sp[1], sp[2], "suggested", "spacy", None)
            for i, sp in enumerate(spans)
            if sp[2] in labels
        ]
        by_span: dict[tuple[int, int], list[Entity]] = {}
        for e in ents:
            by_span.setdefault((e.start, e.end), []).append(e)
        sents = [(s.start_char, s.end_char) for s in doc.sents]
        for ev in row["events"]:
            if ev["type"] not in TYPES and entities is None:
                continue
            etype = schema.event_type(ev["type"])
            trig = tuple(ev["trigger"])
            sent = next((s for s in sents if s[0] <= trig[0] < s[1]), (0, len(text)))
            sent = within_line(text, sent, trig[0])  # as the app cuts it (HeldDocument.sentence)
            used: list[int] = []
            for role in etype.roles:
                if role.name in UNSCORED_ROLES:
                    continue
                spans = sorted(
                    (tuple(a["span"]) for a in ev["arguments"] if a["role"] == role.name),
                    key=lambda sp: abs(sp[0] - trig[0]),
                )
                for sp in spans:
                    hit = [e for e in by_span.get(sp, []) if e.label in role.labels]
                    if not hit:
                        continue
                    source = source_order(etype, role) if FROM_FIRST else 0
                    agent = agent_order(etype, role) if BY_FIRST else 0
                    cands = order(ents, role, trig, sent, used, used, text, source, agent)
                    if PARSE:
                        cands = parse_first(cands, doc, role, trig, used)
                    ids = [e.id for e in cands]
                    # a filler of an earlier role is no candidate (the app's cycle leaves it out): a person goes to it
                    rank = ids.index(hit[0].id) if hit[0].id in ids else MOST_KEYS - 1
                    out.append(
                        {
                            "half": k % 2,
                            "inside": sent[0] <= sp[0] and sp[1] <= sent[1],
                            "rank": rank,
                            "role": role.name,
                            "type": ev["type"],
                        }
                    )
                    used.append(hit[0].id)
    return out


def parse_first(cands: list, doc, role, trigger: tuple[int, int], used: list[int]) -> list:  # noqa: ANN001
    """``cands`` with those the parse puts in one of ``role``'s slots around the trigger first (fillers of other
    roles last, as before); the rest in their order."""
    from annotator.role_slots import role_slots
    from annotator.suggest.event_args import frame

    span = doc.char_span(trigger[0], trigger[1], alignment_mode="expand")
    if span is None:
        return cands
    slots = set(role_slots(role))
    at = [t.idx for slot, t in frame(span.root) if slot in slots]
    late = set(used)
    return sorted(cands, key=lambda e: (e.id in late, not any(e.start <= i < e.end for i in at)))


def parse_cost(rows: list[dict], docs: list) -> str:
    """Bytes of the parse (heads, dependency labels, tags, parts of speech, lemmas) as JSON arrays, as the tokens
    table keeps starts, ends and sentence starts, against those; CPU to make the Docs again from the arrays."""
    import time

    import orjson
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    tokens = parse = n = 0
    kept = []
    for row, doc in zip(rows, docs):
        starts, ends = [t.idx for t in doc], [t.idx + len(t) for t in doc]
        tokens += sum(len(orjson.dumps(a)) for a in (starts, ends, [s.start_char for s in doc.sents]))
        arrays = (
            [t.head.i - t.i for t in doc],
            [t.dep_ for t in doc],
            [t.tag_ for t in doc],
            [t.pos_ for t in doc],
            [t.lemma_ for t in doc],
        )
        parse += sum(len(orjson.dumps(a)) for a in arrays)
        n += len(doc)
        kept.append((row["text"], starts, ends, arrays))
    vocab = Vocab()
    t0 = time.process_time()
    for text, starts, ends, (heads, deps, tags, pos, lemmas) in kept:
        words = [text[s:e] for s, e in zip(starts, ends)]
        spaces = [k + 1 < len(starts) and starts[k + 1] > e for k, e in enumerate(ends)]
        heads = [k + h for k, h in enumerate(heads)]
        Doc(vocab, words=words, spaces=spaces, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas)
    cpu = time.process_time() - t0
    return (
        f"{len(kept)} articles, {n} tokens: the tokens table's arrays {tokens / 1e6:.2f} MB, the parse's "
        f"{parse / 1e6:.2f} MB ({parse / n:.1f} bytes a token); the Docs made again {cpu:.2f} s CPU "
        f"({cpu / len(kept) * 1000:.1f} ms an article)"
    )


def summary(recs: list[dict]) -> str:
    n = len(recs)
    first = sum(r["rank"] == 0 for r in recs)
    keys = sum(min(r["rank"] + 1, MOST_KEYS) for r in recs)
    within = sum(r["rank"] < 4 for r in recs)
    return f"{n} args, first right {first}, within 4 {within}, keys {keys} ({keys / max(n, 1):.3f} each)"


def report(name: str, recs: list[dict]) -> None:
    print(f"== {name}")
    for half, sel in (
        ("A", [r for r in recs if r["half"] == 0]),
        ("B", [r for r in recs if r["half"] == 1]),
        ("all", recs),
    ):
        ins = [r for r in sel if r["inside"]]
        out = [r for r in sel if not r["inside"]]
        print(f"  {half:3}: {summary(sel)}")
        print(f"       in the sentence: {summary(ins)}")
        print(
            f"       outside it:      {summary(out)}; ranks {sorted(Counter(min(r['rank'], 9) for r in out).items())}"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--no-from", action="store_true", help="leave out keyflow.source_order (the order before it)")
    ap.add_argument("--no-by", action="store_true", help="leave out keyflow.agent_order (the order before it)")
    ap.add_argument("--parse", action="store_true", help="also the parse's slot fillers first, and the parse's cost")
    args = ap.parse_args()
    global FROM_FIRST, BY_FIRST, PARSE
    FROM_FIRST = not args.no_from
    BY_FIRST = not args.no_by
    rows = read_articles(DATA)
    schema = load_schema(SCHEMA)
    from annotator.nlp import load_pipeline

    nlp = load_pipeline(MODEL, events=True).nlp  # as pre-annotation parses: the event pipeline's sentences
    docs = parse_cached([r["text"] for r in rows], args.cache, nlp=nlp)
    gold_args = sum(
        1
        for r in rows
        for ev in r["events"]
        if ev["type"] in TYPES
        for a in ev["arguments"]
        if a["role"] not in UNSCORED_ROLES
    )
    recs = ranks(rows, docs, schema)
    print(f"{len(rows)} articles, {gold_args} gold arguments, {len(recs)} reachable (an entity of the role's labels)")
    report("role_candidates (this checkout)", recs)
    seeds = seed_rows()
    seed_docs = parse_cached([r["text"] for r in seeds], None, nlp=nlp)
    srecs = ranks(seeds, seed_docs, schema, entities=[r["entities"] for r in seeds])
    for r in srecs:
        r["half"] = 0
    print(f"seeds 000, 002, 004: {sum(len(a['arguments']) for r in seeds for a in r['events'])} gold arguments")
    report("seeds, their gold entities", srecs)
    if args.parse:
        PARSE = True
        report("the parse's slot fillers first (a stored parse)", ranks(rows, docs, schema))
        precs = ranks(seeds, seed_docs, schema, entities=[r["entities"] for r in seeds])
        for r in precs:
            r["half"] = 0
        report("seeds, the parse's slot fillers first", precs)
        print(parse_cost(rows, docs))


def seed_rows() -> list[dict]:
    """The seeds with gold events, as events-dev's rows, with their gold entities (Time left out as above)."""
    import json

    data = ROOT / "tests" / "data"
    out = []
    for gold in sorted((data / "seed_gold").glob("*.json")):
        g = json.loads(gold.read_text(encoding="utf-8"))
        text = (ROOT / "seeds" / g["document"]).read_text(encoding="utf-8")
        ents = json.loads((data / f"keys_seed{g['document'][:3]}_entities.json").read_text(encoding="utf-8"))
        events = [
            {**ev, "arguments": [a for a in ev["arguments"] if a["role"] not in UNSCORED_ROLES]} for ev in g["events"]
        ]
        out.append({"name": g["document"], "text": text, "events": events, "entities": ents["entities"]})
    return out


if __name__ == "__main__":
    main()
