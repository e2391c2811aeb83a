"""spaCy's ``cats`` (a training JSONL's: 1.0 applies, 0.0 does not) are the categories the exports that write labels
write: doccano's ``label``, Prodigy's ``accept``, Label Studio's ``choices`` (an annotation: categories are no
model's suggestions). Session 13 found a spaCy textcat corpus exported to doccano or Prodigy without its labels
(``cats`` went along as an unknown key) and a task of categories alone written as a prediction."""

from __future__ import annotations

import orjson

from annotator.cli import main

LINE = {"text": "How can I get chewy cookies?", "cats": {"baking": 1.0, "bread": 0.0, "OTHER": 1.0}}


def test_cats_that_apply_are_written_as_labels(tmp_path):
    (tmp_path / "train.jsonl").write_bytes(orjson.dumps(LINE) + b"\n")
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(tmp_path / "train.jsonl")]) == 0
    for fmt, name in (("doccano", "d.jsonl"), ("prodigy", "t.jsonl"), ("label_studio", "ls.json")):
        assert main(["export", str(p), "-f", fmt, "-o", str(tmp_path / name)]) == 0
    (line,) = map(orjson.loads, (tmp_path / "d.jsonl").read_bytes().splitlines())
    assert line["label"] == ["baking", "OTHER"]
    (task,) = map(orjson.loads, (tmp_path / "t.jsonl").read_bytes().splitlines())
    assert task["accept"] == ["baking", "OTHER"]
    (ls,) = orjson.loads((tmp_path / "ls.json").read_bytes())
    assert "predictions" not in ls
    (choices,) = ls["annotations"][0]["result"]
    assert choices["value"] == {"choices": ["baking", "OTHER"]}
