"""validate(): problems allowed while working, reported per document; and project_stats()."""

from __future__ import annotations

from core_helpers import add_document

from annotator import edits
from annotator.schema import parse_schema
from annotator.stats import format_stats, project_stats
from annotator.validation import validate

TEXT = "Sergey Lavrov met Antony Blinken in Moscow and Paris on Monday."


def at(word):
    i = TEXT.index(word)
    return i, i + len(word)


def kinds(problems):
    return sorted((p.kind, p.role) for p in problems)


def test_clean_document_has_no_problems(project):
    doc = add_document(project, TEXT)
    meet = edits.add_event(project, doc, "Contact:Meet", *at("met")).result_id
    edits.add_argument(
        project, meet, "Entity", edits.add_entity(project, doc, *at("Sergey Lavrov"), "PERSON").result_id
    )
    assert validate(project, doc) == []


def test_missing_required_role(project):
    doc = add_document(project, TEXT)
    meet = edits.add_event(project, doc, "Contact:Meet", *at("met")).result_id
    (p,) = validate(project, doc)
    assert (p.kind, p.event_id, p.role) == ("missing_role", meet, "Entity")
    assert "Contact:Meet" in p.message and "Entity" in p.message
    # read without the app (annotator validate), the message names the trigger's words and where they are (it
    # named "event 1" only)
    s, e = at("met")
    assert f"“met” [{s}, {e})" in p.message


def test_too_many_and_wrong_label_and_rejected(project):
    doc = add_document(project, TEXT)
    lavrov = edits.add_entity(project, doc, *at("Sergey Lavrov"), "PERSON").result_id
    moscow = edits.add_entity(project, doc, *at("Moscow"), "GPE").result_id
    paris = edits.add_entity(project, doc, *at("Paris"), "GPE").result_id
    meet = edits.add_event(project, doc, "Contact:Meet", *at("met")).result_id
    edits.add_argument(project, meet, "Entity", lavrov)
    place = edits.add_argument(project, meet, "Place", moscow).result_id
    # a second Place written behind the API's back (as an import or another tool could)
    project.db.conn.execute("INSERT INTO arguments (event_id, role, entity_id) VALUES (?, 'Place', ?)", (meet, paris))
    assert kinds(validate(project, doc)) == [("too_many", "Place")]
    project.db.conn.execute("DELETE FROM arguments WHERE entity_id = ?", (paris,))
    # a label its role does not take, written behind the API's back (a relabel takes the span out of such a role,
    # session 26: kept, the project's own export was refused by its import), is reported
    project.db.conn.execute("UPDATE entities SET label = 'DATE' WHERE id = ?", (moscow,))
    problems = validate(project, doc)
    assert kinds(problems) == [("wrong_label", "Place")]
    assert problems[0].entity_id == moscow and "takes GPE, LOC, FAC" in problems[0].message
    project.db.conn.execute("UPDATE entities SET label = 'GPE' WHERE id = ?", (moscow,))
    edits.reject_entity(project, lavrov)
    assert kinds(validate(project, doc)) == [("rejected_argument", "Entity")]
    edits.remove_argument(project, place)
    assert kinds(validate(project, doc)) == [("rejected_argument", "Entity")]


def test_labels_types_and_attributes_outside_the_schema(project):
    doc = add_document(project, TEXT)
    conn = project.db.conn
    conn.execute(
        "INSERT INTO entities (document_id, start, end, label, state, source) VALUES (?, 0, 6, 'ALIEN', 'added', 'x')",
        (doc,),
    )
    conn.execute(
        "INSERT INTO events (document_id, type, trigger_start, trigger_end) VALUES (?, 'Weather:Rain', 14, 17)", (doc,)
    )
    conn.execute(
        "INSERT INTO events (document_id, type, trigger_start, trigger_end, attributes) VALUES (?, 'Contact:Meet', 14, 17, ?)",
        (doc, '{"tense": "Someday"}'),
    )
    assert kinds(validate(project, doc)) == [
        ("bad_attribute", None),
        ("missing_role", "Entity"),
        ("unknown_label", None),
        ("unknown_type", None),
    ]


def test_required_one_role_and_multiplicity_any():
    schema = parse_schema(
        """
[[entity]]
name = "PERSON"
[[event]]
name = "Die"
  [[event.role]]
  name = "Victim"
  labels = ["PERSON"]
  multiplicity = "one"
  [[event.role]]
  name = "Witness"
  labels = ["PERSON"]
  multiplicity = "any"
""",
        "s.toml",
    )
    assert schema.event_type("Die").role("Victim").required and not schema.event_type("Die").role("Victim").repeatable
    assert not schema.event_type("Die").role("Witness").required and schema.event_type("Die").role("Witness").repeatable


def test_validation_per_annotation_set(project):
    doc = add_document(project, TEXT)
    project.annotation_set = "bob"
    edits.add_event(project, doc, "Contact:Meet", *at("met"))
    project.annotation_set = "main"
    assert validate(project, doc) == []
    assert kinds(validate(project, doc, "bob")) == [("missing_role", "Entity")]


def test_stats(project):
    d1 = add_document(project, TEXT, "a")
    add_document(project, "Another one.", "b")
    edits.add_entity(project, d1, *at("Sergey Lavrov"), "PERSON")
    edits.add_entity(project, d1, *at("Moscow"), "GPE", state="suggested", source="spacy:x@1")
    m = edits.add_event(project, d1, "Contact:Meet", *at("met")).result_id
    edits.add_argument(project, m, "Entity", 1)
    stats = project_stats(project)
    assert stats["documents"] == 2 and stats["documents_by_status"] == {"in_progress": 1, "new": 1}
    assert stats["entities_by_label"] == {"GPE": {"suggested": 1}, "PERSON": {"added": 1}}
    assert stats["entities"] == 2 and stats["events"] == 1 and stats["arguments"] == 1
    assert stats["events_by_type"] == {"Contact:Meet": 1}
    text = format_stats(stats)
    assert "documents: 2" in text and "Contact:Meet" in text and "PERSON" in text


def test_lacking_roles_on_accepting_names_the_suggested_events_alone(project):
    """What Ctrl+Enter's question names before "Accept the rest": the suggested events accepting would leave without
    a required role; an event decided already without it is validate's own problem, not this question's."""
    from annotator.importing import IncomingDocument, IncomingEntity, IncomingEvent, import_documents
    from annotator.validation import lacking_roles_on_accepting

    import_documents(
        project,
        [
            IncomingDocument(
                TEXT,
                "s.txt",
                entities=[IncomingEntity(0, *at("Sergey Lavrov"), "PERSON", "suggested", "m")],
                events=[
                    IncomingEvent("Contact:Meet", *at("met"), state="suggested", source="m"),  # no Entity
                    IncomingEvent("Contact:Meet", *at("in"), state="accepted", source="m"),  # decided, no Entity
                    IncomingEvent(
                        "Contact:Meet", *at("on"), state="suggested", source="m", arguments=[("Entity", 0)]
                    ),  # its Entity comes with it
                ],
            )
        ],
    )
    (doc,) = project.document_ids()
    by_trigger = {(v.trigger_start, v.trigger_end): v.id for v in project.events(doc)}
    found = lacking_roles_on_accepting(project, doc)
    assert [(p.kind, p.event_id, p.role) for p in found] == [("missing_role", by_trigger[at("met")], "Entity")]
    assert [p.event_id for p in validate(project, doc)] == [by_trigger[at("in")]]
