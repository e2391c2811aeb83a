"""A Prodigy dataset of accepted answers goes out answered: the export answered ``accept`` for reviewed documents only,
so a dataset imported (its documents ``annotated``, their spans accepted) and exported lost every ``"answer":
"accept"``, and that file imported again brought its spans as suggestions nobody decided. Our own tasks, in the shape
of ``explosion/projects``' ``tutorials/ner_fashion_brands/assets/fashion_brands_training.jsonl`` (``ner_manual``
answers with ``tokens``, ``meta.section``, ``_session_id`` null)."""

from __future__ import annotations

import orjson

from annotator.cli import main
from annotator.store import Project

TASKS = [
    {
        "text": "Wyatts from SLP.",
        "meta": {"section": "malefashionadvice"},
        "_input_hash": 1,
        "_task_hash": 2,
        "tokens": [
            {"text": "Wyatts", "start": 0, "end": 6, "id": 0},
            {"text": "from", "start": 7, "end": 11, "id": 1},
            {"text": "SLP", "start": 12, "end": 15, "id": 2},
            {"text": ".", "start": 15, "end": 16, "id": 3},
        ],
        "spans": [{"start": 12, "end": 15, "token_start": 2, "token_end": 2, "label": "FASHION_BRAND"}],
        "_session_id": None,
        "_view_id": "ner_manual",
        "answer": "accept",
    }
]


def test_accepted_answers_go_out_accepted_and_come_back_decided(tmp_path):
    source = tmp_path / "brands.jsonl"
    source.write_bytes(b"".join(orjson.dumps(t) + b"\n" for t in TASKS))
    outs = []
    for k, given in enumerate([source, tmp_path / "out0.jsonl"]):
        project = tmp_path / f"p{k}.annotator"
        assert main(["import", str(project), str(given)]) == 0
        assert main(["export", str(project), "-f", "prodigy", "-o", str(tmp_path / f"out{k}.jsonl")]) == 0
        outs.append((tmp_path / f"out{k}.jsonl").read_bytes())
        with Project(project, create=False) as p:
            (doc,) = p.document_ids()
            assert [(e.label, e.state) for e in p.entities(doc)] == [("FASHION_BRAND", "accepted")]  # not suggested
    (task,) = [orjson.loads(x) for x in outs[0].splitlines()]
    assert task["answer"] == "accept" and task["meta"]["status"] == "annotated"  # it had no answer
    assert outs[1] == outs[0]
