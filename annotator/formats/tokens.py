"""Token alignment for the token-based formats: stored tokens (or the one fallback, ``annotator.tokens``), made
complete, and span lookup."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, Callable, Iterable, Mapping, Sequence, TypeVar

from annotator.formats.problem_place import Where
from annotator.offsets import char_to_token_span, token_index_at, tokens_touched
from annotator.store import Project
from annotator.tokens import sentence_starts, word_tokens

T = TypeVar("T")

ALIGN_MODES = ("expand", "skip")


@dataclass
class DocTokens:
    """Tokens that cover the text the way spaCy's do: each gap is "" or one space (``spaces``)."""

    starts: list[int]
    ends: list[int]
    spaces: list[bool]
    sent_starts: list[int]  # token indices
    stored: bool
    arrays: Any = field(
        default=None, compare=False, repr=False
    )  # (starts, ends) as numpy int64 arrays when already made (see ``np_bounds``)

    def __len__(self) -> int:
        return len(self.starts)

    def words(self, text: str) -> list[str]:
        return [text[s:e] for s, e in zip(self.starts, self.ends)]

    def exact(self, start: int, end: int) -> tuple[int, int] | None:
        """Token indices [first, last] (inclusive) of exactly [start, end), or None."""
        return char_to_token_span(self.starts, self.ends, start, end)

    def cover(self, start: int, end: int) -> tuple[int, int] | None:
        """The tokens [first, last] that [start, end) touches, or None if it touches none."""
        return tokens_touched(self.starts, self.ends, start, end)

    def np_bounds(self) -> tuple[Any, Any]:
        """``starts`` and ``ends`` as numpy int64 arrays (made once)."""
        if self.arrays is None:
            import numpy as np

            self.arrays = (np.asarray(self.starts, dtype=np.int64), np.asarray(self.ends, dtype=np.int64))
        return self.arrays

    def exact_many(self, starts: list[int], ends: list[int]) -> list[tuple[int, int] | None]:
        """``exact`` for many [start, end) at once, with whole-array searches instead of a bisect per span."""
        import numpy as np

        if not starts:
            return []
        s, e = self.np_bounds()
        n = len(s)
        qs, qe = np.asarray(starts, dtype=np.int64), np.asarray(ends, dtype=np.int64)
        i = np.searchsorted(s, qs, "left")
        j = np.searchsorted(e, qe, "left")
        ic, jc = np.minimum(i, n - 1), np.minimum(j, n - 1)
        ok = (i < n) & (j < n) & (s[ic] == qs) & (e[jc] == qe) & (j >= i)
        return [(a, b) if k else None for a, b, k in zip(i.tolist(), j.tolist(), ok.tolist())]

    def sentence_of(self, token: int) -> int:
        return max(0, token_index_at(self.sent_starts, token))  # the sentence holding ``token``

    def is_space(self, text: str, token: int) -> bool:
        return text[self.starts[token] : self.ends[token]].isspace()


def complete(text: str, starts: list[int], ends: list[int], sent_starts: list[int], stored: bool) -> DocTokens | None:
    """Fill gaps other than "" or " " with whitespace tokens, as spaCy does; None if the tokens are unusable."""
    quick = _already_complete(text, starts, ends, sent_starts, stored)
    return quick if quick is not None else _fill(text, starts, ends, sent_starts, stored)


def _fill(text: str, starts: list[int], ends: list[int], sent_starts: list[int], stored: bool) -> DocTokens | None:
    n = len(text)
    out_s: list[int] = []
    out_e: list[int] = []
    spaces: list[bool] = []
    old_to_new: list[int] = []
    pos = 0
    for s, e in zip(starts, ends):
        if not (pos <= s < e <= n) or not text[pos:s].isspace() and pos != s:
            return None
        _gap(text, pos, s, out_s, out_e, spaces)
        old_to_new.append(len(out_s))
        out_s.append(s)
        out_e.append(e)
        spaces.append(False)
        pos = e
    if pos < n and not text[pos:].isspace():
        return None
    _gap(text, pos, n, out_s, out_e, spaces)
    sents = sorted({old_to_new[k] for k in sent_starts if 0 <= k < len(old_to_new)} | ({0} if out_s else set()))
    return DocTokens(out_s, out_e, spaces, sents, stored)


