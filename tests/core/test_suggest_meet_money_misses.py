"""Meetings and payments a writer tells in ordinary words that got no suggestion (session 34, helper s34-trigB).

ACE's Contact:Meet, two or more entities come together at one place and interact: "receive" names a meeting only when
what is received is a person named or a title of office ("Putin received Erdogan", "the king received the foreign
minister"), not a letter, criticism, money or a crowd of unnamed people.
ACE's Transfer-Money, money given outside a purchase: a person paid for a thing of no kind is paid for work."""

from __future__ import annotations

import pytest

from spacy_support import news_suggester, suggested_events, suggested_triggers


@pytest.fixture(scope="module")
def suggester():
    return news_suggester()


MEET = "Contact:Meet"


@pytest.mark.slow
def test_a_host_receiving_a_named_visitor_meets_them(nlp, suggester):
    for text, trigger in [
        ("Putin received Erdogan in Moscow on Tuesday.", "received"),
        ("Pope Francis received Trump at the Vatican on Wednesday.", "received"),
        ("The king received the Iranian foreign minister at his palace.", "received"),
    ]:
        assert (trigger, MEET) in suggested_triggers(nlp, suggester=suggester, text=text), text
    # the visitor received is a party to the meeting
    text = "Pope Francis received Trump at the Vatican on Wednesday."
    (meeting,) = [e for e in suggested_events(nlp, text, suggester) if e.type == MEET]
    assert "Trump" in {text[a.start : a.end] for a in meeting.arguments if a.role == "Entity"}


@pytest.mark.slow
def test_receiving_a_thing_or_unnamed_people_is_no_meeting(nlp, suggester):
    for text in [
        "She received a letter from the ministry.",
        "The plan received criticism from Democrats.",
        "The families received $10,000 each from the government.",
        "Germany received more than one million refugees last year.",
        "The hospital received 20 wounded people.",
        "He received the Nobel Prize in 2009.",
    ]:
        assert MEET not in {t for _, t in suggested_triggers(nlp, suggester=suggester, text=text)}, text
    # the money received stays a transfer of money
    text = "The families received $10,000 each from the government."
    assert ("received", "Transaction:Transfer-Money") in suggested_triggers(nlp, suggester=suggester, text=text)


@pytest.mark.slow
def test_a_person_paid_for_work_is_given_money(nlp, suggester):
    # ACE's Transfer-Money excludes purchases; a person paid (the passive's subject, the one paid "him") for a thing of
    # no kind the noun classes know ("the story", "her work") is paid for work or a service, not selling goods
    for text in [
        "He was paid $500 for the story.",
        "The newspaper paid him $500 for the interview.",
        "She was paid $2,000 for her work.",
    ]:
        assert ("paid", "Transaction:Transfer-Money") in suggested_triggers(nlp, suggester=suggester, text=text), text
    # money given for a vehicle or a weapon is a purchase, whoever is paid; and so with no one paid named
    for text in [
        "He was paid $20,000 for the truck.",
        "The government paid $3 million for new trucks.",
        "The city paid $2 million for the project.",
    ]:
        assert ("paid", "Transaction:Transfer-Money") not in suggested_triggers(nlp, suggester=suggester, text=text), (
            text
        )


@pytest.mark.slow
def test_a_meal_shared_with_a_party_is_a_meeting(nlp, suggester):
    # a dinner, a lunch or a banquet is a meeting when two parties or a title of office tell it (weak triggers of
    # Contact:Meet); a meal eaten, served or given out is none
    for text, trigger in [
        ("The president had lunch with the Saudi king on Monday.", "lunch"),
        ("The king hosted a banquet for the visiting president.", "banquet"),
    ]:
        assert (trigger, MEET) in suggested_triggers(nlp, suggester=suggester, text=text), text
    for text in [
        "The family ate dinner at home.",
        "Dinner was served at eight.",
        "The migrants were given breakfast by volunteers.",
        "The school provides free lunch to children.",
    ]:
        assert MEET not in {t for _, t in suggested_triggers(nlp, suggester=suggester, text=text)}, text


@pytest.mark.slow
def test_a_person_received_is_no_money_received(nlp, suggester):
    # what a verb of receiving takes in is its object or its passive subject: a person received is a visitor or a
    # newcomer, no sum given (blocker received:person); a visitor named received by a host is a meeting
    money = "Transaction:Transfer-Money"
    text = "Erdogan was received by Putin in the Kremlin."
    found = suggested_triggers(nlp, suggester=suggester, text=text)
    assert ("received", MEET) in found and ("received", money) not in found, found
    text = "Germany received more than one million refugees last year."
    assert ("received", money) not in suggested_triggers(nlp, suggester=suggester, text=text)
    for text in [
        "The families received $10,000 each from the government.",
        "Hamas received $30 million from Qatar.",
    ]:
        assert ("received", money) in suggested_triggers(nlp, suggester=suggester, text=text), text


@pytest.mark.slow
def test_a_person_visited_is_met(nlp, suggester):
    # the object of "visit" is where one goes ("visited Paris", Transport); a person visited is met (ACE's Meet), no
    # place reached: blocker visited:person on Transport, and the person a party of the meeting
    for text in [
        "Netanyahu visited Trump at the White House on Monday.",
        "Kerry visited Putin in Sochi.",
    ]:
        found = suggested_triggers(nlp, suggester=suggester, text=text)
        assert ("visited", MEET) in found and ("visited", "Movement:Transport") not in found, (text, found)
    for text in [
        "The president visited Paris on Monday.",
        "Merkel visited the refugee camp in Idomeni.",
    ]:
        assert ("visited", "Movement:Transport") in suggested_triggers(nlp, suggester=suggester, text=text), text


@pytest.mark.slow
def test_money_handed_over_or_wired_is_given(nlp, suggester):
    # "hand over" and "wire" give money only when what is handed or wired is money (object_triggers of
    # Transfer-Money); a suspect handed over is extradited, a building wired gets cables
    money = "Transaction:Transfer-Money"
    for text, trigger in [
        ("He handed over $10,000 to the smugglers.", "handed over"),
        ("The company wired $2 million to an account in Cyprus.", "wired"),
        ("Relatives wired money to the kidnappers.", "wired"),
    ]:
        assert (trigger, money) in suggested_triggers(nlp, suggester=suggester, text=text), text
    for text in ["The police handed over the suspect to the FBI.", "The workers wired the building for electricity."]:
        assert money not in {t for _, t in suggested_triggers(nlp, suggester=suggester, text=text)}, text
