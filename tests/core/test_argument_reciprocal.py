"""The other side of a fight told by "with" (annotator/suggest/event_args.py, ``_RECIPROCAL``): "protesters clashed with
police" — the police are what the clash is done to, its Target, read as an object (0.45, no evidence of the trigger:
"killed in fighting with rebels" is kept by nothing new); what one fights with that is no party, a weapon, stays the
Instrument."""

from __future__ import annotations

import pytest

from spacy_support import suggested_events


def _roles(nlp, text: str) -> set[tuple[str, str]]:  # noqa: ANN001
    (event,) = [s for s in suggested_events(nlp, text) if s.type == "Conflict:Attack"]
    return {(a.role, text[a.start : a.end]) for a in event.arguments}


@pytest.mark.slow
def test_the_side_a_clash_is_with_is_its_target(nlp):
    got = _roles(nlp, "Protesters clashed with police in Caracas on Saturday.")
    assert ("Target", "police") in got and ("Attacker", "Protesters") in got, got


@pytest.mark.slow
def test_what_one_fights_with_that_is_no_party_stays_the_instrument(nlp):
    """A guard: "with knives" is the Instrument, as before."""
    got = _roles(nlp, "Rebels fought with knives.")
    assert ("Instrument", "knives") in got and ("Target", "knives") not in got, got
