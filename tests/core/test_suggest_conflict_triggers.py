"""Trigger rules of Conflict:Attack, Conflict:Demonstrate, Justice:Arrest-Jail and Life:Die on short made-up
sentences parsed by the default pipeline (session 29; earlier sessions' in test_suggest_rules.py)."""

from __future__ import annotations

import pytest

from spacy_support import news_suggester, suggested_triggers


@pytest.fixture(scope="module")
def suggester():
    return news_suggester()


@pytest.mark.slow
def test_a_finite_verb_tells_its_event_again_without_a_participant_read(nlp, suggester):
    # a later mention is a noun phrase referring back ("the attack"); a finite verb asserts an occurrence of its own,
    # even where the parse finds none of its participants ("At least 12 were killed": a number, no role's label)
    for text, kind in [
        ("Troops killed two militants near the border on Monday. At least 12 were killed.", "Life:Die"),
        ("Police arrested two men in Lagos on Monday. Dozens more were arrested.", "Justice:Arrest-Jail"),
    ]:
        got = suggested_triggers(nlp, text, suggester)
        assert [t for t in got if t[1] == kind] == [(text.split()[1], kind)] * 2, got


@pytest.mark.slow
def test_a_later_noun_mention_without_participants_stays_out(nlp, suggester):
    # the guard: a noun told again with no participant is a reference to the event already suggested
    text = "Militants attacked a police post in Kano on Monday. The attack was condemned."
    got = suggested_triggers(nlp, text, suggester)
    assert ("attacked", "Conflict:Attack") in got
    assert ("attack", "Conflict:Attack") not in got, got
