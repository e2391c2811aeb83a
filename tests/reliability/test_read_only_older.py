"""A read-only project of an older file format opens as it is: read from a copy upgraded in a temporary folder, shown
read-only with a one-line note saying so; the file itself is never written (session 10, the store's second point).
It was refused: "needs an upgrade from file format 7 to format 8 to be opened, but is read-only".

The older files are the ones the tests already make: a news project from before migration 8 (format 7, no aliases in
its schema: tests/core/test_news_aliases_migration.py) and one from before migration 4 (format 3, no merge tables:
tests/teams/test_teams_merge_files.py). Root writes anything, so the permission cases run as ``nobody``."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from contextlib import closing
from pathlib import Path

import pytest

from reliability_support import AS_NOBODY, needs_nobody, shared_folder

from annotator import edits, migrations
from annotator.cli import main
from annotator.errors import SaveError
from annotator.store import Project

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
from test_news_aliases_migration import old_news_source, old_project  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def format7(folder: Path) -> Path:
    """A news project made before migration 8 (no aliases), with one document."""
    return old_project(folder, old_news_source())


def format3(folder: Path) -> Path:
    """A project as the version before merges remembered their files wrote it (format 3)."""
    path = format7(folder)
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE merged_suggestions")
    conn.execute("DROP TABLE merge_sources")
    conn.execute(f"PRAGMA user_version = {migrations.MIGRATIONS.index(migrations._m4_merge_provenance)}")
    conn.commit()
    conn.close()
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sides(folder: Path) -> list[str]:
    return sorted(f for f in os.listdir(folder) if f.endswith(("-wal", "-shm", "-journal")) or ".bak" in f)


@pytest.mark.parametrize("make", [format7, format3], ids=["format7", "format3"])
def test_a_0444_project_of_an_older_format_opens_from_an_upgraded_copy(tmp_path, make):
    path = make(tmp_path)
    # closed here, not when the cyclic collector finds it (its -wal/-shm beside the file went only then)
    with closing(sqlite3.connect(path)) as con:
        before = migrations.user_version(con)
    path.chmod(0o444)  # no write bit: read-only even for root (the core's rule)
    kept = digest(path)
    p = Project(path, create=False)
    try:
        assert p.read_only and p.read_from is not None
        note = p.read_from.summary(path.name)
        assert f"file format {before}" in note and "upgraded" in note and "not changed" in note and "\n" not in note
        assert "not writable" in p.read_only_reason and "upgraded copy" in p.read_only_reason
        assert [d["name"] for d in p.document_summaries()] == ["a.txt"]
        assert p.document(p.document_ids()[0]).text == "Rebels attacked the convoy."
        assert p.schema.label("PERSON").aliases == ("PER",)  # the upgraded schema
        assert p.path == path  # named as the file, not the copy
        with pytest.raises(SaveError, match="read-only"):
            edits.add_entity(p, 1, 0, 6, "PERSON")
        copy_folder = p.read_from.path.parent
        assert copy_folder.is_dir() and not copy_folder.is_relative_to(tmp_path)
        assert main(["export", str(path), "--format", "jsonl", "-o", str(tmp_path / "out.jsonl")]) == 0
    finally:
        p.close()
    assert not copy_folder.exists()  # the copy goes with the close
    assert digest(path) == kept and sides(tmp_path) == []  # no .bak, no -wal/-shm beside the file
    assert json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))["text"] == "Rebels attacked the convoy."


def test_a_command_on_a_read_only_older_project_says_so_in_a_note(tmp_path, capsys):
    path = format7(tmp_path)
    path.chmod(0o444)
    assert main(["stats", str(path)]) == 0
    err = capsys.readouterr().err
    notes = [line for line in err.splitlines() if line.startswith("annotator: note:")]
    assert len(notes) == 1 and "file format 7" in notes[0] and "upgraded" in notes[0], err
    assert main(["status", str(path), "annotated", "--all"]) == 1  # writing is refused, as for any read-only file
    assert "read-only" in capsys.readouterr().err


def test_opened_read_only_on_purpose_an_older_file_is_read_from_a_copy_and_not_upgraded(tmp_path):
    path = format7(tmp_path)
    kept = digest(path)
    with Project(path, create=False, read_only=True) as p:
        assert p.read_only and p.read_from is not None and p.document_ids() == [1]
    assert digest(path) == kept and not list(tmp_path.glob("*.bak*"))


PROBE = r"""
import json, os, sys
from annotator.store import Project
from annotator.formats import writers
path, out = sys.argv[1], sys.argv[2]
try:
    with Project(path, create=False) as p:
        got = {"read_only": p.read_only, "why": p.read_only_reason, "docs": p.document_ids(),
               "note": p.read_from.summary(os.path.basename(path)) if p.read_from else None,
               "copy_in": str(p.read_from.path.parent) if p.read_from else None}
        writers()["jsonl"](p, out, states=["added", "accepted", "suggested"])
    got["copy_left"] = os.path.exists(got["copy_in"]) if got["copy_in"] else None
