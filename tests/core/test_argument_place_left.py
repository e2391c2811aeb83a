"""Where a going starts is no place it ends: a verb of leaving told "in" or "at" a place ("escaped from prison in
Kuwait", "departed from the airport in Berlin") tells where the one leaving was, and the place was suggested as the
Destination (ACE's Destination is where the movement ends). Taken back after the trigger's decision, so the event is
still suggested (``suggest.leaving_places``); a verb of arriving keeps its "in" as the Destination."""

from __future__ import annotations

import pytest

from spacy_support import role_fillers, suggested_events, suggested_roles


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "left", "origin"),
    [
        ("The militant escaped from prison in Kuwait after the invasion.", "Kuwait", "prison"),
        ("The president departed from the airport in Berlin on Monday.", "Berlin", "airport"),
        ("The family left their home in the capital on Monday.", "capital", "home"),
    ],
)
def test_the_place_a_going_leaves_from_is_no_destination(nlp, text, left, origin):
    got = suggested_roles(nlp, text, "Movement:Transport")
    assert ("Origin", origin) in got, got
    assert ("Destination", left) not in got, got


@pytest.mark.slow
def test_the_leaving_is_still_suggested(nlp):
    text = "The militant escaped from prison in Kuwait after the invasion."
    assert [s.type for s in suggested_events(nlp, text) if text[s.trigger_start : s.trigger_end] == "escaped"] == [
        "Movement:Transport"
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "goal"),
    [
        ("The president arrived in Berlin on Monday.", "Berlin"),
        ("Thousands of refugees fled to Turkey last year.", "Turkey"),
    ],
)
def test_a_going_keeps_where_it_ends(nlp, text, goal):
    assert goal in role_fillers(nlp, text, "Movement:Transport", "Destination")
