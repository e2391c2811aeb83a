"""General classes of false triggers in news, and of misses (session 38, helper s38-trig): a scheme run or words
said "attacked" and harsh words told with "blast" or "hammer" (attacks in words, no one harmed), a body of people
"infiltrated" (joined, no going), a place occupied by protesters (a sit-in, no attack); and of misses: acid or a
firebomb thrown (weapons the class lacked), someone whisked away, a suspect handcuffed, migrants disembarked. Short
made-up sentences parsed by the default pipeline, each beside the real event it must keep."""

from __future__ import annotations

import pytest

from spacy_support import news_suggester, triggers_of_type


@pytest.fixture(scope="module")
def suggester():
    return news_suggester()


ATTACK = "Conflict:Attack"


@pytest.mark.slow
def test_a_scheme_or_words_attacked_is_an_attack_in_words(nlp, suggester):
    # ACE's Attack is a physical act; a programme run or remarks made are attacked in words
    for text in [
        "The Vice President personally attacked a UN program focused on refugees.",
        "The senator attacked the minister's remarks on immigration.",
        "The opposition leader attacked the government's record on housing.",
    ]:
        assert triggers_of_type(nlp, suggester, text, ATTACK) == [], text
    for text in [
        "Gunmen attacked a UN food programme convoy near the border.",
        "Rebels attacked the army base with rockets.",
    ]:
        assert triggers_of_type(nlp, suggester, text, ATTACK) == [("attacked", ATTACK)], text


@pytest.mark.slow
def test_harsh_words_told_with_a_verb_of_hitting_hard_are_no_attack(nlp, suggester):
    # "blast" and "hammer" done by an unarmed person or body to people or a proposal, with no weapon: criticism
    for text in [
        "The senator blasted the president over the deal.",
        "The Labour leader hammered the prime minister in parliament.",
        "Oded Forer blasted the Arab legislators.",
        "The union blasted the new pension plan.",
    ]:
        assert triggers_of_type(nlp, suggester, text, ATTACK) == [], text
    for text in [
        "Gunmen blasted the villagers.",
        "Israel blasted Gaza overnight.",
        "Police blasted the protesters with water cannon.",
    ]:
        assert triggers_of_type(nlp, suggester, text, ATTACK) == [("blasted", ATTACK)], text


TRANSPORT = "Movement:Transport"


@pytest.mark.slow
def test_a_body_of_people_infiltrated_is_joined_not_gone_to(nlp, suggester):
    # ACE's Transport moves someone from one place to another; a gang or a group infiltrated is joined in secret
    for text in [
        "Undercover agents infiltrated the gang.",
        "The spy infiltrated a smuggling network in Sudan.",
        "The informant infiltrated a group led by a smuggler.",
    ]:
        assert triggers_of_type(nlp, suggester, text, TRANSPORT) == [], text
    for text in [
        "Militants infiltrated the town overnight.",
        "Militants infiltrated into Kashmir from Pakistan.",
    ]:
        assert triggers_of_type(nlp, suggester, text, TRANSPORT) == [("infiltrated", TRANSPORT)], text


@pytest.mark.slow
def test_acid_and_firebombs_thrown_are_weapons(nlp, suggester):
    # "throw" and "spray" name an attack by what is thrown, a weapon: acid thrown at people is one (ACE's Attack),
    # and the weapons of ordinary English the class lacked (a firebomb, a sword)
    for text in [
        "A man threw acid at two women in the market.",
        "Rioters hurled firebombs at the police station.",
    ]:
        assert triggers_of_type(nlp, suggester, text, ATTACK) != [], text
    for text in [
        "Farmers sprayed pesticides on the crops.",
        "The factory leaked acid into the river.",
    ]:
        assert triggers_of_type(nlp, suggester, text, ATTACK) == [], text


DEMONSTRATE = "Conflict:Demonstrate"


@pytest.mark.slow
def test_a_place_occupied_by_protesters_is_a_sit_in_not_an_attack(nlp, suggester):
    # ACE's Attack is violent; students or protesters occupying a square or a building with no weapon protest there
    for text in [
        "Protesters occupied the parliament building for three days.",
        "Students occupied the main square to demand reforms.",
    ]:
        assert triggers_of_type(nlp, suggester, text, ATTACK) == [], text
        assert triggers_of_type(nlp, suggester, text, DEMONSTRATE) == [("occupied", DEMONSTRATE)], text
    for text in [
        "Rebels occupied the town after heavy fighting.",
        "Armed protesters occupied the police station with rifles.",
    ]:
        assert triggers_of_type(nlp, suggester, text, ATTACK) == [("occupied", ATTACK)], text


ARREST = "Justice:Arrest-Jail"


@pytest.mark.slow
def test_someone_handcuffed_by_the_police_or_disembarked_from_a_ship(nlp, suggester):
    # words of ordinary English the schema lacked: the police handcuffing a suspect restrain one (ACE's Arrest-Jail,
    # a weak word: a cue of the type needed), passengers disembarking arrive (ACE's Transport, a weak word)
    assert triggers_of_type(nlp, suggester, "Police handcuffed the suspect outside the bank.", ARREST) == [
        ("handcuffed", ARREST)
    ]
    for text in ["The kidnappers handcuffed him to a radiator.", "The singer handcuffed himself to the railings."]:
        assert triggers_of_type(nlp, suggester, text, ARREST) == [], text
    text = "Hundreds of migrants disembarked from the rescue ship in Sicily."
    assert triggers_of_type(nlp, suggester, text, TRANSPORT) == [("disembarked", TRANSPORT)]
