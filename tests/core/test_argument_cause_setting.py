"""Where a verb's act happened is no place of the cause it was done for: "was convicted in Kuwait for his role in bomb
attacks on the embassies" (the attacks' Place was Kuwait, the sentence's nearest place, where the conviction was),
"was arrested in Berlin over the bombing of a synagogue" (``nearest_setting.setting_of_a_cause``); an event told in the
verb's own "in" phrase keeps the place ("killed in an attack in Kabul")."""

from __future__ import annotations

import pytest

from spacy_support import role_fillers


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "elsewhere"),
    [
        ("The militant was convicted in Kuwait for his role in bomb attacks on two embassies.", "Kuwait"),
        ("He was arrested in Berlin over the bombing of a synagogue.", "Berlin"),
    ],
)
def test_the_place_of_an_act_is_no_place_of_its_cause(nlp, text, elsewhere):
    assert elsewhere not in role_fillers(nlp, text, "Conflict:Attack", "Place")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Two people were killed in an attack in Kabul.", "Kabul"),
        ("Gunmen attacked a police station in Mombasa on Sunday.", "Mombasa"),
    ],
)
def test_an_attack_keeps_its_own_place(nlp, text, place):
    assert place in role_fillers(nlp, text, "Conflict:Attack", "Place")
