"""How messages word a count: the one place for "1 document" and "2 documents" (reports, summaries, errors)."""

from __future__ import annotations

import re


def counted(n: int, one: str, many: str = "") -> str:
    """``n`` and its noun as English has it: "1 thing", "0 things", "2 entities", "12,000 documents" (``many``: a
    plural not in -s)."""
    return f"{n:,} {one if n == 1 else many or one + 's'}"


def were(n: int) -> str:
    """The verb after ``counted(n, ...)``: "1 document was", "2 documents were"."""
    return "was" if n == 1 else "were"


_PLURAL_NOUN = re.compile(r"\b([A-Za-z]+?)(ies|s)\b")


def counted_kind(n: int, kind: str) -> str:
    """``n`` before a plural phrase whose first word in -s is its noun ("relations between entities left out"), that
    word made singular for one ("1 relation between entities left out", "1 overlapping entity kept ...")."""
    if n != 1:
        return f"{n:,} {kind}"
    found = _PLURAL_NOUN.search(kind)
    if found is None:
        return f"1 {kind}"
    stem, ending = found.groups()
    return f"1 {kind[: found.start()]}{stem}{'y' if ending == 'ies' else ''}{kind[found.end() :]}"
