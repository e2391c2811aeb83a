"""The team commands end to end: merge, export of the final set or an annotator's set."""

from __future__ import annotations

import json

from annotator.cli import main
from annotator.store import Project
from teams_data import make_alice, make_bob


def test_merge_command_and_export_sets(tmp_path, capsys):
    a, b = make_alice(tmp_path / "a.annotator"), make_bob(tmp_path / "b.annotator")
    team = str(tmp_path / "team.annotator")
    assert main(["merge", team, str(a), str(b), "--annotator", "rita"]) == 0
    out = capsys.readouterr().out
    assert "set 'alice'" in out and "set 'bob'" in out
    assert main(["merge", team, str(a), "--annotator", "rita"]) == 0
    assert "replaced, not duplicated" in capsys.readouterr().out
    # exports: the final set by default (nothing decided yet), any annotator's set on request
    for name, expect in ((None, 0), ("alice", 8), ("bob", 7)):
        out_file = tmp_path / f"{name}.json"
        argv = ["export", team, "-o", str(out_file)] + (["--set", name] if name else [])
        assert main(argv) == 0
        data = json.loads(out_file.read_text())
        assert data["annotation_set"] == (name or "main")
        ents = [e for d in data["documents"] for e in d["entities"]]
        assert len(ents) == expect  # all but rejected: alice 4+1 suggested+2+1, bob 5+2
        if name:
            assert {e["annotator"] for e in ents} == {name}


