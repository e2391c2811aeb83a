"""The name around a selection, from the text alone (no parse is stored): the keyboard's Shift+Space widens Find's
match or a word to it in one key, where Ctrl+Shift+Right took a token a press ("the Central Anti-Corruption Bureau":
five presses over "Central", "Anti", "-", "Corruption", "Bureau").

A name is a run of words that start with a capital letter or a digit, in one sentence, joined by a hyphen with no
space around it ("Anti-Corruption"), by a lowercase word that names join by ("Court of Appeal", "Directorate for
National Roads", "Médecins Sans Frontières" needs none), or by "and" after such a word in the run ("for National Roads
and Motorways", never "Russia and China"), a full stop after a capital abbreviation ("U.S.", "St. Louis"). A "the"
before it is left out (events-dev's gold: "United States", "Middle East"); Shift+Space again takes it in
(``with_article``: "the Warsaw Regional Court", as the seeds' gold and ACE write an organisation). A sentence's first word is a name's only when the text never
writes it in lowercase ("On November 17" is November 17). Tokens are the document's (stored, else the one fallback's),
the sentence's only.
"""

from __future__ import annotations

import re

from collections.abc import Sequence

JOINERS = frozenset(
    {"of", "for", "de", "del", "della", "des", "du", "da", "do", "dos", "van", "von", "der", "al", "bin"}
)
HYPHENS = frozenset("-\u2010\u2011")
_AND = "and"


def _is_name(word: str) -> bool:
    """A word that starts with a capital, or a number ("17", "2023"; not "80th", which is no name's word)."""
    return word[:1].isupper() or word.isdigit()


def _common_word(text: str, word: str) -> bool:
    """A sentence's first word that the text writes in lowercase elsewhere ("On", "While", "At"): no name's word."""
    low = word.lower()
    return low != word and re.search(rf"(?<!\w){re.escape(low)}(?!\w)", text) is not None


def _abbreviation(word: str) -> bool:
    """A capitalised word of at most three letters, as a full stop after it ends an abbreviation ("U.S.", "St.",
    "J."), not a sentence, inside a name."""
    return len(word) <= 3 and word[:1].isupper() and word.isalpha()


def name_around(text: str, tokens: tuple[Sequence[int], Sequence[int]], start: int, end: int) -> tuple[int, int] | None:
    """The name (as the module says) around ``[start, end)`` within the sentence whose tokens (starts, ends) are
    ``tokens`` (the document's: ``navigation.Tokens.within``), or None when the words
    there start no name (a lowercase word, punctuation). The selection's own words need not be whole: Find's
    "cen" of "Central" widens too. Words before the selection that the text writes in lowercase elsewhere and a name
    follows are a title, left out ("Russian President Vladimir Putin" from "Putin": Vladimir Putin)."""
    starts, ends = tokens
    inside = [k for k, (s, e) in enumerate(zip(starts, ends)) if s < max(end, start + 1) and start < e]
    if not inside:
        return None
    words = [text[s:e] for s, e in zip(starts, ends)]
    if words and _common_word(text, words[0]):
        words[0] = words[0].lower()  # read as the word it is
    i, j = inside[0], inside[-1]
    if not (_is_name(words[i]) and _is_name(words[j])):
        return None

    def joined(a: int, b: int) -> bool:  # tokens a and b (a < b) touch with nothing between
        return ends[a] == starts[b]

    def step(k: int, d: int, joiner_seen: bool) -> tuple[int, bool] | None:
        """The next piece of the name from token k in direction d and whether a joining word was passed, or None."""
        n = k + d
        if not 0 <= n < len(words):
            return None
        if _is_name(words[n]) and (words[n][0].isalnum()):
            return n, joiner_seen
        if words[n] == "." and d > 0 and joined(k, n) and _abbreviation(words[k]):
            return n, joiner_seen  # "U.S.", "St. Louis": the full stop is the name's
        m = n + d
        if not 0 <= m < len(words):
            return None
        if words[n] == "." and d < 0 and joined(m, n) and _abbreviation(words[m]):
            return m, joiner_seen
        if not _is_name(words[m]):
            return None
        if words[n] in HYPHENS and joined(min(k, n), max(k, n)) and joined(min(n, m), max(n, m)):
            return m, joiner_seen
        if words[n] in JOINERS:
            return m, True
        if words[n] == _AND and joiner_seen:
            return m, joiner_seen
        return None

    seen = any(w in JOINERS for w in words[i : j + 1])
    while True:  # both ways until neither moves: a joiner found on the left lets "and" join on the right
        was = (i, j)
        while (nxt := step(j, 1, seen)) is not None:
            j, seen = nxt
        while (prv := step(i, -1, seen)) is not None:
            i, seen = prv
        if (i, j) == was:
            break
    for k in range(i, inside[0]):  # a title before the name: "President", "Foreign Minister", "Judge"
        if _common_word(text, words[k]) and words[k + 1] not in JOINERS and words[k + 1][:1].isupper():
            i = k + 1
    return starts[i], ends[j]


def with_article(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """``span`` with the "the" just before it (Shift+Space again: "the Warsaw Regional Court", as the seeds' gold and
    ACE write an organisation; events-dev's gold leaves it out, "United States"), or None when none is there."""
    m = re.search(r"(?<!\w)the\s+\Z", text[max(0, span[0] - 8) : span[0]], re.IGNORECASE)
    return (span[0] - len(m.group()), span[1]) if m else None


def filler_around(
    text: str, spans: Sequence[tuple[int, int]], word: tuple[int, int], name: tuple[int, int] | None
) -> tuple[int, int]:
    """What a role key typed in Find's bar selects for the role from the match snapped to its ``word``: the word when
    it is one of ``spans`` (the document's spans not rejected) or lies in one (the key takes that span:
    ``EditActions.take_span_around_match``); else the ``name`` around it (``name_around``: "co" of "Court of Appeal" no
    span yet) when it spans more than one word ("Modi" of "the Putin-Modi summit" stays Modi; a sentence's first "The"
    read as a name's word left out); else the word ("team"). The key filled the role with the word alone, a span of its
    own inside the name the person meant (session 31: Alt+Enter, then the role key)."""
    s, e = word
    if any(a <= s and e <= b for a, b in spans):
        return word
    if name is not None and text[name[0] : name[0] + 4].lower() == "the " and name[0] + 4 <= s:
        name = (name[0] + 4, name[1])  # a sentence's first "The", read as a name's word: its "the" is left out
    if name is not None and name[0] <= s and e <= name[1] and any(ch.isspace() for ch in text[name[0] : name[1]]):
        return name
    return word
