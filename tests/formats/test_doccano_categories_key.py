"""The doccano export writes a document's categories in one key, the one doccano reads them from beside the line's
labels (``backend/data_import/datasets.py``): ``label`` on a line of doccano's ``label`` shape (its text
classification), ``cats`` beside ``entities`` (its intent detection and slot filling reads ``cats`` and ``entities``;
its relation import reads no category). Until session 15 an ``entities`` line wrote them as ``label`` and the meta's
``cats`` again beside it (spaCy's scores, or doccano's own intent list): two keys saying the same, the one doccano's
intent import reads holding the scores of labels that do not apply."""

from __future__ import annotations

import orjson

from annotator import edits
from annotator.categories import document_categories
from annotator.cli import main
from annotator.store import Project


def _lines(path):
    return [orjson.loads(x) for x in path.read_bytes().splitlines()]


def _export_and_back(tmp_path, lines, name="in.jsonl"):
    tmp_path.mkdir(exist_ok=True)
    (tmp_path / name).write_bytes(b"".join(orjson.dumps(x) + b"\n" for x in lines))
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(tmp_path / name)]) == 0
    assert main(["export", str(p), "-f", "doccano", "-o", str(tmp_path / "d.jsonl")]) == 0
    q = tmp_path / "q.annotator"
    assert main(["import", str(q), str(tmp_path / "d.jsonl")]) == 0
    with Project(q, create=False) as back:
        cats = [document_categories(back.document(i).meta) for i in back.document_ids()]
    return p, _lines(tmp_path / "d.jsonl"), cats


def test_spacy_scores_go_out_as_the_list_doccano_reads(tmp_path):
    line = {"text": "How can I get chewy cookies?", "cats": {"baking": 1.0, "bread": 0.0, "OTHER": 1.0}}
    _, (out,), back = _export_and_back(tmp_path, [line])
    assert out["cats"] == ["baking", "OTHER"]  # what applies, as doccano's intent lines list them
    assert "label" not in out
    assert back == [["baking", "OTHER"]]
    # a line of doccano's text classification keeps its ``label`` (what that import reads), and only it
    _, (out,), back = _export_and_back(tmp_path / "tc", [{"text": "Great film", "label": ["positive", "review"]}])
    assert out["label"] == ["positive", "review"] and "cats" not in out
    assert back == [["positive", "review"]]


def test_intent_lines_keep_one_key_after_an_edit(tmp_path):
    intents = [
        {"text": "Book a flight to Paris tomorrow", "entities": [[17, 22, "LOC"]], "cats": ["book_flight"]},
        {"text": "What is the weather in Oslo", "cats": ["weather", "smalltalk"]},
    ]
    (tmp_path / "in.jsonl").write_bytes(b"".join(orjson.dumps(x) + b"\n" for x in intents))
    p = tmp_path / "p.annotator"
    assert main(["import", str(p), str(tmp_path / "in.jsonl")]) == 0
    with Project(p, annotator="vera") as project:
        edits.set_categories(project, project.document_ids()[1], ["weather", "rain"])
    assert main(["export", str(p), "-f", "doccano", "-o", str(tmp_path / "d.jsonl")]) == 0
    first, second = _lines(tmp_path / "d.jsonl")
    assert [first.get("label"), first["cats"]] == [None, ["book_flight"]]
    assert first["entities"] == [[17, 22, "LOC"]]  # doccano's intent shape, as it came (session 38: its relation shape)
    assert "label" not in second and sorted(second["cats"]) == ["rain", "weather"]  # smalltalk taken off: gone
