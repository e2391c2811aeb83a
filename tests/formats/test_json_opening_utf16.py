"""A file's first bytes were read two ways: ``detect`` told a UTF-16 JSON file's kind by its mark, ``spacy_read`` looked
for ``[`` or ``{`` in the raw bytes, found UTF-16's mark and read the file as a DocBin ("not a spaCy DocBin"): a spaCy
v2 training file or a list of ``Doc.to_json()`` objects saved as UTF-16 (Windows' "Unicode") was refused, with and
without ``--format spacy``. One owner now: ``text_encoding.json_opening``. The files are our own."""

from __future__ import annotations

import json

import pytest

from annotator import api

V2_TRAINING = [
    {
        "id": 0,
        "paragraphs": [
            {
                "sentences": [
                    {"tokens": [{"orth": "Ada", "ner": "B-PERSON"}, {"orth": "Lovelace", "ner": "L-PERSON"},
                                {"orth": "joined", "ner": "O"}, {"orth": "Acme", "ner": "U-ORG"}]}
                ]
            }
        ],
    }
]  # fmt: skip

DOC_JSON = [
    {
        "text": "Barack Obama visited Kabul.",
        "ents": [{"start": 0, "end": 12, "label": "PERSON"}, {"start": 21, "end": 26, "label": "GPE"}],
        "tokens": [
            {"id": 0, "start": 0, "end": 6},
            {"id": 1, "start": 7, "end": 12},
            {"id": 2, "start": 13, "end": 20},
            {"id": 3, "start": 21, "end": 26},
            {"id": 4, "start": 26, "end": 27},
        ],
    }
]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_json_opening_reads_the_mark(tmp_path, encoding):
    from annotator.text_encoding import json_opening

    path = tmp_path / "a.json"
    path.write_text("\n  [1]", encoding=encoding)
    assert json_opening(path) == "["
    path.write_bytes(b"x\x9c\x01\x02")  # zlib's header: a DocBin
    assert json_opening(path) == ""


@pytest.mark.parametrize("fmt", [None, "spacy"])
@pytest.mark.parametrize(
    ("data", "want"),
    [(V2_TRAINING, [("Ada Lovelace", "PERSON"), ("Acme", "ORG")]),
     (DOC_JSON, [("Barack Obama", "PERSON"), ("Kabul", "GPE")])],
)  # fmt: skip
def test_a_utf16_spacy_json_file_is_read_not_taken_for_a_docbin(tmp_path, fmt, data, want):
    src = tmp_path / "train.json"
    src.write_text(json.dumps(data), encoding="utf-16")
    project = api.new_project(tmp_path / "p.annotator")
    report = api.import_files(project, [src], **({"format": fmt} if fmt else {}))
    assert not report.skipped, report.skipped
    (doc,) = project.document_ids()
    text = project.document(doc).text
    got = [(text[e.start : e.end], e.label) for e in sorted(project.entities(doc), key=lambda e: e.start)]
    assert got == want
