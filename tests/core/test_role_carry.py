"""A type change carries an argument the new type cannot hold in its role to the role that stands for it there
(``annotator.role_carry``): s32-qa's lead, Shift+E to a suggestion's "also possible" type dropped every filler its
roles did not name ("Tokyo", the Place of a visit told "to Tokyo", is the Transport's Destination). One step, undone
exactly. Fails on main (the Place was taken out)."""

from __future__ import annotations

from core_helpers import add_document, dump, event_with_roles, role_words

from annotator import edits
from annotator.recorder import redo, undo
from text_support import word_span as span

TEXT = "Ōtani met Suzuki during a visit to Tokyo. They flew in from Osaka. Talks in Kyoto ended."


def _event(project, doc: int, trigger: str, roles: dict[str, tuple[str, str]]) -> int:  # type: ignore[no-untyped-def]
    return event_with_roles(project, doc, TEXT, trigger, roles)


def _roles(project, ev: int) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return role_words(project, TEXT, ev)


def test_a_place_told_after_to_becomes_the_destination_and_undo_puts_it_back(project):
    doc = add_document(project, TEXT)
    ev = _event(project, doc, "visit", {"Place": ("Tokyo", "GPE"), "Entity": ("Suzuki", "PERSON")})
    before = dump(project)
    change = edits.set_event_type(project, ev, "Movement:Transport")
    assert project.event(ev).type == "Movement:Transport"
    # on main: [] (Place taken out); the one who meets on a visit is the one moved: Transport's Artifact (session 33)
    assert _roles(project, ev) == [("Artifact", "Suzuki"), ("Destination", "Tokyo")]
    undo(project, change)
    assert dump(project) == before  # type and roles exactly as they were
    assert _roles(project, ev) == [("Entity", "Suzuki"), ("Place", "Tokyo")]
    redo(project, change)
    assert _roles(project, ev) == [("Artifact", "Suzuki"), ("Destination", "Tokyo")]


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


# session 33 (s33-keys): roles of other names carried by the schema's own correspondences
WAR = (
    "Rebels attacked the convoy near Aleppo, killing the driver Omar Haddad. A court tried Lee, whom prosecutor Kim "
    "charged. Acme paid $5 million to Beta for the plant. The state executed Ray Stone."
)


def _typed(project, doc: int, type_: str, trigger: str, roles: list[tuple[str, str, str]]) -> int:  # type: ignore[no-untyped-def]
    ev = edits.add_event(project, doc, type_, *span(WAR, trigger)).result_id
    for role, words, label in roles:
        ent = edits.add_entity(project, doc, *span(WAR, words), label).result_id
        edits.add_argument(project, ev, role, ent)
    return ev


def test_attack_to_die_carries_the_attacker_as_agent_and_a_person_target_as_victim_in_one_undo_step(project):
    doc = add_document(project, WAR)
    ev = _typed(
        project,
        doc,
        "Conflict:Attack",
        "killing",
        [("Attacker", "Rebels", "NORP"), ("Target", "Omar Haddad", "PERSON"), ("Place", "Aleppo", "GPE")],
    )
    before = dump(project)
    change = edits.set_event_type(project, ev, "Life:Die")
    # on main: [("Place", "Aleppo")]: the Attacker and the Target taken out
    assert role_words(project, WAR, ev) == [("Agent", "Rebels"), ("Place", "Aleppo"), ("Victim", "Omar Haddad")]
    undo(project, change)
    assert dump(project) == before
    redo(project, change)
    assert role_words(project, WAR, ev) == [("Agent", "Rebels"), ("Place", "Aleppo"), ("Victim", "Omar Haddad")]


def test_a_target_the_new_type_cannot_hold_and_a_second_filler_of_a_single_role_are_taken_out(project):
    doc = add_document(project, WAR)
    ev = _typed(project, doc, "Conflict:Attack", "attacked", [("Target", "convoy", "PRODUCT")])
    edits.set_event_type(project, ev, "Life:Die")
    assert role_words(project, WAR, ev) == []  # a PRODUCT is no Victim
    met = _typed(project, doc, "Contact:Meet", "tried", [("Entity", "Lee", "PERSON"), ("Entity", "Kim", "PERSON")])
    edits.set_event_type(project, met, "Life:Die")
    assert role_words(project, WAR, met) == [("Victim", "Lee")]  # Victim takes one: the second has no room


def test_the_schema_s_declared_correspondence_goes_both_ways(project):
    doc = add_document(project, WAR)
    ev = _typed(project, doc, "Life:Die", "executed", [("Victim", "Ray Stone", "PERSON"), ("Agent", "state", "GPE")])
    edits.set_event_type(project, ev, "Justice:Execute")  # Execute implies Die, Person = Victim
    assert role_words(project, WAR, ev) == [("Agent", "state"), ("Person", "Ray Stone")]
    edits.set_event_type(project, ev, "Life:Die")
    assert role_words(project, WAR, ev) == [("Agent", "state"), ("Victim", "Ray Stone")]


def test_money_is_the_price_of_a_purchase_and_a_role_the_old_type_has_is_not_taken(project):
    doc = add_document(project, WAR)
    paid = _typed(
        project,
        doc,
        "Transaction:Transfer-Money",
        "paid",
        [("Giver", "Acme", "ORG"), ("Money", "$5 million", "MONEY"), ("Recipient", "Beta", "ORG")],
    )
    edits.set_event_type(project, paid, "Transaction:Transfer-Ownership")
    # the Giver buys (both filled from the subject); Money and Price take the same labels; the Recipient shares too
    # little with any role and its labels are the Buyer's and the Seller's alike: taken out
    assert role_words(project, WAR, paid) == [("Buyer", "Acme"), ("Price", "$5 million")]
    tried = _typed(
        project,
        doc,
        "Justice:Trial-Hearing",
        "tried",
        [("Prosecutor", "Kim", "PERSON"), ("Defendant", "Lee", "PERSON")],
    )
    edits.set_event_type(
        project, tried, "Justice:Convict"
    )  # the Adjudicator is Trial-Hearing's own: not the Prosecutor's
    assert role_words(project, WAR, tried) == [("Defendant", "Lee")]
