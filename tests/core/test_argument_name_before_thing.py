"""A name in front of a thing is no place the thing is in ("Ukraine received $1 billion in U.S. aid": Place U.S.;
"He died in U.S. custody in Iraq": Place U.S. before Iraq): the sentence's nearest place is one named as where something
happens, and a name that only says whose the thing is ("U.S. aid", "U.S. custody", "U.S. interests") is not, while a
name in front of a place word still is ("in the Kunduz province") (annotator/suggest/nearest_setting.py,
``_is_setting``)."""

from __future__ import annotations

import pytest

from spacy_support import role_fillers


def _places(nlp, text: str) -> set[str]:  # noqa: ANN001
    return role_fillers(nlp, text, None, "Place")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "not_place"),
    [
        ("Ukraine received $1 billion in U.S. aid last year.", "U.S."),
        ("He died in U.S. custody in Iraq.", "U.S."),
    ],
)
def test_a_name_in_front_of_a_thing_is_no_place(nlp, text, not_place):
    assert not_place not in _places(nlp, text), _places(nlp, text)


@pytest.mark.slow
def test_a_name_in_front_of_a_place_word_is_the_place(nlp):
    assert "Kunduz" in _places(nlp, "Five soldiers were killed in the Kunduz province on Monday."), _places(
        nlp, "Five soldiers were killed in the Kunduz province on Monday."
    )
