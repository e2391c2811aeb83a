"""Session 30, the engineer's corpus (helper s30-eng): a corpus handed out, a second annotator's copy merged back, and
the labeled data exported, filtered, for training and read as the consumers read it."""

from __future__ import annotations

import json

import pytest

from annotator.cli import main
from tests.cli_support import bob_merged


def test_a_merged_set_s_records_carry_the_status_her_file_gave_each_document(tmp_path, capsys):
    """`export team --set bob` wrote each document's `status` as the project's: d1, annotated in bob's file (what
    `export --set bob --status annotated` selects it by since session 29), went out "new", so a consumer keeping the
    finished records of bob's export dropped his finished work. A record of a merged set carries the status of the
    file it was merged from, in the JSON, the JSONL and Prodigy's meta; the final set's, the project's as before."""
    team = bob_merged(tmp_path, capsys)
    out = tmp_path / "bob.json"
    assert main(["export", str(team), "--set", "bob", "-o", str(out)]) == 0
    assert {d["name"]: d["status"] for d in json.loads(out.read_text())["documents"]} == {
        "d0.txt": "new",
        "d1.txt": "annotated",
    }
    lines = tmp_path / "bob.jsonl"
    assert main(["export", str(team), "--set", "bob", "-o", str(lines), "--status", "annotated"]) == 0
    assert [(r["name"], r["status"]) for r in map(json.loads, lines.read_text().splitlines())] == [
        ("d1.txt", "annotated")
    ]
    tasks = tmp_path / "bob.prodigy.jsonl"
    assert main(["export", str(team), "--set", "bob", "-f", "prodigy", "-o", str(tasks), "--status", "annotated"]) == 0
    [task] = map(json.loads, tasks.read_text().splitlines())
    assert task["meta"]["status"] == "annotated" and task["answer"] == "accept", task
    # the final set: the project's statuses (both new there)
    main_out = tmp_path / "main.json"
    assert main(["export", str(team), "-o", str(main_out)]) == 0
    assert {d["status"] for d in json.loads(main_out.read_text())["documents"]} == {"new"}


def test_a_merged_set_s_records_carry_her_file_s_status_in_the_json_export_s_second_process(tmp_path, capsys):
    """The JSON export of 1,000 documents or more is written by two processes (json_split, whose chunks are read
    without the project's code, a row a document): the status there is the set's too."""
    from annotator.formats import json_chunks
    from annotator.store import Project

    team = bob_merged(tmp_path, capsys)
    with Project(team) as project:
        conn, ids = project.db.conn, project.document_ids()
        for one_row in (True, False):
            got = json_chunks.read_chunk(conn, ids, "bob", ("accepted", "suggested"), one_row=one_row)
            assert [(d[1], d[4]) for d in got.docs] == [("d0.txt", "new"), ("d1.txt", "annotated")], one_row
            got = json_chunks.read_chunk(conn, ids, "main", ("accepted", "suggested"), one_row=one_row)
            assert [d[4] for d in got.docs] == ["new", "new"], one_row


@pytest.mark.slow
def test_a_merged_set_s_docbin_carries_the_status_her_file_gave_each_document(tmp_path, capsys):
    """The DocBin's user data (`annotator_status`, what a training script filters by) of bob's set: his file's."""
    from spacy.tokens import DocBin
    import spacy

    team = bob_merged(tmp_path, capsys)
    out = tmp_path / "bob.spacy"
    assert main(["export", str(team), "--set", "bob", "-o", str(out)]) == 0
    docs = list(DocBin().from_disk(out).get_docs(spacy.blank("en").vocab))
    assert {d.user_data["annotator_status"] for d in docs if d.text.endswith("1.")} == {"annotated"}
    assert {d.user_data["annotator_status"] for d in docs if d.text.endswith("0.")} == {"new"}
