"""Misreadings of made-up news English found by hand and fixed as classes of ACE's definitions (session 40, helper
s40-trig; each class's 20-odd sentences are in ``tests/data/news_sentences.jsonl``): sitting down with no one is no
meeting (ACE's Meet brings two or more together face to face); money withdrawn or moved is no movement (ACE's
Transport moves a person, a weapon or a vehicle); a film or a show that "bombed" failed (ACE's Attack harms a
target); a phone call or a letter told as the channel of another act has that act's parties (ACE's Phone-Write).
Session 41 (helper s41-trig): a verb of talking and the call it is held in are one event, not a call and a meeting
or two calls; a verb of talking by phone is a Phone-Write ("discussed Syria by phone"); goods or a launch that
"bombed" failed as a show does; protesters named by a count ("thousands of protesters") gathering for a purpose
that names no protest gather to protest all the same; a letter written to someone is a Phone-Write between the
writer and the one written to, one event with its verb.
Short made-up sentences parsed by the default pipeline, each class beside the real events it must keep."""

from __future__ import annotations

import pytest

from spacy_support import news_suggester, triggers_of_type

MEET = "Contact:Meet"
TRANSPORT = "Movement:Transport"
ATTACK = "Conflict:Attack"
PHONE = "Contact:Phone-Write"


@pytest.fixture(scope="module")
def suggester():
    return news_suggester()


@pytest.mark.slow
def test_sitting_down_with_no_one_is_no_meeting(nlp, suggester):
    for text in [
        "The old man sat down on a bench in the park.",
        "She sat down at her desk and began to write.",
        "The crowd sat down as the anthem ended.",
        "The pilot sat down in the cockpit.",
    ]:
        assert triggers_of_type(nlp, suggester, text, MEET) == [], text
    for text in [
        "The president sat down with reporters at the White House on Friday.",
        "The minister sat down to dinner with the visiting delegation.",
        "The senator sat down for an interview with CNN.",
        "Union leaders and management sat down to negotiate a new contract.",
        "Israeli and Palestinian negotiators will sit down together next week.",
    ]:
        assert [w for w, _ in triggers_of_type(nlp, suggester, text, MEET)][:1] in (["sat down"], ["sit down"]), text


@pytest.mark.slow
def test_money_withdrawn_or_moved_is_no_movement(nlp, suggester):
    for text in [
        "The thieves withdrew cash from the machine using stolen cards.",
        "Greeks withdrew 1 billion euros from their banks on Monday.",
        "She withdrew money from her account on Friday.",
    ]:
        assert triggers_of_type(nlp, suggester, text, TRANSPORT) == [], text
    for text, word in [
        ("The army withdrew its troops from the border.", "withdrew"),
        ("Russia withdrew its warships from the port.", "withdrew"),
        ("The United States will withdraw 2,000 soldiers from Iraq.", "withdraw"),
    ]:
        assert triggers_of_type(nlp, suggester, text, TRANSPORT) == [(word, TRANSPORT)], text


@pytest.mark.slow
def test_a_work_or_a_show_that_bombed_failed(nlp, suggester):
    for text in [
        "The film bombed at the box office.",
        "His new comedy bombed on Broadway.",
        "The show bombed with critics.",
        "The company's share offering bombed on its first day of trading.",
        "The comedian bombed in front of a tough crowd.",
    ]:
        assert triggers_of_type(nlp, suggester, text, ATTACK) == [], text
    for text in [
        "Insurgents bombed a police station in Kabul.",
        "Warplanes bombed the city overnight.",
        "Russian jets bombed a hospital in Idlib.",
        "Hospital bombed in Idlib, doctors say",
    ]:
        assert triggers_of_type(nlp, suggester, text, ATTACK) == [("bombed", ATTACK)], text


