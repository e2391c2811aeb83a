"""Where the one a movement noun is of comes from ("The return of Syrian refugees from Lebanon to Syria", "the
deportation of 300 migrants from Germany to Afghanistan"): the parse hangs the "from" on the one moved; it is where the
movement starts, its Origin, as "migrants from Syria arrived" gives (annotator/suggest/noun_frame.py, slot
``obj_origin``)."""

from __future__ import annotations

import pytest

from spacy_support import suggested_roles, suggested_events


def _roles(nlp, text: str) -> set[tuple[str, str]]:  # noqa: ANN001
    return suggested_roles(nlp, text, "Movement:Transport")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "origin", "destination"),
    [
        ("The return of Syrian refugees from Lebanon to Syria has slowed.", "Lebanon", "Syria"),
        ("The deportation of 300 migrants from Germany to Afghanistan began on Monday.", "Germany", "Afghanistan"),
    ],
)
def test_where_the_one_moved_is_from_is_the_origin(nlp, text, origin, destination):
    got = _roles(nlp, text)
    assert ("Origin", origin) in got and ("Destination", destination) in got, got


@pytest.mark.slow
def test_where_the_one_killed_is_from_is_no_place_of_a_death(nlp):
    text = "The killing of protesters from Homs drew condemnation."
    got = {(a.role, text[a.start : a.end]) for s in suggested_events(nlp, text) for a in s.arguments}
    assert ("Place", "Homs") not in got, got
