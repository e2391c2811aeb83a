"""A Prodigy file of our export's shape (``events`` whole, each trigger shown as a span) from a project whose schema
has an event type the news schema lacks (a brat project's ``Meet``), imported into a new project: the trigger span was
taken as an entity label (``Meet`` added to the schema), and the event, its arguments and attributes were dropped
without a word (its trigger was no event type's, so the answer "left it out"). Session 20 refused it in one line;
since session 21 the type is told from its events (each role the labels of its arguments), as a brat folder's
without a conf: a new project adopts it, one holding documents refuses it naming ``--add-types`` and takes it with
that."""

from __future__ import annotations

import orjson
import pytest

from annotator import api
from annotator.errors import SchemaLacksError

TEXT = "Maria Lopez met the mayor of Lyon on Monday."
TASK = {
    "text": TEXT,
    "spans": [
        {"start": 0, "end": 11, "label": "PERSON"},
        {"start": 29, "end": 33, "label": "GPE"},
        {"start": 12, "end": 15, "label": "Meet"},
    ],
    "relations": [  # as our export shows the event's arguments (head, child: the spans' last tokens)
        {
            "head": 2,
            "child": 1,
            "label": "Entity",
            "head_span": {"start": 12, "end": 15, "label": "Meet"},
            "child_span": {"start": 0, "end": 11, "label": "PERSON"},
        },
        {
            "head": 2,
            "child": 6,
            "label": "Place",
            "head_span": {"start": 12, "end": 15, "label": "Meet"},
            "child_span": {"start": 29, "end": 33, "label": "GPE"},
        },
    ],  # fmt: skip
    "events": [
        {
            "type": "Meet",
            "start": 12,
            "end": 15,
            "attributes": {"Negation": "true"},
            "arguments": [
                {"role": "Entity", "start": 0, "end": 11, "label": "PERSON"},
                {"role": "Place", "start": 29, "end": 33, "label": "GPE"},
            ],
        }
    ],
    "meta": {"name": "a.txt"},
    "answer": "accept",
}


def write(tmp_path):  # type: ignore[no-untyped-def]
    src = tmp_path / "events.jsonl"
    src.write_bytes(orjson.dumps(TASK) + b"\n")
    return src


def meets(project) -> list[tuple]:  # type: ignore[no-untyped-def]
    doc = project.document_ids()[-1]
    ents = {e.id: (TEXT[e.start : e.end], e.label) for e in project.entities(doc)}
    return [
        (v.type, TEXT[v.trigger_start : v.trigger_end], sorted((a.role, ents[a.entity_id]) for a in v.arguments))
        for v in project.events(doc)
    ]


MEET = [("Meet", "met", [("Entity", ("Maria Lopez", "PERSON")), ("Place", ("Lyon", "GPE"))])]


def test_a_new_project_matches_the_told_type_as_a_project_holding_documents_does(tmp_path):
    """Session 20 refused the file (the event was dropped without a word before); session 21 told the type from its
    events and a new project adopted ``Meet`` beside the news schema's ``Contact:Meet``, which a project holding
    documents matched it to. Now both match it (``schema_match``, the one rule); the new project adds what it still
    lacks (the attribute) as ``--add-types`` would, and the export writes ``Meet`` back as the file spelt it."""
    project = api.new_project(tmp_path / "a.annotator")
    report = api.import_files(project, [write(tmp_path)], format="prodigy")
    assert meets(project) == [("Contact:Meet", *MEET[0][1:])]
    assert project.schema.event_type("Meet") is None and project.schema.label("Meet") is None
    assert project.schema.attribute("Negation") is not None
    assert report.types_added == [] and "--add-types" not in report.summary()  # nobody asked for it
    assert "added to the project's schema (told from the file's annotations): attribute Negation" in report.summary()
    # the reader's note names no type: Meet is the schema's Contact:Meet, not one it lacks (session 40)
    assert any("told from their events' arguments" in n and "Meet" not in n for n in report.notes)
    assert any("Meet -> Contact:Meet" in n for n in report.notes)
    out = tmp_path / "back.jsonl"
    api.export(project, out, "prodigy")
    (back,) = [orjson.loads(x) for x in out.read_bytes().splitlines()]
    assert [v["type"] for v in back["events"]] == ["Meet"]


def test_a_project_holding_documents_refuses_it_naming_add_types_and_takes_it_with_it(busy, tmp_path):
    """In a project holding documents the told type is matched as a brat conf's is (``Meet``, a leaf of the news
    schema's ``Contact:Meet``); what it still lacks, the attribute, is named with ``--add-types``, which adds it."""
    src = write(tmp_path)
    with pytest.raises(SchemaLacksError) as got:
        api.import_files(busy, [src], format="prodigy")
    said = str(got.value)
    assert "attribute Negation" in said and "--add-types" in said and "\n" not in said, said
    assert len(busy.document_ids()) == 1 and busy.schema.attribute("Negation") is None
    report = api.import_files(busy, [src], format="prodigy", add_types=True)
    assert meets(busy) == [("Contact:Meet", *MEET[0][1:])]
    assert report.types_added == ["attribute Negation"]
    assert busy.schema.event_type("Meet") is None
    (v,) = busy.events(busy.document_ids()[-1])
    assert v.attributes["Negation"] == "true"


def test_a_type_no_schema_type_ends_in_is_added_by_add_types(busy, tmp_path):
    task = orjson.loads(orjson.dumps(TASK).replace(b"Meet", b"Summit"))
    del task["events"][0]["attributes"]
    src = tmp_path / "summit.jsonl"
    src.write_bytes(orjson.dumps(task) + b"\n")
    with pytest.raises(SchemaLacksError, match="event type Summit"):
        api.import_files(busy, [src], format="prodigy")
    report = api.import_files(busy, [src], format="prodigy", add_types=True)
    assert report.types_added == ["event type Summit"]
    assert meets(busy) == [("Summit", *MEET[0][1:])]
    summit = busy.schema.event_type("Summit")
    assert [(r.name, r.labels) for r in summit.roles] == [("Entity", ("PERSON",)), ("Place", ("GPE",))]
