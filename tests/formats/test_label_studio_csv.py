"""Label Studio's CSV and TSV exports (JSON-MIN's rows, list and object values as JSON text, as the converter's
``convert_to_csv`` writes them: HumanSignal/label-studio-converter's tests/data/test_export_csv/csv_test2_result.csv is
such a TSV, every value quoted) were "unknown kind of file '.csv'". The rows here are our own."""

from __future__ import annotations

import csv
import json

import pytest

from annotator.cli import main
from annotator.errors import ImportFileError
from annotator.formats.detect import detect_format
from annotator.formats.label_studio import read_label_studio
from annotator.store import Project

TEXT = 'Angela Merkel visited Paris, "twice", in 2021.\nShe left.'
ROWS = [
    {
        "annotation_id": 7,
        "annotator": "ann@example.com",
        "created_at": "2024-01-01T10:00:00Z",
        "id": 3,
        "label": json.dumps(
            [
                {"start": 0, "end": 13, "text": "Angela Merkel", "labels": ["PERSON"]},
                {"start": 22, "end": 27, "text": "Paris", "labels": ["GPE"]},
            ]
        ),
        "lead_time": 4.2,
        "source": "wire",
        "text": TEXT,
    },
    {"annotation_id": 8, "annotator": "ann@example.com", "created_at": "x", "id": 4, "label": "[]", "lead_time": 1.0}
    | {"source": "desk", "text": "Nothing here."},
]


def write(path, delimiter: str) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        quoting = csv.QUOTE_NONNUMERIC if delimiter == "\t" else csv.QUOTE_MINIMAL
        w = csv.DictWriter(fh, fieldnames=list(ROWS[0]), delimiter=delimiter, quoting=quoting)
        w.writeheader()
        w.writerows(ROWS)


@pytest.mark.parametrize(("name", "delimiter"), [("export.csv", ","), ("export.tsv", "\t")])
def test_a_csv_export_imports_as_its_json_min_rows(tmp_path, capsys, name, delimiter):
    path = tmp_path / name
    write(path, delimiter)
    assert detect_format(path) == "label_studio"
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(path)]) == 0
    assert f"{path}: read as Label Studio" in capsys.readouterr().err
    with Project(p, create=False) as project:
        first, second = project.document_ids()
        doc = project.document(first)
        assert doc.text == TEXT
        assert [(TEXT[e.start : e.end], e.label, e.annotator) for e in project.entities(first)] == [
            ("Angela Merkel", "PERSON", "ann@example.com"),
            ("Paris", "GPE", "ann@example.com"),
        ]
        # the row without regions is a task of the same export: its JSON-MIN keys are not data
        # each task's one annotation keeps its id and lead time, which Label Studio's import keeps (session 43)
        kept = "label_studio_task"
        assert project.document(second).meta == {
            "source": "desk",
            "label_studio_id": 4,
            kept: {"annotation": {"id": 8, "lead_time": 1.0}},
        }
        assert doc.meta == {"source": "wire", "label_studio_id": 3, kept: {"annotation": {"id": 7, "lead_time": 4.2}}}


def test_another_table_stays_unknown_and_a_short_row_is_refused_with_its_line(tmp_path):
    table = tmp_path / "table.csv"
    table.write_text("name,score\nalice,3\n")
    assert detect_format(table) is None
    bad = tmp_path / "bad.csv"
    write(bad, ",")
    bad.write_text(bad.read_text() + "9,someone\n")
    with pytest.raises(ImportFileError) as exc:
        read_label_studio(bad)
    assert exc.value.line == 5 and "2 columns where the header has 8" in str(exc.value)
