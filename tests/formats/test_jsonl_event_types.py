"""The project's JSONL export of a project whose schema has an event type of its own (a brat folder's ``Meet``),
imported into a new project: skipped saying only "document 'a.txt': event type 'Meet' is not in the schema", naming
no way in (session 20: the line named the ways in). Since session 21 the type is told from its events, as a Prodigy
file's and a brat folder's without a conf: each role takes the labels of its arguments; a new project adopts it, one
holding documents refuses it naming ``--add-types`` and takes it with that."""

from __future__ import annotations

import orjson
from annotator import api

LINE = {
    "name": "a.txt",
    "text": "Maria Lopez chaired the summit in Lyon.",
    "entities": [
        {"id": 1, "start": 0, "end": 11, "label": "PERSON"},
        {"id": 2, "start": 34, "end": 38, "label": "GPE"},
    ],
    "events": [
        {
            "id": 1,
            "type": "Summit",
            "trigger": {"start": 24, "end": 30},
            "attributes": {"Negation": "true"},
            "arguments": [{"role": "Chair", "entity_id": 1}, {"role": "Place", "entity_id": 2}],
        }
    ],
}


def write(tmp_path):  # type: ignore[no-untyped-def]
    src = tmp_path / "out.jsonl"
    src.write_bytes(orjson.dumps(LINE) + b"\n")
    return src


def summits(project) -> list[tuple]:  # type: ignore[no-untyped-def]
    doc = project.document_ids()[-1]
    text = project.document(doc).text
    ents = {e.id: (text[e.start : e.end], e.label) for e in project.entities(doc)}
    return [
        (v.type, v.attributes.get("Negation"), sorted((a.role, ents[a.entity_id]) for a in v.arguments))
        for v in project.events(doc)
    ]


SUMMIT = [("Summit", "true", [("Chair", ("Maria Lopez", "PERSON")), ("Place", ("Lyon", "GPE"))])]


def test_a_new_project_takes_the_type_told_from_its_events(tmp_path):
    project = api.new_project(tmp_path / "a.annotator")
    report = api.import_files(project, [write(tmp_path)])
    assert not report.skipped, report.skipped
    assert summits(project) == SUMMIT
    summit = project.schema.event_type("Summit")
    assert [(r.name, r.labels) for r in summit.roles] == [("Chair", ("PERSON",)), ("Place", ("GPE",))]
    assert project.schema.attribute("Negation").values == ("false", "true")
    assert any("told from their events' arguments" in n for n in report.notes)  # what it added: said by the import
    assert "(told from the file's annotations): event type Summit, attribute Negation" in report.summary()


def test_a_project_holding_documents_takes_it_with_add_types(busy, tmp_path):
    src = write(tmp_path)
    refused = api.import_files(busy, [src])
    assert refused.schema_lacks == [(str(src), ["event type Summit", "attribute Negation"])]
    ((_, said),) = refused.skipped
    assert "--add-types" in said and "\n" not in said
    assert len(busy.document_ids()) == 1
    report = api.import_files(busy, [src], add_types=True)
    assert summits(busy) == SUMMIT
    assert sorted(report.types_added) == ["attribute Negation", "event type Summit"]


def test_a_meet_line_is_the_news_schemas_contact_meet_in_a_new_project_as_in_one_holding_documents(busy, tmp_path):
    """``Meet`` (its roles ``Entity`` and ``Place``, the news schema's) was a type of its own in a new project and
    ``Contact:Meet`` in one holding documents; both now match it (``schema_match``, the one rule)."""
    line = orjson.loads(orjson.dumps(LINE).replace(b"Summit", b"Meet"))
    del line["events"][0]["attributes"]
    line["events"][0]["arguments"][0]["role"] = "Entity"
    src = tmp_path / "meet.jsonl"
    src.write_bytes(orjson.dumps(line) + b"\n")
    project = api.new_project(tmp_path / "a.annotator")
    api.import_files(project, [src])
    api.import_files(busy, [src])
    want = [("Contact:Meet", None, [("Entity", ("Maria Lopez", "PERSON")), ("Place", ("Lyon", "GPE"))])]
    assert summits(project) == summits(busy) == want
    assert project.schema.event_type("Meet") is None
