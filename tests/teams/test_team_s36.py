"""Session 36 (helper s36-qa): an adjudication item a merge opens again keeps a trace of the decision it had.

carol's file merged after rita reviewed doc1 opens the Paris item again (rita took bob's nothing, carol labelled it):
on main the item read as if never decided (its Decision empty, nothing in the file of rita's earlier choice)."""

from __future__ import annotations

from annotator.cli import main
from annotator.store import Project
from annotator.teams import adjudication
from annotator.teams.differences import differences
from teams_data import DOC1, at
from test_team_s34 import _round
from test_team_s35 import _settle_doc1


def test_an_item_a_merge_opens_again_keeps_the_earlier_decision_and_the_set_that_reopened_it(tmp_path):
    team, doc1 = _round(tmp_path)
    _settle_doc1(team)
    assert main(["merge", str(team), str(tmp_path / "carol.annotator"), "--annotator", "lead"]) == 0
    with Project(team, create=False, annotator="rita") as p:
        items = differences(p, doc1)
        reopened = next(d for d in items if d.decision is None)
        assert reopened.start == at(DOC1, "Paris")[0]
        assert reopened.earlier is not None  # on main: no such field, nothing kept of rita's decision
        assert (reopened.earlier["take"], reopened.earlier["by"], reopened.earlier["reopened_by"]) == (
            "bob",
            "rita",
            "carol",
        )
        assert all(d.earlier is None for d in items if d is not reopened)  # the kept decision is no reopened one
        adjudication.take(p, reopened, "carol", "rita")  # settled again: the trace stays beside the new decision
        again = next(d for d in differences(p, doc1) if d.id == reopened.id)
        assert again.decision is not None and again.decision["take"] == "carol"
        assert again.earlier is not None and again.earlier["take"] == "bob"
