"""Senses of conflict words in the arts, sport and public life (session 35, helper s35-trig,
``annotator/suggest/pastimes.py``): a film or a picture shot, a side held to a draw, a band marching in a parade, and
plants that die. Each beside the real event it must not hide, on short made-up sentences parsed by the default
pipeline."""

from __future__ import annotations

import pytest

from spacy_support import news_suggester, triggers_of_type


@pytest.fixture(scope="module")
def suggester():
    return news_suggester()


ATTACK, ARREST, DEMONSTRATE, DIE = "Conflict:Attack", "Justice:Arrest-Jail", "Conflict:Demonstrate", "Life:Die"


@pytest.mark.slow
def test_a_film_or_a_picture_shot_is_no_attack(nlp, suggester):
    # ACE's Attack is a violent physical act: a camera's shot fires at no one
    for text in [
        "She shot a film in Paris last year.",
        "The photographer shot the wedding in June.",
        "The director shot the final scene in Morocco.",
        "They shot a video of the police beating protesters.",
        "The shooting of the film began in May.",
    ]:
        assert triggers_of_type(nlp, suggester, text, ATTACK) == [], text
    for text in [
        "Gunmen shot the cameraman outside his home.",
        "Soldiers shot a protester in the square.",
        "The director was shot dead in Mexico City.",
        "Police shot the suspect during the raid.",
    ]:
        assert triggers_of_type(nlp, suggester, text, ATTACK) == [("shot", ATTACK)], text


@pytest.mark.slow
def test_a_side_held_to_a_draw_is_held_to_no_place(nlp, suggester):
    # ACE's Arrest-Jail keeps a person somewhere; "held to" a result says how a game or a reckoning ended
    for text in ["The team was held to a draw by Chelsea.", "The champions were held to a goalless draw by Leeds."]:
        assert triggers_of_type(nlp, suggester, text, ARREST) == [], text
    for text in [
        "The suspects were held in prison for two years.",
        "The activists were held by police for three days.",
    ]:
        assert triggers_of_type(nlp, suggester, text, ARREST) == [("held", ARREST)], text


@pytest.mark.slow
def test_a_march_in_a_parade_is_no_protest(nlp, suggester):
    # ACE's Demonstrate gathers people to protest or demand; a parade or a festival is a show, unless those marching
    # are named as protesting
    for text in ["Veterans marched in the Memorial Day parade.", "Soldiers marched in the victory parade in Moscow."]:
        assert triggers_of_type(nlp, suggester, text, DEMONSTRATE) == [], text
    for text in [
        "Protesters marched during the festival in Rio.",
        "Thousands of people marched in the capital on Sunday.",
        "Mourners marched in the funeral procession.",
    ]:
        assert triggers_of_type(nlp, suggester, text, DEMONSTRATE) == [("marched", DEMONSTRATE)], text


@pytest.mark.slow
def test_plants_that_die_are_no_deaths(nlp, suggester):
    # ACE's Life:Die ends a person's life
    for text in ["The tree in the garden died last winter.", "Thousands of trees died in the drought."]:
        assert triggers_of_type(nlp, suggester, text, DIE) == [], text
    for text in ["Thousands of people died in the drought.", "The farmer died in the drought."]:
        assert triggers_of_type(nlp, suggester, text, DIE) == [("died", DIE)], text


@pytest.mark.slow
def test_a_politician_blasted_or_hammered_over_a_topic_is_criticised(nlp, suggester):
    # "blast" and "hammer" also say sharp criticism (the schema's figurative_triggers): told over a topic, with no
    # weapon, place or cue of fighting, no one is attacked
    for text in [
        "The senator blasted Obama over the nuclear deal.",
        "The opposition leader hammered the prime minister over the budget.",
    ]:
        assert triggers_of_type(nlp, suggester, text, ATTACK) == [], text
    for text, word in [
        ("Gunmen blasted Smith with a shotgun outside his home.", "blasted"),
        ("Russian warplanes hammered Aleppo on Tuesday.", "hammered"),
        ("A car bomb blasted the market in Baghdad.", "blasted"),
    ]:
        assert (word, ATTACK) in triggers_of_type(nlp, suggester, text, ATTACK), text


@pytest.mark.slow
def test_a_rise_to_fame_a_surge_or_an_illness_is_no_attack(nlp, suggester):
    # "shot to fame": a rise; "an explosion of interest": a surge; "an asthma attack": an illness (ACE's Attack is a
    # violent physical act by an attacker)
    for text in [
        "The singer shot to fame in 2010.",
        "The company saw an explosion of interest in its products.",
        "She suffered an asthma attack on the plane.",
        "He had a migraine attack during the flight.",
    ]:
        assert triggers_of_type(nlp, suggester, text, ATTACK) == [], text
    for text, word in [
        ("He was shot to death by police.", "shot"),
        ("The explosion of a car bomb killed ten people.", "explosion"),
        ("An attack on asthma patients in the hospital killed two.", "attack"),
    ]:
        assert (word, ATTACK) in triggers_of_type(nlp, suggester, text, ATTACK), text


@pytest.mark.slow
def test_the_death_of_a_thing_or_an_animal_is_no_ones_death(nlp, suggester):
    # a noun of dying whose "of" phrase has no person's life: an industry, a bill, a dog (ACE's Life:Die)
    for text in [
        "The death of the newspaper industry worries journalists.",
        "The killing of the bill angered voters.",
        "The killing of the dog angered the neighbours.",
    ]:
        assert triggers_of_type(nlp, suggester, text, DIE) == [], text
    for text, word in [
        ("The death of the journalist shocked the country.", "death"),
        ("The killing of the soldiers was condemned.", "killing"),
        ("The death of 20 people in the fire shocked the city.", "death"),
    ]:
        assert triggers_of_type(nlp, suggester, text, DIE) == [(word, DIE)], text


@pytest.mark.slow
def test_goods_seized_are_no_arrest(nlp, suggester):
    # ACE's Arrest-Jail constrains a person's movement: drugs or a house seized are held by no one
    for text in ["Police seized the drugs at the airport.", "Customs officers seized 200 kilograms of cocaine."]:
        assert triggers_of_type(nlp, suggester, text, ARREST) == [], text
    for text in ["Police seized the suspect at the airport.", "Police seized the smugglers and their cargo."]:
        assert triggers_of_type(nlp, suggester, text, ARREST) == [("seized", ARREST)], text


@pytest.mark.slow
def test_dying_of_laughter_is_no_death(nlp, suggester):
    for text in ["He was dying of laughter.", "She died of embarrassment when she saw the photo."]:
        assert triggers_of_type(nlp, suggester, text, DIE) == [], text
    for text in ["He died of cancer in 2010.", "The soldier died of his wounds."]:
        assert triggers_of_type(nlp, suggester, text, DIE) == [("died", DIE)], text


@pytest.mark.slow
def test_a_thing_demonstrated_is_shown_no_protest(nlp, suggester):
    # ACE's Demonstrate gathers people to protest or demand: a system demonstrated is shown
    assert triggers_of_type(nlp, suggester, "The minister demonstrated the new system to reporters.", DEMONSTRATE) == []
    for text in [
        "Protesters demonstrated their anger outside the embassy.",
        "Students demonstrated against the fees.",
        "Thousands demonstrated in the capital on Sunday.",
    ]:
        assert triggers_of_type(nlp, suggester, text, DEMONSTRATE) == [("demonstrated", DEMONSTRATE)], text
