"""Calls answered, taken, made or returned, and who a call or a letter comes from (session 35, helper s35-trig,
``annotator/suggest/messages.py``). ACE's Contact:Phone-Write: two or more people engage in discussion that is not
face to face; the one a call comes "from" is a party to it, a place it is made from is not. A call answered or taken
is told by its verb, the trigger; the call itself is no second event. Short made-up sentences parsed by the default
pipeline, each beside what must stay without an event."""

from __future__ import annotations

import pytest

from spacy_support import news_suggester, suggested_events, suggested_triggers

PHONE = "Contact:Phone-Write"


@pytest.fixture(scope="module")
def suggester():
    return news_suggester()


def _calls(nlp, suggester, text: str) -> list:
    return [e for e in suggested_events(nlp, text, suggester) if e.type == PHONE]


@pytest.mark.slow
def test_a_call_answered_or_taken_is_told_by_its_verb(nlp, suggester):
    for text, verb, parties in [
        ("The staff at the base are answering phone calls from children.", "answering", {"staff", "children"}),
        ("Colonel David Hanson takes a phone call from a boy in Ohio.", "takes", {"David Hanson", "boy"}),
        ("The minister answered a call from the president.", "answered", {"minister", "president"}),
        ("Obama received a phone call from Putin on Tuesday.", "received", {"Obama", "Putin"}),
    ]:
        (call,) = _calls(nlp, suggester, text)
        assert text[call.trigger_start : call.trigger_end] == verb, text
        assert {text[a.start : a.end] for a in call.arguments if a.role == "Entity"} == parties, text


@pytest.mark.slow
def test_a_call_made_for_something_or_by_one_side_only_is_no_phone_call(nlp, suggester):
    # a call for calm is an appeal, a referee's call a decision; a phone answered with no one on the line has one
    # party, and a place a person speaks from is no second party
    for text in [
        "The president made a call for calm.",
        "The referee made the call in the second half.",
        "She answered the phone.",
        "The minister was speaking by phone from Oman.",
        "The letter from Paris arrived on Monday.",
    ]:
        assert _calls(nlp, suggester, text) == [], text


@pytest.mark.slow
def test_who_a_letter_comes_from_is_a_party_to_it(nlp, suggester):
    text = "The families received a letter from the governor."
    (letter,) = _calls(nlp, suggester, text)
    assert {text[a.start : a.end] for a in letter.arguments if a.role == "Entity"} == {"families", "governor"}
    # the verb's own "to" party stays, with no "from"
    assert ("spoke", PHONE) in suggested_triggers(nlp, "Kurdi spoke to her brothers by phone on Friday.", suggester)
