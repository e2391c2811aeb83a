"""A process whose file size limit (``ulimit -f``, RLIMIT_FSIZE: a shared server's, a batch system's) the project
reaches (session 16): SQLite's write past the limit fails with EFBIG, which it reports as 'disk I/O error', and an
import or an edit said `the change could not be saved (disk I/O error); nothing was changed`: nothing was lost, but
nothing said why. The line names the limit now. The project stays whole and works once the limit is lifted."""

from __future__ import annotations

import os
import resource
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

from annotator import edits
from annotator.errors import SaveError
from annotator.importing import IncomingDocument, import_documents
from annotator.store import Project


@contextmanager
def file_size_limit(limit: int) -> Iterator[None]:
    """This process may write files of ``limit`` bytes at most (Python ignores SIGXFSZ: a write past it is EFBIG)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))


def _documents(n: int) -> list[IncomingDocument]:
    return [IncomingDocument(f"Report {k} from Paris about the weather. " * 1500, f"d{k}.txt") for k in range(n)]


@pytest.mark.slow
@pytest.mark.skipif(resource.getrlimit(resource.RLIMIT_FSIZE)[0] != resource.RLIM_INFINITY, reason="a limit is set")
def test_an_import_past_the_file_size_limit_says_so_and_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    with Project(path, annotator="ann") as p:
        import_documents(p, _documents(2))
        doc = p.document_ids()[0]
        limit = os.stat(path).st_size + 300_000
        with file_size_limit(limit):
            with pytest.raises(SaveError) as err:
                import_documents(p, _documents(12))  # about 700 KB of text
            with pytest.raises(SaveError) as edit:
                edits.add_comment(p, doc, "x" * 400_000)
        assert str(err.value) == (
            f"{path}: the change could not be saved (disk I/O error: the file reached the largest size this program "
            f"may write, {limit:,} bytes (its file size limit, 'ulimit -f'): raise or remove the limit); nothing was "
            "changed"
        )
        assert "its file size limit, 'ulimit -f'" in str(edit.value)
        assert len(p.document_ids()) == 2
        edits.add_comment(p, doc, "after the limit")  # the same Project works once the limit is lifted
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 2
        assert conn.execute("SELECT text FROM comments").fetchall() == [("after the limit",)]


@pytest.mark.slow
@pytest.mark.skipif(resource.getrlimit(resource.RLIMIT_FSIZE)[0] != resource.RLIM_INFINITY, reason="a limit is set")
def test_an_export_past_the_file_size_limit_names_the_limit_and_keeps_the_old_export(tmp_path: Path) -> None:
    """It said `export failed, nothing was replaced: File too large`, which reads as a disk or a format's limit (the
    trained model's save said `cannot save the trained model there (File too large)` the same way: one wording)."""
    from annotator.errors import AnnotatorError
    from annotator.formats import writers

    path = tmp_path / "p.annotator"
    out = tmp_path / "out.jsonl"
    out.write_bytes(b"the export of before\n")
    with Project(path, annotator="ann") as p:
        import_documents(p, _documents(6))  # about 360 KB of text
        with file_size_limit(100_000):
            with pytest.raises(AnnotatorError) as err:
                writers()["jsonl"](p, out, states=["added", "accepted", "suggested"])
    assert str(err.value) == (
        f"{out}: export failed, nothing was replaced: File too large: a file reached the largest size this program "
        "may write, 100,000 bytes (its file size limit, 'ulimit -f'): raise or remove the limit"
    )
    assert out.read_bytes() == b"the export of before\n"
    assert sorted(f.name for f in tmp_path.iterdir()) == ["out.jsonl", "p.annotator"]
