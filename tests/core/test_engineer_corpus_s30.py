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


def test_accept_takes_the_event_suggestions_as_the_app_s_accept_all_does(project, capsys):
    """`annotator accept --docs …` ("as the app's Accept all suggestions does") accepted the entity suggestions only:
    the engineer's 10 documents accepted and marked annotated kept 71 event suggestions undecided ("note: … 71 event
    suggestions nobody decided"), no command accepted them, and `train` on them learnt no event and stopped
    suggesting every role ("roles no finished document fills … no longer suggested"). The app's Ctrl+Shift+A accepts
    events and entities alike; so does `accept` now, an event's fillers with it. --min-score stays with entities, as
    the app's Accept suggestions scored at least… does."""
    from annotator.importing import IncomingDocument, IncomingEntity, IncomingEvent, import_documents
    from annotator.store import Project

    path, docs = str(project.path), []
    with project as p:
        for k in range(2):
            doc = IncomingDocument(f"Rebels attacked Homs {k}.", f"d{k}.txt")
            doc.entities += [
                IncomingEntity("e1", 0, 6, "NORP", state="suggested"),
                IncomingEntity("e2", 16, 20, "GPE", state="suggested", score=0.9),
            ]
            doc.events.append(
                IncomingEvent("Conflict:Attack", 7, 15, arguments=[("Attacker", "e1")], state="suggested")
            )
            docs.append(doc)
        import_documents(p, docs)
    assert main(["accept", path, "--docs", "d0.txt", "--min-score", "0.8"]) == 0
    assert capsys.readouterr().out.startswith("1 entity suggestion scored at least 0.8 accepted in 1 document")
    assert main(["accept", path, "--all"]) == 0
    assert capsys.readouterr().out.strip() == "3 entity suggestions and 2 event suggestions accepted in 2 documents"
    with Project(path) as p:
        for doc_id in p.document_ids():
            assert {e.state for e in p.entities(doc_id)} == {"accepted"}
            assert [(v.type, v.state) for v in p.events(doc_id)] == [("Conflict:Attack", "accepted")]
    assert main(["status", path, "annotated", "--all"]) == 0
    assert "nobody decided" not in capsys.readouterr().err
