"""A Label Studio task whose annotation began as a model's prediction (Label Studio records the prediction's id as the
annotation's ``parent_prediction``; label-studio-converter's test exports carry the key) had that prediction said as
"not kept beside the annotation": what the model proposed, and which of it the annotator took out, was lost. Its
regions the annotation kept are now that model's
suggestions, accepted (its source and score), and those it took out rejected; a prediction the annotation did not
begin as is said and not kept, as before. Our own task, in the export's shape."""

from __future__ import annotations

import json

from annotator import api


def region(rid: str, start: int, end: int, text: str, label: str, **more) -> dict:  # type: ignore[no-untyped-def]
    value = {"start": start, "end": end, "text": text, "labels": [label]}
    return {"id": rid, "from_name": "label", "to_name": "text", "type": "labels", "value": value, **more}


def task(parent):  # type: ignore[no-untyped-def]
    annotation = {"id": 11, "completed_by": 2, "parent_prediction": parent}
    annotation["result"] = [region("p1", 0, 12, "Ada Lovelace", "PERSON"), region("n1", 17, 20, "Bob", "PERSON")]
    model = {"id": 5, "model_version": "ner-v3", "score": 0.8}
    model["result"] = [
        region("p1", 0, 12, "Ada Lovelace", "PERSON", score=0.95),
        region("p2", 24, 29, "Paris", "ORG", score=0.4),
    ]
    other = {"id": 6, "model_version": "other", "result": [region("o1", 33, 39, "Monday", "DATE")]}
    return {
        "id": 7,
        "data": {"text": "Ada Lovelace met Bob in Paris on Monday."},
        "annotations": [annotation],
        "predictions": [model, other],
    }


def entities(project):  # type: ignore[no-untyped-def]
    (doc,) = project.document_ids()
    text = project.document(doc).text
    return sorted((text[e.start : e.end], e.label, e.state, e.source, e.score) for e in project.entities(doc))


def test_the_prediction_the_annotation_began_as_is_decided(tmp_path):
    src = tmp_path / "tasks.json"
    src.write_text(json.dumps([task(5)]))
    project = api.new_project(tmp_path / "p.annotator")
    report = api.import_files(project, [src], format="label_studio")
    assert entities(project) == [
        ("Ada Lovelace", "PERSON", "accepted", "label-studio:ner-v3", 0.95),
        ("Bob", "PERSON", "accepted", "label-studio", None),
        ("Paris", "ORG", "rejected", "label-studio:ner-v3", 0.4),
    ]
    assert any("of its regions, 1 kept" in n and "1 taken out (rejected)" in n for n in report.notes), report.notes
    assert any("1 prediction (other) not kept" in w for w in report.warnings), report.warnings

    again = api.new_project(tmp_path / "q.annotator")  # without it: the predictions are not kept, as before
    src.write_text(json.dumps([task(None)]))
    report = api.import_files(again, [src], format="label_studio")
    assert [(t, s) for t, _, s, _, _ in entities(again)] == [("Ada Lovelace", "accepted"), ("Bob", "accepted")]
    assert any("2 predictions (ner-v3, other) not kept" in w for w in report.warnings), report.warnings


def test_a_parent_prediction_that_marks_none_of_the_text_is_said_so(tmp_path):
    """label-studio-converter's test export: a task with a text beside an image, its annotation begun as a model's
    prediction of image boxes only. The note said "of its regions, 0 kept ... and 0 taken out (rejected)", as though
    the annotator had taken nothing of a text prediction; it says the prediction marks none of the text."""
    box = {"x": 4.8, "y": 11.6, "width": 90.0, "height": 70.0, "rotation": 0, "rectanglelabels": ["Car"]}
    image_region = {"id": "r1", "from_name": "label", "to_name": "image", "type": "rectanglelabels", "value": box}
    model = {"id": 1, "model_version": "model 0", "score": 0.7, "result": [image_region]}
    annotation = {"id": 7, "completed_by": 1, "parent_prediction": 1, "result": [dict(image_region)]}
    data = {"text": "Wildfires in Oregon forced thousands from their homes.", "image": "https://example.org/b.jpg"}
    src = tmp_path / "tasks.json"
    src.write_text(json.dumps([{"id": 1, "data": data, "annotations": [annotation], "predictions": [model]}]))
    project = api.new_project(tmp_path / "p.annotator")
    report = api.import_files(project, [src], format="label_studio")
    assert entities(project) == []
    said = [n for n in report.notes if "parent_prediction" in n]
    assert said and all("0 kept" not in n for n in said), report.notes
    assert any("marks none of the text" in n for n in said), report.notes


def test_stats_model_scores_the_decided_prediction(tmp_path):
    """``stats --model`` scored the project's own pre-annotation alone: the reviewed document's decided prediction
    (``label-studio:ner-v3``: ``Ada Lovelace`` kept, ``Paris`` taken out) was "never pre-annotated" and left out. It
    is scored as that model's suggestions against the final set: PERSON 1 of 1 suggested kept (``Bob`` the
    annotator's), ORG 0 of 1."""
    from annotator import edits
    from annotator.teams.model_quality import format_model_quality, model_quality

    src = tmp_path / "tasks.json"
    src.write_text(json.dumps([task(5)]))
    project = api.new_project(tmp_path / "p.annotator")
    api.import_files(project, [src], format="label_studio")
    (doc,) = project.document_ids()
    edits.set_status(project, doc, "reviewed")
    result = model_quality(project)
    assert (result["documents"], result["skipped_documents"]) == (1, 0)
    assert result["pipelines"] == {"label-studio:ner-v3": 2}
    person, org = result["entities"]["by_label"]["PERSON"], result["entities"]["by_label"]["ORG"]
    assert (person["a"], person["b"], person["tp"]) == (2, 1, 1), person
    assert (org["a"], org["b"], org["tp"]) == (0, 1, 0), org
    assert "label-studio:ner-v3" in format_model_quality(result)
