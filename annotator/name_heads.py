"""A common noun that names again a name told in the document: "the court" after "the Warsaw Regional Court", "the
ministry" after "the Foreign Ministry", "the market" after "Kabkabiya Market" (a definite description often repeats a
name's last word). A role key's new span on such words takes that name's label (``span_label.label_for_span``)."""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable, Sequence

from annotator.model import Entity

_WORD = re.compile(r"\w+")


def label_of_named_head(
    entities: Iterable[Entity], text: str, span: tuple[int, int], labels: Sequence[str]
) -> str | None:
    """Of ``labels``, the one most often carried by a name of several words (not rejected) whose last word, a capital,
    is the last word of ``span`` in lower case ("court" of "the Warsaw Regional Court"); None when ``span`` starts
    with a capital (a name of its own) or no such name is told."""
    words = _WORD.findall(text[span[0] : span[1]])
    if not words or not words[0][0].islower():
        return None
    head = words[-1].lower()
    seen: Counter[str] = Counter()
    for e in entities:
        if e.state == "rejected" or e.label not in labels or (e.start, e.end) == span:
            continue
        name = _WORD.findall(text[e.start : e.end])
        if len(name) >= 2 and name[-1][0].isupper() and name[-1].lower() == head:
            seen[e.label] += 1
    return seen.most_common(1)[0][0] if seen else None
