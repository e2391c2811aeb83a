"""Issue 9, point 14: /dev/null, a FIFO, a symlink loop are named for what they are and never written;
a brat export with an over-long document name works (shortened) or names the document that failed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.errors import ProjectFileError
from annotator.formats import writers
from annotator.importing import IncomingDocument, import_documents
from annotator.store import Project


def odd_paths(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    fifo = tmp_path / "pipe.annotator"
    os.mkfifo(fifo)
    loop = tmp_path / "loop.annotator"
    loop.symlink_to(tmp_path / "loop2.annotator")
    (tmp_path / "loop2.annotator").symlink_to(loop)
    return {"devnull": (Path("/dev/null"), "device"), "fifo": (fifo, "FIFO"), "loop": (loop, "loop of symbolic links")}


@pytest.mark.parametrize("which", ["devnull", "fifo", "loop"])
@pytest.mark.parametrize("command", ["stats", "import", "init", "export"])
def test_odd_paths_are_named_for_what_they_are_and_left_alone(tmp_path, capsys, which, command):
    path, kind = odd_paths(tmp_path)[which]
    (tmp_path / "a.txt").write_text("Some text.", encoding="utf-8")
    before = sorted(os.listdir(tmp_path)), sorted(os.listdir("/dev"))
    argv = {
        "stats": ["stats", str(path)],
        "import": ["import", str(path), str(tmp_path / "a.txt")],
        "init": ["init", str(path)],
        "export": ["export", str(path), "-o", str(tmp_path / "x.json")],
    }[command]
    code = main(argv)
    err = capsys.readouterr().err
    assert code != 0 and "Traceback" not in err
    if command != "init" or which != "devnull":
        assert kind in err and "no such project file" not in err, err
    assert (sorted(os.listdir(tmp_path)), sorted(os.listdir("/dev"))) == before
    assert not Path("/dev/null-journal").exists() and not Path("/dev/null-wal").exists()


def test_project_refuses_them_directly(tmp_path):
    for path, kind in odd_paths(tmp_path).values():
        for create in (True, False):
            with pytest.raises(ProjectFileError, match=kind):
                Project(path, create=create)


def test_brat_export_of_an_over_long_document_name(tmp_path):
    with Project(tmp_path / "p.annotator", annotator="t") as p:
        long_name = "Überlange Überschrift " * 30 + ".txt"  # about 700 bytes in UTF-8
        import_documents(p, [IncomingDocument("First text.", long_name), IncomingDocument("Second text.", "short.txt")])
        report = writers()["brat"](p, tmp_path / "brat", states=["added"])
    names = sorted(f.name for f in (tmp_path / "brat").iterdir())
    assert len([n for n in names if n.endswith(".txt")]) == 2
    assert all(len(n.encode("utf-8")) <= 255 for n in names)
    assert any("too long" in kind for kind, _ in report.problems)
