"""Label Studio's JSON-MIN (and CSV) export of a project with a Taxonomy, a Rating or a multiple Choices tag: the
converter's ``prettify_result`` writes each as a flat key of the task, ``"topic": [{"taxonomy": [["A", "B"]]}]``,
``"stars": [{"rating": 4}]``, ``"tags": {"choices": ["A", "B"]}``. They are the document's categories, as the full
export's results are; they were data, kept in the meta as JSON text (session 14's leftover), and a task of such tags
alone was not told as Label Studio at all. Our own tasks in the converter's shapes."""

from __future__ import annotations

import csv
import json

from annotator.cli import main
from annotator.categories import CATEGORIES
from annotator.formats.detect import detect_format
from annotator.formats.label_studio import read_label_studio
from annotator.store import Project

TEXT = "Acme Corp opened a lab in Oslo."
ROW = {
    "text": TEXT,
    "id": 5,
    "label": [{"start": 0, "end": 9, "text": "Acme Corp", "labels": ["ORG"]}],
    "topic": [{"taxonomy": [["Business", "Research"], ["Places"]]}],
    "stars": [{"rating": 4}],
    "tags": {"choices": ["news", "science"]},
    "annotator": 2,
    "annotation_id": 9,
    "lead_time": 3.5,
}


def _write(tmp_path, *rows):  # type: ignore[no-untyped-def]
    path = tmp_path / "min.json"
    path.write_text(json.dumps(list(rows)), encoding="utf-8")
    return path


def test_taxonomy_rating_and_choices_of_json_min_are_categories(tmp_path):
    result = read_label_studio(_write(tmp_path, ROW))
    (doc,) = result.documents
    assert doc.meta[CATEGORIES] == ["Business / Research", "Places", "stars=4", "news", "science"]
    assert not any(k in doc.meta for k in ("topic", "stars", "tags"))  # they were kept as data (JSON text)
    assert [(TEXT[e.start : e.end], e.label) for e in doc.entities] == [("Acme Corp", "ORG")]


def test_a_json_min_task_of_a_taxonomy_alone_is_told_and_read(tmp_path, capsys):
    row = {k: v for k, v in ROW.items() if k not in ("label", "stars", "tags")}
    path = _write(tmp_path, row)
    assert detect_format(path) == "label_studio"
    assert main(["import", str(tmp_path / "p.annotator"), str(path)]) == 0
    with Project(tmp_path / "p.annotator") as p:
        (d,) = p.document_ids()
        assert p.document(d).text == TEXT
        assert p.document(d).meta[CATEGORIES] == ["Business / Research", "Places"]
    # without the export's annotation_id a flat object is data: a list of objects under 'stars' is no export's
    assert detect_format(_write(tmp_path, {"text": TEXT, "stars": [{"rating": 4}]})) != "label_studio"


def test_the_label_studio_export_writes_them_as_the_results_they_are(tmp_path):
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(_write(tmp_path, ROW))]) == 0
    out = tmp_path / "out.json"
    assert main(["export", str(p), "-f", "label_studio", "-o", str(out)]) == 0
    (task,) = json.loads(out.read_text(encoding="utf-8"))
    got = {x["type"]: (x["from_name"], x["value"]) for x in task["annotations"][0]["result"] if x["type"] != "labels"}
    assert got == {
        "taxonomy": ("topic", {"taxonomy": [["Business", "Research"], ["Places"]]}),
        "rating": ("stars", {"rating": 4}),
        "choices": ("tags", {"choices": ["news", "science"]}),
    }


def test_the_csv_export_of_such_tags_is_read_the_same(tmp_path):
    path = tmp_path / "export.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(list(ROW))
        w.writerow([v if isinstance(v, str) else json.dumps(v) for v in ROW.values()])
    assert detect_format(path) == "label_studio"
    (doc,) = read_label_studio(path).documents
    assert doc.meta[CATEGORIES] == ["Business / Research", "Places", "stars=4", "news", "science"]
