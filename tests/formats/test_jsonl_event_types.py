"""The project's JSONL export of a project whose schema has an event type of its own (a brat folder's ``Meet``),
imported into a new project: skipped saying only "document 'a.txt': event type 'Meet' is not in the schema", naming
no way in. Now the line says which schema and how to bring it in (the project's JSON export carries its schema)."""

from __future__ import annotations

import orjson
from annotator import api

LINE = {
    "name": "a.txt",
    "text": "Maria Lopez met the mayor of Lyon.",
    "entities": [{"id": 1, "start": 0, "end": 11, "label": "PERSON"}],
    "events": [
        {
            "id": 1,
            "type": "Meet",
            "trigger": {"start": 12, "end": 15},
            "arguments": [{"role": "Entity", "entity_id": 1}],
        }
    ],
}


def test_an_event_type_the_schema_lacks_names_the_ways_in(tmp_path):
    src = tmp_path / "out.jsonl"
    src.write_bytes(orjson.dumps(LINE) + b"\n")
    project = api.new_project(tmp_path / "a.annotator")
    report = api.import_files(project, [src])
    ((where, said),) = report.skipped
    assert "event type 'Meet' is not in the schema 'news'" in said and "JSON export" in said and "\n" not in said
    assert project.document_ids() == []
