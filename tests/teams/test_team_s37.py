"""Session 37 (helper s37-app): the traces of adjudication decisions through a set's rename and a merge that drops
the item decided (session 36's Left)."""

from __future__ import annotations

import orjson

from annotator.cli import main
from annotator.store import Project
from annotator.teams.differences import differences
from annotator.teams.set_names import rename_set
from teams_data import DOC1, at, new_project
from test_team_s34 import _round
from test_team_s35 import _settle_doc1

from ui.dialogs.adjudication_words import earlier_said  # the Adjudication list's Decision cell of an item open again


def test_a_set_renamed_keeps_the_trace_of_a_reopened_item_s_decision_under_its_new_name(tmp_path):
    team, doc1 = _round(tmp_path)
    _settle_doc1(team)
    assert main(["merge", str(team), str(tmp_path / "carol.annotator"), "--annotator", "lead"]) == 0
    with Project(team, create=False, annotator="lead") as p:
        rename_set(p, "bob", "robert")
        rename_set(p, "carol", "caroline")
        reopened = next(d for d in differences(p, doc1) if d.decision is None)
        assert reopened.start == at(DOC1, "Paris")[0]
        assert reopened.earlier is not None  # on main: the trace was keyed by the item's id before the rename
        assert (reopened.earlier["take"], reopened.earlier["by"], reopened.earlier["reopened_by"]) == (
            "robert",
            "rita",
            "caroline",
        )
        rename_set(p, "robert", "bob")  # as Ctrl+Z of the rename in the app does: the trace goes back with it
        back = next(d for d in differences(p, doc1) if d.decision is None)
        assert back.earlier is not None and back.earlier["take"] == "bob"


def test_a_decided_item_a_merged_file_drops_is_said_and_its_trace_comes_back_with_a_later_version(tmp_path, capsys):
    """s36-look's Left: rita took alice's "John Smith" (only alice had it); alice's file merged again without it: the
    item went, with its decision, without a word; carol's "John Smith" merged later read "only carol", as if never
    decided. The merge says the decided item went, and the item carol's version makes keeps the decision as a trace."""
    from annotator import edits
    from annotator.teams import adjudication
    from test_team_s36_look import _alice_and_bob_merged

    path, doc1 = _alice_and_bob_merged(tmp_path, ("John Smith", "Paris"))
    carol, carol_ids = new_project(tmp_path / "carol.annotator", "carol", [("doc1.txt", DOC1)])  # her own file
    edits.add_entity(carol, carol_ids["doc1.txt"], *at(DOC1, "John Smith"), "PERSON")
    carol.close()
    with Project(path, create=False, annotator="rita") as p:
        items = {d.start: d for d in differences(p, doc1)}
        adjudication.take(p, items[0], "alice", "rita")  # John Smith, only alice's
    with Project(tmp_path / "alice.annotator", create=False, annotator="alice") as p:  # alice takes it away
        edits.delete_entity(p, next(e.id for e in p.entities(doc1) if e.start == 0))
    capsys.readouterr()
    assert main(["merge", path, str(tmp_path / "alice.annotator"), "--annotator", "lead"]) == 0
    said = capsys.readouterr().out
    assert "adjudication decisions: 1 decided item gone with alice's version (doc1.txt: 1: no set has it" in said, (
        said
    )  # on main: nothing
    with Project(path, create=False, annotator="rita") as p:
        assert all(d.start != 0 for d in differences(p, doc1))
    assert main(["merge", path, str(tmp_path / "carol.annotator"), "--annotator", "lead"]) == 0
    with Project(path, create=False, annotator="rita") as p:
        smith = next(d for d in differences(p, doc1) if d.start == 0)
        assert (
            earlier_said(smith) == "open again: was alice by rita (gone with alice's merged version, back with carol's)"
        )
        assert smith.decision is None
        assert smith.earlier is not None  # on main: None, "only carol" as if never decided
        assert (smith.earlier["take"], smith.earlier["by"], smith.earlier["dropped_by"]) == ("alice", "rita", "alice")
        assert smith.earlier["reopened_by"] == "carol"
        meta = orjson.loads(p.db.document_metas(containing="adjudication")[0][1])
        assert "adjudication_dropped" not in meta  # the trace given back, once
