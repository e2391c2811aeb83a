"""Where a march heads is where the protest is: a Demonstrate's Place takes the "toward" phrase of its verb
("Protesters marched toward the presidential palace"), ACE's place of the event being the building or square the
protest is aimed at; the street it goes along is only its way (the news schema's Place slots of Conflict:Demonstrate,
with ``setting``, which ``schema.SLOT`` now accepts)."""

from __future__ import annotations

import pytest

from spacy_support import role_fillers


def _places(nlp, text: str) -> set[str]:  # noqa: ANN001
    return role_fillers(nlp, text, "Conflict:Demonstrate", "Place")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Protesters marched toward the presidential palace on Sunday.", "palace"),
        ("Thousands of students marched towards the Kremlin, chanting slogans.", "Kremlin"),
    ],
)
def test_where_a_march_heads_is_its_place(nlp, text, place):
    assert any(place in p for p in _places(nlp, text)), _places(nlp, text)


@pytest.mark.slow
def test_the_street_a_march_goes_along_is_no_place(nlp):
    got = _places(nlp, "Demonstrators marched along Fifth Avenue toward the Russian consulate.")
    assert "Fifth Avenue" not in got and any("consulate" in p for p in got), got
