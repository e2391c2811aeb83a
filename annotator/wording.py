"""How messages word a count: the one place for "1 document" and "2 documents" (reports, summaries, errors)."""

from __future__ import annotations


def counted(n: int, one: str, many: str = "") -> str:
    """``n`` and its noun as English has it: "1 thing", "0 things", "2 entities", "12,000 documents" (``many``: a
    plural not in -s)."""
    return f"{n:,} {one if n == 1 else many or one + 's'}"


def were(n: int) -> str:
    """The verb after ``counted(n, ...)``: "1 document was", "2 documents were"."""
    return "was" if n == 1 else "were"
