"""A common noun given a list of names in apposition stands for them (session 29): "the three senators, John Walker,
Maria Lopez and David Chen, met": a party of the meeting named, not the noun; the last name of the list, one filler of
a coordination (session 31)."""

from __future__ import annotations

import pytest

from spacy_support import suggested_events


@pytest.mark.slow
def test_a_noun_given_a_list_of_names_in_apposition_stands_for_its_last(nlp):
    """The list is one coordination with the noun: one filler of it, the last name, as for coordinated fillers
    (session 31; each of the names before, and "senators" the first of them)."""
    text = "The three senators, John Walker, Maria Lopez and David Chen, met the families in Boston."
    (met,) = [s for s in suggested_events(nlp, text) if s.type == "Contact:Meet"]
    got = {(a.role, text[a.start : a.end]) for a in met.arguments}
    assert ("Entity", "David Chen") in got, got
    assert not {("Entity", "John Walker"), ("Entity", "Maria Lopez"), ("Entity", "senators")} & got, got


@pytest.mark.slow
def test_a_noun_given_one_name_in_apposition_stands_for_it_alone(nlp):
    text = "The senator, John Walker, met the families in Boston."
    (met,) = [s for s in suggested_events(nlp, text) if s.type == "Contact:Meet"]
    got = {(a.role, text[a.start : a.end]) for a in met.arguments}
    assert ("Entity", "John Walker") in got and ("Entity", "senator") not in got, got
