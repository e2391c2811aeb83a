"""Label Studio pre-annotations (``predictions`` with ``model_version`` and per-region ``score``, as an ML backend or
an import of model output writes them). A predicted event came in ``accepted``, source ``import`` (decided, as if
someone had annotated it), its score and the model's version lost; the export wrote ``model_version: annotator``.
The task is our own."""

from __future__ import annotations

import orjson
import pytest

from annotator.cli import main
from annotator.formats.label_studio import read_label_studio
from annotator.store import Project
from tests.formats.conftest import cli_round_trip

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


def labels(rid: str, text: str, word: str, label: str, score: float | None = None) -> dict:
    start = text.index(word)
    scored = {"score": score} if score is not None else {}
    value = {"start": start, "end": start + len(word), "text": word, "labels": [label]}
    return {"id": rid, "from_name": "label", "to_name": "text", "type": "labels", "value": value, **scored}


TWO_MODELS_TEXT = "Rebels attacked Kabul on Friday."
TWO_MODELS = {  # Label Studio's export guide shows a task with two predictions, "model 1" and "model 2"
    "id": 3,
    "data": {"text": TWO_MODELS_TEXT},
    "annotations": [],
    "predictions": [
        {
            "model_version": "model 1",
            "score": 0.5,
            "result": [
                labels("r1", TWO_MODELS_TEXT, "Rebels", "PERSON", 0.9),
                labels("r2", TWO_MODELS_TEXT, "Kabul", "GPE"),
            ],
        },
        {  # the same region ids as model 1's, and the same span and label as one of its regions
            "model_version": "model 2",
            "score": 0.7,
            "result": [
                labels("r1", TWO_MODELS_TEXT, "Kabul", "GPE", 0.8),
                labels("r2", TWO_MODELS_TEXT, "attacked", "Conflict:Attack"),
                {"from_id": "r2", "to_id": "r1", "type": "relation", "direction": "right", "labels": ["Place"]},
            ],
        },
    ],
}


def test_each_models_prediction_comes_in_with_its_source_and_scores(tmp_path):
    path = tmp_path / "tasks.json"
    path.write_bytes(orjson.dumps([TWO_MODELS]))
    result = read_label_studio(path)
    (doc,) = result.documents
    # model 2's Kabul is model 1's (one suggestion of a span and label, the first model's: the app showed two)
    assert [(TWO_MODELS_TEXT[e.start : e.end], e.state, e.source, e.score) for e in doc.entities] == [
        ("Rebels", "suggested", "label-studio:model 1", 0.9),
        ("Kabul", "suggested", "label-studio:model 1", 0.5),  # no score of its own: its prediction's
    ]
    (event,) = doc.events
    assert (event.state, event.source, event.score) == ("suggested", "label-studio:model 2", 0.7)
    ((role, key),) = event.arguments  # model 2's r1, which is model 1's Kabul
    assert role == "Place" and TWO_MODELS_TEXT[doc.entities[1].start : doc.entities[1].end] == "Kabul"
    assert key == doc.entities[1].key
    assert any("1 region of a span and label an earlier model gave kept as that model's" in n for n in result.notes)
    assert not result.warnings
    assert any("2 predictions (model 1, model 2) kept as suggestions" in n for n in result.notes)


@pytest.mark.slow
def test_the_export_writes_a_prediction_per_model_and_reads_back_the_same(tmp_path):
    path = tmp_path / "tasks.json"
    path.write_bytes(orjson.dumps([TWO_MODELS]))
    out, _, again = cli_round_trip(tmp_path, path, "label_studio")
    (task,) = orjson.loads(out.read_bytes())
    assert [pr["model_version"] for pr in task["predictions"]] == ["model 1", "model 2"]
    texts = [[r["value"]["text"] for r in pr["result"] if r["type"] == "labels"] for pr in task["predictions"]]
    assert texts == [["Rebels", "Kabul"], ["attacked", "Kabul"]]  # Kabul in model 2's too: its relation's end
    assert [r["type"] for r in task["predictions"][1]["result"]].count("relation") == 1
    assert again.read_bytes() == out.read_bytes()
