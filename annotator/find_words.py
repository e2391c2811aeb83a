"""Find's matching: where the words typed occur in a document, the matches Enter stops at, and the next one from the
caret (the find bar, ``ui.panels.find_bar``, shows them)."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Sequence

from annotator.graphemes import ends_open, inside_cluster, joined_after, joining_marks, pictograph, single_code_points

# the combining accents of the Latin, Greek and Cyrillic letters (and their supplements): a match never ends before one
_NO_ACCENT_AFTER = "(?![\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f])"
_PRESENTATION = "\ufe0e\ufe0f"  # an emoji's text or emoji presentation selector: the same character as seen


def _typed_clusters(words: str) -> list[set[str]]:
    """The letters of ``words`` as typed (NFC, an emoji's presentation selector left out), each as the set of its
    canonical forms (composed, decomposed, its first accents composed and the rest apart)."""
    typed = unicodedata.normalize("NFC", words)
    bare = typed.translate({ord(c): None for c in _PRESENTATION})
    typed = bare or typed  # a selector typed alone is looked for as itself
    clusters: list[str] = []
    for ch in typed:
        if clusters and unicodedata.combining(ch):
            clusters[-1] += ch
        else:
            clusters.append(ch)
    out = []
    for cluster in clusters:
        apart = unicodedata.normalize("NFD", cluster)
        out.append(
            {cluster, apart, *(unicodedata.normalize("NFC", apart[:k]) + apart[k:] for k in range(2, len(apart)))}
        )
    return out


@lru_cache(maxsize=64)
def words_pattern(words: str) -> re.Pattern[str]:
    """The pattern of ``words`` as Find looks for them: case-insensitive, and each letter with its accents in any of
    its canonical forms (composed, decomposed, or its first accents composed and the rest apart): "Zoë" typed (a
    keyboard's composed U+00EB) finds a text stored decomposed, "Zoe" and U+0308 (macOS file names, some PDFs' text,
    corpora kept in NFD), which found nothing; Hangul syllables and their jamo alike. A match never ends between a
    letter and its accent: "Zoe" finds no "Zoë" in either form. An emoji typed with or without its presentation
    selector (U+FE0F, U+FE0E) finds it either way ("🏛" finds "🏛️" whole). Offsets stay the stored text's code points.
    ``find_all`` keeps the matches that are whole characters (``_whole_pattern``)."""
    parts = []
    for forms in _typed_clusters(words):
        escaped = sorted((re.escape(f) for f in forms), key=len, reverse=True)  # the whole letter first
        parts.append(escaped[0] if len(escaped) == 1 else f"(?:{'|'.join(escaped)})")
        if pictograph(next(iter(forms))[0]):
            parts.append(f"[{_PRESENTATION}]?")
    return re.compile("".join(parts) + _NO_ACCENT_AFTER, re.IGNORECASE)


@dataclass(frozen=True)
class _Looked:
    """What Find needs of a text's characters to keep its matches whole (``_looked``)."""

    text: str
    single: bool  # every character one code point: no match can cut one
    chars: frozenset[str]  # its distinct characters (empty when ``single``)
    marks: str  # those that join any character before them (a match followed by one ends inside)


_last_looked = _Looked("", True, frozenset(), "")


def _looked(text: str) -> _Looked:
    """A look at ``text``'s distinct characters, kept for the last text (the find bar counts at each key on the same
    one: 2,000,000 characters' distinct ones are read at its first key, 20 ms)."""
    global _last_looked
    last = _last_looked
    if last.text is text:
        return last
    if text.isascii() or single_code_points(text):
        looked = _Looked(text, True, frozenset(), "")
    else:
        chars = frozenset(text)
        looked = _Looked(text, False, chars, joining_marks(chars))
    _last_looked = looked
    return looked


@lru_cache(maxsize=64)
def _whole_pattern(words: str, marks: str) -> re.Pattern[str]:
    """``words_pattern`` whose match is followed by none of ``marks`` (it would end inside that character)."""
    pattern = words_pattern(words)
    if not marks:
        return pattern
    return re.compile(f"{pattern.pattern}(?![{re.escape(marks)}])", re.IGNORECASE)


def _whole(text: str, words: str) -> tuple[re.Pattern[str], Callable[[int, int], bool] | None]:
    """How Find keeps the matches of ``words`` in ``text`` that are whole characters: none begins or ends inside a
    grapheme cluster (half a flag, the first emoji of a ZWJ family, "👍" of "👍🏽", a consonant of a conjunct), as
    ``graphemes.ClusterEdges`` keeps spans. Most of it is the pattern's: a match followed by a mark of the text is none
    (``_whole_pattern``); the test given with it (None: every match is whole) looks at an edge with
    ``graphemes.inside_cluster`` only where more decides (a match that starts with a regional indicator, an emoji, a
    jamo or a consonant, after a character it may join; one that ends with such a one). A text of ASCII only, or
    whose every character is one code point, is not looked at."""
    looked = _looked(text)
    if looked.single:
        return words_pattern(words), None
    pattern = _whole_pattern(words, looked.marks)
    clusters = _typed_clusters(words)
    afters = [joined_after(f[0], looked.chars) for f in clusters[0]] if clusters else []
    always = any(a is None for a in afters)
    after = frozenset().union(*(a for a in afters if a is not None))
    open_end = bool(clusters) and any(ends_open(f) for f in clusters[-1])
    if not always and not after and not open_end:
        return pattern, None

    def whole(s: int, e: int) -> bool:
        if (always or (s and text[s - 1] in after)) and inside_cluster(text, s):
            return False
        return not (open_end and inside_cluster(text, e))

    return pattern, whole


def find_all(text: str, words: str) -> list[tuple[int, int]]:
    """Every place ``words`` occurs in ``text`` (``words_pattern``: case-insensitive, accents in either form), each
    whole characters (``_whole``), in text order (code points, end exclusive): what Find steps through and counts."""
    if not words:
        return []
    pattern, whole = _whole(text, words)
    spans = [m.span() for m in pattern.finditer(text)]
    return spans if whole is None else [m for m in spans if whole(*m)]


def count_all(text: str, words: str) -> int:
    """How many matches ``find_all`` gives, without making the list: the find bar counts at each change of its words
    (a letter typed on a 2 MB document: no list of 180,000 spans made and dropped at each key)."""
    if not words:
        return 0
    pattern, whole = _whole(text, words)
    if whole is None:
        return sum(1 for _ in pattern.finditer(text))
    return sum(1 for m in pattern.finditer(text) if whole(*m.span()))


def find_stops(text: str, matches: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The matches Find's Enter stops at: those at a word's start or end (a whole word, "strike" of "airstrike",
    "bou" of "bought"), stepping over one inside a word, a letter on each side ("bou" of "about": a person typing the
    first letters of a word looks for a word that starts so), unless every match lies inside a word. Words of one
    letter stop everywhere, as before: a letter is looked for as itself. Find counts every match (``find_all``)."""
    if not matches or matches[0][1] - matches[0][0] < 2:
        return list(matches)

    def inside(start: int, end: int) -> bool:
        if start == 0 or end == len(text):
            return False
        return all(ch.isalnum() for ch in (text[start - 1], text[start], text[end - 1], text[end]))

    stops = [m for m in matches if not inside(*m)]
    return stops or list(matches)


def next_match(matches: Sequence[tuple[int, int]], start: int, end: int, backward: bool = False) -> int | None:
    """The index in ``matches`` (as ``find_all`` gives them) of the match after the caret or selection [start, end)
    (before it, ``backward``), wrapping round; None when there is none."""
    if not matches:
        return None
    if backward:
        i = bisect_left(matches, (start, -1)) - 1  # the last match that starts before the selection
        return i if i >= 0 else len(matches) - 1
    i = bisect_left(matches, (end, -1))  # the first that starts at or after its end
    return i if i < len(matches) else 0


def next_match_in(
    matches: Sequence[tuple[int, int]], start: int, end: int, spans: Sequence[tuple[int, int]]
) -> int | None:
    """``next_match``'s index going on from the caret or selection [start, end), wrapping round, but of the first match
    that lies in exactly one of ``spans`` (Alt+X in Find's bar: the next match in one undecided suggestion, those in
    none passed over); None when none does. The spans are walked, not the matches: a letter's 42,000 matches in a
    529,249-character document, each asked which suggestions it lies in, took 10 s; the spans' matches found by
    bisection take milliseconds."""
    first = next_match(matches, start, end)
    if first is None:
        return None
    covered: dict[int, int] = {}
    for s, e in spans:
        i = bisect_left(matches, (s, -1))
        while i < len(matches) and matches[i][0] < e:
            if matches[i][1] <= e:
                covered[i] = covered.get(i, 0) + 1
            i += 1
    once = [i for i, n in covered.items() if n == 1]
    return min(once, key=lambda i: (i - first) % len(matches)) if once else None


NAME_LOOKS = 500  # the matches at a capital asked at most (Alt+Enter): a bound on the GUI thread's work


def next_match_named(
    text: str,
    matches: Sequence[tuple[int, int]],
    start: int,
    end: int,
    named: Callable[[int, int], tuple[int, int] | None],
) -> int | None:
    """``next_match``'s index going on from the caret or selection [start, end), wrapping round, but of the first match
    that ``named`` widens to a name (Alt+Enter in Find's bar: seed 004's "co" passes over "the court" to "Court of
    Appeal"); None when none does. Only a match whose word starts with a capital or a digit is asked (a name's words
    do: ``name_span``), the first ``NAME_LOOKS`` of them: a letter's thousands of matches in a long document are not
    all read on a key."""
    first = next_match(matches, start, end)
    if first is None:
        return None
    asked = 0
    for k in range(len(matches)):
        i = (first + k) % len(matches)
        s, e = matches[i]
        w = s
        while w > 0 and text[w - 1].isalnum():
            w -= 1
        if not (text[w].isupper() or text[w].isdigit()):
            continue
        asked += 1
        if named(s, e) is not None:
            return i
        if asked >= NAME_LOOKS:
            return None
    return None
