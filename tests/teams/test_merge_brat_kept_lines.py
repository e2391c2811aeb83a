"""Session 40: brat's kept lines (attributes on entities, relations, normalisations: what a brat import keeps in the
document's meta) merged set by set. Alice and bob each imported the team's brat folder of one text with their own
lines into their own project; merged into the team's project, the document kept alice's (the first file's) meta and
bob's set exported her attribute, relation and normalisation on his entities of the same spans, his own dropped
without a word. Now his set's record keeps his, as an ``import --set`` does (``set_meta_kept.imported_own``)."""

from __future__ import annotations

from pathlib import Path

from annotator import api
from annotator.teams.merge import merge_projects

from tests.formats.test_brat_kept_lines_per_set import ALICE, BOB, _folder, _kept


def _own_project(tmp_path: Path, who: str, ann: str) -> Path:
    path = tmp_path / f"{who}.annotator"
    made = api.new_project(path, annotator=who)
    api.import_files(made, [_folder(tmp_path, who, ann)], format="brat")
    made.close()
    return path


def test_each_merged_set_exports_its_own_kept_lines(tmp_path):
    sources = [_own_project(tmp_path, "alice", ALICE), _own_project(tmp_path, "bob", BOB)]
    team = api.new_project(tmp_path / "team.annotator")
    api.import_files(team, [tmp_path / "alice"], format="brat")  # the team's copy: the same text, alice's lines
    merge_projects(team, sources, ["alice", "bob"])
    assert _kept(tmp_path, team, "bob") == ["A1\tSalience T2 Low", "R1\tLocated Arg1:T2 Arg2:T3"]
    assert len(_kept(tmp_path, team, "alice")) == 3
