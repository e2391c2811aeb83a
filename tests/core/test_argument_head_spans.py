"""The span of a common noun filler is its head where the words in front of it only say what kind it is ("suicide
bombers", "a coffee shop", "cruise missiles": the annotator keeps "bombers", as the development data and ACE's
heads mark a mention, and had to cut the rest by an edge key); the nouns stay where one of them names a body ("army
base": the data marks the body as often as the head; not before a plural of people, test_argument_people_of_a_body.py)
or a nationality is said of the whole ("a Nigerian refugee camp", "Spanish police officers"). ``arg_spans.span_of``."""

from __future__ import annotations

import pytest

from spacy_support import role_fillers


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event_type", "role", "head", "phrase"),
    [
        ("Two suicide bombers killed 30 people at a bus station.", "Life:Die", "Agent", "bombers", "suicide bombers"),
        ("Troops attacked a weapons factory in the north.", "Conflict:Attack", "Target", "factory", "weapons factory"),
        (
            "The navy fired dozens of cruise missiles at the airfield.",
            "Conflict:Attack",
            "Instrument",
            "missiles",
            "cruise missiles",
        ),
        ("The reporter was shot dead outside a coffee shop.", "Life:Die", "Place", "shop", "coffee shop"),
    ],
)
def test_a_noun_of_kind_in_front_is_cut_from_the_filler(nlp, text, event_type, role, head, phrase):
    got = role_fillers(nlp, text, event_type, role)
    assert head in got and phrase not in got, got


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event_type", "role", "phrase"),
    [
        ("Militants attacked an army base near the border.", "Conflict:Attack", "Target", "army base"),
        (
            "Two bombers blew themselves up in a Nigerian refugee camp, killing 58 people.",
            "Life:Die",
            "Place",
            "Nigerian refugee camp",
        ),
    ],
)
def test_a_body_or_a_nationality_keeps_the_phrase_whole(nlp, text, event_type, role, phrase):
    assert phrase in role_fillers(nlp, text, event_type, role)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event_type", "role", "head", "phrase"),
    [
        (
            "Angry Turkish students stormed the consulate.",
            "Conflict:Attack",
            "Attacker",
            "students",
            "Turkish students",
        ),
        (
            "Gunmen attacked the Egyptian embassy in Tripoli.",
            "Conflict:Attack",
            "Target",
            "embassy",
            "Egyptian embassy",
        ),
        ("A Kenyan soldier was killed in the blast.", "Life:Die", "Victim", "soldier", "Kenyan soldier"),
    ],
)
def test_a_nationality_in_front_of_a_person_a_place_or_a_thing_is_cut(nlp, text, event_type, role, head, phrase):
    # the nationality is a name of its own the NER marks (NORP); the data marks the head alone every time
    got = role_fillers(nlp, text, event_type, role)
    assert head in got and phrase not in got, got


@pytest.mark.slow
def test_a_nationality_in_front_of_a_body_stays(nlp):
    got = role_fillers(nlp, "Greek authorities detained the captain in Piraeus.", "Justice:Arrest-Jail", "Agent")
    assert "Greek authorities" in got, got
