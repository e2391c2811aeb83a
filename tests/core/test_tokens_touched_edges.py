"""The tokens a span touches and the sentence holding a token, at every offset of texts with edges: the text's start
and end, runs of spaces, a tab and a blank line between tokens, astral letters and an emoji. Each place that asks
(``offsets.snap_to_tokens``, the token formats' ``DocTokens.cover`` and ``sentence_of``, WebAnno TSV's
``Rows.units``, ``keyflow.sentence_bounds``) answers as the definition says, counted by hand here; they bisected by
hand each until session 38, and ask ``offsets.tokens_touched`` and ``offsets.token_index_at`` now."""

from __future__ import annotations

import pytest

from annotator.formats.tokens import DocTokens, complete
from annotator.formats.webanno_rows import Rows
from annotator.keyflow import sentence_bounds
from annotator.navigation import LocalTokens, Tokens
from annotator.offsets import snap_to_tokens
from annotator.tokens import sentence_starts, word_tokens

TEXTS = [
    "𝐀li met  Omar in\tBasra. Rebels shot at 𝐙ed 🙂",
    "  Two spaces first. Then\n\na blank line 🙂.  ",
    "One.",
    "x",
]


def _tokens(text: str) -> DocTokens:
    starts, ends = word_tokens(text)
    made = complete(text, starts, ends, sentence_starts(text, starts, ends), stored=False)
    assert made is not None
    return made


def _touched(starts: list[int], ends: list[int], start: int, end: int) -> tuple[int, int] | None:
    """By the definition: every token with a character in [start, end), or holding a zero-width span strictly."""
    hit = [k for k, (s, e) in enumerate(zip(starts, ends)) if s < end and e > start]
    return (hit[0], hit[-1]) if hit else None


def _spans(text: str) -> list[tuple[int, int]]:
    return [(a, b) for a in range(len(text) + 1) for b in range(a, len(text) + 1)]


@pytest.mark.parametrize("text", TEXTS)
def test_the_tokens_a_span_touches_at_every_offset(text):
    toks = _tokens(text)
    for start, end in _spans(text):
        want = _touched(toks.starts, toks.ends, start, end)
        assert toks.cover(start, end) == want, (start, end)
        snapped = snap_to_tokens(toks.starts, toks.ends, start, end)
        if start < end and want is not None:
            assert snapped == (toks.starts[want[0]], toks.ends[want[1]]), (start, end)
        else:
            assert snapped == (start, end), (start, end)


@pytest.mark.parametrize("text", TEXTS)
def test_the_webanno_rows_a_span_goes_on_at_every_offset(text):
    rows = Rows(text, _tokens(text))
    for start, end in _spans(text):
        got = rows.units(start, end)
        want = _touched(rows.starts, rows.ends, start, end)
        if want is None:
            assert got is None, (start, end)
            continue
        assert got is not None, (start, end)
        keys, extent = got
        assert [k for k, _, _ in keys] == list(range(want[0], want[1] + 1)), (start, end)
        assert extent == (max(start, rows.starts[want[0]]), min(end, rows.ends[want[1]])), (start, end)


@pytest.mark.parametrize("text", TEXTS)
def test_the_sentence_holding_a_token_and_a_caret_at_every_offset(text):
    toks = _tokens(text)
    sents = toks.sent_starts
    for k in range(len(toks)):
        assert toks.sentence_of(k) == max(i for i, first in enumerate(sents) if first <= k), k
    for cp in range(len(text) + 1):
        held = max([k for k, s in enumerate(toks.starts) if s <= cp], default=0)
        i = max(i for i, first in enumerate(sents) if first <= held)
        last = sents[i + 1] - 1 if i + 1 < len(sents) else len(toks) - 1
        assert sentence_bounds(toks.starts, toks.ends, sents, len(text), cp) == (
            toks.starts[sents[i]],
            toks.ends[last],
        ), cp


@pytest.mark.parametrize("text", TEXTS)
def test_the_token_holding_a_code_point_at_every_offset(text):
    """``navigation.Tokens.at`` (the stored tokens') and ``LocalTokens.at`` (the fallback's, worked out around the
    offset): the token holding ``cp``, None on a space, before the text and past its end."""
    toks = _tokens(text)
    words = [(s, e) for s, e in zip(toks.starts, toks.ends) if not text[s:e].isspace()]
    stored = Tokens([s for s, _ in words], [e for _, e in words])
    local = LocalTokens(text)
    for cp in range(-1, len(text) + 2):
        want = next(((s, e) for s, e in words if s <= cp < e), None)
        assert stored.at(cp) == want, cp
        assert local.at(cp) == want, cp
