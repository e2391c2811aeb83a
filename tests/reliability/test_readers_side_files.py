"""A colleague reading someone's project (``stats``, an export, ``merge`` of her file, the app) opens it read-only, and
SQLite makes its ``-wal``/``-shm`` owned by the colleague with the file's mode: afterwards the owner could not write
them, and every edit of hers failed ("cannot write to the project: attempt to write a readonly database") until the
colleague removed them (session 10). Now a read-only connection removes at its close the side files it made when
nobody else uses them; while it has them open, the owner's project opens read-only saying why.

Root writes anything, so each user is a real unprivileged one (``setpriv``): the owner uid 1000, the colleague
``nobody``."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from reliability_support import AS_NOBODY, AS_OWNER, SETPRIV, shared_folder

ROOT = Path(__file__).resolve().parents[2]
OWNER, COLLEAGUE = AS_OWNER, AS_NOBODY
needs_users = pytest.mark.skipif(not SETPRIV or os.geteuid() != 0, reason="needs root and setpriv to act as two users")

EDIT = r"""
import json, sys
from annotator import edits
from annotator.store import Project
try:
    with Project(sys.argv[1], create=False, annotator="owner") as p:
        out = {"read_only": p.read_only, "why": p.read_only_reason}
        if not p.read_only:
            out["id"] = edits.add_comment(p, 1, "the owner's edit").result_id
except Exception as exc:
    out = {"error": f"{type(exc).__name__}: {exc}"}
print(json.dumps(out))
"""

HOLD = r"""
import sys
from annotator.store import Project
p = Project(sys.argv[1], create=False)
print("open", p.read_only, flush=True)
sys.stdin.readline()
p.close()
"""


def run(who: list[str], *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([*who, sys.executable, *args], env=env, capture_output=True, text=True, cwd="/", input=stdin)


def owner_edits(path: Path) -> dict:
    r = run(OWNER, "-c", EDIT, str(path))
    assert r.returncode == 0, r.stderr[-2000:]
    return json.loads(r.stdout.strip().splitlines()[-1])


@pytest.fixture
def shared():
    """A folder both users can write in, with a text to import."""
    for folder in shared_folder("annotator-shared-"):
        (folder / "a.txt").write_text("Maria Lopez met officials in Paris.", encoding="utf-8")
        yield folder


def sides(folder: Path) -> list[str]:
    return sorted(f for f in os.listdir(folder) if f.endswith(("-wal", "-shm")))


@pytest.mark.slow
@needs_users
@pytest.mark.parametrize(
    "command",
    [["stats"], ["export", "--format", "jsonl", "-o", "{out}"], ["merge", "{team}"]],
    ids=["stats", "export", "merge"],
)
def test_a_colleague_reading_the_project_leaves_nothing_the_owner_cannot_write(shared, command):
    path = shared / "alice.annotator"
    r = run(OWNER, "-m", "annotator", "import", str(path), str(shared / "a.txt"))
    assert r.returncode == 0, r.stderr
    out_folder = Path(tempfile.mkdtemp(prefix="annotator-colleague-"))
    os.chmod(out_folder, 0o777)
    try:
        args = [a.format(out=out_folder / "out.jsonl", team=out_folder / "team.annotator") for a in command]
        if command[0] == "merge":
            args = ["merge", args[1], str(path)]
        else:
            args = [args[0], str(path), *args[1:]]
        r = run(COLLEAGUE, "-m", "annotator", *args)
        assert r.returncode == 0, r.stderr[-2000:]
    finally:
        shutil.rmtree(out_folder, ignore_errors=True)
    assert sides(shared) == []  # was: alice.annotator-wal and -shm owned by nobody, mode 0644
    edited = owner_edits(path)
    assert edited.get("read_only") is False and edited.get("id"), edited  # was: attempt to write a readonly database


@pytest.mark.slow
@needs_users
def test_while_a_colleague_has_it_open_the_owner_is_told_why_it_is_read_only(shared):
    path = shared / "alice.annotator"
    assert run(OWNER, "-m", "annotator", "import", str(path), str(shared / "a.txt")).returncode == 0
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    holder = subprocess.Popen(
        [*COLLEAGUE, sys.executable, "-c", HOLD, str(path)],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd="/",
    )
    try:
        assert holder.stdout.readline().strip() == "open True"
        edited = owner_edits(path)
        assert edited.get("read_only") is True, edited  # was: opened, then every edit failed
        assert "belongs to another user (nobody)" in edited["why"], edited
    finally:
        holder.communicate("done\n", timeout=30)
    assert holder.returncode == 0
    assert sides(shared) == []
    edited = owner_edits(path)
    assert edited.get("read_only") is False and edited.get("id"), edited


@pytest.mark.slow
def test_side_files_another_connection_uses_are_kept(tmp_path):
    """The reader that made the -wal/-shm closes while another program still reads through them: they stay (SQLite's
    lock on the -shm says so); removing them would give the next opener a second index of the same log."""
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project

    path = tmp_path / "p.annotator"
    with Project(path) as p:
        import_documents(p, [IncomingDocument("Maria Lopez met officials in Paris.", "a.txt")])
    first = Project(path, create=False, read_only=True)  # makes the side files
    assert sides(tmp_path) == ["p.annotator-shm", "p.annotator-wal"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path)], env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "open False"
        first.close()
        assert sides(tmp_path) == ["p.annotator-shm", "p.annotator-wal"]
    finally:
        holder.communicate("done\n", timeout=30)
