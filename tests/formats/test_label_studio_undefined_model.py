"""A Label Studio prediction without ``model_version`` (a file of pre-annotations made for Label Studio's import, as
its guide shows them) had the source ``label-studio``, the annotators' own: ``stats --model`` did not score it, and
the export wrote it back as ``model_version: "annotator"``. Label Studio itself names such a prediction ``undefined``
(its task import and its predictions API: ``prediction.get('model_version', 'undefined')``, so its exports carry
``"model_version": "undefined"``); the reader does the same: ``label-studio:undefined``, a model's, scored, written
back as Label Studio would (session 24, s24-realb). Our own task, in the import's shape."""

from __future__ import annotations

import json

import pytest

from annotator import api, edits
from annotator.teams.model_quality import model_quality

TEXT = "Ada Lovelace met Bob in Paris on Monday."


def region(rid: str, start: int, end: int, label: str) -> dict:  # type: ignore[no-untyped-def]
    value = {"start": start, "end": end, "text": TEXT[start:end], "labels": [label]}
    return {"id": rid, "from_name": "label", "to_name": "text", "type": "labels", "value": value}


def sources(project):  # type: ignore[no-untyped-def]
    (doc,) = project.document_ids()
    return sorted((TEXT[e.start : e.end], e.state, e.source) for e in project.entities(doc))


@pytest.mark.parametrize("given", [{}, {"model_version": None}, {"model_version": ""}])
def test_a_prediction_without_model_version_is_a_models(tmp_path, given):
    prediction = {"id": 5, "result": [region("p1", 0, 12, "PERSON"), region("p2", 24, 29, "ORG")], **given}
    annotation = {"id": 11, "completed_by": 2, "parent_prediction": 5}
    annotation["result"] = [region("p1", 0, 12, "PERSON"), region("n1", 17, 20, "PERSON")]
    src = tmp_path / "tasks.json"
    src.write_text(
        json.dumps([{"id": 7, "data": {"text": TEXT}, "annotations": [annotation], "predictions": [prediction]}])
    )
    project = api.new_project(tmp_path / "p.annotator")
    api.import_files(project, [src], format="label_studio")
    assert sources(project) == [
        ("Ada Lovelace", "accepted", "label-studio:undefined"),
        ("Bob", "accepted", "label-studio"),  # the annotator's
        ("Paris", "rejected", "label-studio:undefined"),
    ]
    (doc,) = project.document_ids()
    edits.set_status(project, doc, "reviewed")
    result = model_quality(project)
    assert (result["documents"], result["pipelines"]) == (1, {"label-studio:undefined": 2})


def test_undecided_predictions_without_model_version_go_back_as_undefined(tmp_path):
    prediction = {"id": 5, "result": [region("p1", 0, 12, "PERSON")]}
    src = tmp_path / "tasks.json"
    src.write_text(json.dumps([{"id": 7, "data": {"text": TEXT}, "predictions": [prediction]}]))
    project = api.new_project(tmp_path / "p.annotator")
    api.import_files(project, [src], format="label_studio")
    assert sources(project) == [("Ada Lovelace", "suggested", "label-studio:undefined")]
    api.export(project, tmp_path / "out.json", "label_studio")
    (written,) = json.loads((tmp_path / "out.json").read_text())
    assert [p["model_version"] for p in written["predictions"]] == ["undefined"]  # was "annotator"
