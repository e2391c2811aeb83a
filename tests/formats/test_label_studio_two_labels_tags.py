"""Session 33 (s33-real): a Label Studio config with two Labels tags (``objects`` for entities, ``events`` for the
triggers whose relations name their arguments: the shape of public projects' exports; our own task). The export
wrote every region under the first tag's name, ``objects``, which the user's project has no ``Accident`` label in:
Label Studio does not take it back there. Each label goes out under the tag it came from."""

from __future__ import annotations

import json

from annotator.cli import main
from text_support import argument_words

TEXT = "A gas leak at the depot injured two workers."


def _region(rid: str, tag: str, words: str, label: str) -> dict:
    start = TEXT.index(words)
    value = {"start": start, "end": start + len(words), "text": words, "labels": [label]}
    return {"id": rid, "from_name": tag, "to_name": "text", "type": "labels", "value": value}


TASK = {
    "id": 5,
    "data": {"text": TEXT},
    "annotations": [
        {
            "id": 11,
            "completed_by": 7,
            "was_cancelled": False,
            "ground_truth": False,
            "result": [
                _region("e0", "objects", "depot", "Facility"),
                _region("e1", "events", "gas leak", "Accident"),
                _region("e2", "objects", "two workers", "Person"),
                {
                    "id": "r0",
                    "type": "relation",
                    "from_id": "e1",
                    "to_id": "e0",
                    "direction": "right",
                    "labels": ["Place"],
                },
            ],
        }
    ],
}


def _tags(path) -> dict[str, str]:
    (task,) = json.loads(path.read_text(encoding="utf-8"))
    return {
        r["value"]["labels"][0]: r["from_name"]
        for a in task["annotations"]
        for r in a["result"]
        if r.get("type") == "labels"
    }


def test_each_label_goes_back_out_under_the_labels_tag_it_came_from(tmp_path, capsys):
    source, out, again = tmp_path / "tasks.json", tmp_path / "out.json", tmp_path / "again.json"
    source.write_text(json.dumps([TASK]), encoding="utf-8")
    first, back = tmp_path / "p.annotator", tmp_path / "back.annotator"
    assert main(["import", str(first), str(source), "-f", "label_studio"]) == 0
    assert main(["export", str(first), "-f", "label_studio", "-o", str(out)]) == 0
    assert _tags(out) == {"Facility": "objects", "Accident": "events", "Person": "objects"}, _tags(out)
    assert main(["import", str(back), str(out), "-f", "label_studio"]) == 0
    assert main(["export", str(back), "-f", "label_studio", "-o", str(again)]) == 0
    assert json.loads(again.read_text(encoding="utf-8")) == json.loads(out.read_text(encoding="utf-8"))


def test_the_regions_of_a_labels_tag_named_events_are_events_with_their_relations_as_arguments(tmp_path):
    """Session 33 (s33-eng): an engineer whose Label Studio config has a Labels tag named ``events`` (or ``triggers``)
    drew triggers with it and relations from them to their arguments; a new project took `Accident` for an entity
    label and `Place` for a relation between two entities: no event, nothing for an event extractor to learn from.
    The tag's name is what says they are events (the config is not in the export): its labels are event types, told
    as those our own export records are, each relation from its region an argument."""
    from annotator.store import Project

    source, path = tmp_path / "tasks.json", tmp_path / "p.annotator"
    source.write_text(json.dumps([TASK]), encoding="utf-8")
    assert main(["import", str(path), str(source), "-f", "label_studio"]) == 0
    with Project(path, create=False) as project:
        (doc_id,) = project.document_ids()
        events = project.events(doc_id)
        entities = {e.id: e for e in project.entities(doc_id)}
        schema = project.schema
    labels = sorted(e.label for e in entities.values())
    assert [e.type for e in events] == ["Accident"], (events, labels)
    (event,) = events
    filled = argument_words(TEXT, event.arguments, entities)
    assert filled == [("Place", "depot")] and TEXT[event.trigger_start : event.trigger_end] == "gas leak"
    assert "Accident" not in labels and schema.event_type("Accident") is not None
