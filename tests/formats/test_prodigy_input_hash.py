"""A Prodigy dataset exported again keeps its tasks' ``_input_hash``: Prodigy matches inputs by it (``review``
groups the answers to one input, ``--exclude`` skips inputs a dataset holds), and the export wrote a hash of its own
instead, so a rel.manual dataset brought back into Prodigy counted every input as new (session 19: a
``rel_component``-shaped task, a relation between two GGP spans, one of three tokens)."""

from __future__ import annotations

import json
import re

from annotator.cli import main

TEXT = "BHRF1 inhibited activation of cytosolic phospholipase A2 in MCF cells."


def _task(**extra: object) -> dict:
    toks = [
        {"text": m.group(), "start": m.start(), "end": m.end(), "id": k, "ws": TEXT[m.end() : m.end() + 1] == " "}
        for k, m in enumerate(re.finditer(r"\w+|[^\w\s]", TEXT))
    ]
    a = {"start": 0, "end": 5, "token_start": 0, "token_end": 0, "label": "GGP"}
    b = {"start": 30, "end": 56, "token_start": 4, "token_end": 6, "label": "GGP"}
    rel = {"head": 0, "child": 6, "head_span": a, "child_span": b, "label": "Neg-Reg"}
    return {"text": TEXT, "tokens": toks, "spans": [a, b], "relations": [rel], "answer": "accept", **extra}


def _exported(tmp_path, task: dict) -> dict:
    src = tmp_path / "rel.jsonl"
    src.write_text(json.dumps(task) + "\n", encoding="utf-8")
    p, out = tmp_path / "p.annotator", tmp_path / "out.jsonl"
    assert main(["import", str(p), str(src)]) == 0
    assert main(["export", str(p), "-f", "prodigy", "-o", str(out)]) == 0
    (line,) = out.read_text(encoding="utf-8").splitlines()
    return json.loads(line)


def test_the_datasets_input_hash_goes_back(tmp_path):
    got = _exported(tmp_path, _task(_input_hash=-1372410321, _task_hash=204829))
    assert got["_input_hash"] == -1372410321
    assert isinstance(got["_task_hash"], int)
    assert [(r["head"], r["child"], r["label"]) for r in got["relations"]] == [(0, 6, "Neg-Reg")]  # span ends


def test_a_task_without_one_gets_one(tmp_path):
    got = _exported(tmp_path, _task())
    assert isinstance(got["_input_hash"], int) and "input_hash" not in got["meta"]


def test_the_tasks_own_task_hash_goes_back(tmp_path):
    """The answer's ``_task_hash`` (Prodigy's hash of the question: ``--exclude`` by task and ``review`` match it)
    was replaced by one of our own; it goes back as it came, through a Label Studio export and back too (session 24,
    s24-realb)."""
    got = _exported(tmp_path, _task(_input_hash=-1372410321, _task_hash=204829))
    assert got["_task_hash"] == 204829
    p, ls, q, out = tmp_path / "p.annotator", tmp_path / "ls.json", tmp_path / "q.annotator", tmp_path / "q.jsonl"
    assert main(["export", str(p), "-f", "label_studio", "-o", str(ls)]) == 0
    assert main(["import", str(q), str(ls)]) == 0
    assert main(["export", str(q), "-f", "prodigy", "-o", str(out)]) == 0
    back = json.loads(out.read_text(encoding="utf-8"))
    assert (back["_input_hash"], back["_task_hash"]) == (-1372410321, 204829)

    # two binary answers on one input (two questions, two task hashes) make one document, which goes out as one
    # task: neither question's hash is its, so it has one of its own
    src = tmp_path / "teach.jsonl"
    a = {"text": TEXT, "spans": [{"start": 0, "end": 5, "label": "GGP"}], "answer": "accept"}
    b = {"text": TEXT, "spans": [{"start": 30, "end": 56, "label": "GGP"}], "answer": "accept"}
    lines = [{**a, "_input_hash": 7, "_task_hash": 11}, {**b, "_input_hash": 7, "_task_hash": 12}]
    src.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    p, out = tmp_path / "t.annotator", tmp_path / "t.jsonl"
    assert main(["import", str(p), str(src)]) == 0
    assert main(["export", str(p), "-f", "prodigy", "-o", str(out)]) == 0
    (line,) = out.read_text(encoding="utf-8").splitlines()
    got = json.loads(line)
    assert got["_input_hash"] == 7 and got["_task_hash"] not in (11, 12) and isinstance(got["_task_hash"], int)
    assert [(s["start"], s["end"]) for s in got["spans"]] == [(0, 5), (30, 56)]
