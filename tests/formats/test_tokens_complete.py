"""complete(): the whole-array check for tokens that need no filling gives exactly what the step-by-step filling
gives, and leaves every other case to it."""

from __future__ import annotations

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.formats import tokens as tk

pieces = st.sampled_from(["word", "a", " ", "  ", "\n", ".", "é", "😀", "\t", "x y"])


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(pieces, st.sampled_from(["", " ", "  ", "\n"])), min_size=1, max_size=30), st.data())
def test_quick_path_agrees_with_filling(parts, data):
    text, starts, ends = "", [], []
    for word, gap in parts:
        if word.strip():
            starts.append(len(text))
            ends.append(len(text) + len(word))
        text += word + gap
    if not starts:
        return
    sents = data.draw(st.lists(st.integers(-1, len(starts) + 1), max_size=4))
    slow = tk._fill(text, starts, ends, sents, True)
    quick = tk._already_complete(text, starts, ends, sents, True)
    if quick is not None:
        assert quick == slow
    assert tk.complete(text, starts, ends, sents, True) == slow


def test_quick_path_is_taken_for_plain_tokens():
    text = "Sergey met Blinken in Moscow ."
    starts = [0, 7, 11, 19, 22, 29]
    ends = [6, 10, 18, 21, 28, 30]
    got = tk._already_complete(text, starts, ends, [0], True)
    assert got is not None and got.spaces == [True] * 5 + [False]
    assert tk._already_complete(" " + text, [s + 1 for s in starts], [e + 1 for e in ends], [0], True) is None
