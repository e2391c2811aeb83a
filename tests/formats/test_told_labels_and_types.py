"""The project's JSONL export (and a Prodigy file) of a project on a schema of its own, whose documents use labels
AND event types the news schema lacks (brat's BioNLP-ST 2011 ID corpus read without a conf: ``Organism``, ``Protein``;
``Process`` with a ``Participant``), imported into a new project: skipped, "event type 'Process' is not in the schema".
The labels the file adds were taken (``loading.read_growing``) and the schema told from the events was put aside for
the labels alone. Now a schema told from the file keeps both, through ``schema_match``'s rule as every told schema.
Our own line, in that corpus's shape."""

from __future__ import annotations

import orjson
import pytest

from annotator import api

TEXT = "Pseudomonas aeruginosa caused chronic infections."
LINE = {
    "name": "PMC-1.txt",
    "text": TEXT,
    "entities": [{"id": 1, "start": 0, "end": 22, "label": "Organism"}],
    "events": [
        {
            "id": 1,
            "type": "Process",
            "trigger": {"start": 38, "end": 48},
            "arguments": [{"role": "Participant", "entity_id": 1}],
        }
    ],
}


def what(project) -> tuple[list, list]:  # type: ignore[no-untyped-def]
    doc = project.document_ids()[-1]
    ents = {e.id: (TEXT[e.start : e.end], e.label) for e in project.entities(doc)}
    events = [(v.type, sorted((a.role, ents[a.entity_id]) for a in v.arguments)) for v in project.events(doc)]
    return sorted(ents.values()), events


@pytest.mark.parametrize("fmt", [None, "prodigy"])
def test_labels_and_event_types_of_its_own_come_into_a_new_project(tmp_path, fmt):
    src = tmp_path / "out.jsonl"
    if fmt == "prodigy":  # the same document through our Prodigy export's shape
        first = api.new_project(tmp_path / "first.annotator")
        plain = tmp_path / "plain.jsonl"
        plain.write_bytes(orjson.dumps(LINE) + b"\n")
        api.import_files(first, [plain])
        api.export(first, src, "prodigy")
    else:
        src.write_bytes(orjson.dumps(LINE) + b"\n")
    project = api.new_project(tmp_path / "p.annotator")
    report = api.import_files(project, [src], **({"format": fmt} if fmt else {}))
    assert not report.skipped, report.skipped
    assert what(project) == (
        [("Pseudomonas aeruginosa", "Organism")],
        [("Process", [("Participant", ("Pseudomonas aeruginosa", "Organism"))])],
    )
    assert project.schema.event_type("Process") is not None and project.schema.label("PERSON") is not None
