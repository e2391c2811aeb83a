"""Session 38 (helper s38-app): what a merge would do with each file's set, said before it runs (File > Merge's
dialog said nothing until Merge was pressed; ``annotator.teams.merge_preview``)."""

from __future__ import annotations

import shutil

from annotator.store import Project
from annotator.teams.merge_preview import MergePreview, read_source
from test_team_s34 import _round


def _said(team, paths, typed=(), combine=False, replace=False) -> list[str]:  # type: ignore[no-untyped-def]
    with Project(team, create=False, annotator="lead") as p:
        return MergePreview(p, [read_source(x) for x in paths]).said(list(typed), combine, replace)


def test_a_file_that_went_in_as_another_set_is_said_before_merge(tmp_path):
    team, _doc1 = _round(tmp_path)  # alice and bob merged
    assert _said(team, [tmp_path / "alice.annotator"], ["robert"]) == [
        "alice.annotator went in as set 'alice' at an earlier merge: as 'robert' nothing will be merged (leave its "
        "set name blank or type 'alice')"
    ]


def test_three_files_into_one_set_and_one_that_cannot_be_read_are_said(tmp_path):
    team, _doc1 = _round(tmp_path)
    (tmp_path / "broken.annotator").write_bytes(b"not a project file")
    for n in (2, 3):
        shutil.copy(tmp_path / "carol.annotator", tmp_path / f"carol{n}.annotator")
    paths = [tmp_path / x for x in ("carol.annotator", "carol2.annotator", "carol3.annotator", "broken.annotator")]
    said = _said(team, paths, combine=True)
    assert said[0].startswith("broken.annotator: cannot be read (") and said[0].endswith("nothing will be merged")
    assert said[1] == (
        "carol.annotator, carol2.annotator, carol3.annotator all go into set 'carol' and share 2 documents (doc1.txt, "
        "doc2.txt): "
        "type a set name beside one to keep them apart; as chosen, each is taken from the file it was worked on "
        "in (refused where both were)"
    ), said
    assert _said(team, [tmp_path / "carol.annotator"]) == []  # a set of its own


def test_the_project_s_own_file_chosen_is_said_before_merge(tmp_path):
    team, _doc1 = _round(tmp_path)
    assert _said(team, [team, tmp_path / "carol.annotator"]) == [
        "team.annotator is this project's own file: it cannot be merged into itself; nothing will be merged"
    ]
