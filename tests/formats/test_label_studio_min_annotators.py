"""Label Studio's JSON-MIN and CSV exports of a task several annotators did (session 41): those exports write a row
per annotation, one after the other, each with its ``annotator``, ``annotation_id`` and times (``convert_to_json_min``
in ``HumanSignal/label-studio-sdk``'s converter, read with the search tool). The rows after the first were read as
tasks of their own and counted "duplicates skipped": every annotator's work but the first's lost. Now one task's rows
are its annotations, each annotator's in a set of her own as the JSON export's are. Our own tasks in that shape."""

from __future__ import annotations

import csv
import json

from annotator import api
from annotator.store import Project

TEXT = "Gunmen killed three soldiers near Kabul."
OTHER = "A bomb exploded in Baghdad."


def _region(text: str, word: str, label: str) -> dict:
    start = text.index(word)
    return {"start": start, "end": start + len(word), "text": word, "labels": [label]}


ROWS = [  # newest first, as the converter sorts a task's annotations
    {
        "text": TEXT,
        "id": 41,
        "label": [_region(TEXT, "Kabul", "GPE")],
        "annotator": "bob@example.org",
        "annotation_id": 102,
        "created_at": "2024-03-01T11:00:00.000000Z",
        "updated_at": "2024-03-01T11:01:00.000000Z",
        "lead_time": 8.0,
    },
    {
        "text": TEXT,
        "id": 41,
        "label": [_region(TEXT, "Gunmen", "PERSON"), _region(TEXT, "Kabul", "GPE")],
        "annotator": "alice@example.org",
        "annotation_id": 101,
        "created_at": "2024-03-01T10:00:00.000000Z",
        "updated_at": "2024-03-01T10:01:00.000000Z",
        "lead_time": 12.5,
    },
    {
        "text": OTHER,
        "id": 42,
        "label": [_region(OTHER, "Baghdad", "GPE")],
        "annotator": "alice@example.org",
        "annotation_id": 103,
        "created_at": "2024-03-01T10:05:00.000000Z",
        "updated_at": "2024-03-01T10:05:00.000000Z",
        "lead_time": 3.0,
    },
]


def _sets(path) -> dict[tuple[str, str], list[tuple[str, str]]]:  # type: ignore[no-untyped-def]
    out = {}
    with Project(path, create=False) as project:
        for doc in project.document_ids():
            text = project.document(doc).text
            for aset in project.annotation_sets():
                spans = sorted((text[e.start : e.end], e.label) for e in project.entities(doc, aset))
                if spans:
                    out[(text.split()[0], aset)] = spans
    return out


WANTED = {
    ("Gunmen", "alice@example.org"): [("Gunmen", "PERSON"), ("Kabul", "GPE")],
    ("Gunmen", "bob@example.org"): [("Kabul", "GPE")],
    ("A", "main"): [("Baghdad", "GPE")],
}


def test_json_min_rows_of_one_task_are_its_annotators_annotations(tmp_path):
    src = tmp_path / "project-1-at-2024-03-01.json"
    src.write_text(json.dumps(ROWS), encoding="utf-8")
    project = api.new_project(tmp_path / "p.annotator")
    report = api.import_files(project, [src])
    assert report.duplicates == [] and len(report.imported) == 2
    project.close()
    assert _sets(tmp_path / "p.annotator") == WANTED


def test_the_csv_export_s_rows_too(tmp_path):
    src = tmp_path / "project-1-at-2024-03-01.csv"
    keys = list(ROWS[0])
    with src.open("w", encoding="utf-8", newline="") as f:
        out = csv.DictWriter(f, keys)
        out.writeheader()
        for row in ROWS:
            out.writerow({k: json.dumps(v) if isinstance(v, list) else v for k, v in row.items()})
    project = api.new_project(tmp_path / "p.annotator")
    report = api.import_files(project, [src])
    assert report.duplicates == [] and not report.skipped
    project.close()
    assert _sets(tmp_path / "p.annotator") == WANTED


UNANNOTATED = {  # the converter's row of a task no one annotated: its keys there, each null
    "text": "Rebels seized Herat.",
    "id": 43,
    "annotator": None,
    "annotation_id": None,
    "created_at": None,
    "updated_at": None,
    "lead_time": None,
}


def _metas(path) -> dict[str, tuple[str, dict]]:  # type: ignore[no-untyped-def]
    with Project(path, create=False) as project:
        return {
            project.document(d).text.split()[0]: (project.document(d).status, project.document(d).meta)
            for d in project.document_ids()
        }


def test_a_row_of_a_task_no_one_annotated_brings_its_data_alone(tmp_path):
    """Its null ``annotator``, ``annotation_id`` and times were read as the task's data: kept in the document's meta
    and written back by the Label Studio export as data keys; the CSV's row (empty cells, the tag's column too) was
    read so, and the CSV's annotation ``history`` as data too."""
    src = tmp_path / "min.json"
    src.write_text(json.dumps([ROWS[2], UNANNOTATED]), encoding="utf-8")
    project = api.new_project(tmp_path / "p.annotator")
    api.import_files(project, [src])
    project.close()
    assert _metas(tmp_path / "p.annotator")["Rebels"] == ("new", {"label_studio_id": 43})
    table = tmp_path / "t.csv"
    with table.open("w", encoding="utf-8", newline="") as f:
        out = csv.DictWriter(f, sorted([*ROWS[2], "history"]), quoting=csv.QUOTE_NONNUMERIC)
        out.writeheader()
        out.writerow({**ROWS[2], "label": json.dumps(ROWS[2]["label"]), "history": '[{"action": "submitted"}]'})
        out.writerow({**UNANNOTATED, "annotator": "", "label": ""})
    again = api.new_project(tmp_path / "q.annotator")
    api.import_files(again, [table])
    again.close()
    metas = _metas(tmp_path / "q.annotator")
    assert metas["Rebels"] == ("new", {"label_studio_id": 43})
    # the task's one annotation keeps its id and lead time, the CSV's cell read as the number it was (session 43)
    kept = {"annotation": {"id": 103, "lead_time": 3.0}}
    assert metas["A"] == ("annotated", {"label_studio_id": 42, "label_studio_task": kept})
