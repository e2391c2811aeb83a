"""Session 40: a Prodigy choice task's own ``config`` (``{"choice_style": "multiple"}``: textcat.manual's
``--exclusive`` left off, a task answered with two options) was dropped without a word (it was taken for one of the
keys our export writes, which it never does), so the task fed to Prodigy again offered one choice of several. It is
kept with the task's own keys and written back. Our own task, in the shape Prodigy's choice interface saves."""

from __future__ import annotations

import orjson

from annotator import api

TASK = {
    "text": "Markets fell as parliament voted.",
    "options": [{"id": "ECON", "text": "Economy"}, {"id": "POL", "text": "Politics"}],
    "accept": ["ECON", "POL"],
    "config": {"choice_style": "multiple"},
    "answer": "accept",
    "_input_hash": 13,
    "_task_hash": 24,
    "_view_id": "choice",
}


def test_a_choice_tasks_config_goes_back_with_it(tmp_path):
    src = tmp_path / "tc.jsonl"
    src.write_bytes(orjson.dumps(TASK) + b"\n")
    project = api.new_project(tmp_path / "p.annotator")
    api.import_files(project, [src], format="prodigy")
    api.export(project, tmp_path / "out.jsonl", "prodigy")
    (back,) = [orjson.loads(x) for x in (tmp_path / "out.jsonl").read_bytes().splitlines()]
    assert back["config"] == {"choice_style": "multiple"}
    assert back["accept"] == ["ECON", "POL"]
