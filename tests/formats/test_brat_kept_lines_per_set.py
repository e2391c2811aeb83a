"""Session 40 (s39-real's Left): brat's kept lines (attributes on entities, relations, normalisations: what a brat
import keeps in the document's meta beside the annotations) were the document's, not a set's. A team's brat folders
imported set by set (``annotator import p.annotator alice --set alice``, then bob's folder ``--set bob``) gave bob's
annotations to his set but dropped his kept lines without a word, and his set's brat export wrote alice's relation,
attribute and normalisation (on his entities of the same span). Now each set's import keeps its own; our own two
folders of one text."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator import api

TEXT = "Gunmen killed three soldiers near Kabul.\n"
ALICE = (
    "T1\tPERSON 0 6\tGunmen\nT2\tGPE 34 39\tKabul\nA1\tSalience T1 High\nN1\tReference T2 Wikipedia:123\tKabul\n"
    "R1\tLocated Arg1:T1 Arg2:T2\n"
)
BOB = "T1\tPERSON 0 6\tGunmen\nT2\tGPE 34 39\tKabul\nT3\tPERSON 20 28\tsoldiers\nA1\tSalience T3 Low\nR1\tLocated Arg1:T3 Arg2:T2\n"
CONF = (
    "[entities]\nPERSON\nGPE\n[relations]\nLocated\tArg1:PERSON, Arg2:GPE\n[events]\n[attributes]\n"
    "Salience\tArg:<ENTITY>, Value:High|Low\n"
)


def _folder(tmp_path: Path, who: str, ann: str) -> Path:
    folder = tmp_path / who
    folder.mkdir()
    (folder / "d.txt").write_text(TEXT)
    (folder / "d.ann").write_text(ann)
    (folder / "annotation.conf").write_text(CONF)
    return folder


@pytest.fixture
def team(tmp_path):  # type: ignore[no-untyped-def]
    made = api.new_project(tmp_path / "p.annotator")
    for who, ann in (("alice", ALICE), ("bob", BOB)):
        made.annotation_set = who  # what `import --set NAME` does
        api.import_files(made, [_folder(tmp_path, who, ann)], format="brat")
    return made


def _kept(tmp_path: Path, project, who: str) -> list[str]:  # type: ignore[no-untyped-def]
    out = tmp_path / f"out_{who}"
    api.export(project, out, "brat", annotation_set=who)
    return [line for line in (out / "d.ann").read_text().splitlines() if line[0] in "ARN"]


def test_each_sets_export_writes_its_own_kept_lines(team, tmp_path):
    assert _kept(tmp_path, team, "bob") == ["A1\tSalience T2 Low", "R1\tLocated Arg1:T2 Arg2:T3"]
    assert _kept(tmp_path, team, "alice") == [
        "A1\tSalience T1 High",
        "R1\tLocated Arg1:T1 Arg2:T2",
        "N1\tReference T2 Wikipedia:123\tKabul",
    ]


def test_a_set_whose_file_kept_nothing_writes_none_of_anothers(tmp_path):
    made = api.new_project(tmp_path / "p.annotator")
    for who, ann in (("alice", ALICE), ("carol", "T1\tPERSON 0 6\tGunmen\nT2\tGPE 34 39\tKabul\n")):
        made.annotation_set = who
        api.import_files(made, [_folder(tmp_path, who, ann)], format="brat")
    assert _kept(tmp_path, made, "carol") == []
    assert len(_kept(tmp_path, made, "alice")) == 3