def _already_complete(
    text: str, starts: list[int], ends: list[int], sent_starts: list[int], stored: bool
) -> DocTokens | None:
    """The tokens as they are when they need no filling (the usual case: spaCy's own tokens), checked with
    whole-array operations instead of a Python step per token; None when ``complete`` must do the work."""
    import numpy as np

    n = len(starts)
    if n == 0 or len(ends) != n or starts[0] != 0:
        return None
    s = np.asarray(starts, dtype=np.int64)
    e = np.asarray(ends, dtype=np.int64)
    gaps = s[1:] - e[:-1]
    tail = len(text) - int(e[-1])
    if (e <= s).any() or (gaps < 0).any() or (gaps > 1).any() or not 0 <= tail <= 1:
        return None
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    one = np.flatnonzero(gaps)
    if (codes[e[one]] != 32).any() or (tail and codes[-1] != 32):
        return None
    spaces = np.zeros(n, dtype=bool)
    spaces[one] = True
    spaces[-1] = bool(tail)
    sents = sorted({k for k in sent_starts if 0 <= k < n} | {0})
    return DocTokens(list(starts), list(ends), spaces.tolist(), sents, stored, (s, e))


def _gap(text: str, a: int, b: int, out_s: list[int], out_e: list[int], spaces: list[bool]) -> None:
    if a >= b:
        return
    if text[a] == " " and out_s:
        spaces[-1] = True
        a += 1
    if a < b:
        out_s.append(a)
        out_e.append(b)
        spaces.append(False)


def tokenize_fallback(text: str) -> DocTokens:
    """The fallback tokens (``annotator.tokens``: words and punctuation, sentences after . ! ?) made complete."""
    starts, ends = word_tokens(text)
    return complete(text, starts, ends, sentence_starts(text, starts, ends), stored=False) or DocTokens(
        [], [], [], [], False
    )


def tokens_for(project: Project, doc_id: int, text: str) -> DocTokens:
    """The stored tokens of a document made complete, or the fallback tokens (``stored`` False)."""
    got = project.tokens(doc_id)
    if got is not None:
        toks = complete(text, got[0], got[1], got[2], stored=True)
        if toks is not None and toks.starts:
            return toks
    return tokenize_fallback(text)


def _at(where: Any, start: int, end: int) -> dict[str, Any] | None:
    """The place of a span's problem where ``where`` is a ``problem_place.Where`` (a string names no document id)."""
    return where.at(start, end) if isinstance(where, Where) else None


def align(
    toks: DocTokens, start: int, end: int, mode: str, problems: Any, where: Any, exact: Any = False
) -> tuple[int, int] | None:
    """Token span of [start, end); a misaligned span is widened (mode expand) or left out (skip), and reported.

    ``problems`` is a FormatExportReport; ``where`` names the document and the span (a ``problem_place.Where``
    gives its id, label and offsets to ``export --json`` too); ``exact``: what
    ``toks.exact(start, end)`` gives when the caller already has it (``exact_many``).
    """
    hit = toks.exact(start, end) if exact is False else exact
    if hit is not None:
        return hit
    if mode == "expand":
        hit = toks.cover(start, end)
        if hit is not None:
            problems.problem(
                "spans widened to token edges",
                f"{where} [{start}, {end}) -> [{toks.starts[hit[0]]}, {toks.ends[hit[1]]})",
                _at(where, start, end),
            )
            return hit
    problems.problem("spans left out (not on token edges)", f"{where} [{start}, {end})", _at(where, start, end))
    return None


def placed_span(
    toks: DocTokens,
    start: int,
    end: int,
    mode: str,
    problems: Any,
    where: Any,
    place: Mapping[int, T],
    sentence: Callable[[T], int],
) -> tuple[T, T] | None:
    """Where a writer put the first and the last token of [start, end) (``place``: token index -> its place, for
    the tokens it keeps, whitespace left out; ``sentence``: a place's sentence), the span aligned as ``align``
    does; None, reported, for a span of whitespace only or one that crosses a sentence boundary (DyGIE++ and
    OneIE spans lie in one sentence)."""
    hit = align(toks, start, end, mode, problems, where)
    if hit is None:
        return None
    inner = [place[k] for k in range(hit[0], hit[1] + 1) if k in place]
    if not inner:
        problems.problem("spans left out (only whitespace)", f"{where} [{start}, {end})", _at(where, start, end))
        return None
    if sentence(inner[0]) != sentence(inner[-1]):
        problems.problem(
            "spans left out (cross a sentence boundary)", f"{where} [{start}, {end})", _at(where, start, end)
        )
        return None
    return inner[0], inner[-1]


def line_span(
    toks: DocTokens,
    start: int,
    end: int,
    mode: str,
    problems: Any,
    where: Any,
    place: Mapping[int, tuple[int, int]],
) -> tuple[int, int, int] | None:
    """(line, first token, end token exclusive) of [start, end) as ``placed_span`` places it, ``place`` giving each
    kept token its line and its index there (OneIE's sentence lines, WikiEvents' sentences); None, reported."""
    got = placed_span(toks, start, end, mode, problems, where, place, itemgetter(0))
    if got is None:
        return None
    (line, first), (_, last) = got
    return line, first, last + 1


