"""Session 17's engineer's round trip: a project of documents from two sources (a Label Studio file in ACE's names,
documents pre-annotated here in the schema's) exported to DyGIE++ wrote each document's names as its source spelt
them, in one file; read back, every document took the names the file's first documents spelt (the readers kept
the file's spellings so far with each document), and the next export wrote ``Conflict.Attack``, ``PER`` and
``attacker`` for a document that had ``Conflict:Attack``, ``PERSON`` and ``Attacker``: export, import, export gave
another file. Each document keeps its own spellings now (``schema_names.given_spellings``)."""

from __future__ import annotations

import json

import orjson

from annotator.cli import main

LINES = [
    {
        "doc_key": "a",
        "dataset": "ace",
        "sentences": [["Rebels", "attacked", "Kabul", "."]],
        "ner": [[[0, 0, "PER"], [2, 2, "GPE"]]],
        "events": [[[[1, "Conflict.Attack"], [0, 0, "attacker"], [2, 2, "place"]]]],
        "relations": [[]],
    },
    {
        "doc_key": "b",
        "dataset": "ace",
        "sentences": [["Soldiers", "attacked", "Herat", "."]],
        "ner": [[[0, 0, "PERSON"], [2, 2, "GPE"]]],
        "events": [[[[1, "Conflict:Attack"], [0, 0, "Attacker"], [2, 2, "Place"]]]],
        "relations": [[]],
    },
]


def _names(line: dict) -> tuple:
    return line["ner"], line["events"]


def test_a_dygiepp_file_of_two_spellings_comes_back_as_it_was(tmp_path):
    src, p, out = tmp_path / "in.jsonl", tmp_path / "p.annotator", tmp_path / "out.jsonl"
    src.write_text("\n".join(json.dumps(x) for x in LINES) + "\n", encoding="utf-8")
    assert main(["import", str(p), str(src), "--format", "dygiepp"]) == 0
    assert main(["export", str(p), "-f", "dygiepp", "-o", str(out)]) == 0
    back = [orjson.loads(x) for x in out.read_bytes().splitlines()]
    assert [_names(x) for x in back] == [_names(x) for x in LINES]


def _task(tid: int, text: str, trigger: str, role: str, label: str) -> dict:
    def region(rid: str, s: int, e: int, lab: str) -> dict:
        v = {"start": s, "end": e, "text": text[s:e], "labels": [lab]}
        return {"id": rid, "from_name": "label", "to_name": "text", "type": "labels", "value": v}

    results = [
        region("r1", 0, text.index(" "), label),
        region("r2", text.index("attacked"), text.index("attacked") + 8, trigger),
        {"type": "relation", "from_id": "r2", "to_id": "r1", "labels": [role], "direction": "right"},
    ]
    return {"id": tid, "data": {"text": text}, "annotations": [{"id": tid, "result": results}]}


def test_a_label_studio_task_keeps_its_own_spellings_not_the_file_others(tmp_path):
    tasks = [
        _task(1, "Rebels attacked Kabul.", "Conflict.Attack", "attacker", "PER"),
        _task(2, "Soldiers attacked Herat.", "Conflict:Attack", "Attacker", "PERSON"),
    ]
    src, p, out = tmp_path / "in.json", tmp_path / "p.annotator", tmp_path / "out.json"
    src.write_text(json.dumps(tasks), encoding="utf-8")
    assert main(["import", str(p), str(src)]) == 0
    assert main(["export", str(p), "-f", "label_studio", "-o", str(out)]) == 0
    said = {}
    for task in orjson.loads(out.read_bytes()):
        (annotation,) = task["annotations"]
        said[task["data"]["text"].split()[0]] = sorted(
            (x.get("labels") or x["value"]["labels"])[0]
            for x in annotation["result"]
            if x["type"] in ("labels", "relation")
        )
    assert said == {
        "Rebels": ["Conflict.Attack", "PER", "attacker"],
        "Soldiers": ["Attacker", "Conflict:Attack", "PERSON"],
    }
