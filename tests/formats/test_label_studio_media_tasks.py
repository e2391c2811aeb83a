"""An image task of Label Studio (label-studio-converter's test exports: ``data: {"image": "/image1"}``, regions of
``rectanglelabels`` with ``x``, ``y``, ``width``, ``height``) was imported as a document whose text was the image's
path ("/image1"), its regions said as not kept. It is refused in one line naming what it is; a task with a text and an
image keeps its text and says the image's regions. Our own tasks, in its shape."""

from __future__ import annotations

import json

import pytest

from annotator import api
from annotator.errors import ImportFileError


def box(to_name: str = "image") -> dict:
    value = {"x": 37.1, "y": 70.6, "width": 4.1, "height": 4.7, "rotation": 0, "rectanglelabels": ["cell"]}
    return {"id": "C7", "from_name": "label", "to_name": to_name, "type": "rectanglelabels", "value": value}


def write(tmp_path, tasks):  # type: ignore[no-untyped-def]
    path = tmp_path / "tasks.json"
    path.write_text(json.dumps(tasks))
    return path


def test_an_image_task_is_refused_in_one_line(tmp_path):
    src = write(tmp_path, [{"id": 1, "data": {"image": "/image1"}, "annotations": [{"result": [box()]}]}])
    project = api.new_project(tmp_path / "p.annotator")
    with pytest.raises(ImportFileError) as got:
        api.import_files(project, [src], format="label_studio")
    said = str(got.value)
    assert "data['image'] is what its rectanglelabels results mark" in said and "\n" not in said, said
    assert project.document_ids() == []
    report = api.import_files(project, [src])  # told from the file: skipped with the same reason
    assert report.skipped and "not a text" in report.skipped[0][1]


def test_a_repeaters_image_task_is_said_by_its_list(tmp_path):
    """label-studio-converter's ``test_export_json_min/data_repeater.json`` shape: a Repeater over ``data['images']``
    marks ``page_0``, no key of the data; the refusal named ``data['page_0']``, which the task has not."""
    page = {**box("page_0"), "from_name": "labels_0"}
    images = [{"url": "https://example.org/a.jpeg"}, {"url": "https://example.org/b.jpeg"}]
    src = write(tmp_path, [{"id": 86, "data": {"images": images}, "annotations": [{"result": [page]}]}])
    project = api.new_project(tmp_path / "p.annotator")
    with pytest.raises(ImportFileError) as got:
        api.import_files(project, [src], format="label_studio")
    said = str(got.value)
    assert "'page_0' (a Repeater's object over data['images'], no key of the data) is what its rectanglelabels" in said
    assert "data['page_0']" not in said and "\n" not in said and project.document_ids() == []


def test_a_text_beside_an_image_keeps_the_text(tmp_path):
    region = {"start": 0, "end": 3, "text": "Ada", "labels": ["PERSON"]}
    text_region = {"id": "a", "from_name": "ner", "to_name": "text", "type": "labels", "value": region}
    task = {
        "id": 2,
        "data": {"image": "/image2", "text": "Ada met Bob."},
        "annotations": [{"result": [box(), text_region]}],
    }
    project = api.new_project(tmp_path / "p.annotator")
    report = api.import_files(project, [write(tmp_path, [task])], format="label_studio")
    (doc,) = project.document_ids()
    assert project.document(doc).text == "Ada met Bob."
    assert [(e.start, e.end, e.label) for e in project.entities(doc)] == [(0, 3, "PERSON")]
    assert any("rectanglelabels" in w for w in report.warnings), report.warnings


def test_an_image_task_of_the_json_min_export_is_said_as_one(tmp_path):
    """Label Studio's JSON-MIN export of it (flat: ``image``, ``label`` regions with ``x``, ``y``) was taken for a list of
    documents and refused as "'text' must be a non-empty string"."""
    row = {"image": "/data/x/img1.jpg", "id": 1, "label": [{**box()["value"], "original_width": 2800}]}
    src = tmp_path / "min.json"
    src.write_text(json.dumps([{**row, "annotator": 1, "annotation_id": 1, "lead_time": 12.3}]))
    project = api.new_project(tmp_path / "p.annotator")
    report = api.import_files(project, [src])
    assert report.skipped and "data['image'] is what its rectanglelabels results mark" in report.skipped[0][1]