@dataclass
class JoinedTokens:
    """The text of tokens that came without one (CoNLL, DyGIE++): a space between tokens, a line between
    sentences; where each given token lies in it, and the index of each sentence's first token."""

    text: str
    starts: list[int]
    ends: list[int]
    sent_starts: list[int]

    def stored(self) -> tuple[list[int], list[int], list[int]]:
        """(starts, ends, sentence starts) to store as the document's tokens: a token that holds a space (a
        tab-separated CoNLL token ``New York``) is its words; the words of one multiword token, which lie where it
        does (CoNLL-U's ``de el`` on ``del``), are one token."""
        starts: list[int] = []
        ends: list[int] = []
        sent_starts: list[int] = []
        firsts = set(self.sent_starts)
        for k, (s, e) in enumerate(zip(self.starts, self.ends)):
            if k in firsts:
                sent_starts.append(len(starts))
            elif starts and (s, e) == (starts[-1], ends[-1]):  # a multiword token's next word
                continue
            if s == e:  # a token of whitespace where the text has none (``tokens_in_raw``)
                continue
            token = self.text[s:e]
            if not token.isspace() and (" " in token or "\t" in token or "\xa0" in token):
                for m in _WORD.finditer(token):
                    starts.append(s + m.start())
                    ends.append(s + m.end())
            else:
                starts.append(s)
                ends.append(e)
        return starts, ends, sent_starts


_WORD = re.compile(r"\S+")


def tokens_in_text(
    text: Any, tokens: Sequence[str], surfaces: Mapping[int, tuple[int, str]] | None = None
) -> list[tuple[int, int]] | None:
    """Where each token lies in a line's own ``text`` (OneIE's ``sentence``, a token classification line's ``text``),
    when they are all there in order with only whitespace between and around them; else None (the tokens were changed:
    a quote written ``` `` ```, say). ``surfaces``: token index -> (how many tokens, the text they stand for), CoNLL-U's
    multiword tokens (``del`` for the words ``de el``): each of those tokens lies where that text does."""
    if not isinstance(text, str):
        return None
    at, got = 0, []
    k = 0
    while k < len(tokens):
        while at < len(text) and text[at].isspace():
            at += 1
        count, token = (surfaces or {}).get(k, (1, tokens[k]))
        if not text.startswith(token, at):
            return None
        got += [(at, at + len(token))] * count
        at += len(token)
        k += count
    return got if len(got) == len(tokens) and not text[at:].strip() else None


# Penn Treebank's escapes and the characters they stand for, each group's forms one another's (a tokenizer that wrote
# PTB's tokens, spaCy v2's JSON made from a treebank: two backquotes for an opening quote, -LRB- for a bracket)
_PTB_GROUPS = (
    ("``", '"', "\u201c"),
    ("''", '"', "\u201d"),
    ("-LRB-", "("),
    ("-RRB-", ")"),
    ("-LSB-", "["),
    ("-RSB-", "]"),
    ("-LCB-", "{"),
    ("-RCB-", "}"),
    ("--", "\u2014", "\u2013"),  # PTB's dash for an em or en dash
    ("...", "\u2026"),
)
# characters a token may write for the text's inside a word (``n't`` for ``n\u2019t``): a quote straight or curly, one
# class each (PTB's ``` ` ``` opens a single quote)
_QUOTE_CLASS = {c: 1 for c in "'`\u2018\u2019\u201b\u02bc"} | {c: 2 for c in '"\u201c\u201d\u201f'}
_PTB: dict[str, tuple[str, ...]] = {}
for _group in _PTB_GROUPS:
    for _form in _group:
        _PTB[_form] = tuple(dict.fromkeys(_PTB.get(_form, ()) + tuple(f for f in _group if f != _form)))


def ptb_forms(token: str) -> tuple[str, ...]:
    """The other forms a token may have in a text by Penn Treebank's escapes (``-LRB-``: ``(``; ``` `` ```: ``"``,
    ``\u201c``; ``"``: each quote's escape); none for any other token."""
    return _PTB.get(token.upper() if token.startswith("-") else token, ())


def same_char(a: str, b: str) -> bool:
    """Whether a token's character ``a`` stands for the text's ``b``: the same in any case, or a quote of the same kind
    straight or curly (a token's ``'`` for the text's ``\u2019``, and the other way round)."""
    return a.lower() == b.lower() or (a in _QUOTE_CLASS and _QUOTE_CLASS[a] == _QUOTE_CLASS.get(b))


def escaped_in(piece: str, token: str) -> bool:
    """Whether a token lies on the text's ``piece`` by an escape or another quote (``ptb_forms``, ``same_char``), not
    by whitespace and case alone."""
    if piece in ptb_forms(token):
        return True
    letters = [c for c in piece if not c.isspace()]
    return len(letters) == len(token) and any(a != b and a.lower() != b.lower() for a, b in zip(token, letters))


