"""A project whose full path is longer than SQLite opens (its unix VFS takes 512 bytes, less the ``-journal`` it
adds: 504). Deep folders of long names (a synced share, a generated corpus tree) get there well before the system's
PATH_MAX: creating one said "it cannot be written here (unable to open database file)", opening one "cannot open
the project file: unable to open database file", though the folder was writable and the file whole."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.errors import ProjectFileError
from annotator.importing import IncomingDocument, import_documents
from annotator.store import Project


def _deep(tmp_path: Path, total: int) -> Path:
    """A folder under ``tmp_path`` in which ``p.annotator``'s full path is ``total`` bytes long."""
    base = Path(os.path.realpath(tmp_path))
    left = total - len(os.fsencode(base)) - len("/p.annotator")
    assert left != 1, f"no folder under {base} makes a path of {total} bytes"  # a part is 2 bytes or more, with its /
    parts = []
    while left > 0:
        n = min(200, left - 1)  # a part of n bytes and its "/"
        if left - (n + 1) == 1:  # it would leave one byte, which no part fills: one shorter, and 2 left
            n -= 1
        parts.append("d" * n)
        left -= n + 1
    folder = base.joinpath(*parts)
    folder.mkdir(parents=True)
    assert len(os.fsencode(folder / "p.annotator")) == total
    return folder


def test_the_deep_folder_is_as_long_as_asked_whatever_the_base_s_length(tmp_path):
    """``_deep`` overshot by one byte when the room left was one more than a whole 200-byte part and its "/" (a base
    path of 89 bytes: pytest's folders under /dev/shm/s20-fastb/full failed the test below)."""
    for pad in range(1, 203):
        _deep(tmp_path / ("b" * pad), 504)


def test_a_project_at_the_longest_path_sqlite_takes_works(tmp_path):
    folder = _deep(tmp_path, 504)
    with Project(folder / "p.annotator", annotator="t") as p:
        import_documents(p, [IncomingDocument("Maria Lopez met officials in Paris.", "a.txt")])
    with Project(folder / "p.annotator", create=False) as p:
        assert len(p.document_ids()) == 1


@pytest.mark.parametrize("total", [505, 900])
def test_a_project_path_too_long_for_sqlite_is_said_so(tmp_path, capsys, total):
    folder = _deep(tmp_path, total)
    path = folder / "p.annotator"
    with pytest.raises(ProjectFileError, match=f"its full path is {total:,} bytes long") as caught:
        Project(path, annotator="t")
    assert "504" in str(caught.value) and "nothing was created" in str(caught.value)
    assert os.listdir(folder) == []
    shutil.copyfile(_made(tmp_path), path)
    before = path.read_bytes()
    assert main(["stats", str(path)]) == 1
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and f"its full path is {total:,} bytes long" in err, err  # was: "unable to open"
    assert "shorter" in err and "nothing was changed" in err, err
    assert path.read_bytes() == before and sorted(os.listdir(folder)) == ["p.annotator"]


def _made(tmp_path: Path) -> Path:
    made = tmp_path / "short.annotator"
    with Project(made, annotator="t") as p:
        import_documents(p, [IncomingDocument("Maria Lopez met officials in Paris.", "a.txt")])
    return made


def test_save_a_copy_to_a_path_too_long_for_sqlite_says_so(tmp_path):
    """The app's "Save a copy" (a file deleted while open is saved so) writes ``.NAME.part`` first, 6 bytes longer:
    'cannot save a copy of the project there (unable to open database file)'."""
    from annotator.errors import SaveError

    folder = _deep(tmp_path / "deep", 600)
    with Project(tmp_path / "p.annotator", annotator="t") as p:
        with pytest.raises(SaveError, match="its full path is 600 bytes long") as caught:
            p.save_copy(folder / "p.annotator")
        assert "shorter" in str(caught.value)
    assert os.listdir(folder) == []


@pytest.mark.slow
def test_an_older_project_whose_copy_before_the_upgrade_would_be_too_long_says_why(tmp_path, capsys):
    """At 498-504 bytes the file opens but its ``.v<N>.bak`` copy (7 bytes longer) cannot be made: it opens read-only
    from a copy upgraded in a temporary folder (right), but the reason said 'it cannot be written here (unable to
    open database file)' and the command's note none at all."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
    from test_news_aliases_migration import old_news_source, old_project

    folder = _deep(tmp_path / "deep", 500)
    path = folder / "p.annotator"
    shutil.copyfile(old_project(tmp_path, old_news_source()), path)
    before = path.read_bytes()
    with Project(path, create=False) as p:
        assert p.read_only and p.read_from is not None and len(p.document_ids()) == 1
        why = p.read_only_reason
    assert "p.annotator.v7.bak, would have a full path of 507 bytes" in why, why
    assert "at most 504 bytes" in why and "move it to a shorter path to upgrade it" in why, why
    assert "unable to open database file" not in why
    assert main(["stats", str(path)]) == 0
    notes = [line for line in capsys.readouterr().err.splitlines() if line.startswith("annotator: note:")]
    assert len(notes) == 1 and "cannot be upgraded where it is (the copy of it made before an upgrade" in notes[0]
    assert path.read_bytes() == before and os.listdir(folder) == ["p.annotator"]
