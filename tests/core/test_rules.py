"""annotator.rules: one set of schema rules, refused by edits and imports alike and reported by validation."""

from __future__ import annotations

import pytest
from core_helpers import add_document

from annotator import edits
from annotator.errors import ImportFileError, ValidationError
from annotator.importing import IncomingDocument, IncomingEntity, IncomingEvent, check_incoming, import_documents
from annotator.rules import (
    ALLOWED_WHILE_WORKING,
    attribute_breaches,
    event_breaches,
    has_room,
    missing_roles,
    multiplicity_breaches,
    room_breach,
    takes,
    takes_value,
)
from annotator.schema import default_schema
from annotator.validation import validate

TEXT = "Acme was born in Paris."


def kinds(breaches):
    return sorted(b.kind for b in breaches)


def test_event_breaches_name_every_rule():
    schema = default_schema()
    fillers = {1: ("ORG", "accepted"), 2: ("GPE", "rejected"), 3: ("GPE", "accepted"), 4: ("PERSON", "accepted")}
    args = [("Person", 1), ("Place", 2), ("Place", 3), ("Nobody", 4), ("Person", 4), ("Person", 4)]
    found = event_breaches(schema, "Life:Be-Born", {"tense": "Someday"}, args, fillers)
    assert kinds(found) == [
        "already_fills",
        "bad_attribute",
        "rejected_argument",
        "too_many",
        "too_many",
        "unknown_role",
        "wrong_label",
    ]
    assert kinds(event_breaches(schema, "Life:Be-Born", {}, [], {})) == ["missing_role"]
    assert kinds(event_breaches(schema, "Weather:Rain", {}, args, fillers)) == ["unknown_type"]


def test_the_role_rules_answer_as_the_breaches_do():
    """takes, has_room and missing_roles (what the suggesters, readers and the app's keys ask) give the answers the
    breaches of an edit or a validation give."""
    born = default_schema().event_type("Life:Be-Born")
    person = born.role("Person")  # one
    assert takes(person, "PERSON") and not takes(person, "ORG")
    assert has_room(person, 0) and not has_room(person, 1)
    assert room_breach(born, "Person", 2, [1]).kind == "too_many"
    assert room_breach(born, "Person", 2, []) is None
    spouses = default_schema().event_type("Life:Marry").role("Person")  # one_or_more
    assert has_room(spouses, 0) and has_room(spouses, 3)
    assert missing_roles(born, []) == ["Person"]
    assert missing_roles(born, ["Place", "Person"]) == []
    assert [b.role for b in multiplicity_breaches(born, {"Person": [], "Place": [1]})] == missing_roles(born, ["Place"])
    tense = default_schema().attribute("tense")
    assert takes_value(tense, "Past") and not takes_value(tense, "Someday")
    assert [b.kind for b in attribute_breaches(default_schema(), {"tense": "Someday", "polarity": "Positive"})] == [
        "bad_attribute"
    ]


@pytest.mark.parametrize("label, refused", [("PERSON", False), ("ORG", True)])
def test_edit_import_and_validation_agree_on_a_filler(project, label, refused):
    """The same filler is refused by an edit and an import, or let in by both (and then validation is quiet)."""
    schema = project.schema
    doc = add_document(project, TEXT)
    ent = edits.add_entity(project, doc, 0, 4, label).result_id
    ev = edits.add_event(project, doc, "Life:Be-Born", 9, 13).result_id
    incoming = IncomingDocument(
        TEXT,
        "d",
        entities=[IncomingEntity(1, 0, 4, label)],
        events=[IncomingEvent("Life:Be-Born", 9, 13, {}, [("Person", 1)])],
    )
    if refused:
        with pytest.raises(ValidationError, match=f"takes PERSON, not {label}"):
            edits.add_argument(project, ev, "Person", ent)
        with pytest.raises(
            ImportFileError, match=f"in.json:7: document 'd': role Person of Life:Be-Born takes PERSON, not {label}"
        ):
            check_incoming(schema, incoming, "in.json", 7)
    else:
        edits.add_argument(project, ev, "Person", ent)
        check_incoming(schema, incoming, "in.json", 7)
        assert validate(project, doc) == []


def test_what_is_allowed_while_working_comes_in_and_is_reported(project):
    """An import lets in an empty required role, a single role filled twice and a rejected filler; validate reports them."""
    assert ALLOWED_WHILE_WORKING == {"missing_role", "too_many", "rejected_argument", "undecided_argument"}
    ents = [
        IncomingEntity(1, 0, 4, "PERSON", "rejected"),
        IncomingEntity(2, 17, 22, "GPE"),
        IncomingEntity(3, 0, 4, "GPE"),
    ]
    events = [
        IncomingEvent("Life:Be-Born", 9, 13, {}, [("Person", 1), ("Place", 2), ("Place", 3)]),
        IncomingEvent("Life:Be-Born", 9, 13),
    ]
    report = import_documents(project, [IncomingDocument(TEXT, "d", entities=ents, events=events)])
    (doc,) = [i for _, i in report.imported]
    assert sorted((p.kind, p.role) for p in validate(project, doc)) == [
        ("missing_role", "Person"),
        ("rejected_argument", "Person"),
        ("too_many", "Place"),
    ]


def test_an_event_s_missing_roles_none_when_rejected():
    """What the app flags on an event: the required roles its arguments leave empty; none on a rejected event or on
    one of a type the schema lacks."""
    from annotator.model import Argument, Event
    from annotator.rules import event_missing_roles
    from annotator.schema import default_schema

    schema = default_schema()

    def event(type_: str, state: str, roles: tuple[str, ...] = ()) -> Event:
        args = tuple(Argument(k + 1, 1, role, k + 10) for k, role in enumerate(roles))
        return Event(1, 1, type_, 0, 3, {}, None, args, state=state)

    required = [r.name for r in schema.event_type("Contact:Meet").roles if r.required]
    assert event_missing_roles(schema, event("Contact:Meet", "accepted")) == required
    assert event_missing_roles(schema, event("Contact:Meet", "suggested", tuple(required))) == []
    assert event_missing_roles(schema, event("Contact:Meet", "rejected")) == []
    assert event_missing_roles(schema, event("No:Such", "accepted")) == []
