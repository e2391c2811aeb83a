"""doccano 1.4's and 1.5's sequence-labelling download wrote the text under ``data`` (``{"id", "data", "label":
[[start, end, LABEL]]}``, doccano issue 1522, its writer against its own import's ``text``): told as doccano and read,
with or without ``--format``; the export writes ``text``, which every doccano import reads. Session 34: refused as
"'text' must be a non-empty string"."""

from __future__ import annotations

import json

import pytest

from annotator.cli import main
from annotator.store import Project

LINES = [
    {"id": 10, "data": "Rebels attacked a convoy in Herat on Monday.", "label": [[28, 33, "GPE"], [0, 6, "PERSON"]]},
    {"id": 11, "data": "Police arrested two men.", "label": []},
]


@pytest.mark.parametrize("named", [[], ["-f", "doccano"]])
def test_a_line_whose_text_is_under_data_is_read(tmp_path, capsys, named):
    given = tmp_path / "download.jsonl"
    given.write_text("".join(json.dumps(x) + "\n" for x in LINES), encoding="utf-8")
    project = tmp_path / "p.annotator"
    assert main(["import", str(project), str(given), *named]) == 0, capsys.readouterr().err
    with Project(project, annotator="t") as p:
        got = {}
        for d in p.document_ids():
            doc = p.document(d)
            got[doc.name] = (doc.text, sorted((doc.text[e.start : e.end], e.label) for e in p.entities(d)))
            assert "data" not in doc.meta  # the text is not kept twice
    assert got == {"10": (LINES[0]["data"], [("Herat", "GPE"), ("Rebels", "PERSON")]), "11": (LINES[1]["data"], [])}
    out = tmp_path / "out.jsonl"
    assert main(["export", str(project), "-f", "doccano", "-o", str(out)]) == 0
    first = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert first["text"] == LINES[0]["data"] and "data" not in first
