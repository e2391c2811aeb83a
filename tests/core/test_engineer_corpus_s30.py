"""Session 30, the engineer's corpus (helper s30-eng): a corpus handed out, a second annotator's copy merged back, and
the labeled data exported, filtered, for training and read as the consumers read it."""

from __future__ import annotations

import json

import pytest

from annotator.cli import main
from tests.cli_support import bob_merged
from spacy_support import english_vocab


def test_a_merged_set_s_records_carry_the_status_her_file_gave_each_document(project, tmp_path, capsys):
    """`export team --set bob` wrote each document's `status` as the project's: d1, annotated in bob's file (what
    `export --set bob --status annotated` selects it by since session 29), went out "new", so a consumer keeping the
    finished records of bob's export dropped his finished work. A record of a merged set carries the status of the
    file it was merged from, in the JSON, the JSONL and Prodigy's meta; the final set's, the project's as before."""
    team = bob_merged(tmp_path, capsys, project)
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


def test_a_merged_set_s_records_carry_her_file_s_status_in_the_json_export_s_second_process(project, tmp_path, capsys):
    """The JSON export of 1,000 documents or more is written by two processes (json_split, whose chunks are read
    without the project's code, a row a document): the status there is the set's too."""
    from annotator.formats import json_chunks
    from annotator.store import Project

    team = bob_merged(tmp_path, capsys, project)
    with Project(team) as p:
        conn, ids = p.db.conn, p.document_ids()
        for one_row in (True, False):
            got = json_chunks.read_chunk(conn, ids, "bob", ("accepted", "suggested"), one_row=one_row)
            assert [(d[1], d[4]) for d in got.docs] == [("d0.txt", "new"), ("d1.txt", "annotated")], one_row
            got = json_chunks.read_chunk(conn, ids, "main", ("accepted", "suggested"), one_row=one_row)
            assert [d[4] for d in got.docs] == ["new", "new"], one_row


@pytest.mark.slow
def test_a_merged_set_s_docbin_carries_the_status_her_file_gave_each_document(tmp_path, capsys):
    """The DocBin's user data (`annotator_status`, what a training script filters by) of bob's set: his file's."""
    from spacy.tokens import DocBin

    team = bob_merged(tmp_path, capsys)
    out = tmp_path / "bob.spacy"
    assert main(["export", str(team), "--set", "bob", "-o", str(out)]) == 0
    docs = list(DocBin().from_disk(out).get_docs(english_vocab()))
    assert {d.user_data["annotator_status"] for d in docs if d.text.endswith("1.")} == {"annotated"}
    assert {d.user_data["annotator_status"] for d in docs if d.text.endswith("0.")} == {"new"}


def test_accept_takes_the_event_suggestions_as_the_app_s_accept_all_does(project, capsys):
    """`annotator accept --docs …` ("as the app's Accept all suggestions does") accepted the entity suggestions only:
    the engineer's 10 documents accepted and marked annotated kept 71 event suggestions undecided ("note: … 71 event
    suggestions nobody decided"), no command accepted them, and `train` on them learnt no event and stopped
    suggesting every role ("roles no finished document fills … no longer suggested"). The app's Ctrl+Shift+A accepts
    events and entities alike; so does `accept` now, an event's fillers with it. --min-score stays with entities, as
    the app's Accept suggestions scored at least… does."""
    from annotator.store import Project
    from core_helpers import two_suggested_documents

    path = two_suggested_documents(project)
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


def test_export_docs_writes_the_documents_named_as_status_and_accept_take_them(project, tmp_path, capsys):
    """`export` chose its documents by status alone: the engineer who wanted the 20 documents of one batch for a
    look (or the few a colleague asked for) exported everything and cut the file, which brat's folder, CoNLL and the
    DocBin do not let a script do. `--docs NAME ...` (names or ids, as `status` and `accept` take them) writes those
    (with --status, those of them with these statuses), in every format and its notes; an unknown name is refused
    as `status` refuses it, nothing written."""
    from tests.cli_support import two_documents

    path = str(two_documents(tmp_path, project))
    out = tmp_path / "two.jsonl"
    assert main(["export", path, "-o", str(out), "--docs", "d1.txt", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [json.loads(line)["name"] for line in out.read_text().splitlines()] == ["d1.txt"]
    assert (data["documents"], data["entities"]) == (1, 1)
    # an id and a name, in the project's order; the note of undecided suggestions counts those written
    conll = tmp_path / "two.conll"
    assert main(["export", path, "-o", str(conll), "--docs", "d1.txt", "1"]) == 0
    got = capsys.readouterr()
    assert ": 2 documents, 2 entities" in got.out, got.out
    assert "1 entity suggestion nobody decided is in it" in got.err, got.err
    assert main(["export", path, "-o", str(conll), "--docs", "d0.txt"]) == 0
    assert "nobody decided" not in capsys.readouterr().err  # d0's one entity is accepted
    brat = tmp_path / "brat"
    assert main(["export", path, "-f", "brat", "-o", str(brat), "--docs", "d0.txt"]) == 0
    assert sorted(p.name for p in brat.iterdir()) == [
        "annotation.conf",
        "d0.ann",
        "d0.txt",
        "kb_shortcuts.conf",
        "visual.conf",
    ]
    # with --status: those of them with the statuses; none: refused, nothing written
    assert main(["status", path, "annotated", "--docs", "d0.txt"]) == 0
    capsys.readouterr()
    out.unlink()
    assert main(["export", path, "-o", str(out), "--docs", "d0.txt", "d1.txt", "--status", "annotated"]) == 0
    assert [json.loads(line)["name"] for line in out.read_text().splitlines()] == ["d0.txt"]
    out.unlink()
    assert main(["export", path, "-o", str(out), "--docs", "d1.txt", "--status", "annotated"]) == 1
    err = capsys.readouterr().err
    assert "no document named by --docs (1 document) has status annotated (their statuses: 1 new)" in err, err
    assert main(["export", path, "-o", str(out), "--docs", "d9.txt"]) == 1
    assert "no document named 'd9.txt'" in capsys.readouterr().err and not out.exists()


def test_merge_json_says_what_it_merged_as_json_on_stdout(project, tmp_path, capsys):
    """`merge` was the one command that reports counts without --json ("unrecognized arguments: --json"): a script
    that merges the annotators' copies back read the set each became (named after the most common annotator of its
    rows unless --as names it: 'root' for a copy the engineer had worked in) from the lines' words. `merge --json`
    writes each source's set, documents and counts on stdout, the lines on stderr."""
    import shutil

    from tests.cli_support import two_documents

    team = str(two_documents(tmp_path, project))
    bob = tmp_path / "bob.annotator"
    shutil.copyfile(team, bob)
    assert main(["accept", str(bob), "--annotator", "bob", "--docs", "d1.txt"]) == 0
    capsys.readouterr()
    assert main(["merge", team, str(bob), "--json"]) == 0
    got = capsys.readouterr()
    [source] = json.loads(got.out)["sources"]
    assert {k: source[k] for k in ("path", "documents", "entities", "events")} == {
        "path": str(bob),
        "documents": 2,
        "entities": 2,
        "events": 0,
    }
    assert source["matched_documents"] == ["d0.txt", "d1.txt"] and source["added_documents"] == []
    assert sorted(x["annotator"] for x in source["named_after"]) == ["bob", "tester"]
    assert source["annotation_set"] == source["named_after"][0]["annotator"]  # the set as named
    assert f"{bob} -> set {source['annotation_set']!r}" in got.err
