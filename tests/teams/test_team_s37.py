"""Session 37 (helper s37-app): the traces of adjudication decisions through a set's rename and a merge that drops
the item decided (session 36's Left)."""

from __future__ import annotations

from annotator.cli import main
from annotator.store import Project
from annotator.teams.differences import differences
from annotator.teams.set_names import rename_set
from teams_data import DOC1, at
from test_team_s34 import _round
from test_team_s35 import _settle_doc1


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
