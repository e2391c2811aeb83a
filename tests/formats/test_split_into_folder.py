"""A split export given a folder (``-o data/``, or a folder that exists) writes its parts into it, each under the
part's name and the format's ending: the parts went beside it (``data.train`` in the current folder), never into it
(session 34)."""

from __future__ import annotations

import pytest

from annotator.cli import main
from cli_support import two_documents

SPLIT = "split=train=0.5,dev=0.5"


@pytest.mark.parametrize(("fmt", "ending"), [("spacy", ".spacy"), ("conll", ".conll"), ("dygiepp", ".jsonl")])
def test_parts_land_in_the_folder_named(tmp_path, capsys, monkeypatch, fmt, ending):
    project = two_documents(tmp_path)
    (tmp_path / "data").mkdir()
    monkeypatch.chdir(tmp_path)
    assert main(["export", str(project), "-f", fmt, "-o", "data/", "--option", SPLIT]) == 0
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == sorted([f"dev{ending}", f"train{ending}"])
    assert not list(tmp_path.glob("data.*"))
    assert f"wrote data/train{ending}, data/dev{ending}" in capsys.readouterr().out


def test_a_folder_that_exists_takes_the_parts_without_its_slash(tmp_path, capsys):
    project = two_documents(tmp_path)
    (tmp_path / "data").mkdir()
    assert main(["export", str(project), "-f", "conll", "-o", str(tmp_path / "data"), "--option", SPLIT]) == 0
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == ["dev.conll", "train.conll"]
    assert not list(tmp_path.glob("data.*"))


def test_a_folder_that_is_not_there_is_said_and_nothing_written(tmp_path, capsys, monkeypatch):
    project = two_documents(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["export", str(project), "-f", "conll", "-o", "data/", "--option", SPLIT]) == 1
    assert "data: no such folder" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.annotator"]


def test_a_file_name_still_takes_the_part_before_its_ending(tmp_path, capsys):
    project = two_documents(tmp_path)
    assert main(["export", str(project), "-f", "conll", "-o", str(tmp_path / "c.conll"), "--option", SPLIT]) == 0
    assert (tmp_path / "c.train.conll").is_file() and (tmp_path / "c.dev.conll").is_file()
