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
from annotator.type_order import letters_to_pick, next_event_type, ranked_types, retype_first  # noqa: E402
from annotator.type_order import types_nearby  # noqa: E402

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


def shift_e_keys(named: list[str], nearby: list[str], type_: str) -> int | None:
    """Shift+E's presses from the type E made (``named``' first, the only type the words name) to ``type_`` through
    the document's types (``type_order.next_event_type``, session 29), or None when it never gets there."""
    current, tried = named[0], [named[0]]
    for k in range(1, len(nearby) + 2):
        nxt = next_event_type(current, (), named, tried, nearby)
        if nxt is None or nxt in tried:
            return None
        if nxt == type_:
            return k
        current, tried = nxt, [*tried, nxt]
    return None


SHIFT_E: dict[str, int] = {}  # the events E made of a type its word names alone: E and the picker, or Shift+E


def costs(schema: Schema, rows: list[dict]) -> tuple[int, int]:
    """(events that open the picker, its keys); ``SHIFT_E``: for those on an event of the one type its word names,
    E again and the picker's keys ("picker"), against the cheaper of those and Shift+E ("shift")."""
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
            if len(named) == 1:  # E made the one type its word names: E again, or Shift+E through the document's
                again = 1 + picker_keys(schema, order, ev["type"])
                shift = shift_e_keys(named, nearby, ev["type"])
                SHIFT_E["events"] = SHIFT_E.get("events", 0) + 1
                SHIFT_E["picker"] = SHIFT_E.get("picker", 0) + again
                SHIFT_E["shift"] = SHIFT_E.get("shift", 0) + min(again, shift if shift is not None else again)
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
        SHIFT_E.clear()
        n, keys = costs(schema, sel)
        print(f"{name:5}: {n} events open the picker, its keys {keys} ({keys / max(n, 1):.2f} each)")
        print(
            f"       of them on an event of the one type its word names: {SHIFT_E.get('events', 0)}, E and the "
            f"picker {SHIFT_E.get('picker', 0)} keys, or Shift+E through the document's types {SHIFT_E.get('shift', 0)}"
        )


if __name__ == "__main__":
    main()
