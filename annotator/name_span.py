"""The name around a selection, from the text alone (no parse is stored): the keyboard's Shift+Space widens Find's
match or a word to it in one key, where Ctrl+Shift+Right took a token a press ("the Central Anti-Corruption Bureau":
five presses over "Central", "Anti", "-", "Corruption", "Bureau").

A name is a run of words that start with a capital letter or a digit, in one sentence, joined by a hyphen with no
space around it ("Anti-Corruption"), by a lowercase word that names join by ("Court of Appeal", "Directorate for
National Roads", "Médecins Sans Frontières" needs none), or by "and" after such a word in the run ("for National Roads
and Motorways", never "Russia and China"). A "the" just before a run of two name words or more is taken too, as the
organisations of the seeds' gold and ACE's are written ("the Warsaw Regional Court"); a single word is left without
it ("the Kremlin" is Kremlin in spaCy's and most gold). A sentence's first word is a name's only when the text never
writes it in lowercase ("On November 17" is November 17). Tokens are the one fallback's (``annotator.tokens``) within the
sentence: the app snaps the result to the document's tokens.
"""

from __future__ import annotations

import re

from annotator.tokens import word_tokens

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


def name_around(text: str, bounds: tuple[int, int], start: int, end: int) -> tuple[int, int] | None:
    """The name (as the module says) around ``[start, end)`` within the sentence ``bounds``, or None when the words
    there start no name (a lowercase word, punctuation). The selection's own words need not be whole: Find's
    "cen" of "Central" widens too."""
    starts, ends = word_tokens(text, *bounds)
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
        """The next name word from token k in direction d and whether a joining word was passed, or None."""
        n = k + d
        if not 0 <= n < len(words):
            return None
        if _is_name(words[n]) and (words[n][0].isalnum()):
            return n, joiner_seen
        m = n + d
        if not 0 <= m < len(words) or not _is_name(words[m]):
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
    name_words = sum(1 for w in words[i : j + 1] if _is_name(w))
    if name_words >= 2 and not words[j].isdigit() and i > 0 and words[i - 1].lower() == "the":  # not "the May 17"
        i -= 1
    return starts[i], ends[j]
