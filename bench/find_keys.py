"""Find's keys to reach each gold trigger of the development articles: prints figures, asserts nothing.

For each article and each gold trigger in text order, the caret at the trigger before (the first: the text's start),
the cheapest Find as the key replays count it (tests/ui/test_keys_seed.py: Ctrl+F, the first n letters, Enter, and
F3 for each match passed, session 26; ``--no-f3``: Ctrl+F and Enter, as before; the cheapest n), with Enter stopping at
every match (``--every``: as before session 21) or at the matches ``find_words.find_stops`` keeps (a match inside a word
stepped over while others stand at a word's start or end). Figures for the two halves (even / odd lines) and all; the
seeds' gold triggers too. Beside them, the keys to reach each trigger and make its event (E on the match), and the same
with Alt+E typed in the bar in place of Enter and E where no match is passed and the trigger is one word (the match
snaps to it; session 27), and with Alt+E as it goes since session 33 (to the next trigger word of the schema in no
span of the pipeline's entities, else a word in no span and of no closed class: ``trigger_reach``). Then the seeds' gold entities (tests/data/keys_seedNNN_entities.json), each reached from the one
before by Find and labelled: Enter and the label key, against Ctrl+ the label key typed in the bar in place of Enter
where the key is a digit, no match is passed and the entity is one word (session 28).

    python bench/find_keys.py [--every] [--no-f3]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from events import DATA, parse_texts, read_articles  # noqa: E402

from annotator.find_words import find_stops  # noqa: E402
from annotator.keyflow import trigger_types  # noqa: E402
from annotator.resources_path import resource_path  # noqa: E402
from annotator.schema import load_schema  # noqa: E402
from annotator.trigger_reach import next_match_for_event  # noqa: E402

EVERY = False
HOP = 1  # keys a match passed: F3 (session 26); 2 with --no-f3 (Ctrl+F and Enter)


def find_cost(text: str, low: str, here: int, start: int, end: int, then_e: int = 0) -> int:
    """The keys of the cheapest Find from the caret at ``here`` to the match at ``start`` (as the replays' player);
    ``then_e``: with E on the match after (1), or with Alt+E in the bar where no match is passed (2)."""
    want = low[start:end]
    best = 10**6
    one_word = then_e == 2 and want.isalnum()
    for n in range(1, len(want) + 1):
        p = want[:n]
        found = []
        at = low.find(p)
        while at != -1:
            found.append((at, at + n))
            at = low.find(p, at + 1)
        stops = [a for a, _ in (found if EVERY else find_stops(text, found))]
        order = [i for i in stops if i >= here] + [i for i in stops if i < here]
        if start not in order:
            continue
        passed = order.index(start)
        best = min(best, 2 + n + HOP * passed + (then_e > 0) - (one_word and not passed))
        if best <= 3 + n - (then_e == 2):  # a longer prefix costs at least one key more
            break
    return best


def trigger_cost(text: str, low: str, here: int, start: int, end: int, spans: list, typed) -> int:  # type: ignore[no-untyped-def]
    """The keys to reach the trigger at ``start`` from ``here`` and make its event with Alt+E in the bar as it goes since
    session 33 (``trigger_reach.next_match_for_event``: the next trigger word of the schema in no span, else a word in
    no span of no closed class), `Ctrl+F`, the letters, Alt+E when it lands there on a one-word trigger; else Enter,
    F3 past the matches before it and E (``find_cost``'s E case)."""
    want, best = low[start:end], find_cost(text, low, here, start, end, 1)
    if not want.isalnum():
        return best
    for n in range(1, min(len(want), best - 2) + 1):
        found, at = [], low.find(want[:n])
        while at != -1:
            found.append((at, at + n))
            at = low.find(want[:n], at + 1)
        stops = found if EVERY else find_stops(text, found)
        i = next_match_for_event(text, stops, here, here, spans, typed)
        if i is not None and stops[i][0] == start:
            return min(best, 2 + n)
    return best


def trigger_costs(rows: list[dict], spans: list[list], typed) -> list[int]:  # type: ignore[no-untyped-def]
    out = []
    for row, names in zip(rows, spans):
        text, here = row["text"], 0
        for s, e in sorted({tuple(ev["trigger"]) for ev in row["events"]}):
            out.append(trigger_cost(text, text.lower(), here, s, e, names, typed))
            here = s
    return out


def costs(rows: list[dict], then_e: int = 0) -> list[int]:
    out = []
    for row in rows:
        text = row["text"]
        low = text.lower()
        here = 0
        for s, e in sorted({tuple(ev["trigger"]) for ev in row["events"]}):
            out.append(find_cost(text, low, here, s, e, then_e))
            here = s
    return out


def label_costs(digits: bool) -> tuple[int, int]:
    """(entities, keys) to reach each seed's gold entities in text order by Find and label each: Enter and the label
    key, or (``digits``) Ctrl+ the label key in the bar where it is a digit (``find_cost``'s Alt+E case: one word, no
    match passed)."""
    from annotator.resources_path import resource_path
    from annotator.schema import load_schema

    keys = {e.name: e.key for e in load_schema(resource_path("schemas/news.toml")).entities}
    data = ROOT / "tests" / "data"
    n = total = 0
    for path in sorted(data.glob("keys_seed*_entities.json")):
        text = next((ROOT / "seeds").glob(f"{path.name[9:12]}_*.txt")).read_text(encoding="utf-8")  # keys_seed000_…
        low, here = text.lower(), 0
        for s, e, label, *_ in sorted(json.loads(path.read_text(encoding="utf-8"))["entities"]):
            total += find_cost(text, low, here, s, e, 2 if digits and keys[label].isdigit() else 1)
            n, here = n + 1, s
    return n, total


def seed_rows() -> list[dict]:
    data = ROOT / "tests" / "data" / "seed_gold"
    rows = []
    for gold in sorted(data.glob("*.json")):
        g = json.loads(gold.read_text(encoding="utf-8"))
        rows.append({"text": (ROOT / "seeds" / g["document"]).read_text(encoding="utf-8"), "events": g["events"]})
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--every", action="store_true", help="Enter stops at every match (the Find before session 21)")
    ap.add_argument("--no-f3", action="store_true", help="Ctrl+F and Enter a match further (before session 26)")
    global EVERY, HOP
    args = ap.parse_args()
    EVERY, HOP = args.every, 2 if args.no_f3 else 1
    rows = read_articles(DATA)
    schema = load_schema(resource_path("schemas/news.toml"))
    typed = lambda word: bool(trigger_types(schema, word))  # noqa: E731  (as ``EventMoves.names_type``)
    sets = (("A", rows[0::2]), ("B", rows[1::2]), ("all", rows), ("seeds", seed_rows()))
    docs, _ = parse_texts([r["text"] for r in rows] + [r["text"] for r in sets[3][1]])  # the pipeline's spans
    spans = [[(x.start_char, x.end_char) for x in d.ents] for d in docs]
    by_set = {"A": spans[0 : len(rows) : 2], "B": spans[1 : len(rows) : 2], "all": spans[: len(rows)]}
    by_set["seeds"] = spans[len(rows) :]
    for name, sel in sets:
        c, e, alt = costs(sel), costs(sel, 1), costs(sel, 2)
        word = trigger_costs(sel, by_set[name], typed)
        print(
            f"{name:5}: {len(c)} triggers, Find keys {sum(c)} ({sum(c) / max(len(c), 1):.2f} each); "
            f"with E {sum(e)}, Alt+E in the bar {sum(alt)}, Alt+E to the next trigger word (session 33) {sum(word)}"
        )
    (n, enter), (_, in_bar) = label_costs(False), label_costs(True)
    print(
        f"seeds' gold entities: {n}, reached and labelled: Enter and the label key {enter}, Ctrl+digit in the bar {in_bar}"
    )


if __name__ == "__main__":
    main()
