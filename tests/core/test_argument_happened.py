"""Where and when an event noun happened, told by the verb of its happening ("A protest broke out in Hong Kong on
Sunday", "The attack occurred near the border town of Kilis on Monday", "Clashes erupted in Kiev on Tuesday"): the
verb's phrases are the noun's, as "talks were held in Moscow" gives (annotator/suggest/noun_frame.py, ``occurs``)."""

from __future__ import annotations

import pytest

from spacy_support import suggested_roles


def _roles(nlp, text: str, kind: str) -> set[tuple[str, str]]:  # noqa: ANN001
    return suggested_roles(nlp, text, kind)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "kind", "place"),
    [
        ("A protest broke out in Hong Kong on Sunday.", "Conflict:Demonstrate", "Hong Kong"),
        ("The attack occurred near the border town of Kilis on Monday.", "Conflict:Attack", "Kilis"),
    ],
)
def test_where_an_event_happened_is_its_place(nlp, text, kind, place):
    got = _roles(nlp, text, kind)
    assert ("Place", place) in got, got
