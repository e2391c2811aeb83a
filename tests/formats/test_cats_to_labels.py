"""spaCy's ``cats`` (a training JSONL's: 1.0 applies, 0.0 does not) are the categories the exports that write labels
write: doccano's ``label`` (``cats`` beside ``entities``, since session 15), Prodigy's ``accept``, Label Studio's ``choices`` (an annotation: categories are no
model's suggestions). Session 13 found a spaCy textcat corpus exported to doccano or Prodigy without its labels
(``cats`` went along as an unknown key) and a task of categories alone written as a prediction."""

from __future__ import annotations

import orjson

from annotator import edits
from annotator.categories import document_categories, project_categories
from annotator.cli import main
from annotator.store import Project

LINE = {"text": "How can I get chewy cookies?", "cats": {"baking": 1.0, "bread": 0.0, "OTHER": 1.0}}


def test_cats_that_apply_are_written_as_labels(tmp_path):
    (tmp_path / "train.jsonl").write_bytes(orjson.dumps(LINE) + b"\n")
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(tmp_path / "train.jsonl")]) == 0
    for fmt, name in (("doccano", "d.jsonl"), ("prodigy", "t.jsonl"), ("label_studio", "ls.json")):
        assert main(["export", str(p), "-f", fmt, "-o", str(tmp_path / name)]) == 0
    (line,) = map(orjson.loads, (tmp_path / "d.jsonl").read_bytes().splitlines())
    assert line["cats"] == ["baking", "OTHER"]  # beside its entities, as doccano's intent lines (session 15)
    (task,) = map(orjson.loads, (tmp_path / "t.jsonl").read_bytes().splitlines())
    assert task["accept"] == ["baking", "OTHER"]
    (ls,) = orjson.loads((tmp_path / "ls.json").read_bytes())
    assert "predictions" not in ls
    (choices,) = ls["annotations"][0]["result"]
    assert choices["value"] == {"choices": ["baking", "OTHER"]}


INTENT = (  # doccano's intent detection and slot filling lines: slots as [start, end, label], the intents in "cats"
    {"text": "Book a flight to Paris tomorrow", "entities": [[17, 22, "LOC"]], "cats": ["book_flight"]},
    {"text": "What is the weather in Oslo", "cats": ["weather", "smalltalk"]},
)


def test_doccano_intents_are_the_documents_categories(tmp_path):
    """Session 14 (a line in the shape of doccano's ``intent/example.jsonl``): the list of ``cats`` came in as an
    unknown key, so the app showed no categories, Prodigy and Label Studio wrote none, and Categories… could not
    take one off."""
    (tmp_path / "intents.jsonl").write_bytes(b"".join(orjson.dumps(x) + b"\n" for x in INTENT))
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(tmp_path / "intents.jsonl")]) == 0
    for fmt, name in (("doccano", "d.jsonl"), ("prodigy", "t.jsonl")):
        assert main(["export", str(p), "-f", fmt, "-o", str(tmp_path / name)]) == 0
    lines = [orjson.loads(x) for x in (tmp_path / "d.jsonl").read_bytes().splitlines()]
    assert [x.get("cats") for x in lines] == [["book_flight"], ["weather", "smalltalk"]]
    tasks = [orjson.loads(x) for x in (tmp_path / "t.jsonl").read_bytes().splitlines()]
    assert tasks[1]["accept"] == ["weather", "smalltalk"]  # (a task with spans writes none: Prodigy's own rule)
    project = Project(p, annotator="vera")
    try:
        a, b = project.document_ids()
        assert project_categories(project)[:3] == ["book_flight", "weather", "smalltalk"]
        assert edits.set_categories(project, a, ["book_flight"]).is_empty  # what it has already: no edit
        edits.set_categories(project, b, ["weather", "rain"])
        assert document_categories(project.document(b).meta) == ["rain", "weather"]
        assert project.document(b).meta["cats"] == ["weather"]  # the line's own list keeps its shape
    finally:
        project.close()
