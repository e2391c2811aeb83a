"""How messages word a count: the one place for "1 document" and "2 documents" (reports, summaries, errors)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence


def counted(n: int, one: str, many: str = "") -> str:
    """``n`` and its noun as English has it: "1 thing", "0 things", "2 entities", "12,000 documents" (``many``: a
    plural not in -s)."""
    return f"{n:,} {one if n == 1 else many or one + 's'}"


def first_named(names: Sequence[str], most: int, sep: str = ", ") -> str:
    """The first ``most`` of ``names`` and how many more: "a.txt, b.txt, c.txt and 4 more" (the count as ``counted``
    words it, "and 1,204 more"); all of them when there are no more. ``sep``: between two (names holding commas)."""
    shown = sep.join(names[:most])
    return f"{shown} and {len(names) - most:,} more" if len(names) > most else shown


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


FSI, PDI = "\u2068", "\u2069"  # Unicode's first-strong isolate and its end (UAX #9)


def isolated(text: str) -> str:
    """``text`` (a document's words) as a message quotes it: between Unicode's first-strong isolate and its end when
    it holds right-to-left letters, so that a Hebrew or Arabic name keeps its place among the message's words (the
    status line showed "PERSON (added): שלום · 7 suggestions" as "PERSON (added): 7 · שלום suggestions": the count
    and the dot after the name were laid out right to left with it); as it is otherwise."""
    if any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text):
        return f"{FSI}{text}{PDI}"
    return text
