"""The parties a noun inside a trigger of several words is said with ("The president held talks with Putin", "Iran
held negotiations with the United States"): the trigger's verb is its head, and the parse hangs the "with" on the noun,
so the frame read the verb's own phrases alone (annotator/suggest/event_args.py, ``phrase_parties``)."""

from __future__ import annotations

import pytest

from spacy_support import role_fillers


def _entities(nlp, text: str) -> set[str]:  # noqa: ANN001
    return role_fillers(nlp, text, "Contact:Meet", "Entity")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("The president held talks with Putin in Moscow.", "Putin"),
        ("Abbas held talks with King Abdullah in Amman on Monday.", "King Abdullah"),
    ],
)
def test_who_talks_are_held_with_is_a_party(nlp, text, party):
    got = _entities(nlp, text)
    assert any(party in g for g in got), got


@pytest.mark.slow
def test_what_talks_are_held_on_is_no_party(nlp):
    got = _entities(nlp, "The ministers held talks on Syria in Geneva.")
    assert "Syria" not in got, got
