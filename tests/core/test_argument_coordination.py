"""Two readings of the parse left for the lead (branch s28-args-dative; neither moves half A): the parse's dative "to"
of a verb is its "to" phrase ("paid millions of dollars to the militants": the preposition itself filled the
``dative`` slot, so the Recipient was lost), and coordinated fillers of a slot are of one role ("attacks on the U.S.
Marine barracks and the French embassy": the first conjunct, with no room in the Target, became the Place); and of a
person's name and a description coordinated, the name (session 31)."""

from __future__ import annotations

import pytest

from spacy_support import suggested_events


@pytest.mark.slow
def test_the_dative_to_of_a_payment_names_its_recipient(nlp):
    text = "Qatar has paid millions of dollars to the militants."
    assert [t.dep_ for t in nlp(text) if t.text == "to"] == ["dative"]  # the premise
    (paid,) = [s for s in suggested_events(nlp, text) if s.type == "Transaction:Transfer-Money"]
    assert ("Recipient", "militants") in {(a.role, text[a.start : a.end]) for a in paid.arguments}


@pytest.mark.slow
def test_a_conjunct_the_role_has_no_room_for_fills_no_other_role(nlp):
    text = "He was convicted for the attacks on the U.S. Marine barracks and the French embassy."
    (attack,) = [s for s in suggested_events(nlp, text) if s.type == "Conflict:Attack"]
    got = {(a.role, text[a.start : a.end]) for a in attack.arguments}
    assert ("Target", "embassy") in got
    assert not [r for r, t in got if r == "Place"], got


@pytest.mark.slow
def test_of_a_person_named_and_a_description_coordinated_the_person_is_the_filler(nlp):
    """Session 31: one filler of a coordination, and of a person's name and a common noun the name, whichever comes
    last ("Poonam Dass and her family migrated": the data's Artifact Poonam Dass); on main both were suggested."""
    for text in ("Maria Lopez and her family fled to Spain.", "Her family and Maria Lopez fled to Spain."):
        (fled,) = [s for s in suggested_events(nlp, text) if s.type == "Movement:Transport"]
        assert [text[a.start : a.end] for a in fled.arguments if a.role == "Artifact"] == ["Maria Lopez"], text
