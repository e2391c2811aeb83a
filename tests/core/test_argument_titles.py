"""A body's name as the title of a person (annotator/suggest/shared_parts.py, ``titled``): in "World Health
Organization (WHO) Director-General Maria Lopez addresses reporters", the parse makes the body the verb's subject and
the person its apposition, with no comma between; the one who does it is the person."""

from __future__ import annotations

import pytest

from spacy_support import suggested_events


def _roles(nlp, text: str, etype: str) -> set[tuple[str, str]]:  # noqa: ANN001
    (event,) = [s for s in suggested_events(nlp, text) if s.type == etype]
    return {(a.role, text[a.start : a.end]) for a in event.arguments}


@pytest.mark.slow
def test_the_person_a_body_is_the_title_of_is_the_doer_of_an_act_during_a_visit(nlp):
    text = "World Health Organization (WHO) Director-General Maria Lopez addresses reporters during a visit to Kenya."
    got = _roles(nlp, text, "Movement:Transport")
    assert ("Artifact", "Maria Lopez") in got and ("Destination", "Kenya") in got, got


@pytest.mark.slow
def test_a_body_with_its_abbreviation_and_a_title_names_the_person(nlp):
    text = (
        "Organization of American States (OAS) Secretary-General Jose Insulza addresses the audience during an "
        "official visit to Peru."
    )
    got = _roles(nlp, text, "Movement:Transport")
    assert ("Artifact", "Jose Insulza") in got, got