@pytest.mark.slow
def test_a_call_told_as_the_channel_of_an_act_has_its_parties(nlp, suggester):
    from spacy_support import suggested_events

    for text, word, parties in [
        ("In a phone call on Sunday, Obama told Netanyahu he would visit.", "phone call", {"Obama", "Netanyahu"}),
        ("In a 30-minute phone call, Biden pressed Xi on trade.", "phone call", {"Biden", "Xi"}),
        # a verb of talking done in the call carries the one event (session 41)
        ("The two leaders discussed the crisis in a phone call.", "discussed", {"leaders"}),
    ]:
        calls = [e for e in suggested_events(nlp, text) if e.type == PHONE]
        assert [text[e.trigger_start : e.trigger_end] for e in calls] == [word], text
        assert {text[a.start : a.end] for a in calls[0].arguments if a.role == "Entity"} >= parties, text
    # a call that is only a time or a thing: no parties read from another act
    for text in ["The call came as tensions rose.", "She ignored the phone call from her boss."]:
        assert triggers_of_type(nlp, suggester, text, PHONE) == [], text


@pytest.mark.slow
def test_a_talk_held_in_a_call_is_one_call(nlp, suggester):
    from spacy_support import suggested_events

    for text, word in [
        ("The two leaders talked in a telephone call on Friday.", "talked"),
        ("He spoke to her in a phone call.", "spoke"),
        ("In a phone call on Tuesday, the French president spoke with the Ukrainian leader.", "spoke"),
        ("The two chief executives discussed the merger in a phone call last week.", "discussed"),
    ]:
        found = [(text[e.trigger_start : e.trigger_end], e.type) for e in suggested_events(nlp, text)]
        assert [f for f in found if f[1] in (PHONE, MEET)] == [(word, PHONE)], text
    # talk face to face, or a call no verb of talking is held in, stay as they were
    assert triggers_of_type(nlp, suggester, "The two leaders talked for an hour at the White House.", MEET) == [
        ("talked", MEET)
    ]
    assert triggers_of_type(
        nlp, suggester, "In a phone call on Sunday, Obama told Netanyahu he would visit.", PHONE
    ) == [("phone call", PHONE)]


@pytest.mark.slow
def test_a_verb_of_talking_by_phone_is_a_phone_call(nlp, suggester):
    for text in [
        "They discussed Syria by phone.",
        "Kerry and Lavrov discussed the ceasefire by phone on Saturday.",
        "The two presidents discussed trade by telephone on Tuesday.",
        "The suspect consulted his lawyer by phone before the hearing.",
    ]:
        assert [k for _, k in triggers_of_type(nlp, suggester, text, PHONE)] == [PHONE], text
    for text in [
        "Analysts discussed the results in a research note.",
        "The ministers discussed the budget on Monday.",
        "Doctors discussed the new treatment in a medical journal.",
    ]:
        assert triggers_of_type(nlp, suggester, text, PHONE) == [], text


@pytest.mark.slow
def test_goods_or_a_launch_that_bombed_failed(nlp, suggester):
    for text in [
        "The launch of the new phone bombed.",
        "The new phone bombed in stores.",
        "The company's new smartphone bombed despite heavy marketing.",
        "The launch of the game console bombed in Japan.",
        "The new tablet bombed with consumers.",
        "Sales of the electric scooter bombed in Europe.",
    ]:
        assert triggers_of_type(nlp, suggester, text, ATTACK) == [], text
    for text in [
        "Warplanes bombed overnight.",
        "Phone shop bombed in Baghdad, police say",
        "Jets bombed a factory that made mobile phones.",
        "A bus bombed in the capital killed nine people.",
    ]:
        assert triggers_of_type(nlp, suggester, text, ATTACK) == [("bombed", ATTACK)], text


@pytest.mark.slow
def test_protesters_named_by_a_count_gather_to_protest(nlp, suggester):
    demonstrate = "Conflict:Demonstrate"
    for text, word in [
        ("Thousands of protesters gathered in the square to demand his resignation.", "gathered"),
        ("Hundreds of demonstrators gathered outside the embassy to denounce the election.", "gathered"),
        ("Dozens of protesters rallied in front of city hall to oppose the new tax.", "rallied"),
    ]:
        assert triggers_of_type(nlp, suggester, text, demonstrate) == [(word, demonstrate)], text
    for text in [
        "Thousands of people gathered in the square to watch the fireworks.",
        "Hundreds of fans gathered outside the stadium to greet the team.",
    ]:
        assert triggers_of_type(nlp, suggester, text, demonstrate) == [], text


