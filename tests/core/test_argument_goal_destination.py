"""Where a going ends is its "into", "to" or "toward" phrase, not the object it crosses on the way ("Hundreds of
refugees crossed the border into Turkey": Destination the border before, Turkey now; ACE's Destination is where the
person or thing arrives). The frame's goal phrases are read before its object (``frame_preps.goal_before_object``), and
a place crossed is no misfit of the going (``trigger_clues.misfits``)."""

from __future__ import annotations

import pytest

from spacy_support import role_fillers, suggested_roles


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "goal", "way"),
    [
        ("Hundreds of refugees crossed the border into Turkey overnight.", "Turkey", "border"),
        ("About 500 migrants crossed the Mediterranean to Italy last week.", "Italy", "Mediterranean"),
    ],
)
def test_the_place_gone_to_is_the_destination_not_the_way(nlp, text, goal, way):
    got = role_fillers(nlp, text, "Movement:Transport", "Destination")
    assert goal in got and way not in got, got


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("Russia sent troops across the border into Ukraine.", {("Artifact", "troops"), ("Destination", "Ukraine")}),
        ("The soldiers entered the city from the south.", {("Destination", "city"), ("Artifact", "soldiers")}),
    ],
)
def test_an_object_moved_or_entered_keeps_its_role(nlp, text, roles):
    got = suggested_roles(nlp, text, "Movement:Transport")
    assert roles <= got, got
