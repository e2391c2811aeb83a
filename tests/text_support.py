"""Where a word stands in a text, for tests that place spans by their words."""

from __future__ import annotations


def word_span(text: str, word: str, nth: int = 0) -> tuple[int, int]:
    """Code-point (start, end) of the ``nth`` occurrence of ``word`` in ``text`` (from 0); ValueError when there is
    no such occurrence."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return start, start + len(word)
