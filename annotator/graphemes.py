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
from typing import Iterable

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


# GB9c's Indic conjuncts: a consonant of these scripts, its virama (the linker), the next consonant (क्ष: one cluster)
_LINKERS = frozenset("\u094d\u09cd\u0acd\u0b4d\u0c4d\u0d4d")
_CONSONANT = re.compile(
    "[\u0915-\u0939\u0958-\u095f\u0978-\u097f\u0995-\u09a8\u09aa-\u09b0\u09b2\u09b6-\u09b9\u09dc\u09dd"
    "\u09df\u09f0\u09f1\u0a95-\u0aa8\u0aaa-\u0ab0\u0ab2\u0ab3\u0ab5-\u0ab9\u0af9\u0b15-\u0b28\u0b2a-\u0b30"
    "\u0b32\u0b33\u0b35-\u0b39\u0b5c\u0b5d\u0b5f\u0b71\u0c15-\u0c28\u0c2a-\u0c39\u0c58-\u0c5a\u0d15-\u0d3a]"
)


def cluster_starts(text: str, conjuncts: bool = False) -> list[int]:
    """The code point offset where each grapheme cluster of ``text`` begins, in order (``[0, 1, ..., len-1]`` for a
    text of plain characters). ``conjuncts``: Unicode 15.1's GB9c too (a consonant, a virama and the next consonant
    one cluster, as a reader sees the conjunct), for the edges of spans and tokens; doccano's offsets count without."""
    if not text:
        return []
    if _SIMPLE.fullmatch(text) or _all_single(text):
        return list(range(len(text)))
    starts = [0]
    prev = _kind(text[0])
    pict = prev == _PICT  # a pictograph, then only Extend, before the ZWJ now looked at
    ri_run = 1 if prev == _RI else 0
    linked = 1 if conjuncts and _CONSONANT.match(text[0]) else 0  # 1: after a consonant; 2: and then a virama
    for i in range(1, len(text)):
        kind = _kind(text[i])
        if prev == _L and kind in (_EXTEND, _ZWJ, _SPACING):
            joined = True
        else:
            joined = _joined(prev, kind, pict, ri_run)
        if conjuncts:
            consonant = bool(_CONSONANT.match(text[i]))
            joined = joined or (consonant and linked == 2)
            if consonant:
                linked = 1
            elif linked and text[i] in _LINKERS:
                linked = 2
            elif kind not in (_EXTEND, _ZWJ):
                linked = 0
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


_RUN = re.compile(r"[^\x00-\x7f]+|\r\n")  # where a cluster of two or more code points can be


