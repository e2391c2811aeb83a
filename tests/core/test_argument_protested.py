"""Who protests, never what is protested: a verb of protest's object is what the protest is against ("Thousands of
students protested the government", "a crowd protesting the police"), so Conflict:Demonstrate's Entity takes no
object (the news schema's ``slots`` of that role: ACE's defaults for an Entity, a party met, less ``obj``)."""

from __future__ import annotations

import pytest

from spacy_support import role_fillers, suggested_events


def _entities(nlp, text: str) -> set[str]:  # noqa: ANN001
    return role_fillers(nlp, text, "Conflict:Demonstrate", "Entity")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "protesters", "protested"),
    [
        ("Thousands of students protested the government in Santiago on Thursday.", "students", "government"),
        ("Workers protested the company in Detroit.", "Workers", "company"),
        ("A crowd protesting the police gathered outside the station.", "crowd", "police"),
    ],
)
def test_what_is_protested_is_no_protester(nlp, text, protesters, protested):
    got = _entities(nlp, text)
    assert protested not in got and protesters in got, got


@pytest.mark.slow
def test_a_meeting_s_object_is_still_a_party(nlp):
    text = "Obama met Putin in Beijing."
    got = {text[a.start : a.end] for s in suggested_events(nlp, text) if s.type == "Contact:Meet" for a in s.arguments}
    assert "Putin" in got, got
