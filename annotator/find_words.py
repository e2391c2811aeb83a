"""Find's matching: where the words typed occur in a document, the matches Enter stops at, and the next one from the
caret (the find bar, ``ui.panels.find_bar``, shows them)."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from functools import lru_cache
from typing import Callable, Sequence

# the combining accents of the Latin, Greek and Cyrillic letters (and their supplements): a match never ends before one
_NO_ACCENT_AFTER = "(?![\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f])"


@lru_cache(maxsize=64)
def words_pattern(words: str) -> re.Pattern[str]:
    """The pattern of ``words`` as Find looks for them: case-insensitive, and each letter with its accents in any of
    its canonical forms (composed, decomposed, or its first accents composed and the rest apart): "Zoë" typed (a
    keyboard's composed U+00EB) finds a text stored decomposed, "Zoe" and U+0308 (macOS file names, some PDFs' text,
    corpora kept in NFD), which found nothing; Hangul syllables and their jamo alike. A match never ends between a
    letter and its accent: "Zoe" finds no "Zoë" in either form. Offsets stay the stored text's code points."""
    typed = unicodedata.normalize("NFC", words)
    clusters: list[str] = []
    for ch in typed:
        if clusters and unicodedata.combining(ch):
            clusters[-1] += ch
        else:
            clusters.append(ch)
    parts = []
    for cluster in clusters:
        apart = unicodedata.normalize("NFD", cluster)
        forms = {cluster, apart, *(unicodedata.normalize("NFC", apart[:k]) + apart[k:] for k in range(2, len(apart)))}
        escaped = sorted((re.escape(f) for f in forms), key=len, reverse=True)  # the whole letter first
        parts.append(escaped[0] if len(escaped) == 1 else f"(?:{'|'.join(escaped)})")
    return re.compile("".join(parts) + _NO_ACCENT_AFTER, re.IGNORECASE)


def find_all(text: str, words: str) -> list[tuple[int, int]]:
    """Every place ``words`` occurs in ``text`` (``words_pattern``: case-insensitive, accents in either form), in text
    order (code points, end exclusive): what Find steps through and counts."""
    if not words:
        return []
    return [m.span() for m in words_pattern(words).finditer(text)]


def count_all(text: str, words: str) -> int:
    """How many matches ``find_all`` gives, without making the list: the find bar counts at each change of its words
    (a letter typed on a 2 MB document: no list of 180,000 spans made and dropped at each key)."""
    if not words:
        return 0
    return sum(1 for _ in words_pattern(words).finditer(text))


def find_stops(text: str, matches: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The matches Find's Enter stops at: those at a word's start or end (a whole word, "strike" of "airstrike",
    "bou" of "bought"), stepping over one inside a word, a letter on each side ("bou" of "about": a person typing the
    first letters of a word looks for a word that starts so), unless every match lies inside a word. Words of one
    letter stop everywhere, as before: a letter is looked for as itself. Find counts every match (``find_all``)."""
    if not matches or matches[0][1] - matches[0][0] < 2:
        return list(matches)

    def inside(start: int, end: int) -> bool:
        if start == 0 or end == len(text):
            return False
        return all(ch.isalnum() for ch in (text[start - 1], text[start], text[end - 1], text[end]))

    stops = [m for m in matches if not inside(*m)]
    return stops or list(matches)


def next_match(matches: Sequence[tuple[int, int]], start: int, end: int, backward: bool = False) -> int | None:
    """The index in ``matches`` (as ``find_all`` gives them) of the match after the caret or selection [start, end)
    (before it, ``backward``), wrapping round; None when there is none."""
    if not matches:
        return None
    if backward:
        i = bisect_left(matches, (start, -1)) - 1  # the last match that starts before the selection
        return i if i >= 0 else len(matches) - 1
    i = bisect_left(matches, (end, -1))  # the first that starts at or after its end
    return i if i < len(matches) else 0


def next_match_in(
    matches: Sequence[tuple[int, int]], start: int, end: int, spans: Sequence[tuple[int, int]]
) -> int | None:
    """``next_match``'s index going on from the caret or selection [start, end), wrapping round, but of the first match
    that lies in exactly one of ``spans`` (Alt+X in Find's bar: the next match in one undecided suggestion, those in
    none passed over); None when none does. The spans are walked, not the matches: a letter's 42,000 matches in a
    529,249-character document, each asked which suggestions it lies in, took 10 s; the spans' matches found by
    bisection take milliseconds."""
    first = next_match(matches, start, end)
    if first is None:
        return None
    covered: dict[int, int] = {}
    for s, e in spans:
        i = bisect_left(matches, (s, -1))
        while i < len(matches) and matches[i][0] < e:
            if matches[i][1] <= e:
                covered[i] = covered.get(i, 0) + 1
            i += 1
    once = [i for i, n in covered.items() if n == 1]
    return min(once, key=lambda i: (i - first) % len(matches)) if once else None


NAME_LOOKS = 500  # the matches at a capital asked at most (Alt+Enter): a bound on the GUI thread's work


def next_match_named(
    text: str,
    matches: Sequence[tuple[int, int]],
    start: int,
    end: int,
    named: Callable[[int, int], tuple[int, int] | None],
) -> int | None:
    """``next_match``'s index going on from the caret or selection [start, end), wrapping round, but of the first match
    that ``named`` widens to a name (Alt+Enter in Find's bar: seed 004's "co" passes over "the court" to "Court of
    Appeal"); None when none does. Only a match whose word starts with a capital or a digit is asked (a name's words
    do: ``name_span``), the first ``NAME_LOOKS`` of them: a letter's thousands of matches in a long document are not
    all read on a key."""
    first = next_match(matches, start, end)
    if first is None:
        return None
    asked = 0
    for k in range(len(matches)):
        i = (first + k) % len(matches)
        s, e = matches[i]
        w = s
        while w > 0 and text[w - 1].isalnum():
            w -= 1
        if not (text[w].isupper() or text[w].isdigit()):
            continue
        asked += 1
        if named(s, e) is not None:
            return i
        if asked >= NAME_LOOKS:
            return None
    return None
