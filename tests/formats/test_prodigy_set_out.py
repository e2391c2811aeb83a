"""The Prodigy export of one annotator's set (``export --set news-alice``) of documents several annotators answered.
Session 35: the task went out as a review with no annotator, its ``sessions`` and ``versions`` the other sets alone,
so alice's answer came back as a reviewer's (the import's set, ``reviewed``) and her name was lost. Now it goes out
as Prodigy's own answers of several annotators to one question (``feed_overlap``, what its ``review`` recipe reads):
alice's answer under her ``_annotator_id`` and ``_session_id``, each other set's a line of its own, all with the one
``_task_hash``; read back, each set is its own again and the import's set has no decision."""

from __future__ import annotations

import json

from annotator.cli import main
from annotator.store import Project

TEXT = "Rebels attacked Kabul on Monday."
ANSWERS = [
    {"text": TEXT, "spans": [{"start": 16, "end": 21, "label": "GPE"}], "answer": "accept", "_annotator_id": who,
     "_session_id": who, "_input_hash": 11, "_task_hash": 22}
    if who == "news-alice"
    else {"text": TEXT, "spans": [{"start": 0, "end": 6, "label": "PERSON"}], "answer": "accept",
          "_annotator_id": who, "_session_id": who, "_input_hash": 11, "_task_hash": 22}
    for who in ("news-alice", "news-bob")
]  # fmt: skip


def _sets(project):
    with Project(project, annotator="t") as p:
        (doc,) = p.document_ids()
        return {
            s: sorted((TEXT[e.start : e.end], e.label) for e in p.entities(doc, s))
            for s in ("main", "news-alice", "news-bob")
        }


def test_an_annotator_s_set_goes_out_as_her_answers(tmp_path, capsys):
    given = tmp_path / "answers.jsonl"
    given.write_text("".join(json.dumps(a) + "\n" for a in ANSWERS), encoding="utf-8")
    project = tmp_path / "p.annotator"
    assert main(["import", str(project), str(given)]) == 0
    out = tmp_path / "alice.jsonl"
    assert main(["export", str(project), "--set", "news-alice", "-f", "prodigy", "-o", str(out)]) == 0
    tasks = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [(t["_annotator_id"], t["_session_id"], [s["label"] for s in t["spans"]]) for t in tasks] == [
        ("news-alice", "news-alice", ["GPE"]),
        ("news-bob", "news-bob", ["PERSON"]),
    ]
    assert {t["_task_hash"] for t in tasks} == {22} and all("versions" not in t for t in tasks)
    again = tmp_path / "again.annotator"
    assert main(["import", str(again), str(out)]) == 0
    assert _sets(again) == {"main": [], "news-alice": [("Kabul", "GPE")], "news-bob": [("Rebels", "PERSON")]}


def test_the_final_set_still_goes_out_as_a_review(tmp_path):
    """The import's set's export keeps session 11's shape: the final task with the sets as ``versions``."""
    given = tmp_path / "answers.jsonl"
    given.write_text("".join(json.dumps(a) + "\n" for a in ANSWERS), encoding="utf-8")
    project = tmp_path / "p.annotator"
    assert main(["import", str(project), str(given)]) == 0
    out = tmp_path / "main.jsonl"
    assert main(["export", str(project), "-f", "prodigy", "-o", str(out)]) == 0
    (task,) = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert task["sessions"] == ["news-alice", "news-bob"] and len(task["versions"]) == 2
