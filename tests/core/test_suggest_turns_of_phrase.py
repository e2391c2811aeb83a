"""Turns of phrase that make a word of attacking name no Attack, as news of every kind uses them (session 36, helper
s36-trig, ``annotator/suggest/turns_of_phrase.py``), each beside the real attack it must not hide; and senses read
on the made-up news sentences (``tests/data/news_sentences.jsonl``): a film's shooting, goods seized by the tonne, a
comet's strike, a disease that strikes. Short made-up sentences parsed by the default pipeline."""

from __future__ import annotations

import pytest

from spacy_support import news_suggester, triggers_of_type


@pytest.fixture(scope="module")
def suggester():
    return news_suggester()


ATTACK, ARREST, DEMONSTRATE = "Conflict:Attack", "Justice:Arrest-Jail", "Conflict:Demonstrate"


@pytest.mark.slow
def test_a_word_of_attacking_with_out_back_or_off_is_a_turn_of_phrase(nlp, suggester):
    # ACE's Attack is a violent physical act: a side out of a cup, a word hit back, a name struck off a list harm no one
    for text in [
        "The team bombed out of the cup in the first round.",
        "The minister hit out at Washington over the sanctions.",
        "The candidate shot back at his critics in a television interview.",
        "The surgeon was struck off the medical register.",
    ]:
        assert triggers_of_type(nlp, suggester, text, ATTACK) == [], text
    for text, word in [
        ("The soldiers shot back at the gunmen.", "shot"),
        ("A missile struck the ship off the coast of Yemen.", "struck"),
        ("Militants blew up the bridge near the border.", "blew up"),
    ]:
        assert triggers_of_type(nlp, suggester, text, ATTACK) == [(word, ATTACK)], text


@pytest.mark.slow
def test_a_shot_taken_at_a_rival_is_a_jibe(nlp, suggester):
    assert triggers_of_type(nlp, suggester, "The senator took a shot at the president during the debate.", ATTACK) == []
    assert triggers_of_type(nlp, suggester, "The governor took a swipe at his rivals in the party.", ATTACK) == []
    text = "A sniper took a shot at the patrol near the border."
    assert triggers_of_type(nlp, suggester, text, ATTACK) == [("shot", ATTACK)], text


@pytest.mark.slow
def test_what_grows_fast_explodes_and_what_a_car_hits_is_an_accident(nlp, suggester):
    for text in [
        "Sales of electric cars exploded last year.",
        "The pop star exploded onto the scene in 1985.",
        "The cyclist was hit by a car during training and died in hospital.",
    ]:
        assert triggers_of_type(nlp, suggester, text, ATTACK) == [], text
    for text, word in [
        ("A car bomb exploded outside the embassy.", "exploded"),
        ("The convoy was hit by a car bomb near Kabul.", "hit"),
    ]:
        assert triggers_of_type(nlp, suggester, text, ATTACK) == [(word, ATTACK)], text


@pytest.mark.slow
def test_computers_problems_beams_and_attacks_in_words_harm_no_one(nlp, suggester):
    for text in [
        "Hackers attacked the bank's computer systems.",
        "The researchers attacked the problem from a new angle.",
        "The researchers shot a laser at the crystal.",
        "The brand launched an attack on its rival in a new advertisement.",
        "The tax plan came under attack from both parties.",
    ]:
        assert triggers_of_type(nlp, suggester, text, ATTACK) == [], text
    for text, word in [
        ("Gunmen attacked the bank's headquarters with grenades.", "attacked"),
        ("Soldiers shot a protester in the square.", "shot"),
        ("The convoy came under attack from militants near Kandahar.", "attack"),
    ]:
        assert triggers_of_type(nlp, suggester, text, ATTACK) == [(word, ATTACK)], text


@pytest.mark.slow
def test_a_films_shooting_a_comet_and_a_disease_that_strikes(nlp, suggester):
    assert triggers_of_type(nlp, suggester, "The film's shooting wrapped in Prague in October.", ATTACK) == []
    assert triggers_of_type(nlp, suggester, "The comet struck Jupiter in 1994.", ATTACK) == []
    assert (
        triggers_of_type(nlp, suggester, "The disease struck thousands of children in the region.", DEMONSTRATE) == []
    )
    text = "The gunman's shooting killed five people in Texas."
    assert triggers_of_type(nlp, suggester, text, ATTACK) == [("shooting", ATTACK)], text
    text = "Thousands of teachers struck on Monday."
    assert triggers_of_type(nlp, suggester, text, DEMONSTRATE) == [("struck", DEMONSTRATE)], text


@pytest.mark.slow
def test_workers_who_strike_stop_work(nlp, suggester):
    # a labour strike is ACE's Demonstrate, no violent act
    for text in ["Workers struck for higher pay at the car plant in Detroit.", "The nurses struck over staffing."]:
        assert triggers_of_type(nlp, suggester, text, ATTACK) == [], text
    for text in ["The militants struck at dawn.", "Gunmen struck the village at night."]:
        assert triggers_of_type(nlp, suggester, text, ATTACK) == [("struck", ATTACK)], text
        assert triggers_of_type(nlp, suggester, text, DEMONSTRATE) == [], text
    # who struck and what over told, the weak "strike" is a labour strike with no other cue
    text = "The nurses struck over staffing."
    assert triggers_of_type(nlp, suggester, text, DEMONSTRATE) == [("struck", DEMONSTRATE)], text


@pytest.mark.slow
def test_goods_seized_by_the_tonne_are_no_arrest(nlp, suggester):
    assert triggers_of_type(nlp, suggester, "Police seized two tonnes of cocaine at the port.", ARREST) == []
    text = "Police seized two smugglers at the port."
    assert triggers_of_type(nlp, suggester, text, ARREST) == [("seized", ARREST)], text
