"""A place carried by a type change goes by what it is, not by its old role's name (``role_carry``, session 34,
s34-qa's "Left"): a Meet whose Entity was (wrongly) Tokyo, retyped to Transport by Shift+E, put Tokyo in the Agent
(the role sharing most of the Entity's slots). A GPE, LOC or FAC told as the trigger's object ("visit Tokyo") or after
a preposition ("arrived in Tokyo") is where the movement ends: the Destination. Fails on main (Agent)."""

from __future__ import annotations

from core_helpers import add_document, event_with_roles, role_words

from annotator import edits
from annotator.role_carry import where_slot
from text_support import word_span as span

TEXT = "Suzuki will visit Tokyo next week. Ōtani arrived in Osaka. Kyoto sent envoys to the talks."


def _meet(project, doc: int, trigger: str, roles: dict[str, tuple[str, str]]) -> int:  # type: ignore[no-untyped-def]
    return event_with_roles(project, doc, TEXT, trigger, roles)


def _roles(project, ev: int) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return role_words(project, TEXT, ev)


def test_a_place_that_is_the_object_of_the_trigger_goes_to_the_destination_not_the_agent(project):
    doc = add_document(project, TEXT)
    ev = _meet(project, doc, "visit", {"Entity": ("Tokyo", "GPE")})
    edits.set_event_type(project, ev, "Movement:Transport")
    assert _roles(project, ev) == [("Destination", "Tokyo")]  # on main: [("Agent", "Tokyo")]


def test_a_place_told_after_in_goes_by_its_preposition(project):
    doc = add_document(project, TEXT)
    ev = _meet(project, doc, "arrived", {"Entity": ("Osaka", "GPE"), "Place": ("Ōtani", "GPE")})
    edits.set_event_type(project, ev, "Movement:Transport")
    # Osaka "in": the Destination (on main the Agent); Ōtani before the trigger, no preposition: no slot, taken out
    assert _roles(project, ev) == [("Destination", "Osaka")]


def test_a_place_that_is_the_trigger_s_subject_stays_with_the_role_its_old_one_stands_for(project):
    doc = add_document(project, TEXT)
    ev = _meet(project, doc, "sent", {"Entity": ("Kyoto", "GPE")})
    edits.set_event_type(project, ev, "Movement:Transport")
    assert _roles(project, ev) == [("Agent", "Kyoto")]  # the one who sends: told before the trigger, no where-slot


def test_the_slot_a_place_is_told_in():
    visit_end = span(TEXT, "visit")[1]
    assert where_slot(TEXT, span(TEXT, "Tokyo")[0], visit_end) == "obj"
    assert where_slot(TEXT, span(TEXT, "Tokyo")[0], None) is None  # the trigger unknown: no object read
    assert where_slot(TEXT, span(TEXT, "Osaka")[0], span(TEXT, "arrived")[1]) == "prep:in"
    assert where_slot(TEXT, span(TEXT, "Kyoto")[0], visit_end) is None  # a sentence's full stop between
