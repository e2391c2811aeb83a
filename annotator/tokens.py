"""The one token fallback for a document that was never pre-annotated (no stored tokens): used by the app
(snapping, token moves), the token exports (spaCy, Prodigy, DyGIE++, CoNLL) and agreement.

Tokens are runs of word characters and single other non-space characters (``\\w+|[^\\w\\s]``): "Merkel's" is
``Merkel``, ``'``, ``s``; "$2" is ``$``, ``2``. A combining mark (Unicode category M: Thai and Devanagari vowel
signs, the accent of a decomposed ``é``) belongs to the word it sits in, as in spaCy's tokens: Python's ``\\w``
leaves marks out, so "हिन्दी" was six tokens and a decomposed "Café" two. Chinese and Japanese characters (Han,
Hiragana, Katakana) are a token each, as spaCy's Chinese tokenizer cuts by default: these scripts put no spaces
between words, so a run of them was one token, a whole clause, and every entity in it was widened to the clause in
the token exports. Sentences start after a token that ends one (``.``, ``!``, ``?``, ``。`` and the like), at the
next token that is not punctuation, as spaCy's sentencizer does. Pure Python and fast (no spaCy load), so the app
can use it on the GUI thread. A document pre-annotated later uses its stored tokens.
"""

from __future__ import annotations

import re
import unicodedata

from annotator.graphemes import ClusterEdges

# Han (with extensions A-G and compatibility ideographs), Hiragana, Katakana (and its phonetic extensions, halfwidth)
CJK = "\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003134f"
WORD = re.compile(rf"(?P<c>[{CJK}])|(?P<w>[^\W{CJK}]+)|(?P<o>[^\w\s])")  # a CJK character, a word run, one other
PLAIN = re.compile(r"\w+|[^\w\s]")  # WORD's pieces on ASCII text, found faster (no groups, no CJK class)
SENTENCE_END = frozenset(".!?\u2026\u3002\uff0e\uff61\uff01\uff1f\u061f\u0964")  # also fullwidth ．and halfwidth ｡


def word_tokens(text: str, pos: int = 0, endpos: int | None = None) -> tuple[list[int], list[int]]:
    """(starts, ends) of the fallback tokens of ``text`` (of ``text[pos:endpos]``): ``WORD``'s pieces, with a
    combining mark joined to the piece it touches before it and a word piece joined to a mark it follows."""
    starts: list[int] = []
    ends: list[int] = []
    end = len(text) if endpos is None else endpos
    if (text if pos == 0 and end == len(text) else text[pos:end]).isascii():  # no marks, no CJK: the pieces as they are
        for m in PLAIN.finditer(text, pos, end):
            starts.append(m.start())
            ends.append(m.end())
        return starts, ends
    last_mark = False
    for m in WORD.finditer(text, pos, end):
        s, e = m.span()
        other = m.lastgroup == "o"
        mark = other and unicodedata.category(text[s])[0] == "M"  # marks are never \w: only "o" pieces
        if ends and s == ends[-1] and (mark or (last_mark and not other)):
            ends[-1] = e
        else:
            starts.append(s)
            ends.append(e)
        last_mark = mark
    edges = ClusterEdges(text, pos, end)  # a flag, a ZWJ family, an emoji and its modifier: one token, as stored ones
    if edges.whole:
        return starts, ends
    whole_starts, whole_ends, _ = edges.merge_tokens(starts, ends)
    return whole_starts, whole_ends


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
        elif piece in SENTENCE_END and not _in_number(text, starts, ends, k):
            seen_end = True
    return out


def _in_number(text: str, starts: list[int], ends: list[int], k: int) -> bool:
    """Whether token ``k`` (a full stop or the like) joins two runs of digits with no space ("3.4", "10.30"), as in a
    spaCy token: "accepting 3.4 million zlotys" was two sentences, cut at "3."."""
    return (
        0 < k < len(starts) - 1
        and ends[k - 1] == starts[k]
        and ends[k] == starts[k + 1]
        and text[starts[k] - 1].isdigit()
        and text[ends[k]].isdigit()
    )
