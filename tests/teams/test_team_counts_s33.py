"""`annotator sets` (and Project > Annotation sets…) and `agree`: which documents a set holds and which its annotator
worked on (session 33, s33-app). Each test failed before: ``main`` was counted by the documents it had rows in (0 in a
team's file never pre-annotated, whose every document an export of ``main`` writes), and nothing said which documents
each annotator worked on (alice and bob both "3 documents", `agree` "1 document" and nothing of alice's other)."""

from __future__ import annotations

import json
import shutil

from annotator import edits
from annotator.cli import main
from annotator.store import Project
from teams_data import DOC1, DOC2, DOC3, at, new_project


def _team(tmp_path):
    """team.annotator (3 documents, nothing in main) with alice's copy (doc1, doc2 worked on) and bob's (doc1)
    merged."""
    team, ids = new_project(
        tmp_path / "team.annotator", "rita", [("doc1.txt", DOC1), ("doc2.txt", DOC2), ("doc3.txt", DOC3)]
    )
    team.close()
    for who, docs in (("alice", ("doc1.txt", "doc2.txt")), ("bob", ("doc1.txt",))):
        shutil.copy(tmp_path / "team.annotator", tmp_path / f"{who}.annotator")
        with Project(tmp_path / f"{who}.annotator", create=False, annotator=who) as p:
            for name in docs:
                text = DOC1 if name == "doc1.txt" else DOC2
                word = "John Smith" if name == "doc1.txt" else "Acme Corp"
                edits.add_entity(p, ids[name], *at(text, word), "PERSON" if name == "doc1.txt" else "ORG")
    path = tmp_path / "team.annotator"
    assert main(["merge", str(path), str(tmp_path / "alice.annotator"), str(tmp_path / "bob.annotator")]) == 0
    return path


def test_main_holds_every_document_and_each_set_says_how_many_its_annotator_worked_on(tmp_path, capsys):
    team = _team(tmp_path)
    capsys.readouterr()
    assert main(["sets", str(team), "--json"]) == 0
    sets = {s["name"]: s for s in json.loads(capsys.readouterr().out)["sets"]}
    assert (sets["main"]["documents"], sets["main"]["worked_on"], sets["main"]["entities"]) == (3, 0, 0)
    assert (sets["alice"]["documents"], sets["alice"]["worked_on"]) == (3, 2)
    assert (sets["bob"]["documents"], sets["bob"]["worked_on"]) == (3, 1)
    assert main(["sets", str(team)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("main   3 documents (0 worked on), 0 entities"), lines
    assert lines[1].startswith("alice  3 documents (2 worked on), 2 entities"), lines
    with Project(team, create=False, annotator="rita") as p:  # the reviewer's first decision: main's work begins
        edits.add_entity(p, p.document_ids()[0], *at(DOC1, "Paris"), "GPE")
    assert main(["sets", str(team), "--json"]) == 0
    sets = {s["name"]: s for s in json.loads(capsys.readouterr().out)["sets"]}
    assert (sets["main"]["documents"], sets["main"]["worked_on"]) == (3, 1)


def test_agree_names_the_documents_one_annotator_worked_on_alone(tmp_path, capsys):
    """alice worked on doc1 and doc2, bob on doc1: `agree` said "1 document" and nothing of doc2."""
    team = _team(tmp_path)
    capsys.readouterr()
    assert main(["agree", str(team)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("alice vs bob: 1 document (alice is the reference"), lines[:2]
    assert lines[1] == "  not compared: 1 document only alice worked on (doc2.txt)", lines[:2]
    assert main(["agree", str(team), "--json"]) == 0
    pair = json.loads(capsys.readouterr().out)["pairs"][0]
    assert pair["worked_on_alone"] == {"alice": ["doc2.txt"], "bob": []}
