"""Where a text too long to parse whole is cut into pieces: the one cutter of pre-annotation and of training."""

from __future__ import annotations

from typing import Sequence


def piece_bounds(
    text: str, limit: int, separators: Sequence[str] = ("\n", " "), inside: bytes | bytearray | None = None
) -> list[tuple[int, int]]:
    """(start, end) of the pieces of ``text``, each at most ``limit`` characters: a cut falls in the second half of a
    piece just after the first of ``separators`` (best first) found there, at a place ``inside`` does not mark (1: a
    cut there would split a span); where none is, the piece is cut at ``limit``."""
    bounds, start = [], 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            end = _free_cut(text, separators, inside, start + limit // 2, end) or end
        bounds.append((start, end))
        start = end
    return bounds


def _free_cut(text: str, separators: Sequence[str], inside: bytes | bytearray | None, lo: int, hi: int) -> int | None:
    """The last place in [lo, hi] just after one of ``separators`` that ``inside`` does not mark, or None."""
    for sep in separators:
        at = text.rfind(sep, lo, hi)
        while at >= 0:
            place = at + len(sep)
            if place <= hi and (inside is None or not inside[place]):
                return place
            at = text.rfind(sep, lo, at)
    return None