def tokens_in_raw(text: str, tokens: Sequence[str]) -> list[tuple[int, int]] | None:
    """Where each token lies in a ``text`` that holds them with whitespace and case aside (spaCy's own rule for a
    raw text and its tokens, as its ``Example`` aligns them): a token of whitespace alone (spaCy's ``\\n\\n``, the
    second space of two) lies on the whitespace before the next token (its end, where that is the token's own); a
    token's letters match the text's in any case, and the text may have whitespace inside a token; a token in Penn
    Treebank's escapes lies on the character it stands for, and the other way round (``ptb_forms``: ``-LRB-`` on ``(``,
    ``` `` ``` on ``"``, ``--`` on a dash, ``...`` on ``\u2026``), a quote straight or curly for the other (``n't`` on
    ``n\u2019t``, ``same_char``); None when other characters differ or are left over."""
    n, at, got = len(text), 0, []
    for token in tokens:
        if token.isspace():
            a = at
            while at < n and text[at].isspace():
                at += 1
            own = at - len(token)  # where the gap ends with the token's own whitespace (the other a space before it)
            got.append((own, at) if own >= a and text[own:at] == token else (a, at))
            continue
        while at < n and text[at].isspace():
            at += 1
        start = at
        if not text.startswith(token, at):
            form = next((f for f in ptb_forms(token) if text.startswith(f, at)), None)
            if form is not None:
                at += len(form)
                got.append((start, at))
                continue
        for ch in token:
            if ch.isspace():
                continue
            while at > start and at < n and text[at].isspace():
                at += 1
            if at >= n or not same_char(ch, text[at]):
                return None
            at += 1
        got.append((start, at))
    return got if not text[at:].strip() else None


def word_places(surface: str, words: Sequence[str]) -> list[tuple[int, int]]:
    """Where each word of a multiword token lies in its ``surface`` (CoNLL-U's ``del`` for ``de el``), as offsets
    into it: left to right, a word the rest of the surface begins with (case aside) lies there, the last word where
    the surface ends with it (``el`` is ``del``'s last two letters, ``la`` ``della``'s); a word that is neither (the
    ``de`` of ``du``) lies on the whole surface."""
    places: list[tuple[int, int]] = []
    at = 0
    for k, word in enumerate(words):
        rest = surface[at:]
        if word and len(rest) >= len(word) and rest[: len(word)].lower() == word.lower():
            places.append((at, at + len(word)))
            at += len(word)
        elif (
            word and k == len(words) - 1 and surface[-len(word) :].lower() == word.lower() and len(word) < len(surface)
        ):
            places.append((len(surface) - len(word), len(surface)))
        else:
            places.append((0, len(surface)))
    return places


def join_own_texts(
    sentences: Sequence[Sequence[str]],
    texts: Sequence[Any],
    surfaces: Sequence[Mapping[int, tuple[int, str]]] | None = None,
) -> tuple[JoinedTokens, list[bool]]:
    """The text of sentences of tokens that may come with their own text (``texts``, one per sentence, None where
    there is none): each sentence's own text where its tokens are in it (``tokens_in_text``, with the sentence's
    multiword tokens, ``surfaces``), else its tokens with a space between them (``join_tokens``); a newline between
    sentences. Also which sentences kept their own text."""
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    sent_starts: list[int] = []
    kept: list[bool] = []
    at = 0
    for n, (tokens, own) in enumerate(zip(sentences, texts)):
        where = tokens_in_text(own, tokens, surfaces[n] if surfaces else None)
        kept.append(where is not None)
        if where is None:
            joined = join_tokens([tokens])
            where, own = list(zip(joined.starts, joined.ends)), joined.text
        sent_starts.append(len(starts))
        starts += [at + s for s, _ in where]
        ends += [at + e for _, e in where]
        parts.append(own)
        at += len(own) + 1
    return JoinedTokens("\n".join(parts), starts, ends, sent_starts), kept


def join_tokens(sentences: Iterable[Sequence[str]]) -> JoinedTokens:
    """The one way a reader makes a text of bare tokens: a space between tokens, a newline between sentences (empty
    sentences are skipped); offsets are code points."""
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    sent_starts: list[int] = []
    at = 0
    for sentence in sentences:
        if not sentence:
            continue
        sent_starts.append(len(starts))
        for j, token in enumerate(sentence):
            if pieces:
                pieces.append(" " if j else "\n")
                at += 1
            starts.append(at)
            at += len(token)
            ends.append(at)
            pieces.append(token)
    return JoinedTokens("".join(pieces), starts, ends, sent_starts)
