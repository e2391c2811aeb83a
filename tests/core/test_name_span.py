"""annotator.name_span: the name around a selection (Shift+Space), from the text alone."""

from __future__ import annotations

import pytest

from annotator.name_span import name_around, with_article
from annotator.tokens import word_tokens


def around(text: str, word: str) -> str | None:
    at = text.index(word)
    got = name_around(text, word_tokens(text), at, at + len(word))
    return text[got[0] : got[1]] if got else None


@pytest.mark.parametrize(
    ("text", "word", "name"),
    [
        ("He was held by the Central Anti-Corruption Bureau at home.", "Cen", "Central Anti-Corruption Bureau"),
        ("They met at the Court of Appeal in Warsaw.", "Appeal", "Court of Appeal"),
        (
            "It was the General Directorate for National Roads and Motorways.",
            "Nat",
            "General Directorate for National Roads and Motorways",
        ),
        ("Russia and China met.", "China", "China"),  # "and" joins only after of/for
        ("On November 17 they met, on a Monday.", "Nov", "November 17"),  # "on" written lowercase: not a name's
        ("Troops of the U.S. Army landed.", "Army", "U.S. Army"),
        ("A march in St. Louis began.", "Lou", "St. Louis"),
        ("The president met Russian President Vladimir Putin.", "Putin", "Vladimir Putin"),  # a title left out
        ("The president met Russian President Vladimir Putin.", "Russian", "Russian President Vladimir Putin"),
        ("He met officers there.", "offi", None),
    ],
)
def test_name_around(text: str, word: str, name: str | None) -> None:
    assert around(text, word) == name


def test_with_article_takes_the_the_before_it() -> None:
    text = "He was held by the Central Bureau."
    at = text.index("Central")
    assert with_article(text, (at, len(text) - 1)) == (text.index("the"), len(text) - 1)
    assert with_article(text, (text.index("held"), text.index("held") + 4)) is None


@pytest.mark.parametrize(
    ("text", "spans", "typed", "filled"),
    [
        ("They went to the Court of Appeal.", [], "Co", "Court of Appeal"),  # no span: the name around it
        ("They went to the Court of Appeal.", ["the Court of Appeal"], "Co", "Court"),  # in a span: the key takes it
        ("They went to the Court of Appeal.", ["Court"], "Co", "Court"),  # a span that is the word: itself
        ("They met at the Putin-Modi summit.", [], "Mod", "Modi"),  # a name joined by a hyphen only: the word
        ("He sent a surgical team.", [], "te", "team"),  # no name: the word
        ("The Putin-Modi summit in Delhi.", [], "Mod", "Modi"),  # the first "The" is no name's word
    ],
)
def test_filler_around_what_a_role_key_in_finds_bar_fills_with(
    text: str, spans: list[str], typed: str, filled: str
) -> None:
    """A role key typed in Find's bar selects for the role the name (of more than one word) around the match when it
    lies in no span, else the match's word (a span it lies in the key takes in the text; session 32)."""
    from annotator.name_span import filler_around

    import re

    at = text.index(typed)
    word = next((m.start(), m.end()) for m in re.finditer(r"\w+", text) if m.start() <= at < m.end())  # spaCy's token
    got = filler_around(
        text,
        [(text.index(w), text.index(w) + len(w)) for w in spans],
        word,
        name_around(text, word_tokens(text), *word),
    )
    assert text[got[0] : got[1]] == filled
