"""A document's meta values that are objects or lists (a Prodigy answer's ``prodigy``: its input hash, an entity
link's options and choice; a task's own objects) were left out of the Label Studio export ("1 meta value left out (not
text or a number): prodigy"), so a Prodigy dataset sent through Label Studio came back with another ``_input_hash``
and without its links. The export writes them into the task's ``data`` (which holds any JSON), the import reads every
``data`` value but the text into the meta. A number past 64 bits inside such an object stopped the import with a
traceback ("Integer exceeds 64-bit range"): it is kept as text. Our own tasks, in Prodigy's and Label Studio's
shapes."""

from __future__ import annotations

import json

import orjson

from annotator import api

TEXT = "Jordan met Ada Lovelace in the valley."
OPTIONS = [{"id": "Q100", "html": "Q100: a poet"}, {"id": "Q200", "html": "Q200: a footballer"}]
TASK = {
    "text": TEXT,
    "_input_hash": 1234567,
    "_task_hash": -7654321,
    "spans": [
        {"start": 0, "end": 6, "label": "PERSON"},
        {"start": 11, "end": 23, "label": "PERSON"},
    ],
    "relations": [
        {"head_span": {"start": 0, "end": 6, "label": "PERSON"}, "child_span": {"start": 11, "end": 23,
         "label": "PERSON"}, "label": "MET"}
    ],
    "options": OPTIONS,
    "accept": ["Q100"],
    "_view_id": "choice",
    "answer": "accept",
}  # fmt: skip


def lines(path):  # type: ignore[no-untyped-def]
    return [orjson.loads(x) for x in path.read_bytes().splitlines() if x.strip()]


def test_a_prodigy_answer_through_label_studio_keeps_its_hash_links_and_relations(tmp_path):
    src = tmp_path / "answers.jsonl"
    src.write_bytes(orjson.dumps(TASK) + b"\n")
    first = api.new_project(tmp_path / "a.annotator")
    api.import_files(first, [src])
    out = tmp_path / "tasks.json"
    report = api.export(first, out, "label_studio")
    assert "meta value" not in report.summary(), report.summary()
    (task,) = orjson.loads(out.read_bytes())
    assert [r["labels"] for r in task["annotations"][0]["result"] if r["type"] == "relation"] == [["MET"]]
    second = api.new_project(tmp_path / "b.annotator")
    api.import_files(second, [out], format="label_studio")
    api.export(second, tmp_path / "back.jsonl", "prodigy")
    (back,) = lines(tmp_path / "back.jsonl")
    assert back["_input_hash"] == 1234567
    assert back["accept"] == ["Q100"] and back["options"] == OPTIONS
    assert [r["label"] for r in back["relations"]] == ["MET"]  # once, though kept under two keys


def test_a_task_data_object_comes_back_as_it_was_and_a_big_number_is_text(tmp_path):
    data = {"text": "Ada met Bob.", "source": {"feed": "wire", "ids": [1, 2], "n": 2**70}, "tags": ["a", "b"]}
    region = {"start": 0, "end": 3, "text": "Ada", "labels": ["PERSON"]}
    result = [{"id": "a", "from_name": "label", "to_name": "text", "type": "labels", "value": region}]
    src = tmp_path / "tasks.json"
    src.write_text(json.dumps([{"id": 3, "data": data, "annotations": [{"result": result}]}]))  # JSON allows it
    project = api.new_project(tmp_path / "p.annotator")
    api.import_files(project, [src], format="label_studio")
    (doc,) = project.document_ids()
    meta = project.document(doc).meta
    assert meta["source"] == {"feed": "wire", "ids": [1, 2], "n": str(2**70)} and meta["tags"] == ["a", "b"]
    api.export(project, tmp_path / "out.jsonl", "doccano")  # another tool's export has them too
    (line,) = lines(tmp_path / "out.jsonl")
    assert line["source"]["feed"] == "wire"
    api.export(project, tmp_path / "out.json", "label_studio")
    (task,) = orjson.loads((tmp_path / "out.json").read_bytes())
    assert task["data"]["source"] == {"feed": "wire", "ids": [1, 2], "n": str(2**70)}
    assert task["data"]["tags"] == ["a", "b"]
