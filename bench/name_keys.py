"""Shift+Space's keys on the development articles: what selecting each gold argument of several words costs by Find
and Ctrl+Shift+Right a token (the key replays' way before session 25b), and by Find to one of its words and Shift+Space
(``name_span.name_around``, the name around the match) where that selects exactly the argument and is fewer keys;
then (session 31) with Alt+Enter in Find's bar, the next match in a name widened to it, in place of Enter (and F3)
and Shift+Space; then (session 32) the keys to fill a role with each, the above and the role key, against a
role key typed in Find's bar, which fills with the name (of more than one word) around the words' next match
(``name_span.filler_around``: no entity span is known here, the text's names only).
Prints figures for the two halves (even / odd lines) and all, and the seeds' gold entities of several words (the
spans the key replays end with); asserts nothing.

Per argument, the caret at the text's start (Find's cost as ``bench/find_keys.py`` counts it, F3 a match further;
``--no-f3``: Ctrl+F and Enter, before session 26); sentences are lines
(events-dev's sentences are its lines; the seeds' paragraphs), tokens the one fallback's (a document never
pre-annotated). Shift+Space again adds a "the" before the name (2 keys). "fewer": arguments Shift+Space selects in
fewer keys; "other": a name is found but is not the argument ("Conakry, Guinea", "Luhansk region"): those a person
widens by tokens as before.

    python bench/name_keys.py [--no-f3]
"""

from __future__ import annotations

import json
import re
import sys
from bisect import bisect_right
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from events import DATA, read_articles  # noqa: E402
from find_keys import find_cost  # noqa: E402

from annotator.find_words import find_stops  # noqa: E402

from annotator.name_span import filler_around, name_around, with_article  # noqa: E402
from annotator.tokens import word_tokens  # noqa: E402


def spans_of(row: dict) -> list[tuple[int, int]]:
    return sorted({tuple(a["span"]) for ev in row["events"] for a in ev["arguments"]})  # type: ignore[misc]


def alt_enter_cost(text: str, low: str, sentence, a: int, b: int) -> int:  # type: ignore[no-untyped-def]
    """The keys of `Ctrl+F`, a prefix of the word at ``a`` and Alt+Enter in the bar (session 31: the words' next match
    from the text's start whose word starts with a capital or a digit and lies in a name, widened to it), or a
    million when no prefix's Alt+Enter goes to that word."""
    for n in range(1, b - a + 1):
        p = low[a : a + n]
        found, at = [], low.find(p)
        while at != -1:
            found.append((at, at + n))
            at = low.find(p, at + 1)
        for i, j in find_stops(text, found):
            w = i
            while w > 0 and text[w - 1].isalnum():
                w -= 1
            if not (text[w].isupper() or text[w].isdigit()):
                continue
            if name_around(text, word_tokens(text, *sentence(i)), i, j) is not None:
                if i == a:
                    return 2 + n
                break
    return 10**6


def bar_role_cost(text: str, low: str, sentence, a: int, span: tuple[int, int]) -> int:  # type: ignore[no-untyped-def]
    """The keys of `Ctrl+F`, a prefix of the word at ``a`` and a role key in the bar (session 32: the words' next match
    from the text's start widened to the name around it when that name has more than one word), when the name is
    ``span``; else a million."""
    for n in range(1, span[1] - a + 1):
        p = low[a : a + n]
        found, at = [], low.find(p)
        while at != -1:
            found.append((at, at + n))
            at = low.find(p, at + 1)
        stops = find_stops(text, found)
        if not stops or stops[0][0] != a:
            continue
        word = (a, a + len(re.match(r"\w*", text[a:]).group()))  # type: ignore[union-attr]
        if filler_around(text, [], word, name_around(text, word_tokens(text, *sentence(a)), a, a + n)) == span:
            return 2 + n
    return 10**6


def tally(rows: list[tuple[str, list[tuple[int, int]]]]) -> dict[str, int]:
    t = {"args": 0, "several": 0, "exact": 0, "other": 0, "before": 0, "after": 0, "alt": 0, "alt_fewer": 0}
    t.update({"fill": 0, "fill_bar": 0, "bar_fewer": 0})
    for text, spans in rows:
        low = text.lower()
        starts, ends = word_tokens(text)
        lines = [m.start() for m in re.finditer(r"^", text, re.MULTILINE)]

        def sentence(cp: int) -> tuple[int, int]:  # a line: events-dev's sentences are its lines
            a = lines[bisect_right(lines, cp) - 1]
            b = text.find("\n", a)
            return a, len(text) if b < 0 else b

        for s, e in spans:
            t["args"] += 1
            words = [(m.start() + s, m.end() + s) for m in re.finditer(r"\w+", text[s:e])]
            pieces = [k for k in range(len(starts)) if s <= starts[k] and ends[k] <= e]
            if len(pieces) < 2 or not words:
                continue
            t["several"] += 1
            first_end = words[0][1]
            by_token = find_cost(text, low, 0, s, e) + sum(1 for k in pieces if ends[k] > first_end)
            best, found = by_token, None
            alt = bar = 10**6
            for a, b in words:
                got = name_around(text, word_tokens(text, *sentence(a)), a, b)
                if got is None:
                    continue
                found = found or got
                more = 1 if got == (s, e) else 2 if with_article(text, got) == (s, e) else 0  # again: its "the"
                if more:
                    best = min(best, find_cost(text, low, 0, a, b) + more)
                    alt = min(alt, alt_enter_cost(text, low, sentence, a, b) + more - 1)
                    bar = min(bar, bar_role_cost(text, low, sentence, a, (s, e)))
            t["alt"] += min(best, alt)
            t["alt_fewer"] += alt < best
            t["fill"] += min(best, alt) + 1  # the role key after the selection
            t["fill_bar"] += min(min(best, alt) + 1, bar)
            t["bar_fewer"] += bar < min(best, alt) + 1
            if found is not None and best == by_token and found != (s, e):
                t["other"] += 1
            if best < by_token:
                t["exact"] += 1
            t["before"] += by_token
            t["after"] += best
    return t


def seed_rows() -> list[tuple[str, list[tuple[int, int]]]]:
    rows = []
    for path in sorted((ROOT / "tests" / "data").glob("keys_seed*_entities.json")):
        g = json.loads(path.read_text(encoding="utf-8"))
        text = (ROOT / "seeds" / g["document"]).read_text(encoding="utf-8")
        rows.append((text, sorted({(s, e) for s, e, *_ in g["entities"]})))
    return rows


def main() -> None:
    import find_keys

    find_keys.HOP = 2 if "--no-f3" in sys.argv[1:] else 1
    rows = [(r["text"], spans_of(r)) for r in read_articles(DATA)]
    for name, sel in (("A", rows[0::2]), ("B", rows[1::2]), ("all", rows), ("seeds", seed_rows())):
        t = tally(sel)
        print(
            f"{name:5}: {t['args']} spans, {t['several']} of several tokens: Shift+Space fewer keys on {t['exact']}, "
            f"a name other than the span {t['other']}; keys to select them {t['before']} -> {t['after']} "
            f"-> {t['alt']} with Alt+Enter in Find's bar (fewer on {t['alt_fewer']}); to fill a role with them "
            f"{t['fill']} -> {t['fill_bar']} with the role key in the bar (fewer on {t['bar_fewer']})"
        )


if __name__ == "__main__":
    main()
