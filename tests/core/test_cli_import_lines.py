"""An import that reports many things of one kind lists the first 20 and counts the rest (--verbose: all)."""

from __future__ import annotations

from annotator.cli import main


def _folder(tmp_path, n: int):
    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(n):
        (folder / f"d{i:02}.txt").write_text(f"Document number {i} was written.\n", encoding="utf-8")
    return folder


def test_many_duplicates_are_counted_not_all_listed(tmp_path, capsys):
    folder = _folder(tmp_path, 30)
    project = str(tmp_path / "p.annotator")
    assert main(["import", project, str(folder)]) == 0
    capsys.readouterr()
    main(["import", project, str(folder)])  # every document again: 30 duplicates
    err = capsys.readouterr().err.splitlines()
    listed = [line for line in err if line.startswith("duplicate: ")]
    assert len(listed) == 20
    assert "... and 10 more 'duplicate' lines (--verbose lists them all)" in err


def test_verbose_lists_every_line(tmp_path, capsys):
    folder = _folder(tmp_path, 25)
    project = str(tmp_path / "p.annotator")
    main(["import", project, str(folder)])
    capsys.readouterr()
    main(["import", project, str(folder), "--verbose"])
    err = capsys.readouterr().err.splitlines()
    assert len([line for line in err if line.startswith("duplicate: ")]) == 25
    assert not any(line.startswith("... and") for line in err)
