"""Grapheme clusters (what a reader sees as one character: an emoji with its skin tone, a ZWJ family, a flag, a letter
with its combining accents, a Hangul syllable of jamo, CR LF), for offsets that count them: doccano's projects with
"Count grapheme clusters as one character" (``grapheme_mode``, doccano issue 2290) write their spans so. The standard
library has no segmentation, and the `regex` module's ``\\X`` (not a dependency) applies Unicode 15.1's Indic
conjuncts (GB9c: a virama joining two consonants makes one cluster), which the splitters that wrote older files do not;
so the rules of Unicode's UAX #29 (extended clusters, GB3-GB13) are applied here on ``unicodedata``'s categories:
Extend (Mn, Me, ZWNJ, emoji modifiers, tag characters), SpacingMark (Mc), ZWJ sequences of pictographs, pairs of
regional indicators, Hangul L/V/T/LV/LVT. Left out: Prepend (a handful of Arabic and Indic signs) and GB9c. Offsets are
converted here and nowhere else (``GraphemeMap``)."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right

_CR, _LF, _CONTROL, _EXTEND, _ZWJ, _SPACING, _RI, _L, _V, _T, _LV, _LVT, _PICT, _OTHER = range(14)
_SIMPLE = re.compile(r"[\x20-\x7e\n\t]*")  # characters that are a cluster each (CR is not: CR LF is one)


def _kind(ch: str) -> int:
    cp = ord(ch)
    if cp < 0x7F:
        return _CR if ch == "\r" else _LF if ch == "\n" else _CONTROL if cp < 0x20 else _OTHER
    if cp == 0x200D:
        return _ZWJ
    if cp == 0x200C or 0x1F3FB <= cp <= 0x1F3FF or 0xE0020 <= cp <= 0xE007F or cp in (0xFF9E, 0xFF9F):
        return _EXTEND
    if 0x1F1E6 <= cp <= 0x1F1FF:
        return _RI
    if 0x1100 <= cp <= 0x115F or 0xA960 <= cp <= 0xA97C:
        return _L
    if 0x1160 <= cp <= 0x11A7 or 0xD7B0 <= cp <= 0xD7C6:
        return _V
    if 0x11A8 <= cp <= 0x11FF or 0xD7CB <= cp <= 0xD7FB:
        return _T
    if 0xAC00 <= cp <= 0xD7A3:
        return _LV if (cp - 0xAC00) % 28 == 0 else _LVT
    cat = unicodedata.category(ch)
    if cat in ("Mn", "Me"):
        return _EXTEND
    if cat == "Mc":
        return _SPACING
    if cat in ("Cc", "Zl", "Zp", "Cf", "Cs"):
        return _CONTROL
    if cat == "So" and (cp >= 0x1F000 or 0x2190 <= cp <= 0x2BFF or cp in (0x00A9, 0x00AE)):
        return _PICT  # Extended_Pictographic, near enough: the emoji and the symbols a ZWJ sequence joins
    return _OTHER


def _joined(prev: int, kind: int, pict_before_zwj: bool, ri_run: int) -> bool:
    """No break between a character of ``prev`` and one of ``kind`` (UAX #29's GB3-GB13)."""
    if prev == _CR:
        return kind == _LF  # GB3, GB4
    if prev in (_LF, _CONTROL) or kind in (_CR, _LF, _CONTROL):
        return False  # GB4, GB5
    if prev == _L:
        return kind in (_L, _V, _LV, _LVT)  # GB6 (and GB9 below)  # noqa: SIM114
    if kind in (_EXTEND, _ZWJ, _SPACING):
        return True  # GB9, GB9a
    if prev in (_LV, _V):
        return kind in (_V, _T)  # GB7
    if prev in (_LVT, _T):
        return kind == _T  # GB8
    if prev == _ZWJ:
        return kind == _PICT and pict_before_zwj  # GB11
    if prev == _RI:
        return kind == _RI and ri_run % 2 == 1  # GB12, GB13
    return False


_JOINING = (_EXTEND, _ZWJ, _SPACING, _RI, _L, _V, _T)  # the kinds that can join the character before them


def _all_single(text: str) -> bool:
    """No cluster of ``text`` has two code points: none of its distinct characters joins the one before it, and no CR
    is followed by LF (a look at each distinct character, not at each one: a news text's few hundred)."""
    chars = set(text)
    return not ("\r" in chars and "\r\n" in text) and not any(_kind(c) in _JOINING for c in chars)


def cluster_starts(text: str) -> list[int]:
    """The code point offset where each grapheme cluster of ``text`` begins, in order (``[0, 1, ..., len-1]`` for a
    text of plain characters)."""
    if not text:
        return []
    if _SIMPLE.fullmatch(text) or _all_single(text):
        return list(range(len(text)))
    starts = [0]
    prev = _kind(text[0])
    pict = prev == _PICT  # a pictograph, then only Extend, before the ZWJ now looked at
    ri_run = 1 if prev == _RI else 0
    for i in range(1, len(text)):
        kind = _kind(text[i])
        if prev == _L and kind in (_EXTEND, _ZWJ, _SPACING):
            joined = True
        else:
            joined = _joined(prev, kind, pict, ri_run)
        if not joined:
            starts.append(i)
            pict, ri_run = False, 0
        if kind == _PICT:
            pict = True
        elif kind not in (_EXTEND, _ZWJ):
            pict = False
        ri_run = ri_run + 1 if kind == _RI else 0
        prev = kind
    return starts


class GraphemeMap:
    """Converts offsets between code points and grapheme clusters for one text."""

    def __init__(self, text: str) -> None:
        self._starts = cluster_starts(text)
        self.length = len(text)
        self.count = len(self._starts)

    def exact_codepoint(self, g: int) -> int | None:
        """The code point where cluster ``g`` begins (``count``: the text's end); None outside the text."""
        if type(g) is not int or not 0 <= g <= self.count:
            return None
        return self.length if g == self.count else self._starts[g]

    def to_grapheme(self, cp: int) -> int:
        """The cluster a code point offset lies in (the text's end: ``count``); inside a cluster, that cluster."""
        if cp >= self.length:
            return self.count
        return bisect_right(self._starts, cp) - 1

    def identity(self) -> bool:
        """Every cluster one code point: the two counts agree."""
        return self.count == self.length
