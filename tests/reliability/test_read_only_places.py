"""Issue 9, points 12-13: read-only opens leave no 0444 side files; a project that cannot be written where it
is (read-only file system, full disk, folder not writable) opens read-only, readable and exportable, with why.

Tests run as root, who may write anything: the permission cases run the core as ``nobody`` (setpriv), the
file-system cases on a small tmpfs mounted for the test. Each is skipped where that is not possible.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reliability_support import AS_NOBODY, fill, needs_nobody, shared_folder

from annotator.importing import IncomingDocument, import_documents
from annotator.store import Project

ROOT = Path(__file__).resolve().parents[2]
TEXT = "Maria Lopez met officials in Paris."

PROBE = r"""
import json, os, sys
from annotator.store import Project
from annotator import edits
path, what = sys.argv[1], sys.argv[2]
out = {}
try:
    if what == "make":
        from annotator.importing import IncomingDocument, import_documents
        with Project(path) as p:
            import_documents(p, [IncomingDocument("Maria Lopez met officials in Paris.", "a.txt")])
    elif what == "open":
        with Project(path, create=False) as p:
            out = {"read_only": p.read_only, "why": p.read_only_reason, "docs": p.document_ids()}
            from annotator.formats import writers
            writers()["jsonl"](p, sys.argv[3], states=["added", "accepted", "suggested"])
    elif what == "edit":
        with Project(path, create=False) as p:
            out = {"read_only": p.read_only, "id": edits.add_entity(p, 1, 0, 11, "PERSON").result_id}
except Exception as exc:
    out = {"error": f"{type(exc).__name__}: {exc}"}
