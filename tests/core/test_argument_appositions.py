"""A common noun given a list of names in apposition stands for each of them (session 29): "the three senators, John
Walker, Maria Lopez and David Chen, met": every name a party of the meeting, not the first alone."""

from __future__ import annotations

import pytest

from spacy_support import suggested_events


@pytest.mark.slow
def test_a_noun_given_a_list_of_names_in_apposition_stands_for_each(nlp):
    text = "The three senators, John Walker, Maria Lopez and David Chen, met the families in Boston."
    (met,) = [s for s in suggested_events(nlp, text) if s.type == "Contact:Meet"]
    got = {(a.role, text[a.start : a.end]) for a in met.arguments}
    assert {("Entity", "John Walker"), ("Entity", "Maria Lopez"), ("Entity", "David Chen")} <= got, got


@pytest.mark.slow
def test_a_noun_given_one_name_in_apposition_stands_for_it_alone(nlp):
    text = "The senator, John Walker, met the families in Boston."
    (met,) = [s for s in suggested_events(nlp, text) if s.type == "Contact:Meet"]
    got = {(a.role, text[a.start : a.end]) for a in met.arguments}
    assert ("Entity", "John Walker") in got and ("Entity", "senator") not in got, got
