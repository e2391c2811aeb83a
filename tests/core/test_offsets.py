"""Offsets: code points <-> UTF-16 units (property-based, astral characters included) and token snapping."""

from __future__ import annotations

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.offsets import (
    Utf16Map,
    char_to_token_span,
    snap_to_tokens,
    to_codepoint,
    to_utf16,
    token_index_at,
    utf16_length,
)

# text mixing ASCII, BMP and astral characters (emoji, CJK extension B, musical symbols)
chars = st.one_of(
    st.characters(max_codepoint=0x7F),
    st.characters(min_codepoint=0x80, max_codepoint=0xFFFF, blacklist_categories=("Cs",)),
    st.characters(min_codepoint=0x10000, max_codepoint=0x10FFFF, blacklist_categories=("Cs", "Cn")),
    st.sampled_from(["😀", "👩‍👩‍👧", "𝄞", "\r\n", "e\u0301"]),
)
texts = st.lists(chars, max_size=60).map("".join)


def utf16_len(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


@pytest.mark.slow
@settings(max_examples=300)
@given(texts)
def test_round_trip_every_offset(text):
    m = Utf16Map(text)
    assert m.length == len(text)
    assert m.to_utf16(len(text)) == utf16_len(text)
    for cp in range(len(text) + 1):
        u = m.to_utf16(cp)
        assert u == utf16_len(text[:cp])
        assert m.to_codepoint(u) == cp
    every = list(range(len(text) + 1))
    assert m.to_utf16_many(every) == [utf16_len(text[:cp]) for cp in every]  # the batch form agrees


@pytest.mark.slow
@settings(max_examples=300)
@given(texts)
def test_offsets_inside_a_surrogate_pair_round_down(text):
    m = Utf16Map(text)
    for cp, ch in enumerate(text):
        if ord(ch) > 0xFFFF:
            high = m.to_utf16(cp)
            assert m.to_codepoint(high + 1) == cp  # between the two halves: the character itself
            assert m.to_codepoint(high + 2) == cp + 1


@settings(max_examples=100)
@given(texts)
def test_length_and_exact_offsets_in_utf16(text):
    """utf16_length is the UTF-16 encoding's length; exact_codepoint gives a code point only where one starts (the
    readers' test of offsets read as UTF-16 units, and the WebAnno reader's sentence lengths, counted them alone)."""
    m = Utf16Map(text)
    assert utf16_length(text) == utf16_len(text)
    starts = {utf16_len(text[:cp]): cp for cp in range(len(text) + 1)}
    assert [m.exact_codepoint(u) for u in range(utf16_len(text) + 1)] == [
        starts.get(u) for u in range(utf16_len(text) + 1)
    ]


def test_exact_offsets_in_utf16_known_values():
    m = Utf16Map("a😀b")
    assert [m.exact_codepoint(u) for u in range(5)] == [0, 1, None, 2, 3]
    assert utf16_length("a😀b") == 4 and utf16_length("abc") == 3 and utf16_length("é") == 1


@pytest.mark.slow
@given(texts, st.data())
def test_spans_convert_both_ways(text, data):
    if not text:
        return
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    u_start, u_end = to_utf16(text, start), to_utf16(text, end)
    assert text.encode("utf-16-le")[2 * u_start : 2 * u_end].decode("utf-16-le") == text[start:end]
    assert (to_codepoint(text, u_start), to_codepoint(text, u_end)) == (start, end)


def test_known_values():
    text = "a😀b𝄞c"
    m = Utf16Map(text)
    assert [m.to_utf16(i) for i in range(6)] == [0, 1, 3, 4, 6, 7]
    assert [m.to_codepoint(u) for u in range(8)] == [0, 1, 1, 2, 3, 3, 4, 5]
    assert Utf16Map("plain ascii").to_utf16(5) == 5


# -- tokens ---------------------------------------------------------------------------------------
TEXT = "Sergey Lavrov met  Blinken."
STARTS = [0, 7, 14, 19, 26]
ENDS = [6, 13, 17, 26, 27]


def test_snap_widens_partial_tokens_and_drops_edge_spaces():
    assert snap_to_tokens(STARTS, ENDS, 2, 9) == (0, 13)  # "rgey La" -> "Sergey Lavrov"
    assert snap_to_tokens(STARTS, ENDS, 6, 13) == (7, 13)  # " Lavrov" -> "Lavrov"
    assert snap_to_tokens(STARTS, ENDS, 13, 19) == (14, 17)  # " met  " -> "met"
    assert snap_to_tokens(STARTS, ENDS, 19, 26) == (19, 26)  # exact stays
    assert snap_to_tokens(STARTS, ENDS, 20, 27) == (19, 27)
    assert snap_to_tokens(STARTS, ENDS, 0, 27) == (0, 27)


def test_snap_leaves_spaces_only_and_empty_selections():
    assert snap_to_tokens(STARTS, ENDS, 17, 19) == (17, 19)
    assert snap_to_tokens(STARTS, ENDS, 5, 5) == (5, 5)
    assert snap_to_tokens([], [], 1, 4) == (1, 4)


@given(st.integers(0, 27), st.integers(0, 27))
def test_snap_result_is_token_aligned_or_unchanged(a, b):
    start, end = min(a, b), max(a, b)
    s, e = snap_to_tokens(STARTS, ENDS, start, end)
    if (s, e) != (start, end):
        assert s in STARTS and e in ENDS and s < e
        # every token the selection touches with a character is inside the result
        for ts, te in zip(STARTS, ENDS):
            if ts < end and start < te:
                assert s <= ts and te <= e


def test_token_index_and_token_span():
    assert token_index_at(STARTS, 0) == 0
    assert token_index_at(STARTS, 8) == 1
    assert token_index_at(STARTS, 17) == 2
    assert char_to_token_span(STARTS, ENDS, 0, 13) == (0, 1)
    assert char_to_token_span(STARTS, ENDS, 19, 27) == (3, 4)
    assert char_to_token_span(STARTS, ENDS, 1, 13) is None
    assert char_to_token_span(STARTS, ENDS, 0, 12) is None
