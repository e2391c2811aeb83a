"""A refusal that names the text's length counts it as English does: "outside the text (1 character)", not "(1
characters)" (doccano, Label Studio, brat and the project's own JSONL readers each said it so)."""

from __future__ import annotations

import json

import pytest

from annotator.errors import ImportFileError
from annotator.formats.loading import import_format, import_paths
from annotator.store import Project

LABEL_STUDIO = [
    {
        "data": {"text": "x"},
        "annotations": [
            {
                "result": [
                    {
                        "id": "r1",
                        "from_name": "label",
                        "to_name": "text",
                        "type": "labels",
                        "value": {"start": 0, "end": 50, "labels": ["GPE"]},
                    }
                ]
            }
        ],
    }
]


@pytest.mark.parametrize(
    "fmt, files",
    [
        ("doccano", {"t.jsonl": '{"text": "x", "label": [[0, 50, "GPE"]]}\n'}),
        ("label_studio", {"t.json": json.dumps(LABEL_STUDIO)}),
        ("brat", {"t.txt": "x", "t.ann": "T1\tGPE 0 50\tx\n"}),
        (None, {"t.jsonl": '{"text": "x", "spans": [{"start": 0, "end": 50, "label": "GPE"}]}\n'}),
    ],
)
def test_a_one_character_text_is_one_character(tmp_path, fmt, files):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    target = tmp_path if fmt == "brat" else tmp_path / next(iter(files))
    with Project(tmp_path / "p.annotator") as p:
        if fmt is None:
            (reason,) = [r for _, r in import_paths(p, [target]).skipped]
        else:
            with pytest.raises(ImportFileError) as raised:
                import_format(p, fmt, [target])
            reason = str(raised.value)
    assert "1 character)" in reason and "1 characters" not in reason, reason
