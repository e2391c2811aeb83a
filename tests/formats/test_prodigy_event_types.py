"""A Prodigy file of our export's shape (``events`` whole, each trigger shown as a span) from a project whose schema
has an event type the news schema lacks (a brat project's ``Meet``), imported into a new project: the trigger span was
taken as an entity label (``Meet`` added to the schema), and the event, its arguments and attributes were dropped
without a word (its trigger was no event type's, so the answer "left it out"). Now refused in one line naming the
type and the ways in; nothing imported."""

from __future__ import annotations

import orjson
import pytest

from annotator import api
from annotator.errors import ImportFileError

TEXT = "Maria Lopez met the mayor of Lyon on Monday."
TASK = {
    "text": TEXT,
    "spans": [
        {"start": 0, "end": 11, "label": "PERSON"},
        {"start": 29, "end": 33, "label": "GPE"},
        {"start": 12, "end": 15, "label": "Meet"},
    ],
    "relations": [],
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


def test_an_event_type_the_schema_lacks_is_refused_not_dropped(tmp_path):
    src = tmp_path / "events.jsonl"
    src.write_bytes(orjson.dumps(TASK) + b"\n")
    project = api.new_project(tmp_path / "a.annotator")
    with pytest.raises(ImportFileError) as got:
        api.import_files(project, [src], format="prodigy")
    said = str(got.value)
    assert "event type 'Meet'" in said and "JSON export" in said and "\n" not in said
    assert project.document_ids() == [] and project.schema.label("Meet") is None
