"""A compound that names a person by what they do or where they are from ("businessmen", "tribesmen", "militiamen",
"congresswomen", "spokesperson") is a person the roles that take people can be filled with: the word lists knew a few
("gunmen", "policeman", "spokesman"), the others were no kind of entity, so no role took them
(annotator/suggest/noun_classes.py, ``guess_label``'s ``_PERSON_ENDINGS``)."""

from __future__ import annotations

import pytest

from spacy_support import role_fillers


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event_type", "role", "filler"),
    [
        (
            "The election campaign was financed by businessmen close to the president.",
            "Transaction:Transfer-Money",
            "Giver",
            "businessmen",
        ),
        ("Armed tribesmen attacked an army convoy near the border.", "Conflict:Attack", "Attacker", "tribesmen"),
        ("Pro-government militiamen killed three protesters in the capital.", "Life:Die", "Agent", "militiamen"),
        ("Police arrested two congresswomen during the sit-in.", "Justice:Arrest-Jail", "Person", "congresswomen"),
    ],
)
def test_a_compound_naming_a_person_fills_a_persons_role(nlp, text, event_type, role, filler):
    assert filler in role_fillers(nlp, text, event_type, role)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("A tissue specimen was sent to the laboratory.", "specimen"),
        ("He wore a talisman around his neck.", "talisman"),
        ("The doctors examined his abdomen.", "abdomen"),
    ],
)
def test_a_thing_ending_in_man_or_men_is_no_person(nlp, text, word):
    from annotator.suggest.noun_classes import guess_label

    token = next(t for t in nlp(text) if t.text == word)
    assert guess_label(token) != "PERSON"
