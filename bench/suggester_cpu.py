"""The rule suggester's own CPU time over parsed articles, trees alternating in one process, and its suggestions dumped.

Parses the 112 events-dev articles and the seed documents once (``--cache`` keeps the Docs between runs), then times
``RuleEventSuggester.suggest`` with its entities as pre-annotation reads them (``nlp.pipeline_entities``; CPU
seconds, ``time.process_time``) over half A (even lines), over all 112 and
over the seeds, ``--rounds`` passes (``--joined``: also over the 112 in one Doc, a long document; ``--bench-docs N``:
also over the first N generated documents ``bench/preannotate.py`` times, parsed once into ``CACHE.benchN.spacy``). With ``--tree DIR`` (a checkout or an unpacked ``git archive`` holding
``annotator/`` and ``resources/``, e.g. main before a change) each tree's suggester is imported in turn (the modules
of one swapped out of ``sys.modules`` for the other's) and the passes alternate between them, so both meet the same
load. ``--dump FILE`` writes every suggestion of every document (all of each suggestion's fields, JSON, one document
a line: the articles, the seeds, then the joined document, then the generated ones) per tree (``FILE``, ``FILE.1``, ...): ``cmp`` tells whether two trees suggest the
same, byte for byte. Asserts nothing.

Run: nice .venv/bin/python bench/suggester_cpu.py --cache /tmp/x/dev.spacy [--rounds 5] [--tree DIR ...] [--dump F]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from events import DATA, MODEL, parse_cached, read_articles  # noqa: E402


def load_suggester(tree: Path) -> Loaded:
    """A RuleEventSuggester built from ``tree``'s own modules and schema, with the tree's own reading of a Doc's
    entities as pre-annotation keeps them (``nlp.pipeline_entities``; imported afresh; the previous tree's modules, if
    any, are taken out of ``sys.modules`` first: objects already made keep theirs)."""
    for name in [m for m in sys.modules if m == "annotator" or m.startswith("annotator.")]:
        del sys.modules[name]
    sys.path.insert(0, str(tree))
    try:
        from annotator.nlp import pipeline_entities
        from annotator.resources_path import resource_path  # the tree's own: its annotator/resources link
        from annotator.schema import load_schema
        from annotator.suggest.event_rules import RuleEventSuggester
    finally:
        sys.path.remove(str(tree))
    return Loaded(RuleEventSuggester(load_schema(resource_path("schemas/news.toml"))), pipeline_entities)


@dataclasses.dataclass(frozen=True)
class Loaded:
    """A tree's suggester and its reading of a Doc's entities."""

    suggester: Any
    entities: Callable[[Any], list]


def suggest_all(loaded: Loaded, docs: list) -> list[list]:
    """Each Doc's suggestions, its entities read as pre-annotation reads them (timed with the suggester: a rule of
    the entities' moved there from the suggester costs the same)."""
    return [loaded.suggester.suggest(doc, loaded.entities(doc)) for doc in docs]


def cpu(suggester: Loaded, docs: list) -> float:
    c0 = time.process_time()
    suggest_all(suggester, docs)
    return time.process_time() - c0


def dump(path: Path, suggestions: list[list]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for doc_suggestions in suggestions:
            f.write(json.dumps([dataclasses.asdict(s) for s in doc_suggestions], sort_keys=True) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, required=True, help="a .spacy file: the parsed articles and seeds")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--tree", type=Path, action="append", help="a tree to time (default: this checkout); repeatable")
    ap.add_argument("--dump", type=Path, help="write each tree's suggestions here (FILE, FILE.1, ...)")
    ap.add_argument(
        "--joined", action="store_true", help="also one long document: the 112 articles in one Doc (Doc.from_docs)"
    )
    ap.add_argument(
        "--bench-docs",
        type=int,
        default=0,
        help="also the first N documents bench/preannotate.py generates (its --words 500, seed 11)",
    )
    args = ap.parse_args()
    rows = read_articles(DATA)
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    docs = parse_cached([r["text"] for r in rows] + seeds, args.cache, model=MODEL)
    articles, seed_docs = docs[: len(rows)], docs[len(rows) :]
    half_a = articles[0::2]
    joined = []
    if args.joined:  # ~95,000 words: what grows with the square of a document's length shows here
        from spacy.tokens import Doc

        joined = [Doc.from_docs(articles)]
    generated = []
    if args.bench_docs:  # seed sentences shuffled: where pre-annotation's cost of events is measured
        from preannotate import make_texts

        bench_cache = args.cache.with_name(f"{args.cache.stem}.bench{args.bench_docs}.spacy")
        generated = parse_cached(make_texts(args.bench_docs, 500), bench_cache, model=MODEL)
    trees = args.tree or [ROOT]
    suggesters = [load_suggester(t) for t in trees]
    if args.dump:
        for i, s in enumerate(suggesters):
            dump(args.dump if i == 0 else Path(f"{args.dump}.{i}"), suggest_all(s, docs + joined + generated))
    parts = {"half A": half_a, "all 112": articles, "seeds": seed_docs, **({"112 joined": joined} if joined else {})}
    if generated:
        parts[f"bench {len(generated)}"] = generated
    times: list[dict[str, list[float]]] = [{k: [] for k in parts} for _ in trees]
    for _ in range(args.rounds):
        for i, s in enumerate(suggesters):
            for k, part in parts.items():
                times[i][k].append(cpu(s, part))
    print(f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}; {args.rounds} rounds, trees alternating")
    for t, tt in zip(trees, times):
        parts = "; ".join(f"{k} {min(v):.3f} s (" + ", ".join(f"{x:.3f}" for x in v) + ")" for k, v in tt.items())
        print(f"{t}: CPU min (passes): {parts}")


if __name__ == "__main__":
    main()
