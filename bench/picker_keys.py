"""The type picker's keys on the development articles: prints figures, asserts nothing.

For each gold event whose type E does not give (its words name no type, or only other types: E then opens the picker
on the event), the keys in the picker as the key replays' player presses them (tests/ui/test_keys_seed.py: Down to the
type or the fewest letters of a word of its name that put it first, whichever is fewer; Enter; ``--substring``: the
rows the letters keep in the picker's order, as before session 25, else ``type_order.typed_order``'s), the types E
offers as ``trigger_phrase.word_types`` gives them (``--no-phrase``: a word that starts a trigger phrase and names no
type opens the picker, as before session 25), with the picker's
order as the app makes it (``type_order.ranked_types``) and the types of the document's events
(``type_order.types_nearby``): those a person going through the article in order has made, the gold events before the
word, nearest first; ``--no-nearby`` leaves them out (the order before session 22: the schema's). E again on an event
whose type its words named (``type_order.retype_first``): the document's types before the other types of the named
ones' kinds; ``--no-retype``: the kinds first (the order before session 24). Figures for the two halves (even / odd
lines) and the seeds' gold.

    python bench/picker_keys.py [--no-nearby] [--no-retype] [--substring] [--no-phrase]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from events import DATA, SCHEMA, read_articles  # noqa: E402
from find_keys import seed_rows  # noqa: E402

from annotator.keyflow import trigger_types  # noqa: E402
from annotator.model import Event  # noqa: E402
from annotator.trigger_phrase import word_types  # noqa: E402
from annotator.schema import Schema, load_schema  # noqa: E402
from annotator.type_order import letters_to_pick, ranked_types, retype_first, types_nearby  # noqa: E402

NEARBY = True
RETYPE = True
SUBSTRING = False
PHRASE = True


def picker_keys(schema: Schema, order: list[str], type_: str) -> int:
    """Down to ``type_`` or the fewest letters that put it first, whichever is fewer; Enter."""
    steps = order.index(type_)
    shown = []
    for name in order:
        t = schema.event_type(name)
        shown.append(f"{name} — {t.description}" if t and t.description else name)
    if SUBSTRING:  # the rows the letters keep in the picker's order (before session 25)
        low = [x.lower() for x in shown]
        tries = [w[:n] for w in re.split("[:-]", type_.lower()) for n in range(1, len(w) + 1)]
        word = min((t for t in tries if order[next(i for i, x in enumerate(low) if t in x)] == type_), key=len)
    else:
        word = letters_to_pick(order, shown, type_)
    return min(steps, len(word)) + 1


def costs(schema: Schema, rows: list[dict]) -> tuple[int, int]:
    """(events that open the picker, its keys)."""
    n = keys = 0
    for row in rows:
        text = row["text"]
        gold = sorted(row["events"], key=lambda ev: tuple(ev["trigger"]))
        for i, ev in enumerate(gold):
            s, e = ev["trigger"]
            bound = text.find("\n", e) % (len(text) + 1)  # events-dev: a sentence a line (-1: the text's end)
            named = word_types(schema, text, s, e, bound) if PHRASE else trigger_types(schema, text[s:e])
            if ev["type"] in named:
                continue  # E, or E and Shift+E: no picker
            made = [Event(k, 0, g["type"], *g["trigger"], {}, None) for k, g in enumerate(gold[:i])]
            nearby = types_nearby(made, s) if NEARBY else []
            # E made the first type its words name: E again on the event (session 24: its document's types first)
            likely = retype_first(named[0], (), named[1:], nearby) if named and RETYPE else [*named[1:], *named[:1]]
            order = ranked_types(schema, text[s:e], likely, nearby)
            n += 1
            keys += picker_keys(schema, order, ev["type"])
    return n, keys


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-nearby", action="store_true", help="the picker's order before session 22 (no nearby types)")
    ap.add_argument(
        "--no-retype", action="store_true", help="E again: the named types' kinds first (before session 24)"
    )
    ap.add_argument(
        "--substring", action="store_true", help="typed letters keep the picker's order (before session 25)"
    )
    ap.add_argument(
        "--no-phrase", action="store_true", help="E on a phrase's first word: its own types (before session 25)"
    )
    global NEARBY, RETYPE, SUBSTRING, PHRASE
    args = ap.parse_args()
    NEARBY, RETYPE, SUBSTRING, PHRASE = not args.no_nearby, not args.no_retype, args.substring, not args.no_phrase
    schema = load_schema(SCHEMA)
    rows = read_articles(DATA)
    for name, sel in (("A", rows[0::2]), ("B", rows[1::2]), ("all", rows), ("seeds", seed_rows())):
        n, keys = costs(schema, sel)
        print(f"{name:5}: {n} events open the picker, its keys {keys} ({keys / max(n, 1):.2f} each)")


if __name__ == "__main__":
    main()
