"""Session 33 (s33-real): ``import P -f conll corpus/`` said "corpus: cannot read: Is a directory"; every reader of
single files did so for a folder. A folder given with ``--format`` is read file by file; an empty one, and a folder
with a file the reader refuses, are refused in one line naming what, nothing stored."""

from __future__ import annotations

import pytest

from annotator.cli import main
from annotator.store import Project

FILE_READERS = ["conll", "doccano", "label_studio", "dygiepp", "oneie", "prodigy", "hf", "omnievent", "pubtator"]


def _error_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.startswith("annotator: error:")]
    assert len(lines) == 1, err
    return lines[0]


def _conll_folder(tmp_path):
    folder = tmp_path / "corpus"
    (folder / "part2").mkdir(parents=True)
    (folder / "a.conll").write_text("EU B-ORG\nrejects O\nGerman B-MISC\ncall O\n\n", encoding="utf-8")
    (folder / "part2" / "b.conll").write_text("Peter B-PER\nBlackburn I-PER\n\n", encoding="utf-8")
    (folder / ".hidden").write_text("not read\n", encoding="utf-8")
    return folder


def test_a_folder_given_to_the_conll_reader_is_read_file_by_file(tmp_path, capsys):
    folder = _conll_folder(tmp_path)
    path = tmp_path / "p.annotator"
    assert main(["import", str(path), "-f", "conll", str(folder)]) == 0, capsys.readouterr().err
    with Project(path, create=False) as project:
        texts = sorted(project.document(i).text for i in project.document_ids())
        labels = sorted(s.label for i in project.document_ids() for s in project.entities(i))
    assert texts == ["EU rejects German call", "Peter Blackburn"], texts
    assert labels == ["MISC", "ORG", "PERSON"], labels


@pytest.mark.parametrize("fmt", FILE_READERS)
def test_an_empty_folder_is_refused_in_one_line_before_the_project_is_made(tmp_path, capsys, fmt):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / ".DS_Store").write_bytes(b"\0")
    path = tmp_path / "p.annotator"
    code = main(["import", str(path), "-f", fmt, str(tmp_path / "empty")])
    line = _error_line(capsys.readouterr().err)
    assert code == 1 and "Is a directory" not in line, line
    assert "a folder with no file in it" in line and "nothing was imported" in line, line
    assert not path.exists()


@pytest.mark.parametrize("fmt", FILE_READERS)
def test_a_folder_with_a_file_the_reader_refuses_names_that_file_and_stores_nothing(tmp_path, capsys, fmt):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "notes.txt").write_text("written by hand, no annotations\n", encoding="utf-8")
    path = tmp_path / "p.annotator"
    assert main(["init", str(path)]) == 0
    code = main(["import", str(path), "-f", fmt, str(folder)])
    line = _error_line(capsys.readouterr().err)
    assert code == 1 and "Is a directory" not in line, line
    assert f"{folder / 'notes.txt'}" in line and f"folder {folder} given" in line, line
    with Project(path, create=False) as project:
        assert project.document_ids() == []
