"""`annotator sets`: an annotation set listed, renamed or dropped (session 31, s31-eng; session 30's lead 2: a copy
merged under a wrong name stayed under it for good, and merging it under the right one was refused with no way out)."""

from __future__ import annotations

import json
import shutil

import pytest

from annotator import edits
from annotator.cli import main
from annotator.errors import AnnotatorError
from annotator.store import Project
from annotator.teams import adjudication as adj
from annotator.teams.differences import differences
from annotator.teams.set_names import drop_set, rename_set
from teams_data import DOC1, DOC2, DOC3, at, new_project


def _handed_out(tmp_path):
    """team.annotator handed out as bob.annotator, in which the engineer (root) decided a span before bob worked."""
    team, ids = new_project(
        tmp_path / "team.annotator", "rita", [("doc1.txt", DOC1), ("doc2.txt", DOC2), ("doc3.txt", DOC3)]
    )
    team.close()
    bob = tmp_path / "bob.annotator"
    shutil.copy(tmp_path / "team.annotator", bob)
    with Project(bob, create=False, annotator="root") as p:
        edits.add_entity(p, ids["doc1.txt"], *at(DOC1, "John Smith"), "PERSON")
        edits.add_entity(p, ids["doc1.txt"], *at(DOC1, "Paris"), "GPE")
    return tmp_path / "team.annotator", bob, ids


