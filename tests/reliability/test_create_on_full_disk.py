"""A new project on a full disk: "cannot create the project: the disk is full; nothing was created", and an empty
file of that name stayed (SQLite makes the file before it finds no room to write it): the next ``import`` or
``merge`` onto it read "an empty file (0 bytes), not a project file", and the app's recent files listed it."""

from __future__ import annotations

import os

import pytest

from reliability_support import fill

from annotator.cli import main
from annotator.errors import ProjectFileError
from annotator.store import Project


def test_a_project_that_cannot_be_created_on_a_full_disk_leaves_no_file(small_fs, tmp_path, capsys):
    source = tmp_path / "a.txt"
    source.write_text("Maria Lopez met officials in Paris.", encoding="utf-8")
    fill(small_fs)
    with pytest.raises(ProjectFileError, match="the disk is full; nothing was created"):
        Project(small_fs / "new.annotator", annotator="t")
    assert sorted(os.listdir(small_fs)) == ["filler"]  # was: a 0-byte new.annotator too
    assert main(["import", str(small_fs / "cli.annotator"), str(source)]) == 1
    assert "nothing was created" in capsys.readouterr().err
    assert sorted(os.listdir(small_fs)) == ["filler"]


def test_an_empty_file_there_before_is_left_as_it_was(small_fs):
    """Only what the failed open made is removed: a 0-byte file someone put there stays."""
    (small_fs / "mine.annotator").write_bytes(b"")
    fill(small_fs)
    with pytest.raises(ProjectFileError):
        Project(small_fs / "mine.annotator", annotator="t")
    assert (small_fs / "mine.annotator").exists()
