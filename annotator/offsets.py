"""Offsets: the one place that converts code points to UTF-16 units and snaps to tokens.

The core counts in Python code points (str indices); Qt counts in UTF-16 code units.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import repeat
from operator import add
from typing import Sequence

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Map:
    """Converts offsets between code points and UTF-16 units for one text, in O(log n)."""

    def __init__(self, text: str) -> None:
        # code point indices of characters outside the BMP (they take two UTF-16 units)
        self._astral = [m.start() for m in _ASTRAL.finditer(text)] if not text.isascii() else []
        self._astral_u16 = [cp + k + 1 for k, cp in enumerate(self._astral)]  # UTF-16 index of the low surrogate
        self.length = len(text)

    def to_utf16(self, cp: int) -> int:
        return cp + bisect_left(self._astral, cp)

    def to_utf16_many(self, cps: Sequence[int]) -> list[int]:
        """``to_utf16`` of each offset, as a new list (one C-level pass: thousands of spans at the open)."""
        if not self._astral:
            return list(cps)
        return list(map(add, cps, map(bisect_left, repeat(self._astral), cps)))

    def to_codepoint(self, u16: int) -> int:
        """UTF-16 offset to code point; an offset inside a surrogate pair rounds down."""
        # every astral character whose low surrogate sits at or before u16 counts one unit extra
        return u16 - bisect_right(self._astral_u16, u16)

    def exact_codepoint(self, u16: int) -> int | None:
        """UTF-16 offset to code point; None for an offset inside a surrogate pair (no code point starts there: an
        offset read as UTF-16 units that is none)."""
        cp = self.to_codepoint(u16)
        return cp if self.to_utf16(cp) == u16 else None


def utf16_length(text: str) -> int:
    """How many UTF-16 units ``text`` takes (a character outside the BMP two)."""
    return len(text) if text.isascii() else len(text) + len(_ASTRAL.findall(text))


def to_utf16(text: str, cp: int) -> int:
    return Utf16Map(text).to_utf16(cp)


def to_codepoint(text: str, u16: int) -> int:
    return Utf16Map(text).to_codepoint(u16)


def snap_to_tokens(starts: Sequence[int], ends: Sequence[int], start: int, end: int) -> tuple[int, int]:
    """Snap [start, end) to the tokens it touches: partial tokens widen, edge spaces drop.

    A selection that touches no token (only spaces) is returned as it is.
    """
    if not starts or start >= end:
        return start, end
    touched = tokens_touched(starts, ends, start, end)
    return (starts[touched[0]], ends[touched[1]]) if touched else (start, end)


def tokens_touched(starts: Sequence[int], ends: Sequence[int], start: int, end: int) -> tuple[int, int] | None:
    """Token indices [first, last] (inclusive) of the tokens [start, end) touches (the first ending after ``start``,
    the last starting before ``end``; a zero-width ``start == end`` strictly inside a token touches it), or None
    when it touches none (only spaces between tokens, a zero-width span at a token's edge, past either end)."""
    i = bisect_right(ends, start)  # first token ending after start
    j = bisect_left(starts, end) - 1  # last token starting before end
    return (i, j) if i <= j and i < len(starts) and j >= 0 else None


def token_index_at(starts: Sequence[int], offset: int) -> int:
    """Index of the token that contains ``offset``, or of the last one before it (-1 before the first)."""
    return bisect_right(starts, offset) - 1


def char_to_token_span(starts: Sequence[int], ends: Sequence[int], start: int, end: int) -> tuple[int, int] | None:
    """Token indices [first, last] (inclusive) covering exactly [start, end), or None if misaligned."""
    i = bisect_left(starts, start)
    if i >= len(starts) or starts[i] != start:
        return None
    j = bisect_left(ends, end)
    if j >= len(ends) or ends[j] != end or j < i:
        return None
    return i, j
