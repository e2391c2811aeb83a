"""Issue 9, point 6: names with #, ? or %20 are opened as themselves (every SQLite URI is built encoded)."""

from __future__ import annotations

import os

import pytest

from annotator.cli import main
from annotator.importing import IncomingDocument, import_documents
from annotator.store import Project

NAMES = ["a%20b.annotator", "alice#1.annotator", "what?mode=rw.annotator", "100%.annotator", "é ü%2F.annotator"]


def make(path, text: str) -> None:
    with Project(path, annotator="t") as p:
        import_documents(p, [IncomingDocument(text, "doc.txt")])


@pytest.mark.parametrize("name", NAMES)
def test_read_only_open_reads_the_named_file_and_creates_nothing(tmp_path, name):
    path = tmp_path / name
    make(path, f"the text of {name}")
    make(tmp_path / "a b.annotator", "the decoy with a space")
    make(tmp_path / "alice", "the decoy alice") if name.startswith("alice") else None
    before = sorted(os.listdir(tmp_path))
    with Project(path, create=False, read_only=True) as p:
        assert p.document(1).text == f"the text of {name}"
    assert sorted(x for x in os.listdir(tmp_path) if not x.endswith(("-wal", "-shm"))) == sorted(
        x for x in before if not x.endswith(("-wal", "-shm"))
    )


def test_merge_of_a_percent_name_merges_that_file(tmp_path, capsys):
    make(tmp_path / "a%20b.annotator", "Text of the percent file.")
    make(tmp_path / "a b.annotator", "Text of the file with a space.")
    team = tmp_path / "team.annotator"
    assert main(["merge", str(team), str(tmp_path / "a%20b.annotator"), "--as", "ann"]) == 0, capsys.readouterr().err
    with Project(team, create=False) as p:
        assert [p.document(i).text for i in p.document_ids()] == ["Text of the percent file."]


def test_hash_name_makes_no_stray_file(tmp_path, capsys):
    make(tmp_path / "alice#1.annotator", "Alice's text.")
    team = tmp_path / "team.annotator"
    assert main(["merge", str(team), str(tmp_path / "alice#1.annotator"), "--as", "alice"]) == 0
    assert not (tmp_path / "alice").exists()
    with Project(team, create=False) as p:
        assert [p.document(i).text for i in p.document_ids()] == ["Alice's text."]