@pytest.mark.slow
def test_a_letter_written_to_someone_is_one_letter(nlp, suggester):
    from spacy_support import suggested_events

    for text, parties in [
        ("The senator wrote a letter to the president about the budget.", {"senator", "president"}),
        ("The minister wrote a letter to his French counterpart on Monday.", {"minister", "counterpart"}),
    ]:
        letters = [e for e in suggested_events(nlp, text) if e.type == PHONE]
        assert [text[e.trigger_start : e.trigger_end] for e in letters] == ["letter"], text
        assert {text[a.start : a.end] for a in letters[0].arguments if a.role == "Entity"} == parties, text
    # the verb and its object are one event, not two
    text = "The governor wrote an email to the mayor after the storm."
    assert len(triggers_of_type(nlp, suggester, text, PHONE)) == 1, text
    for text in ["The author wrote a book about the war.", "The singer wrote a song about her childhood."]:
        assert triggers_of_type(nlp, suggester, text, PHONE) == [], text


@pytest.mark.slow
def test_a_product_named_with_the_that_bombed_failed(nlp, suggester):
    # session 42: a name with "the" the NER labels as no one and nowhere is a product or a work, which fails
    for text in [
        "The Galaxy Fold bombed in Europe last year.",
        "The new Zune bombed despite heavy advertising.",
        "The Kindle Fire bombed in Germany, analysts said.",
    ]:
        assert triggers_of_type(nlp, suggester, text, ATTACK) == [], text
    for text in [
        "The United States bombed in Syria overnight.",
        "The Islamic State bombed in Baghdad on Monday.",
        "The Houthis bombed in Aden on Tuesday.",
    ]:
        assert triggers_of_type(nlp, suggester, text, ATTACK) == [("bombed", ATTACK)], text


@pytest.mark.slow
def test_a_talk_held_on_a_call_has_its_common_noun_parties(nlp, suggester):
    # session 42: a talk said to be held on a conference or a video call is at a distance, between its speaker and
    # those spoken to or with, whoever they are; one event, on the verb
    for text, word in [
        ("The chief executive spoke to analysts on a conference call after the results.", "spoke"),
        ("The governor talked with the mayor over a video call about the floods.", "talked"),
        ("The doctor talked with her patients over a video call.", "talked"),
    ]:
        assert triggers_of_type(nlp, suggester, text, PHONE) == [(word, PHONE)], text
        assert triggers_of_type(nlp, suggester, text, MEET) == [], text
    for text in [
        "The minister spoke to reporters at a news conference.",
        "The manager spoke to the players in the dressing room.",
        "The chief executive spoke at a conference on climate change.",
    ]:
        assert triggers_of_type(nlp, suggester, text, PHONE) == [], text


@pytest.mark.slow
def test_a_side_attacking_in_a_game_is_play(nlp, suggester):
    # session 42: attacking the basket, or attacking with nothing done to at a time of the game's clock, is play
    for text in [
        "The Lakers attacked the basket all night.",
        "Liverpool attacked from the first whistle.",
        "Chelsea attacked relentlessly after halftime.",
    ]:
        assert triggers_of_type(nlp, suggester, text, ATTACK) == [], text
    for text, word in [
        ("A fan attacked the referee at halftime.", "attacked"),
        ("A player was shot in the parking lot at halftime.", "shot"),
        ("Gunmen attacked the stadium before kickoff.", "attacked"),
    ]:
        assert triggers_of_type(nlp, suggester, text, ATTACK) == [(word, ATTACK)], text


@pytest.mark.slow
def test_pay_with_nothing_paid_in_a_turn_of_phrase_is_no_payment(nlp, suggester):
    # session 42: a penalty made to be borne, a thing worth doing, an effort that succeeded: no money given
    money = "Transaction:Transfer-Money"
    for text in [
        "Voters will make the party pay at the ballot box.",
        "We will make them pay for what they did, the general said.",
        "It pays to shop around for a mortgage.",
        "Hard work paid off for the young team.",
    ]:
        assert triggers_of_type(nlp, suggester, text, money) == [], text
    for text, word in [
        ("The court made the company pay $5 million in damages.", "pay"),
        ("The company paid off its debts last year.", "paid"),
        ("It paid $2 million to settle the case.", "paid"),
        ("The debts were finally paid off last year.", "paid"),
    ]:
        assert triggers_of_type(nlp, suggester, text, money) == [(word, money)], text