class ClusterEdges:
    """Where the grapheme clusters of one text (or of ``text[lo:hi]``) begin and end, to keep spans and tokens whole:
    a span never starts or ends inside what a reader sees as one character (spaCy cuts a flag into its two regional
    indicators, a ZWJ family into five tokens, "🏛️" into the emoji and its U+FE0F). ``whole``: every cluster is one
    code point (ordinary text: nothing to do, found by a look at the distinct characters)."""

    def __init__(self, text: str, lo: int = 0, hi: int | None = None) -> None:
        hi = len(text) if hi is None else hi
        part = text if lo == 0 and hi == len(text) else text[lo:hi]
        self.whole = single_code_points(part)
        self._starts: list[int] = []  # the clusters of two or more code points: their starts and ends
        self._ends: list[int] = []
        if not self.whole:
            self._find_clusters(part, lo)

    def _find_clusters(self, part: str, lo: int) -> None:
        """The clusters of two or more code points, walked only in the runs of non-ASCII characters that hold one
        that joins the one before it (with the ASCII character before the run: "e" and its accent), and at CR LF: an
        ASCII character always starts a cluster (but LF after CR), so no cluster crosses one."""
        joining = "".join(re.escape(c) for c in set(part) if _kind(c) in _JOINING)
        joins = re.compile(f"[{joining}]") if joining else None
        for m in _RUN.finditer(part):
            a, b = m.span()
            if part[a] != "\r" and (joins is None or not joins.search(part, a, b)):
                continue  # no character of the run joins the one before it
            if part[a] != "\r" and a > 0 and part[a - 1] not in "\r\n":
                a -= 1
            run = part[a:b]
            starts = [*cluster_starts(run, conjuncts=True), len(run)]
            for s, e in zip(starts, starts[1:]):
                if e - s > 1:
                    self._starts.append(lo + a + s)
                    self._ends.append(lo + a + e)

    def _cluster(self, cp: int) -> int:
        """The index of the cluster of two or more code points ``cp`` lies inside (after its start), or -1."""
        i = bisect_right(self._starts, cp) - 1
        return i if i >= 0 and self._starts[i] < cp < self._ends[i] else -1

    def start_of(self, cp: int) -> int:
        """The start of the cluster ``cp`` lies in (``cp`` itself at a cluster's start or outside the text)."""
        i = -1 if self.whole else self._cluster(cp)
        return cp if i < 0 else self._starts[i]

    def end_of(self, cp: int) -> int:
        """``cp`` as an end: itself at a cluster's start, else the end of the cluster it lies inside."""
        i = -1 if self.whole else self._cluster(cp)
        return cp if i < 0 else self._ends[i]

    def widen(self, start: int, end: int) -> tuple[int, int]:
        """[start, end) widened to whole clusters (as it is when its edges are cluster edges already)."""
        return self.start_of(start), self.end_of(end)

    def merge_tokens(
        self, starts: list[int], ends: list[int], sentence_starts: list[int] | None = None
    ) -> tuple[list[int], list[int], list[int]]:
        """Tokens with no edge inside a grapheme cluster: a cut between two tokens that touch moves to the end of the
        cluster it falls in (spaCy's "👍" "🏽." are "👍🏽" "."; a flag's two regional indicators one token, the
        second left empty and dropped), a token's other edges widen to whole clusters; ``sentence_starts`` (token
        indices) follow their tokens (a dropped token's to the next). The lists as given when nothing needs it."""
        sents = list(sentence_starts or [])
        if self.whole:
            return starts, ends, sents
        new_starts: list[int] = []
        new_ends: list[int] = []
        index: list[int] = []  # where each given token went (a dropped one: the next kept)
        for s, e in zip(starts, ends):
            if new_ends and new_ends[-1] >= s:  # touching the one before (or overlapped by it once widened)
                cut = max(new_ends[-1], self.end_of(s))
                new_ends[-1] = cut
                s = cut
            else:
                s = self.start_of(s)
            e = max(s, self.end_of(e))
            index.append(len(new_starts))
            if s < e:
                new_starts.append(s)
                new_ends.append(e)
        last = len(new_starts) - 1
        merged_sents = sorted({min(index[k], last) for k in sents if 0 <= k < len(index)}) if new_starts else []
        return new_starts, new_ends, merged_sents


_REACH = 512  # code points looked back from a span's start for a cluster start (an ASCII character)


