"""doccano's relations have no direction, and people draw them from either end: a relation from an argument to its
trigger (``Rebels`` -> ``attacked``, ``Attacker``) was said "does not go from a trigger to an entity" and left out, the
argument lost. Where its label is a role of the trigger's event type it is that argument, said in one note; one whose
label is no role of it is left out and said as before (session 24, s24-realb). Our own line."""

from __future__ import annotations

import json

from annotator import api

TEXT = "Rebels attacked the base in Kabul."


def _line(attacker_type: str) -> dict:  # type: ignore[type-arg]
    ents = [
        {"id": 1, "label": "NORP", "start_offset": 0, "end_offset": 6},
        {"id": 2, "label": "Conflict:Attack", "start_offset": 7, "end_offset": 15},
        {"id": 3, "label": "GPE", "start_offset": 28, "end_offset": 33},
    ]
    rels = [
        {"id": 1, "from_id": 1, "to_id": 2, "type": attacker_type},
        {"id": 2, "from_id": 2, "to_id": 3, "type": "Place"},
    ]
    return {"id": 7, "text": TEXT, "entities": ents, "relations": rels, "Comments": []}


def _arguments(project):  # type: ignore[no-untyped-def]
    (rec,) = api.records(project)
    words = {e["id"]: e["text"] for e in rec["entities"]}
    return [(e["type"], sorted((a["role"], words[a["entity_id"]]) for a in e["arguments"])) for e in rec["events"]]


def test_a_relation_drawn_from_an_argument_to_its_trigger_is_that_argument(tmp_path):
    src = tmp_path / "d.jsonl"
    src.write_text(json.dumps(_line("Attacker")) + "\n")
    project = api.new_project(tmp_path / "p.annotator")
    report = api.import_files(project, [src], format="doccano")
    assert _arguments(project) == [("Conflict:Attack", [("Attacker", "Rebels"), ("Place", "Kabul")])]
    assert any("1 relation drawn from an argument to its trigger read as its argument" in n for n in report.notes)
    assert not any("does not go from a trigger" in w for w in report.warnings), report.warnings

    other = api.new_project(tmp_path / "q.annotator")  # a label that is no role of the event's type: said, left out
    src.write_text(json.dumps(_line("Victim-of")) + "\n")
    report = api.import_files(other, [src], format="doccano")
    assert _arguments(other) == [("Conflict:Attack", [("Place", "Kabul")])]
    assert any("does not go from a trigger to an entity" in w for w in report.warnings), report.warnings
