"""A damaged project file is reported clearly at open and never written to."""

from __future__ import annotations

import os
import random
import sqlite3
from pathlib import Path

import pytest

from annotator import edits
from annotator.errors import AnnotatorError, DamagedProjectError, ProjectFileError
from annotator.formats.loading import import_paths
from annotator.store import Project
from reliability_support import ROOT, file_digest


@pytest.fixture(scope="module")
def good_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("good") / "good.annotator"
    with Project(path, annotator="a") as p:
        import_paths(p, [ROOT / "seeds"])
        for doc in p.document_ids():
            edits.add_entity(p, doc, 0, 3, "ORG")
            edits.add_comment(p, doc, "checked " * 50)
    assert not Path(f"{path}-wal").exists()
    return path


def _damage(good: Path, target: Path, how: str) -> None:
    data = bytearray(good.read_bytes())
    rng = random.Random(how)
    if how == "truncated-half":
        data = data[: len(data) // 2]
    elif how == "truncated-to-header":
        data = data[:100]
    elif how == "truncated-one-page":
        data = data[:4096]
    elif how == "overwritten-schema-page":  # the cells of page 1 (sqlite_master), wherever the layout puts them
        page_size = int.from_bytes(data[16:18], "big")
        start = min(int.from_bytes(data[105:107], "big"), page_size - 800)
        data[start:page_size] = b"\xff" * (page_size - start)
    elif how.startswith("overwritten"):
        size = {"overwritten-middle": 4096, "overwritten-bytes": 16}[how]
        start = len(data) // 2
        if how == "overwritten-bytes":  # the header of the middle page: a few bytes in the free space of an empty
            start -= start % 4096  # page would be harmless, and where that page falls depends on the tables there are
        data[start : start + size] = bytes(rng.randrange(256) for _ in range(size))
    elif how == "not-sqlite-text":
        data = bytearray(b"Just some notes, not a project.\n" * 10)
    elif how == "not-sqlite-zip":
        data = bytearray(b"PK\x03\x04" + bytes(200))
    elif how == "zeros":
        data = bytearray(len(data))
    target.write_bytes(bytes(data))


CASES = [
    "truncated-half",
    "truncated-to-header",
    "truncated-one-page",
    "overwritten-middle",
    "overwritten-bytes",
    "overwritten-schema-page",
    "not-sqlite-text",
    "not-sqlite-zip",
    "zeros",
]


@pytest.mark.parametrize("read_only", [False, True], ids=["read-write", "read-only"])
@pytest.mark.parametrize("how", CASES)
def test_damaged_file_is_reported_and_left_alone(good_file, tmp_path, how, read_only, figures):
    path = tmp_path / "damaged.annotator"
    _damage(good_file, path, how)
    digest = file_digest(path)
    try:
        with Project(path, read_only=read_only) as p:  # if it opens, reading everything must fail clearly or work
            for doc in p.document_ids():
                p.document(doc), p.entities(doc), p.events(doc), p.comments(doc)
            opened = True
    except ProjectFileError as exc:
        msg = str(exc)
        assert msg.startswith(str(path)) and "Traceback" not in msg
        opened = False
    assert file_digest(path) == digest, "the damaged file was written to"
    assert not opened, f"a {how} file opened as if nothing were wrong"
    figures.update(case=how, message=msg.split(": ", 1)[1][:100])


def test_newer_file_format_is_refused_unchanged(good_file, tmp_path):
    path = tmp_path / "newer.annotator"
    path.write_bytes(good_file.read_bytes())
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    digest = file_digest(path)
    for ro in (False, True):
        with pytest.raises(ProjectFileError, match="newer annotator.*file format 99"):
            Project(path, read_only=ro)
    assert file_digest(path) == digest


def test_foreign_sqlite_file_is_refused_unchanged(tmp_path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO photos (name) VALUES ('cat.jpg')")
    conn.commit()
    conn.close()
    digest = file_digest(path)
    with pytest.raises(ProjectFileError, match="not an annotator project"):
        Project(path)
    assert file_digest(path) == digest


def test_damage_found_during_work_is_an_annotator_error(good_file, tmp_path):
    """Damage SQLite only meets later (a page read by an edit) is reported, not a raw sqlite3 error."""
    path = tmp_path / "late.annotator"
    path.write_bytes(good_file.read_bytes())
    p = Project(path, annotator="a")
    try:
        doc = p.document_ids()[-1]
        page = p.db.conn.execute("PRAGMA page_size").fetchone()[0]
        root = p.db.conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'comments'").fetchone()[0]
        with open(path, "r+b") as fh:  # the disk goes bad under an open project
            fh.seek((root - 1) * page)
            fh.write(b"\x0d" + b"\xee" * 200)
            fh.flush()
            os.fsync(fh.fileno())
        p.db.conn.execute("PRAGMA cache_size = 0")
        with pytest.raises(AnnotatorError):
            for _ in range(3):
                p.comments(doc)
                edits.add_comment(p, doc, "more")
    finally:
        p.close()


def test_garbage_over_the_header_s_version_is_damage_not_a_newer_annotator(good_file, tmp_path):
    """Bytes written over the header's user version (offset 60) read as 'written by a newer annotator (file format
    1111574341 ...); upgrade annotator to open it': no upgrade opens it."""
    path = tmp_path / "hit.annotator"
    data = bytearray(good_file.read_bytes())
    data[60:64] = b"BARG"
    path.write_bytes(bytes(data))
    digest = file_digest(path)
    for ro in (False, True):
        with pytest.raises(DamagedProjectError) as info:
            Project(path, read_only=ro)
        assert "upgrade annotator" not in str(info.value) and "backup" in str(info.value), info.value
        assert info.value.changed == "the file was not changed" and "which no annotator writes" in info.value.why
    assert file_digest(path) == digest
