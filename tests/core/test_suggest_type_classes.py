"""Classes of ACE's definitions of a type against news English (session 39, helper s39-trig): a talk on the phone is
no meeting (ACE's Meet is face to face, its Phone-Write at a distance), and a talk "for an hour" calls for nothing; a
carrier's routes, a storm's or an illness's course and a website visited are no movement (ACE's Transport moves a
person, a weapon or a vehicle); shots fired into the air and a market a seller aims at harm no one (ACE's Attack).
Short made-up sentences parsed by the default pipeline, each beside the real event it must keep."""

from __future__ import annotations

import pytest

from spacy_support import news_suggester, triggers_of_type


@pytest.fixture(scope="module")
def suggester():
    return news_suggester()


MEET = "Contact:Meet"
PHONE = "Contact:Phone-Write"


@pytest.mark.slow
def test_a_talk_on_the_phone_is_phone_write_not_a_meeting(nlp, suggester):
    # "on" or "over" a line of speech at a distance names the means, as "by phone" does
    for text, word in [
        ("Kerry talked with Lavrov on the phone on Monday.", "talked"),
        ("The two leaders talked on the telephone for an hour.", "talked"),
        ("The two leaders talked by telephone for an hour.", "talked"),
        ("Merkel and Putin spoke over the phone on Tuesday.", "spoke"),
    ]:
        found = triggers_of_type(nlp, suggester, text, MEET) + triggers_of_type(nlp, suggester, text, PHONE)
        assert found == [(word, PHONE)], text
    for text in [
        "The ministers talked on Monday in Geneva.",
        "The foreign minister talked with his counterpart on the sidelines in Brussels.",
    ]:
        assert triggers_of_type(nlp, suggester, text, MEET) == [("talked", MEET)], text
        assert triggers_of_type(nlp, suggester, text, PHONE) == [], text


@pytest.mark.slow
def test_a_call_for_something_stays_no_phone_call(nlp, suggester):
    # the blocker "for" of a word of calling is lifted for a stretch of time only
    for text in [
        "The minister called for talks with the rebels.",
        "Protesters called for the president's resignation on Monday.",
    ]:
        assert triggers_of_type(nlp, suggester, text, PHONE) == [], text


TRANSPORT = "Movement:Transport"


@pytest.mark.slow
def test_a_carriers_routes_are_no_movement(nlp, suggester):
    # a carrier's verb of going in the simple present, undated: the routes it serves, not one movement
    for text in [
        "The airline flies to 50 cities in Europe.",
        "The carrier flies to Dubai and Doha.",
        "Ryanair flies from Dublin to 30 destinations.",
        "The company ships its products to 40 countries.",
    ]:
        assert triggers_of_type(nlp, suggester, text, TRANSPORT) == [], text
    for text, word in [
        ("The plane flew to Paris on Monday.", "flew"),
        ("The airline flew the stranded tourists home on Monday.", "flew"),
        ("The president flies to Paris on Monday.", "flies"),
        ("Migrants cross the border into Greece every night.", "cross"),
    ]:
        assert triggers_of_type(nlp, suggester, text, TRANSPORT) == [(word, TRANSPORT)], text


ATTACK = "Conflict:Attack"


@pytest.mark.slow
def test_shots_fired_into_the_air_are_no_attack(nlp, suggester):
    # a volley into the sky with no one aimed at harms no one: no Attack
    for text in [
        "The soldiers fired warning shots into the air.",
        "Troops fired shots in the air as the crowd grew.",
        "Celebrating fans fired guns into the air.",
    ]:
        assert triggers_of_type(nlp, suggester, text, ATTACK) == [], text
    for text in [
        "Soldiers fired at the protesters.",
        "Police fired on the crowd, killing three.",
    ]:
        assert triggers_of_type(nlp, suggester, text, ATTACK) == [("fired", ATTACK)], text


@pytest.mark.slow
def test_a_force_of_nature_going_is_no_transport(nlp, suggester):
    # a storm or an illness as the doer of a verb of going: nothing carried, no one moved
    for text in [
        "The typhoon headed to Vietnam on Tuesday.",
        "The virus arrived in Europe in January.",
    ]:
        assert triggers_of_type(nlp, suggester, text, TRANSPORT) == [], text
    for text, word in [
        ("The hurricane forced thousands to flee their homes.", "flee"),
        ("The president arrived in Europe in January.", "arrived"),
    ]:
        assert triggers_of_type(nlp, suggester, text, TRANSPORT) == [(word, TRANSPORT)], text


@pytest.mark.slow
def test_a_market_aimed_at_by_a_seller_is_no_attack(nlp, suggester):
    # a firm or a campaign "targets" customers or voters to sell to or win them: no one harmed
    for text in [
        "The company targets young customers.",
        "The campaign targeted young voters in swing states.",
    ]:
        assert triggers_of_type(nlp, suggester, text, ATTACK) == [], text
    for text in [
        "Militants targeted shoppers in a crowded market.",
        "The gunman targeted worshippers at a mosque.",
    ]:
        assert triggers_of_type(nlp, suggester, text, ATTACK) == [("targeted", ATTACK)], text


@pytest.mark.slow
def test_a_website_visited_is_no_going(nlp, suggester):
    # a place on the web gone to or visited: no one moves
    for text in [
        "More than a million people visited the ministry's website on Monday.",
        "Visitors returned to the website after the outage on Monday.",
    ]:
        assert triggers_of_type(nlp, suggester, text, TRANSPORT) == [], text
    for text in [
        "The minister visited the site of the attack on Monday.",
        "The president visited the flooded region on Monday.",
    ]:
        assert triggers_of_type(nlp, suggester, text, TRANSPORT) == [("visited", TRANSPORT)], text
