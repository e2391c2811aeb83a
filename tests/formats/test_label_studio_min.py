"""Label Studio's JSON-MIN export (one flat object a task: the data's keys, then each labelling tag's regions under
its name as ``{"start", "end", "text", "labels"}``, and ``annotator``, ``annotation_id``, ``lead_time``): read as
Label Studio, with no ``--format``, spans on the right words; it was refused as 'not an annotator JSON export'."""

from __future__ import annotations

import json

import pytest

from annotator.cli import main
from annotator.errors import ImportFileError
from annotator.formats.detect import detect_format
from annotator.formats.label_studio import read_label_studio
from annotator.store import Project

TEXT = "Acme Corp hired Dana \U0001f600 Reyes in Oslo."


def _task(**extra) -> dict:
    def region(word: str, label: str) -> dict:
        s = TEXT.index(word)
        return {"start": s, "end": s + len(word), "text": word, "labels": [label]}

    return {
        "Full_Text": TEXT,
        "id": 17,
        "label": [region("Acme Corp", "ORG"), region("Dana \U0001f600 Reyes", "PERSON")],
        "place": [region("Oslo", "GPE")],
        "annotator": 1,
        "annotation_id": 4,
        "created_at": "2021-12-02T10:00:00.000000Z",
        "updated_at": "2021-12-02T10:00:00.000000Z",
        "lead_time": 12.5,
        **extra,
    }


def test_json_min_is_told_and_read(tmp_path, capsys):
    path = tmp_path / "export.json"
    path.write_text(json.dumps([_task()], indent=2), encoding="utf-8")
    assert detect_format(path) == "label_studio"
    assert main(["import", str(tmp_path / "p.annotator"), str(path)]) == 0
    assert "read as Label Studio" in capsys.readouterr().err
    with Project(tmp_path / "p.annotator") as p:
        (doc,) = [p.document(i) for i in p.document_ids()]
        assert doc.text == TEXT
        spans = sorted((TEXT[e.start : e.end], e.label) for e in p.entities(doc.id))
    assert spans == [("Acme Corp", "ORG"), ("Dana \U0001f600 Reyes", "PERSON"), ("Oslo", "GPE")]


def test_json_min_region_off_its_text_is_refused_naming_the_task(tmp_path):
    task = _task()
    task["label"][0]["text"] = "Acme Inc"
    path = tmp_path / "export.json"
    path.write_text(json.dumps([task]), encoding="utf-8")
    with pytest.raises(ImportFileError, match="task 17: result 0 .* not fit the text .expected .Acme Inc"):
        read_label_studio(path)


def test_tasks_of_one_id_get_names_that_tell_them_apart(tmp_path):
    """Two tasks of one id were both "task 17" in the project; a later import of the name is "(3)", not a third."""
    first = tmp_path / "export.json"
    first.write_text(json.dumps([_task(), _task(Full_Text=TEXT + " Again.")]), encoding="utf-8")
    later = tmp_path / "later.json"
    later.write_text(json.dumps([_task(Full_Text=TEXT + " Once more.")]), encoding="utf-8")
    assert main(["import", str(tmp_path / "p.annotator"), str(first)]) == 0
    assert main(["import", str(tmp_path / "p.annotator"), "--format", "label_studio", str(later)]) == 0
    with Project(tmp_path / "p.annotator") as p:
        names = {p.document(i).text[len(TEXT) :]: p.document(i).name for i in p.document_ids()}
    assert names == {"": "task 17", " Again.": "task 17 (2)", " Once more.": "task 17 (3)"}
