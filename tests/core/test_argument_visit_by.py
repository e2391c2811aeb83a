"""Who goes on a visit or a trip is its Artifact (ACE's Transport: the person or thing moved; its Agent moves someone
else): the "by" phrase of a noun of going names the visitor ("a visit by President Obama to Havana": the Agent
before; "visits by Russian naval ships to Suva": the Vehicle before), unless it is a bare vehicle, the means ("their
arrival by boat"). ``suggest.travel_means.goers``."""

from __future__ import annotations

import pytest

from spacy_support import suggested_roles


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "goer"),
    [
        ("The historic visit by President Obama to Havana drew crowds.", "Obama"),
        ("Analysts expect regular visits by Russian naval ships to Suva.", "ships"),
    ],
)
def test_who_visits_is_the_artifact(nlp, text, goer):
    got = suggested_roles(nlp, text, "Movement:Transport")
    assert ("Artifact", goer) in got, got
    assert ("Agent", goer) not in got and ("Vehicle", goer) not in got, got


@pytest.mark.slow
def test_a_bare_vehicle_stays_the_means(nlp):
    got = suggested_roles(nlp, "Their arrival by boat in Lesbos was filmed.", "Movement:Transport")
    assert ("Vehicle", "boat") in got and ("Artifact", "boat") not in got, got
