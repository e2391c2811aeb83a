"""Where a thing is sent, told as the verb's indirect object ("Germany sent Ukraine 200 tanks", "The U.S. shipped
Kyiv new weapons"): a place given the thing is where it goes, the Destination of the movement, as "sent 200 tanks to
Ukraine" has it (``dative`` among Destination's slots, annotator/role_slots.py)."""

from __future__ import annotations

import pytest

from spacy_support import suggested_roles


def _roles(nlp, text: str) -> set[tuple[str, str]]:  # noqa: ANN001
    return suggested_roles(nlp, text, "Movement:Transport")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "place"),
    [("Germany sent Ukraine 200 tanks.", "Ukraine"), ("Russia shipped Syria new air defense systems.", "Syria")],
)
def test_a_place_a_thing_is_sent_is_the_destination(nlp, text, place):
    got = _roles(nlp, text)
    assert ("Destination", place) in got, got


@pytest.mark.slow
def test_a_person_sent_a_letter_is_no_destination(nlp):
    got = _roles(nlp, "The minister sent Putin a letter.")
    assert not any(role == "Destination" for role, _ in got), got
