"""Agreement on document categories (a text classification's labels; a merge keeps each annotator's with her set):
until session 15 ``annotator agree`` and the Agreement window scored spans, triggers and arguments only, so a team
that classified documents had no figure of how far its annotators agreed on them. Counts computed by hand."""

from __future__ import annotations

import shutil

import pytest

from annotator import edits
from annotator.cli import main
from annotator.importing import IncomingDocument, import_documents
from annotator.store import Project
from annotator.teams.agreement import agreement
from annotator.teams.merge import merge_projects

CHOICES = {  # document -> (alice's, bob's); alice classified the third as none (she worked on it)
    0: (["politics", "diplomacy"], ["politics"]),
    1: (["weather"], ["weather"]),
    2: ([], ["sports"]),
}


@pytest.fixture
def team(tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "team.annotator"
    with Project(path, annotator="lead") as p:
        import_documents(p, [IncomingDocument(f"Text number {k}.", f"{k}.txt") for k in range(4)])
    for who, side in (("alice", 0), ("bob", 1)):
        shutil.copy(path, tmp_path / f"{who}.annotator")
        with Project(tmp_path / f"{who}.annotator", create=False, annotator=who) as p:
            ids = p.document_ids()
            for k, pair in CHOICES.items():
                edits.set_categories(p, ids[k], ["x"])  # worked on: then her own choice
                edits.set_categories(p, ids[k], pair[side])
    with Project(path, create=False, annotator="rita") as p:
        merge_projects(p, [tmp_path / "alice.annotator", tmp_path / "bob.annotator"])
    return path


def test_per_category_f1_and_kappa_over_the_documents_either_classified(team):
    with Project(team, create=False) as p:
        (pair,) = agreement(p)["pairs"]
    cats = pair["project"]["categories"]
    assert cats["documents"] == 3  # the fourth: nobody classified it
    by = cats["by_label"]
    assert {c: (by[c]["a"], by[c]["b"], by[c]["tp"]) for c in by} == {
        "diplomacy": (1, 0, 0),
        "politics": (1, 1, 1),
        "sports": (0, 1, 0),
        "weather": (1, 1, 1),
    }
    assert cats["overall"]["f1"] == pytest.approx(2 / 3)  # 2 matched of 3 and 3
    kappa = cats["kappa"]
    assert kappa["by_label"]["politics"] == pytest.approx(1.0)
    assert kappa["by_label"]["diplomacy"] == pytest.approx(0.0)  # p_o = 2/3 = p_e
    assert kappa["overall"] == pytest.approx(5 / 9)  # 12 decisions: p_o = 10/12, p_e = 0.625


def test_the_command_prints_the_categories_table(team, capsys):
    assert main(["agree", str(team)]) == 0
    out = capsys.readouterr().out
    assert "  document categories on 3 documents (kappa: chose it or not)" in out
    (row,) = [line for line in out.splitlines() if line.strip().startswith("diplomacy")]
    assert row.split() == ["diplomacy", "1", "0", "-", "0.000", "0.000", "0.000"]


def test_the_agreement_window_s_table_has_the_categories_rows(team):
    from ui.dialogs.agreement import pair_rows

    with Project(team, create=False) as p:
        (pair,) = agreement(p)["pairs"]
    rows = [r for r in pair_rows(pair["project"]) if r[0] == "Document categories"]
    assert [r[1] for r in rows] == ["diplomacy", "politics", "sports", "weather", "overall"]
    assert rows[-1][2:] == ["3", "3", "0.667", "0.667", "0.667", "0.556"]
