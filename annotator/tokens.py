"""The one token fallback for a document that was never pre-annotated (no stored tokens): used by the app
(snapping, token moves), the token exports (spaCy, Prodigy, DyGIE++, CoNLL) and agreement.

Tokens are runs of word characters and single other non-space characters (``\\w+|[^\\w\\s]``): "Merkel's" is
``Merkel``, ``'``, ``s``; "$2" is ``$``, ``2``. Sentences start after a token that ends one (``.``, ``!``, ``?``
and the like), at the next token that is not punctuation, as spaCy's sentencizer does. Pure Python and fast
(no spaCy load), so the app can use it on the GUI thread. A document pre-annotated later uses its stored tokens.
"""

from __future__ import annotations

import re

WORD = re.compile(r"\w+|[^\w\s]")
SENTENCE_END = frozenset(".!?\u2026\u3002\uff01\uff1f\u061f\u0964")


def word_tokens(text: str) -> tuple[list[int], list[int]]:
    """(starts, ends) of the fallback tokens of ``text``."""
    starts: list[int] = []
    ends: list[int] = []
    for m in WORD.finditer(text):
        starts.append(m.start())
        ends.append(m.end())
    return starts, ends


def sentence_starts(text: str, starts: list[int], ends: list[int]) -> list[int]:
    """Token indices where sentences start (the first token always does)."""
    out = [0] if starts else []
    seen_end = False
    for k, (s, e) in enumerate(zip(starts, ends)):
        piece = text[s:e]
        punct = not any(ch.isalnum() for ch in piece)
        if seen_end and not punct:
            out.append(k)
            seen_end = False
        elif piece in SENTENCE_END:
            seen_end = True
    return out
