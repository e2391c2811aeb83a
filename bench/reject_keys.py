"""The keys to reach and reject the rule suggester's wrong events on the development articles by Find: prints
figures, asserts nothing.

For each article, the event suggestions of ``RuleEventSuggester`` on the pipeline's parse and entities (as
``bench/suggestion_keys.py`` makes them); each of the 8 annotated types on no gold trigger is wrong, rejected by X.
A person walks the article in text order, the caret at the wrong suggestion before (the first: the text's start),
everything before the caret decided and every suggestion after it (spaCy's spans, the suggested events) undecided.
Counted for each wrong one: the cheapest Find that rejects it, `Ctrl+F`, the first n letters of its trigger, then
Alt+X typed in the bar when no match is passed, else Enter, F3 for each match passed and X (session 27); and the
same with Alt+X going to the words' next match that lies in one undecided suggestion (session 30:
``FindBar._match_key``, ``find_words.next_match_where``), the matches in none passed over. Beside them, the cheaper
of that and Tab (one a suggestion from the caret, spans and events alike) and X. Figures for the two halves (even /
odd lines) and all.

    python bench/reject_keys.py [--cache FILE.spacy]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from events import MODEL, SCHEMA, TYPES, overlaps, parse_cached, read_articles  # noqa: E402

from annotator.find_words import find_stops  # noqa: E402
from annotator.nlp import pipeline_entities  # noqa: E402
from annotator.schema import load_schema  # noqa: E402
from annotator.suggest.event_rules import RuleEventSuggester  # noqa: E402


def reject_cost(text: str, low: str, here: int, target: tuple[int, int], items: list, skip: bool) -> int:
    """The keys of the cheapest Find from ``here`` that rejects the suggestion at ``target`` (``items``: the undecided
    suggestions' [start, end), the target among them); ``skip``: Alt+X passes over matches in no one suggestion."""
    start, end = target
    best = 10**6
    for n in range(1, end - start + 1):
        p = low[start : start + n]
        found, at = [], low.find(p)
        while at != -1:
            found.append((at, at + n))
            at = low.find(p, at + 1)
        stops = [a for a, _ in find_stops(text, found)]
        order = [i for i in stops if i >= here] + [i for i in stops if i < here]
        if start not in order:
            continue
        passed = order.index(start)
        if skip:
            lone = [i for i in order if sum(1 for a, b in items if a <= i and i + n <= b) == 1]
            if lone and lone[0] == start:
                passed = 0
        best = min(best, 1 + n + 1 if passed == 0 else 1 + n + 1 + passed + 1)  # Alt+X; or Enter, F3s, X
    return best


def document(c: dict, row: dict, doc, suggester) -> None:  # noqa: ANN001
    text, low = row["text"], row["text"].lower()
    spans = pipeline_entities(doc)
    gold = [tuple(g["trigger"]) for g in row["events"] if g["type"] in TYPES]
    out = suggester.suggest(doc, spans)
    events = [(v.trigger_start, v.trigger_end) for v in out]
    wrong = sorted(
        (v.trigger_start, v.trigger_end)
        for v in out
        if v.type in TYPES and not any(overlaps(g, (v.trigger_start, v.trigger_end)) for g in gold)
    )
    here = 0
    for target in wrong:
        items = [(a, b) for a, b, *_ in spans if a >= here] + [sp for sp in events if sp[0] >= here]
        tabs = sum(1 for a, _ in items if here < a < target[0]) + 1 + 1  # Tab to it, X
        for skip in (False, True):
            find = reject_cost(text, low, here, target, items, skip)
            c[f"find {skip}"] += find
            c[f"best {skip}"] += min(find, tabs)
        c["wrong"] += 1
        here = target[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, default=None, help="a .spacy file keeping the parsed articles")
    args = ap.parse_args()
    from collections import Counter

    from annotator.nlp import load_pipeline

    rows = read_articles()
    nlp = load_pipeline(MODEL, events=True).nlp  # as pre-annotation parses
    docs = parse_cached([r["text"] for r in rows], args.cache, nlp=nlp)
    suggester = RuleEventSuggester(load_schema(SCHEMA))
    halves: dict[str, Counter] = {"A": Counter(), "B": Counter()}
    for k, (row, doc) in enumerate(zip(rows, docs)):
        document(halves["AB"[k % 2]], row, doc, suggester)
    halves["all"] = halves["A"] + halves["B"]
    for name, c in halves.items():
        print(
            f"{name:4}: {c['wrong']} wrong suggestions; Find and X (Alt+X on the next match) {c['find False']}, "
            f"Alt+X on the next match in a suggestion {c['find True']}; the cheaper of Tab and Find "
            f"{c['best False']} -> {c['best True']}"
        )


if __name__ == "__main__":
    main()
