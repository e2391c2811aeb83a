"""Who is there when a noun trigger is the time of another act (annotator/suggest/noun_frame.py, ``_present``): "a
student waves a flag during a demonstration" — the student takes part; "questioned Maria Lopez during a meeting" —
the one it is done to, a person named; the police keeping order at a protest take no part in it. Read from another
clause: suggested at 0.45, no evidence of the trigger."""

from __future__ import annotations

import pytest

from spacy_support import suggested_events


def _roles(nlp, text: str, etype: str) -> set[tuple[str, str]]:  # noqa: ANN001
    (event,) = [s for s in suggested_events(nlp, text) if s.type == etype]
    return {(a.role, text[a.start : a.end]) for a in event.arguments}


@pytest.mark.slow
def test_the_doer_of_an_act_during_a_demonstration_takes_part_in_it(nlp):
    got = _roles(nlp, "A student waves a flag during a demonstration in Paris.", "Conflict:Demonstrate")
    assert ("Entity", "student") in got, got


@pytest.mark.slow
def test_a_person_named_an_act_is_done_to_during_a_meeting_is_its_party(nlp):
    got = _roles(nlp, "John Smith questioned Maria Lopez during a meeting in Geneva.", "Contact:Meet")
    assert ("Entity", "Maria Lopez") in got and ("Entity", "John Smith") not in got, got


@pytest.mark.slow
def test_the_police_acting_during_a_protest_take_no_part_in_it(nlp):
    """A guard: the police keep order at a protest; who they detain is not said to protest either."""
    got = _roles(nlp, "Police officers detained a man during a protest in Paris.", "Conflict:Demonstrate")
    assert not {r for r, _ in got} & {"Entity"}, got


@pytest.mark.slow
def test_the_one_a_visit_is_of_is_the_doer_not_the_one_met_during_it(nlp):
    """One who goes somewhere is the doer of the act done during the going, not the one it is done to."""
    got = _roles(nlp, "During his visit to Moscow, the prime minister met Putin.", "Movement:Transport")
    assert ("Artifact", "minister") in got and ("Artifact", "Putin") not in got, got
