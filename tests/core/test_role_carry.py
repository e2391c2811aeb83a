"""A type change carries an argument the new type cannot hold in its role to the role that stands for it there
(``annotator.role_carry``): s32-qa's lead, Shift+E to a suggestion's "also possible" type dropped every filler its
roles did not name ("Tokyo", the Place of a visit told "to Tokyo", is the Transport's Destination). One step, undone
exactly. Fails on main (the Place was taken out)."""

from __future__ import annotations

from core_helpers import add_document, dump

from annotator import edits
from annotator.recorder import redo, undo
from text_support import word_span as span

TEXT = "Ōtani met Suzuki during a visit to Tokyo. They flew in from Osaka. Talks in Kyoto ended."


def _event(project, doc: int, trigger: str, roles: dict[str, tuple[str, str]]) -> int:  # type: ignore[no-untyped-def]
    ev = edits.add_event(project, doc, "Contact:Meet", *span(TEXT, trigger)).result_id
    for role, (words, label) in roles.items():
        ent = edits.add_entity(project, doc, *span(TEXT, words), label).result_id
        edits.add_argument(project, ev, role, ent)
    return ev


def _roles(project, ev: int) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return sorted((a.role, TEXT[(e := project.entity(a.entity_id)).start : e.end]) for a in project.event(ev).arguments)


def test_a_place_told_after_to_becomes_the_destination_and_undo_puts_it_back(project):
    doc = add_document(project, TEXT)
    ev = _event(project, doc, "visit", {"Place": ("Tokyo", "GPE"), "Entity": ("Suzuki", "PERSON")})
    before = dump(project)
    change = edits.set_event_type(project, ev, "Movement:Transport")
    assert project.event(ev).type == "Movement:Transport"
    assert _roles(project, ev) == [("Destination", "Tokyo")]  # on main: [] (Place taken out); Entity: no kin role
    undo(project, change)
    assert dump(project) == before  # type and roles exactly as they were
    assert _roles(project, ev) == [("Entity", "Suzuki"), ("Place", "Tokyo")]
    redo(project, change)
    assert _roles(project, ev) == [("Destination", "Tokyo")]


def test_the_preposition_tells_destination_from_origin_and_none_leaves_it_out(project):
    doc = add_document(project, TEXT)
    came = _event(project, doc, "flew", {"Place": ("Osaka", "GPE")})
    edits.set_event_type(project, came, "Movement:Transport")
    assert _roles(project, came) == [("Origin", "Osaka")]  # "from Osaka"
    talks = _event(project, doc, "Talks", {"Place": ("Kyoto", "GPE")})
    edits.set_event_type(project, talks, "Movement:Transport")
    assert _roles(project, talks) == [("Destination", "Kyoto")]  # "in Kyoto": the role filled from "in"
    met = _event(project, doc, "met", {"Place": ("Ōtani", "GPE")})  # no preposition before it: taken out
    edits.set_event_type(project, met, "Movement:Transport")
    assert _roles(project, met) == []


def test_a_destination_becomes_the_place_of_a_type_with_one_when_told_after_in(project):
    doc = add_document(project, TEXT)
    ev = edits.add_event(project, doc, "Movement:Transport", *span(TEXT, "Talks")).result_id
    kyoto = edits.add_entity(project, doc, *span(TEXT, "Kyoto"), "GPE").result_id
    edits.add_argument(project, ev, "Destination", kyoto)
    edits.set_event_type(project, ev, "Contact:Meet")
    assert _roles(project, ev) == [("Place", "Kyoto")]