def whole_characters(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) of ``text`` widened to whole grapheme clusters, the clusters worked out only around the span
    (from an ASCII character at or before ``start`` to one at or after ``end``: an ASCII character other than the LF of
    CR LF always starts a cluster), so that a key in a long document costs no pass over all of it."""
    n = len(text)
    if not 0 <= start < end <= n:
        return start, end
    lo = start
    while lo > 0 and lo > start - _REACH and (ord(text[lo]) > 0x7F or (text[lo] == "\n" and text[lo - 1] == "\r")):
        lo -= 1
    if ord(text[lo]) > 0x7F or (lo > 0 and text[lo] == "\n" and text[lo - 1] == "\r"):
        lo = 0  # no ASCII character near: from the text's start
    m = _ASCII.search(text, end)
    hi = m.start() if m else n
    if hi < n and text[hi] == "\n" and text[hi - 1] == "\r":
        hi += 1
    return ClusterEdges(text, lo, hi).widen(start, end)


_ASCII = re.compile(r"[\x00-\x7f]")


def single_code_points(text: str) -> bool:
    """Every grapheme cluster of ``text`` is one code point (no span or match can cut one): a look at its distinct
    characters (``ClusterEdges.whole``, without finding the clusters; 20 ms for 2,000,000 characters)."""
    return not text or bool(_SIMPLE.fullmatch(text)) or _all_single(text)


def inside_cluster(text: str, at: int) -> bool:
    """Whether offset ``at`` of ``text`` falls inside a grapheme cluster (GB9c's conjuncts too), where no span or match
    may begin or end. Decided from the character there and the one before (UAX #29's pair rules; a run of regional
    indicators counted back); only where more context decides (after a ZWJ, a consonant after a virama or a mark) are
    the clusters around it worked out (``whole_characters``). Find's matches are kept whole by it."""
    if at <= 0 or at >= len(text):
        return False
    ch, before = text[at], text[at - 1]
    if ch < "\x80":
        return ch == "\n" and before == "\r"
    kind, prev = _kind(ch), _kind(before)
    if prev == _ZWJ or (_CONSONANT.match(ch) and (before in _LINKERS or prev == _EXTEND)):
        return whole_characters(text, at, at + 1)[0] != at
    if kind == _RI and prev == _RI:
        run = 1
        while at - run - 1 >= 0 and _kind(text[at - run - 1]) == _RI:
            run += 1
        return run % 2 == 1
    if prev == _L and kind in (_EXTEND, _ZWJ, _SPACING):
        return True
    return _joined(prev, kind, False, 0)


def pictograph(ch: str) -> bool:
    """Whether ``ch`` is an emoji or a symbol a ZWJ sequence joins (UAX #29's Extended_Pictographic, near enough)."""
    return _kind(ch) == _PICT


def joining_marks(chars: Iterable[str]) -> str:
    """The characters of ``chars`` that join any character before them but a control (GB9, GB9a: the marks, ZWJ, the
    emoji modifiers, variation selectors and tags), in code point order: a match followed by one ends inside."""
    return "".join(sorted(c for c in chars if _kind(c) in (_EXTEND, _SPACING, _ZWJ)))


_JOINED_AFTER = {  # a character of the key's kind can be inside a cluster only after one of these kinds (GB6-GB13)
    _RI: (_RI,),
    _PICT: (_ZWJ,),
    **{k: (_L, _V, _T, _LV, _LVT) for k in (_L, _V, _T, _LV, _LVT)},
}


def joined_after(first: str, chars: Iterable[str]) -> frozenset[str] | None:
    """The characters of ``chars`` after which ``first`` can be inside a cluster (a match starting with it there needs
    ``inside_cluster``'s look); None: after any (``first`` is a mark, which joins whatever is before it)."""
    kind = _kind(first)
    if kind in (_EXTEND, _SPACING, _ZWJ):
        return None
    kinds = _JOINED_AFTER.get(kind, ())
    conjunct = bool(_CONSONANT.match(first))  # GB9c: after a virama, maybe with marks or ZWJ between
    return frozenset(
        c for c in chars if _kind(c) in kinds or (conjunct and (c in _LINKERS or _kind(c) in (_EXTEND, _ZWJ)))
    )


def ends_open(letter: str) -> bool:
    """Whether a span ending with ``letter`` (a letter with its marks) can end inside a cluster other than by a mark
    after it (``joining_marks``): after a regional indicator, a Hangul jamo or syllable or a ZWJ (GB6-GB8, GB11-GB13),
    or a virama with the marks after it (GB9c: the next consonant joins)."""
    return _kind(letter[-1]) in (_RI, _L, _V, _T, _LV, _LVT, _ZWJ) or any(c in _LINKERS for c in letter)
