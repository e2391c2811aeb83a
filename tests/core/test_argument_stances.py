"""A modifier that says what an event is for or against is no participant of it (annotator/suggest/noun_frame.py,
``_stance``): "an anti-India rally" is a rally against India, not one India holds; the NER reads "anti-India" as a
NORP, which the noun's frame took for the Entity of the rally or the Attacker of "anti-Muslim attacks"."""

from __future__ import annotations

import pytest

from spacy_support import suggested_events


@pytest.mark.slow
def test_what_a_rally_is_against_is_not_who_rallies(nlp):
    text = "Thousands attended an anti-India rally in Muzaffarabad on Thursday."
    doc = nlp(text)
    assert ("anti-India", "NORP") in [(e.text, e.label_) for e in doc.ents]  # the premise: the NER's NORP
    (rally,) = [s for s in suggested_events(nlp, text) if s.type == "Conflict:Demonstrate"]
    got = {(a.role, text[a.start : a.end]) for a in rally.arguments}
    assert ("Place", "Muzaffarabad") in got
    assert not [a for a in rally.arguments if "India" in text[a.start : a.end]], got


@pytest.mark.slow
def test_what_a_rally_is_for_is_not_who_rallies(nlp):
    text = "Hundreds joined a pro-Russian rally in Donetsk on Sunday."
    (rally,) = [s for s in suggested_events(nlp, text) if s.type == "Conflict:Demonstrate"]
    got = {(a.role, text[a.start : a.end]) for a in rally.arguments}
    assert ("Place", "Donetsk") in got
    assert not [a for a in rally.arguments if "Russian" in text[a.start : a.end]], got


@pytest.mark.slow
def test_who_attacks_are_against_is_not_their_attacker(nlp):
    text = "There has been a rise in anti-Muslim attacks in Britain."
    attackers = [
        text[a.start : a.end] for s in suggested_events(nlp, text) for a in s.arguments if a.role == "Attacker"
    ]
    assert attackers == []


@pytest.mark.slow
def test_a_nationality_in_front_of_an_attack_still_names_the_attacker(nlp):
    """The rule reads the hyphenated stance only: "Russian airstrikes" keep their Attacker."""
    text = "Russian airstrikes on a hospital in Aleppo killed ten people."
    (attack,) = [s for s in suggested_events(nlp, text) if s.type == "Conflict:Attack"]
    assert ("Attacker", "Russian") in {(a.role, text[a.start : a.end]) for a in attack.arguments}
