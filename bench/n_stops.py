"""N's stops on the development articles: would N gain from stopping at weak trigger words too? Prints figures,
asserts nothing.

N (``EventActions.n_stops``) goes through the tokens that are strong trigger words of the schema
(``keyflow.trigger_words``), past an event's trigger and a word inside an entity span. A weak trigger word ("verdict",
"term") is reached by Find. For each article of events-dev, with spaCy's tokens and entities (the pipeline's, as
pre-annotation gives them), counted: the stops N makes now, and the stops weak words would add (the words that are no
strong trigger word too), each either on a gold trigger (of the 8 annotated types) or not; with event suggestions
off (no event yet) and on (the rule suggester's triggers are events: N goes past them). Counted apart: the weak words of
the 8 annotated types (whose gold is known: a weak word of another type is no gold trigger here because that type is
not annotated). And with suggestions off, the weak words the suggester would take (its cues around them), were N
to ask it. Keys, a person walking the document by N: each stop one N; a gold trigger N does not stop at one
Find (Ctrl+F, about three letters, Enter, Escape: FIND_KEYS). Weak stops save keys when FIND_KEYS times the gold ones
they reach is more than all the stops they add.

Session 35: the strong words N passes as naming the kind of the noun after them ("transport minister", "payment
channels": ``noun_modifiers``, from the parse's noun heads pre-annotation stores), counted by half (A: even lines,
B: odd lines), with suggestions on: the stops it takes away, those on a gold trigger (each then a Find), and the keys
saved, the stops less FIND_KEYS times the gold ones.

Session 36: the stops left after that rule, by the parse's part of speech (spaCy's tagger; not stored by
pre-annotation, so weighed only): what N would save passing a class, both halves.

    python bench/n_stops.py [--cache FILE.spacy]
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from events import MODEL, SCHEMA, TYPES, parse_cached, read_articles  # noqa: E402

from annotator.keyflow import trigger_types, trigger_words  # noqa: E402
from annotator.nlp import noun_heads  # noqa: E402
from annotator.noun_modifiers import NounModifiers  # noqa: E402
from annotator.schema import load_schema  # noqa: E402
from annotator.suggest.event_rules import RuleEventSuggester  # noqa: E402

FIND_KEYS = 6


def weak_schema(schema, types: tuple[str, ...] | None = None):  # noqa: ANN001, ANN201
    """``schema`` with each type's weak trigger words as its trigger words (``types``: those types' only), so that
    ``keyflow.trigger_words`` lists the words N would stop at for them."""
    events = tuple(
        dataclasses.replace(t, triggers=t.weak_triggers if types is None or t.name in types else ())
        for t in schema.events
    )
    return dataclasses.replace(schema, events=events)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, help="a .spacy file keeping the parsed articles between runs")
    args = ap.parse_args()
    schema = load_schema(SCHEMA)
    rows = read_articles()
    docs = parse_cached([r["text"] for r in rows], args.cache, MODEL)
    suggester = RuleEventSuggester(schema)
    weak_all, weak_8 = weak_schema(schema), weak_schema(schema, TYPES)
    counts: dict[tuple[str, str], list[int]] = {}  # (suggestions, kind) -> [stops, on a gold trigger]
    gold_total = 0
    passed: dict[str, list[int]] = {"A": [0, 0, 0], "B": [0, 0, 0]}  # half -> [stops now, of them passed, gold passed]
    # session 36: the stops left after session 35's rule by the parse's part of speech (not stored: weighed only)
    by_class: dict[tuple[str, str], list[int]] = {}  # (half, class) -> [stops, on a gold trigger]
    for k, (row, doc) in enumerate(zip(rows, docs)):
        text = row["text"]
        starts, ends = [t.idx for t in doc], [t.idx + len(t) for t in doc]
        ents = [(e.start_char, e.end_char) for e in doc.ents]
        gold = [tuple(e["trigger"]) for e in row["events"] if e["type"] in TYPES]
        gold_total += len(gold)
        ents3 = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        suggested = {(s.trigger_start, s.trigger_end) for s in suggester.suggest(doc, ents3)}
        strong = trigger_words(schema, text, starts, ends)
        kinds_of = NounModifiers(text, noun_heads(doc, ents3), lambda w: bool(trigger_types(schema, w)))
        half_name = "A" if k % 2 == 0 else "B"
        half = passed[half_name]
        token_at = {t.idx: t for t in doc}
        for w in strong:
            if w in suggested or any(a <= w[0] and w[1] <= b for a, b in ents):
                continue
            half[0] += 1
            on_gold = any(g[0] < w[1] and w[0] < g[1] for g in gold)
            if kinds_of.modifies(w):
                half[1] += 1
                half[2] += on_gold
                continue
            for name in word_classes(token_at.get(w[0])):
                c = by_class.setdefault((half_name, name), [0, 0])
                c[0] += 1
                c[1] += on_gold
        kinds = {
            "strong": strong,
            "weak, every type": [w for w in trigger_words(weak_all, text, starts, ends) if w not in set(strong)],
            "weak, the 8 types": [w for w in trigger_words(weak_8, text, starts, ends) if w not in set(strong)],
        }
        for sugg_on in (False, True):
            taken = suggested if sugg_on else set()
            if not sugg_on:  # suggestions off, N at the weak words the suggester would take (it parses: no GUI key)
                kinds["weak, suggested"] = [w for w in kinds["weak, every type"] if w in suggested]
            else:
                kinds.pop("weak, suggested")
            for kind, words in kinds.items():
                stops = [w for w in words if w not in taken and not any(a <= w[0] and w[1] <= b for a, b in ents)]
                hit = sum(any(g[0] < w[1] and w[0] < g[1] for g in gold) for w in stops)
                c = counts.setdefault(("on" if sugg_on else "off", kind), [0, 0])
                c[0] += len(stops)
                c[1] += hit
    print(f"events-dev: {len(rows)} articles, {gold_total} gold triggers of the 8 types; FIND_KEYS {FIND_KEYS}")
    print(f"{'suggestions':<12}{'words':<20}{'stops':>7}{'gold':>6}{'other':>7}{'keys saved':>12}")
    for (sugg, kind), (stops, hit) in counts.items():
        saved = "" if kind == "strong" else f"{FIND_KEYS * hit - stops:+d}"
        print(f"{sugg:<12}{kind:<20}{stops:>7}{hit:>6}{stops - hit:>7}{saved:>12}")
    print("\nN past a word naming the kind of the noun after it (session 35), suggestions on:")
    print(f"{'half':<6}{'stops now':>10}{'passed':>8}{'gold passed':>13}{'keys saved':>12}")
    for name, (now, gone, gold_gone) in passed.items():
        print(f"{name:<6}{now:>10}{gone:>8}{gold_gone:>13}{gone - FIND_KEYS * gold_gone:>+12d}")
    print("\nThe stops left, by the parse's part of speech (session 36; weighed, not stored), suggestions on:")
    print(f"{'class':<40}{'A stops':>8}{'gold':>6}{'saved':>7}{'B stops':>9}{'gold':>6}{'saved':>7}")
    for name in CLASSES:
        a, b = by_class.get(("A", name), [0, 0]), by_class.get(("B", name), [0, 0])
        cells = "".join(f"{n:>{w1}}{g:>6}{n - FIND_KEYS * g:>+7d}" for (n, g), w1 in ((a, 8), (b, 9)))
        print(f"{name:<40}{cells}")


CLASSES = (
    "all left",
    "noun",
    "verb",
    "adjective",
    "proper noun",
    "adjective or proper noun (passed)",
    "verb with a direct object",
    "verb with a direct object, no person's",
)


def word_classes(token) -> list[str]:  # noqa: ANN001
    """The rows of ``CLASSES`` a stop's token counts in: its part of speech as spaCy's tagger reads it, and for a verb
    whether it has a direct object ("demonstrating the durability") and whether that is no person's word (a
    pronoun or a PERSON entity)."""
    if token is None:
        return ["all left"]
    out = ["all left"]
    pos = {"NOUN": "noun", "VERB": "verb", "ADJ": "adjective", "PROPN": "proper noun"}.get(token.pos_)
    if pos:
        out.append(pos)
    if token.pos_ in ("ADJ", "PROPN"):
        out.append("adjective or proper noun (passed)")
    objects = [c for c in token.children if c.dep_ == "dobj"] if token.pos_ == "VERB" else []
    if objects:
        out.append("verb with a direct object")
        if not any(o.pos_ == "PRON" or o.ent_type_ == "PERSON" for o in objects):
            out.append("verb with a direct object, no person's")
    return out


if __name__ == "__main__":
    main()