def test_merge_command_refuses_clearly(tmp_path, capsys):
    a = make_alice(tmp_path / "a.annotator")
    team = str(tmp_path / "team.annotator")
    assert main(["merge", team, str(a), "--as", "main"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("annotator: error:") and "final set" in err
    assert main(["merge", team, str(tmp_path / "missing.annotator")]) == 1
    assert "no such project file" in capsys.readouterr().err


def test_agree_command(tmp_path, capsys):
    a, b = make_alice(tmp_path / "a.annotator"), make_bob(tmp_path / "b.annotator")
    team = str(tmp_path / "team.annotator")
    assert main(["merge", team, str(a), str(b)]) == 0
    capsys.readouterr()
    assert main(["agree", team]) == 0
    text = capsys.readouterr().out
    assert "alice vs bob" in text and "token kappa" in text
    assert main(["agree", team, "--json", "--sets", "bob", "alice"]) == 0
    data = json.loads(capsys.readouterr().out)
    pair = data["pairs"][0]
    assert (pair["a"], pair["b"]) == ("bob", "alice")
    assert pair["project"]["entities_exact"]["overall"]["f1"] == 10 / 13
    assert main(["agree", str(tmp_path / "none.annotator")]) == 1
    assert "no such project file" in capsys.readouterr().err


def test_stats_model_command(tmp_path, capsys):
    from annotator import edits
    from teams_data import DOC1, at, new_project

    p, ids = new_project(tmp_path / "m.annotator", "rita", [("d", DOC1)])
    doc = ids["d"]
    e = edits.add_entity(p, doc, *at(DOC1, "Paris"), "PERSON", state="suggested", source="spacy:sm").result_id
    edits.relabel_entity(p, e, "GPE")
    edits.add_entity(p, doc, *at(DOC1, "Berlin"), "GPE", state="suggested", source="spacy:sm")  # left undecided
    edits.set_status(p, doc, "reviewed")
    p.close()
    assert main(["stats", str(tmp_path / "m.annotator"), "--model", "--json"]) == 0
    r = json.loads(capsys.readouterr().out)
    # final: Paris GPE; model: Paris PERSON, Berlin GPE -> nothing right
    assert r["entities"]["overall"] == {"tp": 0, "a": 1, "b": 2, "precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert main(["stats", str(tmp_path / "m.annotator"), "--model"]) == 0
    assert "PERSON -> GPE: 1" in capsys.readouterr().out
    assert main(["stats", str(tmp_path / "m.annotator")]) == 0  # the plain counts still work
    assert "documents: 1" in capsys.readouterr().out


def test_stats_set_reports_the_sets_own_statuses(tmp_path, capsys):
    from annotator import edits

    alice = make_alice(tmp_path / "alice.annotator")
    with Project(alice, create=False) as p:
        for doc in p.document_ids():
            edits.set_status(p, doc, "annotated")
    make_bob(tmp_path / "bob.annotator")
    merged = str(tmp_path / "m.annotator")
    assert main(["merge", merged, str(alice), str(tmp_path / "bob.annotator")]) == 0
    capsys.readouterr()
    assert main(["stats", merged, "--set", "alice", "--json"]) == 0
    r = json.loads(capsys.readouterr().out)
    assert (r["documents_by_status"], r["statuses_of"], r["documents_outside_set"]) == ({"annotated": 3}, "set", 0)
    assert main(["stats", merged, "--set", "bob", "--json"]) == 0
    r = json.loads(capsys.readouterr().out)
    assert (r["documents_by_status"], r["documents"], r["documents_outside_set"]) == (
        {"in_progress": 2},
        2,
        1,
    )  # edited in his file
    assert main(["stats", merged, "--set", "alice"]) == 0
    out = capsys.readouterr().out
    assert "statuses of set 'alice'" in out and "annotated    3" in out
    assert main(["stats", merged, "--json"]) == 0  # main: the project's own statuses
    r = json.loads(capsys.readouterr().out)
    assert (r["documents_by_status"], r["statuses_of"]) == ({"new": 3}, "project")
    with Project(merged, create=False) as p:  # a set made here (not merged from a file) ...
        p.annotation_set = "carol"
        doc = p.document_ids()[0]
        edits.add_entity(p, doc, 0, 1, p.schema.entities[0].name)
    assert main(["stats", merged, "--set", "carol"]) == 0  # ... has no statuses of its own
    assert "statuses are per project" in capsys.readouterr().out


def test_a_set_the_project_does_not_have_is_refused_where_it_is_read(tmp_path, capsys):
    # a typo in --set read an empty set: zero counts, "no problems" and an export without one annotation
    a, b = make_alice(tmp_path / "a.annotator"), make_bob(tmp_path / "b.annotator")
    team = str(tmp_path / "team.annotator")
    assert main(["merge", team, str(a), str(b)]) == 0
    capsys.readouterr()
    out_file = tmp_path / "alcie.json"
    for argv in (
        ["stats", team, "--set", "alcie"],
        ["stats", team, "--model", "--set", "alcie"],
        ["validate", team, "--set", "alcie"],
        ["export", team, "--set", "alcie", "-o", str(out_file)],
    ):
        assert main(argv) == 1, argv
        out, err = capsys.readouterr()
        assert err == "annotator: error: no annotation set 'alcie' (the project has alice, bob, main)\n", argv
    assert not out_file.exists()
    assert main(["stats", team, "--set", "alice"]) == 0  # the sets it has, main too (even empty)
    assert main(["export", team, "--set", "main", "-o", str(out_file)]) == 0


def test_a_refused_merge_or_import_leaves_no_new_project_file(tmp_path, capsys):
    # "nothing was merged" left an empty project file behind, and so did an import that skipped every file
    a = make_alice(tmp_path / "a.annotator")
    team = tmp_path / "team.annotator"
    assert main(["merge", str(team), str(a), "--as", "main"]) == 1
    assert not team.exists()
    notes = tmp_path / "notes.md"
    notes.write_text("hello", encoding="utf-8")
    assert main(["import", str(team), str(notes)]) == 1
    assert main(["import", str(team), str(notes), "--format", "brat"]) == 1
    assert not team.exists() and not list(tmp_path.glob("team.annotator*"))
    assert main(["merge", str(team), str(a)]) == 0 and team.exists()
    assert main(["import", str(team), str(notes)]) == 1  # a project that was there stays, of course
    assert team.exists()


def test_agree_says_when_no_document_was_worked_on_by_both(tmp_path, capsys):
    """Session 25 (s25-qab), as a user: alice finished 002 and 003 of the seeds, bob worked on 007 only; `annotator
    agree` printed "alice vs bob: 0 documents" and tables of dashes, nothing said of why. It says so now, with how
    many each worked on and what counts as worked on (the JSON has ``worked_on`` per pair)."""
    from teams_data import DOC1, DOC2, new_project, span

    a, ids_a = new_project(tmp_path / "a.annotator", "alice", [("doc1.txt", DOC1), ("doc2.txt", DOC2)])
    span(a, ids_a["doc1.txt"], DOC1, "John Smith", "PERSON")
    a.close()
    b, ids_b = new_project(tmp_path / "b.annotator", "bob", [("doc1.txt", DOC1), ("doc2.txt", DOC2)])
    span(b, ids_b["doc2.txt"], DOC2, "Mary", "PERSON")
    b.close()
    team = str(tmp_path / "team.annotator")
    assert main(["merge", team, str(tmp_path / "a.annotator"), str(tmp_path / "b.annotator")]) == 0
    capsys.readouterr()
    assert main(["agree", team]) == 0
    text = capsys.readouterr().out
    assert text.startswith("alice vs bob: no document both worked on (alice worked on 1 document, bob on 1;"), text
    assert "nothing to compare" in text and "token kappa" not in text
    assert main(["agree", team, "--json"]) == 0
    pair = json.loads(capsys.readouterr().out)["pairs"][0]
    assert pair["documents"] == 0 and pair["worked_on"] == {"alice": 1, "bob": 1}
