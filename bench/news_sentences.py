"""Event triggers on made-up news sentences of every kind (politics, business, sport, arts, health, crime, war,
diplomacy, weather, science): how the rules fare on text they were never read on.

Reads `tests/data/news_sentences.jsonl` (session 36, helper s36-trig: each sentence with the events of the 8 scored
types ACE's definitions give it, often none; an event's `words` are the words any one of which may carry it), parses
each with the default pipeline, runs the news schema's rule suggester with the pipeline's entities and scores:
- a suggested trigger counts when it overlaps one of the words of a gold event of the same type (each gold event
  counted once); every other suggestion of the 8 types is a false one.
Prints precision / recall / F1 over all, per type and per kind of news, then the false and the missed ones.
- the events written with their ``arguments`` (session 42) also score their arguments as bench/events.py does: a
  suggested argument counts when its event counts, its role is a gold argument's and it overlaps one of its words.
Asserts nothing.

Run: nice .venv/bin/python bench/news_sentences.py [--quiet]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator.line_sentences import add_line_sentences  # noqa: E402
from annotator.nlp import pipeline_entities  # noqa: E402
from annotator.resources_path import resource_path  # noqa: E402
from annotator.schema import load_schema  # noqa: E402
from annotator.suggest.event_rules import RuleEventSuggester  # noqa: E402
from events import MODEL, TYPES, read_articles  # noqa: E402  (bench/events.py's types, pipeline, JSONL reader)

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "news_sentences.jsonl"


def word_spans(text: str, word: str) -> list[tuple[int, int]]:
    """Where ``word`` stands in ``text`` as a whole word (code-point offsets, end exclusive)."""
    return [(m.start(), m.end()) for m in re.finditer(rf"\b{re.escape(word)}\b", text)]


def score_sentence(row: dict, triggers: list[tuple[int, int, str]]) -> tuple[list, list, list]:
    """(right, false, missed): the suggested ``triggers`` (start, end, type) of the 8 types that overlap a gold
    event's words of their type, those that do not, and the gold events no suggestion overlaps."""
    text = row["text"]
    gold = [(ev["type"], [s for w in ev["words"] for s in word_spans(text, w)]) for ev in row["events"]]
    found = [False] * len(gold)
    right, false = [], []
    for start, end, kind in triggers:
        if kind not in TYPES:
            continue
        hits = [
            i
            for i, (g_kind, spans) in enumerate(gold)
            if g_kind == kind and any(s < end and start < e for s, e in spans)
        ]
        for i in hits:
            found[i] = True
        (right if hits else false).append((text[start:end], kind))
    missed = [(row["events"][i]["words"], gold[i][0]) for i in range(len(gold)) if not found[i]]
    return right, false, missed


def score_arguments(row: dict, events: list) -> tuple[int, int, int, int]:
    """Argument counts of one sentence (right suggested, suggested, gold found, gold) over its gold events written with
    their ``arguments`` (each a ``role`` and the ``words`` any one of which is the filler; session 42): a suggested
    event of a gold event's type whose trigger overlaps one of its words brings its arguments (Time left out, as
    bench/events.py scores), each right when it has the role of a gold argument and overlaps one of its words. Events
    written without ``arguments`` are not counted."""
    text = row["text"]
    right = suggested = found = gold = 0
    for ev in row["events"]:
        if "arguments" not in ev:
            continue
        spans = [s for w in ev["words"] for s in word_spans(text, w)]
        args = [(a["role"], [s for w in a["words"] for s in word_spans(text, w)]) for a in ev["arguments"]]
        event = next(
            (
                e
                for e in events
                if e.type == ev["type"] and any(s < e.trigger_end and e.trigger_start < t for s, t in spans)
            ),
            None,
        )
        given = [] if event is None else [a for a in event.arguments if a.role != "Time"]
        hit = [
            any(a.role == role and any(s < a.end and a.start < t for s, t in where) for role, where in args)
            for a in given
        ]
        right += sum(hit)
        suggested += len(given)
        gold += len(args)
        found += sum(
            1
            for role, where in args
            if any(a.role == role and any(s < a.end and a.start < t for s, t in where) for a in given)
        )
    return right, suggested, found, gold


