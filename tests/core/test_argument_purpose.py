"""Who goes or comes for a meeting takes part in it ("Abbas flew to Amman for talks with King Abdullah"): the doer of a
verb whose "for" phrase is a noun trigger is there, as the doer of an act "during" one is (annotator/suggest/
noun_frame.py, ``_present``: slot ``~during``, no evidence of the trigger, the Entity's; the police left out, as
there)."""

from __future__ import annotations

import pytest

from spacy_support import suggested_events


def _roles(nlp, text: str, kind: str) -> set[tuple[str, str]]:  # noqa: ANN001
    return {(a.role, text[a.start : a.end]) for s in suggested_events(nlp, text) if s.type == kind for a in s.arguments}


@pytest.mark.slow
def test_who_flies_somewhere_for_talks_takes_part_in_them(nlp):
    got = _roles(nlp, "Abbas flew to Amman for talks with King Abdullah.", "Contact:Meet")
    assert ("Entity", "Abbas") in got and ("Entity", "King Abdullah") in got, got


@pytest.mark.slow
def test_the_police_who_arrest_people_for_a_protest_are_no_part_of_it(nlp):
    """A guard: the police keep order, as for "during"."""
    got = _roles(nlp, "Police arrested the protesters for the demonstration.", "Conflict:Demonstrate")
    assert not any(text == "Police" for _, text in got), got
