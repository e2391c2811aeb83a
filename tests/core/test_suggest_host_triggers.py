"""Meetings told by a host receiving a visitor (session 34, helper s34-trigB): ACE's Contact:Meet, two or more
entities come together at one place and interact; "receive" names a meeting only when what is received is a person
named or a title of office ("Putin received Erdogan", "the king received the foreign minister"), not a letter,
criticism, money or a crowd of unnamed people; the host who receives takes part as well."""

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
    # the host who receives is a party to the meeting, beside the visitor
    text = "Pope Francis received Trump at the Vatican on Wednesday."
    (meeting,) = [e for e in suggested_events(nlp, text, suggester) if e.type == MEET]
    entities = {text[a.start : a.end] for a in meeting.arguments if a.role == "Entity"}
    assert "Trump" in entities and "Francis" in " ".join(entities), entities


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