def test_a_set_merged_under_a_wrong_name_is_renamed_and_its_file_merges_again_under_the_new_one(tmp_path, capsys):
    """bob's copy went in as set 'root' (the engineer's rows were most of it); `merge --as bob` is refused (it would
    count his work twice) and nothing renamed the set. `annotator sets --rename root bob` names it bob everywhere: its
    rows, the documents' records of his file (with his statuses), and the record of the file, so merging his file
    again as bob brings the set up to date instead of being refused."""
    team, bob, ids = _handed_out(tmp_path)
    assert main(["merge", str(team), str(bob)]) == 0
    with Project(bob, create=False, annotator="bob") as p:  # bob works on in his copy
        edits.add_entity(p, ids["doc2.txt"], *at(DOC2, "Acme Corp"), "ORG")
    assert main(["status", str(bob), "annotated", "--docs", "doc2.txt"]) == 0
    assert main(["merge", str(team), str(bob), "--as", "bob"]) == 1
    err = capsys.readouterr().err
    assert "went in as set 'root'" in err and "--rename root bob" in err, err
    assert main(["sets", str(team), "--rename", "root", "bob", "--json"]) == 0
    done = json.loads(capsys.readouterr().out)
    assert (done["annotation_set"], done["new_name"], done["entities"]) == ("root", "bob", 2)
    assert main(["merge", str(team), str(bob), "--as", "bob", "--json"]) == 0
    merged = json.loads(capsys.readouterr().out)["sources"][0]
    assert merged["annotation_set"] == "bob" and merged["replaced_documents"], merged
    assert main(["sets", str(team), "--json"]) == 0
    sets = {s["name"]: s for s in json.loads(capsys.readouterr().out)["sets"]}
    assert sorted(sets) == ["bob", "main"]
    assert sets["bob"]["entities"] == 3 and sets["bob"]["merged_from"] == [str(bob)]
    assert sets["bob"]["documents"] == 3  # the documents of his file (two hold his rows), as stats --set counts
    assert main(["stats", str(team), "--set", "bob", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["documents_by_status"] == {"annotated": 1, "in_progress": 1, "new": 1}
    assert main(["stats", str(team), "--set", "root"]) == 1
    assert "no annotation set 'root'" in capsys.readouterr().err


def test_a_set_merged_by_mistake_is_dropped_whole(tmp_path, capsys):
    """`sets --drop root`: its rows and records gone, one change-log row; the file merges anew afterwards."""
    team, bob, _ = _handed_out(tmp_path)
    assert main(["merge", str(team), str(bob)]) == 0
    assert main(["sets", str(team), "--drop", "root"]) == 0
    assert "set 'root' dropped: 2 entities, 0 events deleted" in capsys.readouterr().out
    with Project(team, create=False) as p:
        conn = p.db.conn
        assert conn.execute("SELECT count(*) FROM entities WHERE annotation_set = 'root'").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM merge_sources").fetchone()[0] == 0
        assert all("root" not in (m or "") for _, m in p.db.document_metas())
        assert p.change_log()[-1]["action"] == "drop set"
    assert main(["merge", str(team), str(bob), "--as", "bob"]) == 0  # no earlier set of the file: merged anew


def test_main_and_a_name_taken_are_refused_and_change_nothing(tmp_path, capsys):
    team, bob, _ = _handed_out(tmp_path)
    assert main(["merge", str(team), str(bob)]) == 0
    with Project(team, create=False) as p:
        for call in (
            lambda: rename_set(p, "main", "final"),
            lambda: rename_set(p, "root", "main"),
            lambda: rename_set(p, "root", "  "),
            lambda: rename_set(p, "root", "root"),
            lambda: rename_set(p, "rot", "bob"),
            lambda: drop_set(p, "main"),
        ):
            with pytest.raises(AnnotatorError) as err:
                call()
            assert "nothing was changed" in str(err.value) or "no annotation set 'rot'" in str(err.value)
        assert p.annotation_sets() == ["root"]
        with pytest.raises(AnnotatorError, match="set 'root' has that name already; nothing was changed"):
            rename_set(p, "root", "root")


def test_a_rename_keeps_the_adjudication_decisions_that_named_the_set_and_a_drop_of_such_a_set_is_refused(team):
    """A difference's id is made from the sets' names: renamed without its decisions, each item settled between
    alice and bob would show unsettled again. The decisions follow the name; a drop of a set settled with is refused
    (its items were settled between it and the others)."""
    doc = team.db.conn.execute("SELECT id FROM documents WHERE name = 'doc1.txt'").fetchone()[0]
    diffs = differences(team, doc)
    s, e = at(DOC1, "Acme Corp")
    acme = next(d for d in diffs if d.start <= s and e <= d.end)
    adj.take(team, acme, "alice", reviewer="vera")
    settled = sorted(d.kind for d in differences(team, doc) if d.decision)
    assert settled
    with pytest.raises(AnnotatorError, match="took part in the adjudication of 1 document"):
        drop_set(team, "bob")
    change = rename_set(team, "alice", "ann")
    assert change.decisions == len(settled)
    after = differences(team, doc)
    assert sorted(d.kind for d in after if d.decision) == settled
    assert {d.decision["take"] for d in after if d.decision} == {"ann"}
    assert sorted(team.annotation_sets()) == ["ann", "bob", "main"]


def test_a_rename_or_drop_run_a_second_time_is_done_already_not_an_error(tmp_path, capsys):
    """Session 32 (s32-eng), session 31's lead 1: a team lead's script run twice (`sets --rename root bob`, then the
    same line) exited 1 the second time, "no annotation set 'root'", as for a typo, which stops a `set -e` script that
    had done everything. The same rename or drop, the latest the project logged of that set, is done: exit 0, said,
    `--json`'s `already` the time; a name the project never had stays refused."""
    team, bob, _ = _handed_out(tmp_path)
    assert main(["merge", str(team), str(bob)]) == 0
    assert main(["sets", str(team), "--rename", "root", "bob"]) == 0
    capsys.readouterr()
    with Project(team, create=False) as p:
        logged = len(p.change_log())
    assert main(["sets", str(team), "--rename", "root", "bob", "--json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert again["already"] and (again["annotation_set"], again["new_name"], again["entities"]) == ("root", "bob", 0)
    assert again["summary"].startswith("set 'root' was renamed 'bob' already (at ")
    assert again["summary"].endswith("); nothing was changed")
    assert main(["sets", str(team), "--rename", "root", "robert"]) == 1  # another rename of a set gone: refused
    assert "no annotation set 'root'" in capsys.readouterr().err
    assert main(["sets", str(team), "--rename", "rot", "bob"]) == 1  # a typo: refused
    assert main(["sets", str(team), "--drop", "bob"]) == 0
    capsys.readouterr()
    assert main(["sets", str(team), "--drop", "bob"]) == 0
    assert "set 'bob' was dropped already (at " in capsys.readouterr().out
    assert main(["sets", str(team), "--rename", "root", "bob"]) == 1  # bob is gone: no longer done
    assert main(["sets", str(team), "--drop", "root"]) == 1  # renamed, never dropped: refused
    with Project(team, create=False) as p:
        assert len(p.change_log()) == logged + 1  # the drop alone