folder = os.path.dirname(path)
out["files"] = {f: oct(os.stat(os.path.join(folder, f)).st_mode & 0o777) for f in sorted(os.listdir(folder))}
print(json.dumps(out))
"""


def as_nobody(*args: str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    r = subprocess.run(
        [*AS_NOBODY, sys.executable, "-c", PROBE, *args], env=env, capture_output=True, text=True, cwd="/"
    )
    assert r.returncode == 0, r.stderr[-2000:]
    return json.loads(r.stdout.strip().splitlines()[-1])


@pytest.fixture
def shared():
    """A folder nobody can reach and write in."""
    yield from shared_folder("annotator-nobody-")


@pytest.mark.slow
@needs_nobody
def test_read_only_open_of_a_0444_file_leaves_no_0444_side_files(shared):
    path = shared / "p.annotator"
    assert "error" not in as_nobody(str(path), "make")
    os.chmod(path, 0o444)
    os.chown(path, 65534, 65534)
    opened = as_nobody(str(path), "open", str(shared / "out.jsonl"))
    assert opened["read_only"] and "not writable" in opened["why"] and opened["docs"] == [1], opened
    assert not [f for f in opened["files"] if f.endswith(("-wal", "-shm"))], opened["files"]
    os.chmod(path, 0o644)  # the owner makes it writable again: edits work at once
    edited = as_nobody(str(path), "edit")
    assert edited.get("read_only") is False and edited.get("id"), edited


@pytest.mark.slow
@needs_nobody
def test_a_folder_the_user_cannot_write_opens_read_only_with_the_reason(shared):
    path = shared / "p.annotator"
    as_nobody(str(path), "make")
    os.chown(path, 65534, 65534)
    out = shared.parent / "exports"
    out.mkdir()
    os.chmod(out, 0o777)
    os.chmod(shared, 0o555)
    try:
        opened = as_nobody(str(path), "open", str(out / "out.jsonl"))
    finally:
        os.chmod(shared, 0o777)
    assert opened.get("read_only") and "folder" in opened["why"] and opened["docs"] == [1], opened
    assert (out / "out.jsonl").read_text(encoding="utf-8").count("\n") == 1


def check_read_only_and_exportable(path: Path, out: Path, why: str) -> None:
    from annotator.formats import writers

    from annotator import edits
    from annotator.errors import SaveError

    with Project(path, create=False) as p:
        assert p.read_only and why in (p.read_only_reason or ""), p.read_only_reason
        assert p.document(1).text == TEXT
        with pytest.raises(SaveError, match=f"nothing was changed \\(open read-only because .*{why}"):
            edits.add_comment(p, 1, "a note")  # an edit says why it cannot be saved
        writers()["jsonl"](p, out, states=["added", "accepted", "suggested"])
    assert json.loads(out.read_text(encoding="utf-8"))["text"] == TEXT


def test_a_full_disk_opens_read_only_with_the_reason(small_fs, tmp_path):
    path = small_fs / "p.annotator"
    with Project(path) as p:
        import_documents(p, [IncomingDocument(TEXT, "a.txt")])
    fill(small_fs)
    check_read_only_and_exportable(path, tmp_path / "out.jsonl", "disk is full")


def test_a_read_only_file_system_opens_read_only_with_the_reason(small_fs, tmp_path):
    path = small_fs / "p.annotator"
    with Project(path) as p:
        import_documents(p, [IncomingDocument(TEXT, "a.txt")])
    assert subprocess.run(["mount", "-o", "remount,ro", str(small_fs)], capture_output=True).returncode == 0
    check_read_only_and_exportable(path, tmp_path / "out.jsonl", "read-only file system")
    assert sorted(os.listdir(small_fs)) == ["p.annotator"]


def _export_as_nobody(project: Path, fmt: str, out: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [*AS_NOBODY, sys.executable, "-m", "annotator", "export", str(project), "-f", fmt, "-o", str(out)]
    return subprocess.run(cmd, env=env, capture_output=True, text=True, cwd="/")


@pytest.mark.slow
@needs_nobody
@pytest.mark.parametrize("fmt", ["jsonl", "brat"])
def test_an_export_into_a_folder_the_user_cannot_write_names_the_output_and_why(shared, fmt):
    """The message named the hidden temporary file ('.../.out.jsonl.4711.x8k2.part: Permission denied')."""
    path = shared / "p.annotator"
    as_nobody(str(path), "make")
    os.chown(path, 65534, 65534)
    closed = shared.parent / "not mine"
    closed.mkdir()
    out = closed / ("out.jsonl" if fmt == "jsonl" else "brat out")
    r = _export_as_nobody(path, fmt, out)
    assert r.returncode != 0 and not os.listdir(closed)
    message = r.stderr.strip()
    assert len(message.splitlines()) == 1 and ".part" not in message, message
    assert f"{out}: cannot write in {closed}" in message and "Permission denied" in message, message


def test_an_export_onto_a_read_only_file_system_names_the_output_and_why(small_fs, capsys):
    from annotator.cli import main

    path = small_fs / "p.annotator"
    with Project(path) as p:
        import_documents(p, [IncomingDocument(TEXT, "a.txt")])
    assert subprocess.run(["mount", "-o", "remount,ro", str(small_fs)], capture_output=True).returncode == 0
    out = small_fs / "out.json"
    assert main(["export", str(path), "-f", "json", "-o", str(out)]) != 0
    message = capsys.readouterr().err.strip()
    assert len(message.splitlines()) == 1 and ".part" not in message, message
    assert f"{out}: cannot write in {small_fs}" in message and "Read-only file system" in message, message


def _annotator_as_nobody(*argv: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [*AS_NOBODY, sys.executable, "-m", "annotator", *argv], env=env, capture_output=True, text=True, cwd="/"
    )


@pytest.mark.slow  # other processes
@needs_nobody
@pytest.mark.parametrize("command", [["init"], ["import", "{txt}"], ["merge", "{src}"]])
def test_a_project_cannot_be_made_in_a_folder_the_user_cannot_write_and_says_why(shared, command):
    """'cannot create the project: unable to open database file' (SQLite's words) did not say why."""
    src = shared / "src.annotator"
    as_nobody(str(src), "make")
    txt = shared / "a.txt"
    txt.write_text("Ivan Petrov flew to Zurich.", encoding="utf-8")
    closed = shared.parent / "not mine"
    closed.mkdir()
    target = closed / "new.annotator"
    r = _annotator_as_nobody(command[0], str(target), *[a.format(txt=txt, src=src) for a in command[1:]])
    lines = r.stderr.strip().splitlines()
    assert r.returncode == 1 and len(lines) == 1, r.stderr
    assert f"{target}: cannot create the project: the folder {closed} is not writable" in lines[0], lines[0]
    assert "unable to open database file" not in lines[0] and not os.listdir(closed)