def f1(tp_pred: int, pred: int, tp_gold: int, gold: int) -> tuple[float, float, float]:
    p = tp_pred / pred if pred else 0.0
    r = tp_gold / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quiet", action="store_true", help="figures only, no list of false and missed")
    args = ap.parse_args()
    import spacy

    rows = read_articles(DATA)  # the made-up sentences: ``domain``, ``text``, gold ``events`` of ``words`` and ``type``
    nlp = spacy.load(MODEL)
    add_line_sentences(nlp)  # as load_pipeline: a line with no stop ends its sentence
    suggester = RuleEventSuggester(load_schema(resource_path("schemas/news.toml")))
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # right suggestions, suggested, found, gold
    arg_counts = [0, 0, 0, 0]  # over the events written with their arguments: right, suggested, found, gold
    lines = []
    for row, doc in zip(rows, nlp.pipe([r["text"] for r in rows])):
        events = suggester.suggest(doc, pipeline_entities(doc))
        right, false, missed = score_sentence(row, [(e.trigger_start, e.trigger_end, e.type) for e in events])
        arg_counts = [a + b for a, b in zip(arg_counts, score_arguments(row, events))]
        for ev in (ev for ev in row["events"] if "arguments" in ev):
            want = sorted((a["role"], "|".join(a["words"])) for a in ev["arguments"])
            got = [
                sorted((a.role, doc.text[a.start : a.end]) for a in e.arguments if a.role != "Time")
                for e in events
                if e.type == ev["type"] and any(w in doc.text[e.trigger_start : e.trigger_end] for w in ev["words"])
            ]
            if not got or len(got[0]) != len(want) or score_arguments({**row, "events": [ev]}, events)[0] != len(want):
                lines.append(f"  args   {ev['type']:28} want {want} got {got[0] if got else None}  {row['text']}")
        found = len(row["events"]) - len(missed)
        for key in ("all", row["domain"]):
            c = counts[key]
            c[0] += len(right)
            c[1] += len(right) + len(false)
            c[2] += found
            c[3] += len(row["events"])
        for kind in TYPES:
            c = counts[kind]
            c[0] += sum(1 for _, k in right if k == kind)
            c[1] += sum(1 for _, k in right + false if k == kind)
            c[3] += sum(1 for ev in row["events"] if ev["type"] == kind)
            c[2] += sum(1 for ev in row["events"] if ev["type"] == kind) - sum(1 for _, k in missed if k == kind)
        for word, kind in false:
            lines.append(f"  false  {kind:28} {word!r:16} {row['text']}")
        for words, kind in missed:
            lines.append(f"  missed {kind:28} {'|'.join(words)!r:16} {row['text']}")
    print(f"{len(rows)} sentences, {counts['all'][3]} gold events")
    print(f"{'':28} {'P':>6} {'R':>6} {'F1':>6}  right/suggested  found/gold")
    for key in ("all", *TYPES, *sorted({r["domain"] for r in rows})):
        c = counts[key]
        p, r, f = f1(*c)
        print(f"{key:28} {p:6.3f} {r:6.3f} {f:6.3f}  {c[0]:4d}/{c[1]:<4d}       {c[2]:4d}/{c[3]:<4d}")
    n_args = sum(1 for r in rows for ev in r["events"] if "arguments" in ev)
    p, r, f = f1(*arg_counts)
    print(
        f"{'arguments':28} {p:6.3f} {r:6.3f} {f:6.3f}  {arg_counts[0]:4d}/{arg_counts[1]:<4d}       "
        f"{arg_counts[2]:4d}/{arg_counts[3]:<4d}  (the {n_args} events written with their arguments)"
    )
    if not args.quiet:
        print("\n".join(sorted(lines)))


if __name__ == "__main__":
    main()
