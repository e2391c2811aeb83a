"""Find's matching: where the words typed occur in a document, the matches Enter stops at, and the next one from the
caret (the find bar, ``ui.panels.find_bar``, shows them)."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Callable, Sequence


def find_all(text: str, words: str) -> list[tuple[int, int]]:
    """Every place ``words`` occurs in ``text``, case-insensitive, in text order (code points, end exclusive): what
    Find steps through and counts."""
    if not words:
        return []
    return [m.span() for m in re.finditer(re.escape(words), text, re.IGNORECASE)]


def count_all(text: str, words: str) -> int:
    """How many matches ``find_all`` gives, without making the list: the find bar counts at each change of its words
    (a letter typed on a 2 MB document: no list of 180,000 spans made and dropped at each key)."""
    if not words:
        return 0
    return sum(1 for _ in re.finditer(re.escape(words), text, re.IGNORECASE))


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


def next_match_where(
    matches: Sequence[tuple[int, int]], start: int, end: int, wanted: Callable[[tuple[int, int]], bool]
) -> int | None:
    """``next_match``'s index going on from the caret or selection [start, end), wrapping round, but the first match
    ``wanted`` takes (Alt+X in Find's bar: the next match that lies in an undecided suggestion, those in none passed
    over); None when it takes none, or there is none."""
    first = next_match(matches, start, end)
    if first is None:
        return None
    n = len(matches)
    return next((k % n for k in range(first, first + n) if wanted(matches[k % n])), None)
