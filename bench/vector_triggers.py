"""The untrained rules with trigger words found by static word vectors (issue 11), decided by 2-fold across the
halves of events-dev: a verb, noun or adjective of an article whose lemma's vector (en_core_web_md's 300-d table)
is within cosine ``t`` of an event type's own trigger words in the schema (resources/schemas/news.toml; never the
development triggers) becomes a trigger word of that type for the rules (as a trigger, or as a weak trigger that
needs a cue or participants), and the rules run as usual (types, arguments, score, threshold). ``t`` is chosen on
half A (even lines) and scored on half B (odd lines), and the other way round; the rules alone in the same run.

The articles are parsed by the default pipeline (en_core_web_sm, no vectors of its own); ``--cache FILE`` keeps
the parsed Docs between runs. Asserts nothing.

    python bench/vector_triggers.py [--cache /tmp/sm.spacy] [--grid 0.5,0.55,...]
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from events import DATA, SCHEMA, TYPES, as_dicts, figures, parse_cached, read_articles  # noqa: E402
from vectors_cv import Table  # noqa: E402

POS = {"VERB", "NOUN", "ADJ"}


def type_matrices(schema, table: Table) -> dict[str, np.ndarray]:  # noqa: ANN001
    """Per event type, the unit vectors of its one-word trigger words (the schema's ``triggers``)."""
    out = {}
    for et in schema.events:
        vs = [table(w.lower()) for w in et.triggers if " " not in w]
        vs = [v for v in vs if v is not None]
        if vs:
            out[et.name] = np.stack(vs)
    return out


def near_words(docs: list, schema, table: Table) -> dict[str, dict[str, float]]:  # noqa: ANN001
    """Lemma -> {type: max cosine to the type's trigger words} for the verbs, nouns, adjectives of ``docs`` that are
    no trigger word of any type already."""
    from annotator.suggest.event_lexicon import Lexicon

    lexicon = Lexicon.from_schema(schema)
    known = {w.lower() for et in schema.events for w in (*et.triggers, *et.weak_triggers)}
    known |= {t.lemma_.lower() for doc in docs for t in doc if lexicon.candidates(t)}  # any form of a trigger word
    mats = type_matrices(schema, table)
    out: dict[str, dict[str, float]] = {}
    for doc in docs:
        for tok in doc:
            lemma = tok.lemma_.lower()
            if tok.pos_ not in POS or not lemma.isalpha() or tok.is_stop or lemma in known or lemma in out:
                continue
            v = table(lemma)
            out[lemma] = {} if v is None else {t: float((m @ v).max()) for t, m in mats.items()}
    return out


def widened(schema, near: dict[str, dict[str, float]], t: float, weak: bool):  # noqa: ANN001, ANN201
    """The schema with each lemma added to every type it is within cosine ``t`` of (as a trigger or a weak one)."""
    extra: dict[str, list[str]] = {}
    for lemma, sims in near.items():
        for type_, s in sims.items():
            if s >= t:
                extra.setdefault(type_, []).append(lemma)
    events = []
    for et in schema.events:
        add = tuple(sorted(extra.get(et.name, ())))
        if weak:
            events.append(dataclasses.replace(et, weak_triggers=et.weak_triggers + add))
        else:
            events.append(dataclasses.replace(et, triggers=et.triggers + add))
    return dataclasses.replace(schema, events=tuple(events)), sum(len(v) for v in extra.values())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--grid", default="0.6,0.7,0.75,0.8,0.85,0.9")
    args = ap.parse_args()

    from annotator.schema import load_schema
    from annotator.suggest.event_rules import RuleEventSuggester

    rows = read_articles(DATA)
    docs = parse_cached([r["text"] for r in rows], args.cache)
    schema = load_schema(SCHEMA)
    cpu = time.process_time()
    table = Table()
    near = near_words(docs, schema, table)
    print(f"vectors loaded and {len(near)} lemmas compared: {time.process_time() - cpu:.1f} s CPU")
    halves = {"A": [i for i in range(len(rows)) if i % 2 == 0], "B": [i for i in range(len(rows)) if i % 2 == 1]}

    def run(s) -> dict[str, dict]:  # noqa: ANN001
        sugg = RuleEventSuggester(s)
        preds = []
        for doc in docs:
            ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
            preds.append(as_dicts(sugg.suggest(doc, ents)))
        return {h: figures([rows[i]["events"] for i in ix], [preds[i] for i in ix]) for h, ix in halves.items()}

    def show(res: dict) -> str:
        return "   ".join(
            f"{h}: trig {res[h]['triggers']['all']['f1']:.3f} (P {res[h]['triggers']['all']['p']:.2f} "
            f"R {res[h]['triggers']['all']['r']:.2f}) arg {res[h]['arguments']['all']['f1']:.3f}"
            for h in ("A", "B")
        )

    base = run(schema)
    print(f"{'rules alone':26} {show(base)}", flush=True)
    results: dict[tuple[str, float], dict] = {}
    for weak in (False, True):
        kind = "weak" if weak else "trigger"
        for t in (float(x) for x in args.grid.split(",")):
            s, n = widened(schema, near, t, weak)
            results[(kind, t)] = run(s)
            print(f"{kind:8} t={t:<5} +{n:4} words  {show(results[(kind, t)])}", flush=True)
            if not weak:
                for type_ in TYPES:
                    words = sorted(w for w, sims in near.items() if sims.get(type_, 0.0) >= t)
                    print(f"    {type_}: {len(words)}: {' '.join(words[:25])}")
    print("\n2-fold across the halves (t, or no words added, chosen on one half by trigger F1; scored on the other):")
    for kind in ("trigger", "weak"):
        for on, other in (("A", "B"), ("B", "A")):
            results[(kind, 9.0)] = base  # no words added (the rules alone) is a choice too, and wins ties
            best = max(
                (k for k in results if k[0] == kind), key=lambda k: (results[k][on]["triggers"]["all"]["f1"], k[1])
            )
            r, b = results[best][other], base[other]
            print(
                f"  {kind:8} chosen on {on}: t={best[1] if best[1] < 9 else 'none'} ({results[best][on]['triggers']['all']['f1']:.3f} against "
                f"{base[on]['triggers']['all']['f1']:.3f}); on {other}: trigger F1 {b['triggers']['all']['f1']:.3f}"
                f" -> {r['triggers']['all']['f1']:.3f}, argument F1 {b['arguments']['all']['f1']:.3f} -> "
                f"{r['arguments']['all']['f1']:.3f}"
            )
            print(
                "    per type on "
                + other
                + ": "
                + ", ".join(
                    f"{t.split(':')[1]} {b['triggers'][t]['f1']:.2f}->{r['triggers'][t]['f1']:.2f}" for t in TYPES
                )
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
