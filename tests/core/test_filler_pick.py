"""Ctrl+Shift+1…9's filler: the first of the role in the text, again the next (annotator/filler_pick.py)."""

from annotator.filler_pick import arguments_in_order, filler_to_select, fillers_in_order
from annotator.model import Argument, Entity, Event


def _event() -> tuple[Event, dict[int, Entity]]:
    ents = {
        1: Entity(1, 1, 30, 44, "PERSON", "suggested", "rules", None),
        2: Entity(2, 1, 0, 6, "PERSON", "suggested", "spacy", None),
        3: Entity(3, 1, 50, 55, "GPE", "accepted", "spacy", None),
    }
    args = (Argument(1, 9, "Victim", 1), Argument(2, 9, "Victim", 2), Argument(3, 9, "Place", 3))
    return Event(9, 1, "Life:Die", 20, 26, {}, None, args, state="suggested"), ents


def test_the_first_filler_in_the_text_then_the_next_and_round():
    ev, ents = _event()
    assert [e.id for e in fillers_in_order(ev, "Victim", ents)] == [2, 1]
    assert filler_to_select(ev, "Victim", ents, None).id == 2
    assert filler_to_select(ev, "Victim", ents, 2).id == 1
    assert filler_to_select(ev, "Victim", ents, 1).id == 2
    assert filler_to_select(ev, "Victim", ents, 3).id == 2  # another role's filler selected: this role's first


def test_a_role_of_one_filler_and_an_empty_role():
    ev, ents = _event()
    assert filler_to_select(ev, "Place", ents, 3).id == 3
    assert filler_to_select(ev, "Agent", ents, None) is None
    assert filler_to_select(ev, "Victim", {3: ents[3]}, None) is None  # its spans not known


def test_the_arguments_of_a_role_in_the_texts_order_as_the_editor_lists_them():
    """The editor lists a role's fillers as Ctrl+Shift+N steps through them (session 38; it listed them as put): the
    Victim put first lies later in the text; one whose span is not known comes last."""
    ev, ents = _event()
    assert [a.id for a in arguments_in_order(ev, "Victim", ents)] == [2, 1]
    assert [a.id for a in arguments_in_order(ev, "Victim", {1: ents[1]})] == [1, 2]
    assert arguments_in_order(ev, "Agent", ents) == []
