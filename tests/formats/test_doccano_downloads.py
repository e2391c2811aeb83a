"""doccano's own example files (doccano/doccano: frontend/static/formats/sequence_labeling/download/example.jsonl, the
1.x download with "annotations" objects and label ids; backend/api/tests/data/sequence_labeling/example_overlapping.jsonl,
one span given twice). The lines here are our own, in those shapes."""

from __future__ import annotations

import orjson
import pytest

from annotator.cli import main
from annotator.errors import ImportFileError
from annotator.formats.detect import detect_format
from annotator.formats.doccano import read_doccano
from annotator.store import Project


def test_annotations_objects_are_read_as_entities(tmp_path):
    # they were not told as doccano: the plain reader imported the texts and put every span in the meta, unsaid
    path = tmp_path / "download.jsonl"
    lines = [
        {
            "id": 1,
            "text": "Angela Merkel met Macron.",
            "annotations": [{"id": 5, "label": "PERSON", "start_offset": 0, "end_offset": 13, "user": 1}],
        },
        {"id": 2, "text": "A quiet day.", "annotations": [{"id": 6, "label": "news", "user": 1}]},
    ]
    path.write_bytes(b"\n".join(orjson.dumps(x) for x in lines) + b"\n")
    assert detect_format(path) == "doccano"
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(path)]) == 0
    with Project(p, create=False) as project:
        first, second = project.document_ids()
        assert [(e.start, e.end, e.label) for e in project.entities(first)] == [(0, 13, "PERSON")]
        assert "annotations" not in project.document(first).meta
    result = read_doccano(path)  # an annotation without offsets: a category of the document, kept for the export
    assert result.documents[1].meta["doccano_categories"] == ["news"]
    assert any("1 document category (a text classification's labels: news (1)) kept" in n for n in result.notes)


def test_label_ids_refuse_the_file_saying_why(tmp_path):
    path = tmp_path / "download.jsonl"
    line = {
        "id": 1,
        "text": "EU rejects it.",
        "annotations": [{"id": 1, "label": 2, "start_offset": 0, "end_offset": 2, "user": 1}],
    }
    path.write_bytes(orjson.dumps(line) + b"\n")
    with pytest.raises(ImportFileError) as exc:
        read_doccano(path)
    assert exc.value.line == 1 and "gives label 2, a doccano label id, not its name" in str(exc.value)


def test_one_span_given_twice_is_one_entity(tmp_path):
    path = tmp_path / "overlapping.jsonl"
    path.write_bytes(
        orjson.dumps({"text": "Paris.", "label": [[0, 5, "GPE"], [0, 5, "GPE"]], "meta": {"n": 1}}) + b"\n"
    )
    result = read_doccano(path)
    (doc,) = result.documents
    assert [(e.start, e.end, e.label) for e in doc.entities] == [(0, 5, "GPE")]
    assert any("a second GPE on 0-5" in w for w in result.warnings)
    assert doc.meta["meta"] == {"n": 1}
