"""A Label Studio export of a task two annotators did (our own, in the shape of Label Studio's JSON export: per-annotator
``annotations`` with ``completed_by``, one marked ``ground_truth``, each with ``labels`` regions, a ``relation`` and a
text ``choices``, and a model's ``predictions``). Each annotator's regions come into a set of her own, but her relations
between entities and her choices of the text were dropped without a word where her set is not the import's (the
document keeps one meta, the import's set's): the Label Studio export wrote the import's set's choice for every
annotator and no relation for the annotator who drew one, though the import said "1 relation between entities kept
for the exports that write them". Session 38 (s38-real)."""

from __future__ import annotations

import json

from annotator import api


def _region(rid: str, start: int, end: int, text: str, label: str) -> dict:
    value = {"start": start, "end": end, "text": text, "labels": [label]}
    return {"value": value, "id": rid, "from_name": "label", "to_name": "text", "type": "labels", "origin": "manual"}


def _choice(rid: str, choice: str) -> dict:
    return {"value": {"choices": [choice]}, "id": rid, "from_name": "topic", "to_name": "text", "type": "choices"}


TASK = {
    "id": 1,
    "data": {"text": "Barack Obama visited Paris yesterday."},
    "annotations": [
        {
            "id": 10,
            "completed_by": 1,
            "was_cancelled": False,
            "ground_truth": False,
            "result": [
                _region("a1", 0, 12, "Barack Obama", "PER"),
                _region("a2", 21, 26, "Paris", "LOC"),
                {"from_id": "a1", "to_id": "a2", "type": "relation", "direction": "right", "labels": ["visited"]},
                _choice("c1", "Politics"),
            ],
        },
        {
            "id": 11,
            "completed_by": 2,
            "was_cancelled": False,
            "ground_truth": True,
            "result": [_region("b1", 0, 12, "Barack Obama", "PER"), _choice("c2", "Travel")],
        },
    ],
    "predictions": [{"model_version": "ner-v1", "result": [_region("p1", 21, 26, "Paris", "GPE")]}],
}


def _by_annotator(path) -> dict:
    (task,) = json.loads(path.read_text(encoding="utf-8"))
    out = {}
    for a in task["annotations"]:
        relations = [(r["from_id"], r["to_id"], r["labels"]) for r in a["result"] if r["type"] == "relation"]
        texts = {r["id"]: r["value"]["text"] for r in a["result"] if r["type"] == "labels"}
        out[a.get("completed_by")] = (
            sorted(c for r in a["result"] if r["type"] == "choices" for c in r["value"]["choices"]),
            [(texts[f], texts[t], labels) for f, t, labels in relations],
        )
    return out


def test_each_annotators_relations_and_choices_go_back_out_as_hers(tmp_path):
    src = tmp_path / "tasks.json"
    src.write_text(json.dumps([TASK]), encoding="utf-8")
    project = api.new_project(tmp_path / "p.annotator")
    api.import_files(project, [src])
    api.export(project, tmp_path / "out.json", format="label_studio")
    got = _by_annotator(tmp_path / "out.json")
    assert got[1] == (["Politics"], [("Barack Obama", "Paris", ["visited"])])
    assert got[2] == (["Travel"], [])
    assert got[None] == (["Travel"], [])  # the import's set: the ground truth's
    again = api.new_project(tmp_path / "q.annotator")  # read back: the same again
    api.import_files(again, [tmp_path / "out.json"])
    api.export(again, tmp_path / "again.json", format="label_studio")
    assert _by_annotator(tmp_path / "again.json") == got