except Exception as exc:
    got = {"error": f"{type(exc).__name__}: {exc}"}
print(json.dumps(got))
"""


@pytest.fixture
def shared():
    """A folder ``nobody`` can reach (not write in), and an ``exports`` folder beside it that nobody can write in."""
    for folder in shared_folder("annotator-nobody-", 0o755):
        out = folder.parent / "exports"
        out.mkdir()
        os.chmod(out, 0o777)
        yield folder


@pytest.mark.slow
@needs_nobody
@pytest.mark.parametrize("make", [format7, format3], ids=["format7", "format3"])
@pytest.mark.parametrize("why", ["file", "folder"])
def test_as_an_unprivileged_user_a_read_only_older_project_opens_and_exports(shared, make, why):
    path = make(shared)
    for leftover in shared.glob("a.txt"):
        leftover.unlink()
    if why == "file":
        os.chmod(path, 0o444)  # a colleague's file: owned by root, nobody may read it only
    else:
        os.chmod(path, 0o644)
    os.chmod(shared, 0o555 if why == "folder" else 0o755)  # nobody cannot write the folder either way
    kept = digest(path)
    out = shared.parent / "exports" / "out.jsonl"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    r = subprocess.run(
        [*AS_NOBODY, sys.executable, "-c", PROBE, str(path), str(out)], env=env, capture_output=True, text=True, cwd="/"
    )
    assert r.returncode == 0, r.stderr[-2000:]
    got = json.loads(r.stdout.strip().splitlines()[-1])
    assert "error" not in got, got  # was: needs an upgrade from file format N to format 8 ..., but is read-only
    assert got["read_only"] and got["docs"] == [1] and "upgraded" in got["note"], got
    assert got["copy_left"] is False, got
    assert digest(path) == kept and sides(shared) == []
    assert json.loads(out.read_text(encoding="utf-8"))["text"] == "Rebels attacked the convoy."


def test_the_copy_of_a_killed_process_is_removed_by_the_next_one(tmp_path):
    """An app killed with an older project open leaves its copy (as big as the project) in the temporary folder: the
    next copy made removes the copies of processes that are gone, never a running one's."""
    from annotator import upgraded_copy

    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    top = Path(tempfile.gettempdir())
    killed = top / f"{upgraded_copy.PREFIX}{gone.pid}-abc"
    running = top / f"{upgraded_copy.PREFIX}{os.getpid()}-abc"
    for folder in (killed, running):
        folder.mkdir()
        (folder / "old.annotator").write_bytes(b"x" * 1000)
    try:
        path = format7(tmp_path)
        path.chmod(0o444)
        with Project(path, create=False) as p:
            assert p.read_from is not None
        assert not killed.exists() and running.exists()
    finally:
        shutil.rmtree(killed, ignore_errors=True)
        shutil.rmtree(running, ignore_errors=True)


@pytest.mark.slow
def test_an_older_project_on_a_disk_too_full_for_its_copy_opens_read_only_and_leaves_no_empty_copy(small_fs):
    """The copy of the file made before an upgrade could not be written on a nearly full disk: the project opened
    read-only from an upgraded copy elsewhere (right), but an empty old.annotator.v7.bak stayed beside it (and the next
    try made .bak1, .bak2 ...): a "copy of the file as it was" that holds nothing."""
    from annotator.importing import IncomingDocument, import_documents

    path = small_fs / "old.annotator"
    with Project(path, annotator="setup") as p:
        import_documents(p, [IncomingDocument(f"Rebels attacked convoy {k}. " * 20, f"{k}.txt") for k in range(300)])
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.LATEST - 1}")
    conn.commit()
    conn.close()
    kept = digest(path)
    free = os.statvfs(small_fs).f_bavail * os.statvfs(small_fs).f_frsize
    (small_fs / "filler").write_bytes(b"\0" * max(0, free - path.stat().st_size // 2))  # room for half a copy
    for _ in range(2):
        with Project(path, create=False) as p:
            assert p.read_only and "disk is full" in p.read_only_reason and p.read_from is not None
            assert len(p.document_ids()) == 300
    assert digest(path) == kept
    assert not list(small_fs.glob("*.bak*"))  # was: old.annotator.v7.bak of 0 bytes, then .bak1
