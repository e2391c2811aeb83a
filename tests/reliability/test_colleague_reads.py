"""A colleague's project read by the read-only commands (``stats``, ``validate``, ``agree``, ``models``,
``categories``, ``export``, ``merge`` of it), as another user (``nobody`` with ``setpriv``: root ignores file modes):
a file she may read but not write, a read-only folder, a ``-wal`` that belongs to someone else (the owner's app open,
or killed). Each answers or refuses in one line, makes nothing beside the project and loses nothing of it (session 18).

The fault found: the owner's app killed (or open) with saved changes in its log while the file was private (0600),
then the file shared (``chmod 644 p.annotator``): SQLite makes the ``-wal`` and ``-shm`` with the file's mode of then,
so they stay 0600 and SQLite cannot open the log for her, and the read-only open fell back to the file alone
(``opencheck.read_only_uris``' last resort) without a word: ``stats`` counted without those changes and ``export``
wrote the project without them, exit 0. Now every such open says so in a note, and what hands the project on
(``export``, ``merge`` of it) is refused in one line; the owner's next open has every change."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reliability_support import AS_NOBODY, ROOT, needs_nobody, shared_folder

from annotator import edits
from annotator.importing import IncomingDocument, import_documents
from annotator.store import Project

KILLED_WITH_LOG = r"""
import os, signal, sys
from annotator import edits
from annotator.store import Project
p = Project(sys.argv[1], create=False, annotator="owner")
for k in range(5):
    edits.add_comment(p, 2, f"saved in the log {k}")
os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.fixture
def team():
    yield from shared_folder("annotator-colleague-reads-", mode=0o1777)  # a shared sticky folder, as /tmp


def _project(folder: Path) -> Path:
    path = folder / "p.annotator"
    with Project(path, annotator="owner") as p:
        import_documents(p, [IncomingDocument(f"Alice met Bob in Paris on day {k}.", f"{k}.txt") for k in range(4)])
        edits.add_comment(p, 1, "in the file")
    os.chmod(path, 0o644)
    return path


def _owner_killed_with_log(path: Path, private: bool = False) -> None:
    """The owner's app saves 5 comments and is killed before they reach the file: they are in ``p.annotator-wal``;
    ``private``: the file was 0600 then (its side files made so), and shared (0644) after."""
    if private:
        os.chmod(path, 0o600)
    run = subprocess.run(
        [sys.executable, "-c", KILLED_WITH_LOG, str(path)], env={**os.environ, "PYTHONPATH": str(ROOT)}
    )
    assert run.returncode == -signal.SIGKILL
    assert os.path.getsize(f"{path}-wal") > 0
    os.chmod(path, 0o644)


def _as_nobody(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HOME": "/nonexistent"}
    return subprocess.run(
        [*AS_NOBODY, sys.executable, "-m", "annotator", *args], env=env, capture_output=True, text=True, cwd="/"
    )


def _owner_comments(path: Path) -> int:
    conn = sqlite3.connect(path)  # the owner's next open: the log's changes go into the file
    try:
        return conn.execute("SELECT count(*) FROM comments").fetchone()[0]
    finally:
        conn.close()


@needs_nobody
@pytest.mark.slow  # other processes as another user
def test_a_log_she_cannot_read_is_said_and_an_export_or_merge_of_it_refused(team):
    path = _project(team)
    _owner_killed_with_log(path, private=True)  # p.annotator-wal and -shm stay 0600, the owner's
    out = team / "out"
    out.mkdir()
    os.chmod(out, 0o777)
    before = sorted(os.listdir(team))

    stats = _as_nobody("stats", str(path), "--json")
    note = [x for x in stats.stderr.splitlines() if x]
    assert stats.returncode == 0 and len(note) == 1, stats.stderr  # on main: no word, the file alone counted
    assert note[0].startswith("annotator: note: p.annotator: read without the changes saved in its log")
    assert "p.annotator-wal and p.annotator-shm cannot be read by this user" in note[0], note[0]
    assert "once root opens it again" in note[0], note[0]

    export = _as_nobody("export", str(path), "--format", "jsonl", "-o", str(out / "p.jsonl"))
    lines = [x for x in export.stderr.splitlines() if x]
    assert export.returncode == 1 and len(lines) == 1, export.stderr  # on main: exit 0, 5 comments missing
    assert lines[0].startswith("annotator: error:") and lines[0].endswith("nothing was written"), lines[0]
    assert os.listdir(out) == []

    merge = _as_nobody("merge", str(out / "team.annotator"), str(path))
    lines = [x for x in merge.stderr.splitlines() if x]
    assert merge.returncode == 1 and len(lines) == 1, merge.stderr
    assert lines[0].endswith("nothing was merged"), lines[0]
    assert os.listdir(out) == []  # no team project left

    assert sorted(os.listdir(team)) == before  # nothing made or removed beside the project
    assert _owner_comments(path) == 6  # every saved change there for the owner


@needs_nobody
@pytest.mark.slow
@pytest.mark.parametrize("place", ["read-only folder", "owner's live log", "owner's log, killed"])
def test_the_read_only_commands_answer_in_one_line_and_make_nothing_beside_it(team, place):
    """Guards (they pass on main too): where she can read the log, or there is none, every read-only command answers
    (or refuses) in one line, makes nothing beside the project, and the export holds the log's changes."""
    folder = team / "p"
    folder.mkdir()
    path = _project(folder)
    holder = None
    if place == "owner's live log":
        holder = subprocess.Popen(
            [
                sys.executable,
                "-c",
                KILLED_WITH_LOG.replace("os.kill(os.getpid(), signal.SIGKILL)", "input()"),
                str(path),
                "022",
            ],
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdin=subprocess.PIPE,
        )
        while not os.path.exists(f"{path}-wal") or os.path.getsize(f"{path}-wal") < 4096 * 5:
            pass
    elif place == "owner's log, killed":
        _owner_killed_with_log(path)
    os.chmod(folder, 0o755 if place == "read-only folder" else 0o1777)
    out = team / "out"
    out.mkdir()
    os.chmod(out, 0o777)
    before = sorted(os.listdir(folder))
    try:
        for args in (["stats"], ["validate", "--json"], ["agree"], ["models"], ["categories"], ["stats", "--model"]):
            run = _as_nobody(args[0], str(path), *args[1:])
            lines = [x for x in run.stderr.splitlines() if x]
            assert run.returncode in (0, 1) and len(lines) <= 1 and "Traceback" not in run.stderr, (args, run.stderr)
            assert sorted(os.listdir(folder)) == before, args
        export = _as_nobody("export", str(path), "--format", "jsonl", "-o", str(out / "p.jsonl"))
        assert export.returncode == 0, export.stderr
        logged = (out / "p.jsonl").read_text(encoding="utf-8").count("saved in the log")
        assert logged == (0 if place == "read-only folder" else 5)
        assert sorted(os.listdir(folder)) == before
    finally:
        if holder is not None:
            holder.communicate(b"\n")
    assert _owner_comments(path) == (1 if place == "read-only folder" else 6)
