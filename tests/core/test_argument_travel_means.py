"""How one goes: the "by" of an active verb of going names the vehicle ("The families fled by car to the border",
"Thousands of people arrived by train in Munich": the parse read the "by" as a passive's doer, so no role took the
car, and hung "in Munich" on the train, so no Destination), ``suggest.travel_means``; a passive's "by" stays its doer
or instrument ("killed by a bomb")."""

from __future__ import annotations

import pytest

from spacy_support import role_fillers, suggested_roles


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "vehicle"),
    [
        ("The families fled by car to the border.", "car"),
        ("Migrants traveled by boat to Lesbos.", "boat"),
        ("Thousands of people arrived by train in Munich on Saturday.", "train"),
    ],
)
def test_the_by_of_a_going_is_its_vehicle(nlp, text, vehicle):
    assert vehicle in role_fillers(nlp, text, "Movement:Transport", "Vehicle")


@pytest.mark.slow
def test_the_place_hung_on_the_vehicle_is_the_goings(nlp):
    text = "Thousands of people arrived by train in Munich on Saturday."
    assert "Munich" in role_fillers(nlp, text, "Movement:Transport", "Destination")


@pytest.mark.slow
def test_a_passives_by_stays_its_instrument(nlp):
    assert ("Instrument", "bomb") in suggested_roles(nlp, "The man was killed by a bomb in Kabul.", "Life:Die")
