"""The one token fallback for a document that was never pre-annotated (no stored tokens): used by the app
(snapping, token moves), the token exports (spaCy, Prodigy, DyGIE++, CoNLL) and agreement.

Tokens are runs of word characters and single other non-space characters (``\\w+|[^\\w\\s]``): "Merkel's" is
``Merkel``, ``'``, ``s``; "$2" is ``$``, ``2``. A combining mark (Unicode category M: Thai and Devanagari vowel
signs, the accent of a decomposed ``é``) belongs to the word it sits in, as in spaCy's tokens: Python's ``\\w``
leaves marks out, so "हिन्दी" was six tokens and a decomposed "Café" two. Sentences start after a token that
ends one (``.``, ``!``, ``?`` and the like), at the next token that is not punctuation, as spaCy's sentencizer
does. Pure Python and fast (no spaCy load), so the app can use it on the GUI thread. A document pre-annotated later uses its stored tokens.
"""

from __future__ import annotations

import re
import unicodedata

WORD = re.compile(r"\w+|[^\w\s]")
SENTENCE_END = frozenset(".!?\u2026\u3002\uff01\uff1f\u061f\u0964")


def word_tokens(text: str, pos: int = 0, endpos: int | None = None) -> tuple[list[int], list[int]]:
    """(starts, ends) of the fallback tokens of ``text`` (of ``text[pos:endpos]``): ``WORD``'s pieces, with a
    combining mark joined to the piece it touches before it and a word run joined to a mark it follows."""
    starts: list[int] = []
    ends: list[int] = []
    marks = not text.isascii()
    for m in WORD.finditer(text, pos, len(text) if endpos is None else endpos):
        s, e = m.span()
        if marks and ends and s == ends[-1] and _joins(text, s):
            ends[-1] = e
        else:
            starts.append(s)
            ends.append(e)
    return starts, ends


def _joins(text: str, s: int) -> bool:
    """Whether the piece starting at ``s`` belongs to the piece that ends there (a mark is on one side)."""
    first = text[s]
    if unicodedata.category(first)[0] == "M":
        return True
    return unicodedata.category(text[s - 1])[0] == "M" and (first.isalnum() or first == "_")


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
