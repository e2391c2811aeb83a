"""Label Studio pre-annotations (``predictions`` with ``model_version`` and per-region ``score``, as an ML backend or
an import of model output writes them). A predicted event came in ``accepted``, source ``import`` (decided, as if
someone had annotated it), its score and the model's version lost; the export wrote ``model_version: annotator``.
The task is our own."""

from __future__ import annotations

import orjson

from annotator.cli import main
from annotator.formats.label_studio import read_label_studio
from annotator.store import Project

TASK = {
    "id": 12,
    "data": {"text": "Rebels attacked Kabul."},
    "predictions": [
        {
            "model_version": "ev-2",
            "score": 0.85,
            "result": [
                {
                    "id": "t",
                    "from_name": "label",
                    "to_name": "text",
                    "type": "labels",
                    "score": 0.9,
                    "value": {"start": 7, "end": 15, "text": "attacked", "labels": ["Conflict:Attack"]},
                },
                {
                    "id": "k",
                    "from_name": "label",
                    "to_name": "text",
                    "type": "labels",
                    "score": 0.8,
                    "value": {"start": 16, "end": 21, "text": "Kabul", "labels": ["GPE"]},
                },
                {
                    "id": "r",
                    "from_id": "t",
                    "to_id": "k",
                    "type": "relation",
                    "direction": "right",
                    "labels": ["Place"],
                },
            ],
        }
    ],
}


def test_a_predicted_event_is_a_suggestion_of_that_model_with_its_score(tmp_path):
    path = tmp_path / "tasks.json"
    path.write_bytes(orjson.dumps([TASK]))
    result = read_label_studio(path)
    (doc,) = result.documents
    (event,) = doc.events
    assert (event.state, event.source, event.score) == ("suggested", "label-studio:ev-2", 0.9)
    assert [(e.label, e.state, e.source, e.score) for e in doc.entities] == [
        ("GPE", "suggested", "label-studio:ev-2", 0.8)
    ]
    assert not any("score" in w for w in result.warnings)  # nothing dropped (entities said their scores were)


def test_the_export_writes_the_model_version_back(tmp_path):
    path = tmp_path / "tasks.json"
    path.write_bytes(orjson.dumps([TASK]))
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(path)]) == 0
    with Project(p, create=False) as project:
        (doc,) = project.document_ids()
        (event,) = project.events(doc)
        assert (event.state, event.score) == ("suggested", 0.9)
        assert [(e.label, e.score) for e in project.entities(doc)] == [("GPE", 0.8)]
    out = tmp_path / "out.json"
    assert main(["export", str(p), "-f", "label_studio", "-o", str(out)]) == 0
    (task,) = orjson.loads(out.read_bytes())
    assert task["annotations"] == [] and task["predictions"][0]["model_version"] == "ev-2"
    # each region's score goes back on it, the event's on its trigger region, as the prediction gave them
    scores = {r["value"]["text"]: r.get("score") for r in task["predictions"][0]["result"] if r["type"] == "labels"}
    assert scores == {"attacked": 0.9, "Kabul": 0.8}
