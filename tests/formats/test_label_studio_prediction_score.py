"""A Label Studio prediction's own ``score`` (beside its regions' scores: Label Studio's Data Manager sorts and filters
tasks by it) was lost: where the regions had scores it was dropped, where they had none it went onto each region and
the export wrote no prediction ``score``. Now kept with the task's shape by model and written back on that model's
prediction; out and in again, the same file. Tasks our own, in the shape of Label Studio's export."""

from __future__ import annotations

import json

from annotator import api

TEXT = "Barack Obama visited Kabul today."


def region(rid: str, start: int, end: int, label: str, text: str = TEXT, score: float | None = None) -> dict:
    value = {"start": start, "end": end, "text": text[start:end], "labels": [label]}
    out = {"id": rid, "from_name": "label", "to_name": "text", "type": "labels", "value": value}
    return out | ({"score": score} if score is not None else {})


TASKS = [
    {
        "id": 1,
        "data": {"text": TEXT},
        "predictions": [
            {
                "model_version": "ner-v1",
                "score": 0.87,
                "result": [region("a", 0, 12, "PERSON", score=0.95), region("b", 21, 26, "GPE", score=0.6)],
            },
            {"model_version": "ner-v2", "score": 0.4, "result": [region("c", 0, 6, "PERSON", score=0.3)]},
        ],
    },
    {
        "id": 2,
        "data": {"text": "Kabul is calm."},
        "predictions": [{"score": 0.5, "result": [region("d", 0, 5, "GPE", "Kabul is calm.")]}],
    },
]


def predictions_of(path) -> list[list[tuple[str, float | None]]]:  # type: ignore[no-untyped-def]
    tasks = json.loads(path.read_text())
    return [sorted((p["model_version"], p.get("score")) for p in t.get("predictions", [])) for t in tasks]


def test_a_predictions_own_score_is_kept_and_written_back(tmp_path):
    src = tmp_path / "tasks.json"
    src.write_text(json.dumps(TASKS))
    project = api.new_project(tmp_path / "p.annotator")
    assert not api.import_files(project, [src]).skipped
    first, second = project.document_ids()
    assert sorted(e.score for e in project.entities(first)) == [0.3, 0.6, 0.95]  # the regions' own, as before
    assert [e.score for e in project.entities(second)] == [0.5]  # the prediction's, as before
    out = tmp_path / "out.json"
    api.export(project, out, "label_studio")
    assert predictions_of(out) == [[("ner-v1", 0.87), ("ner-v2", 0.4)], [("undefined", 0.5)]]
    again = api.new_project(tmp_path / "q.annotator")
    assert not api.import_files(again, [out]).skipped
    out2 = tmp_path / "out2.json"
    api.export(again, out2, "label_studio")
    assert out2.read_bytes() == out.read_bytes()
