"""Edits the app kept while another program held the write lock (an import, a merge), SIGKILLed before or while
they land: the next open writes every one the person saw made, once, in order (``annotator.kept_journal``).

Until session 13 a kept edit lived only in the app's memory: a kill (or a power cut) while another program wrote
lost every keystroke made meanwhile."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kept_worker import kept_text, word
from reliability_support import HERE, ROOT, kept_worker_edits, read_side_log

from annotator import api
from annotator.importing import IncomingDocument, import_documents
from annotator.kept_journal import journal_paths
from annotator.store import Project

N = 12


def _project(tmp_path: Path) -> Path:
    path = tmp_path / "p.annotator"
    with Project(path, annotator="ann") as p:
        import_documents(p, [IncomingDocument(kept_text(N), "a.txt")])
    return path


def _start(path: Path, log: Path, take_back: int, prefix: str = "") -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), *sys.path]), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, str(HERE / "kept_worker.py"), str(path), str(log), str(N), str(take_back), prefix],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _wait_for(proc: subprocess.Popen, log: Path, what: str) -> list[dict]:
    end = time.monotonic() + 300
    while time.monotonic() < end:
        lines = read_side_log(log)
        if any(what in ln for ln in lines):
            return lines
        if proc.poll() is not None:
            raise AssertionError(f"the worker ended: {proc.stderr.read().decode()[-2000:]}")  # type: ignore[union-attr]
        time.sleep(0.02)
    raise AssertionError(f"no {what!r} from the worker")


def _expected(lines: list[dict]) -> tuple[list[str], list[tuple[int, int]]]:
    """The comments and ORG spans the person saw made, in order (taken-back ones out)."""
    made = [ln["kept"] for ln in lines if "kept" in ln]
    for ln in lines:
        if "taken_back" in ln:
            made.remove(ln["taken_back"])
    return [f"k{i}" for i in made if i % 3 != 2], [word(i) for i in made if i % 3 == 2]


def _end(proc: subprocess.Popen, other: sqlite3.Connection) -> None:
    """The app's process gone (killed if the test failed before its kill) and the other program's lock let go."""
    if proc.poll() is None:
        proc.kill()
        proc.wait()
    if other.in_transaction:
        other.execute("ROLLBACK")
    other.close()


@pytest.mark.slow
@pytest.mark.parametrize(
    "take_back, release_then_kill_after",
    [(-1, None), (7, None), (-1, 0.0), (4, 0.05), (-1, 0.15), (10, 0.3), (-1, 0.6)],
)
def test_kept_edits_of_a_killed_app_are_in_the_file_once_in_order_after_the_next_open(
    tmp_path: Path, take_back: int, release_then_kill_after: float | None, figures: dict
) -> None:
    path = _project(tmp_path)
    log = tmp_path / "claims.log"
    other = sqlite3.connect(path, isolation_level=None)  # another program in the middle of a long write
    other.execute("BEGIN IMMEDIATE")
    proc = _start(path, log, take_back)
    try:
        lines = _wait_for(proc, log, "all")
        assert all(ln["waiting"] > 0 for ln in lines if "kept" in ln)  # every one kept, none written
        if release_then_kill_after is not None:  # the other program done: the kept edits land as the kill comes
            other.execute("ROLLBACK")
            time.sleep(release_then_kill_after)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    finally:
        _end(proc, other)
    before = kept_worker_edits(path)
    with api.open_project(path, write=True, annotator="someone") as reopened:
        replay = reopened.kept_replay
    assert kept_worker_edits(path) == _expected(lines)
    assert not any(p.exists() for p in journal_paths(path))
    with api.open_project(path, write=True) as again:  # once: a second open writes nothing
        assert again.kept_replay is None
    assert kept_worker_edits(path) == _expected(lines)
    figures.update(landed_before_kill=len(before[0]) + len(before[1]), written_at_open=replay.written if replay else 0)


@pytest.mark.slow
def test_a_run_killed_after_taking_over_a_killed_run_s_edits_loses_none_of_either(tmp_path: Path) -> None:
    """The app killed with edits kept, started again while the other program still writes (it takes the first run's
    journal over and keeps new keys behind its edits), killed again: the next open writes the first run's edits,
    then the second's, each once."""
    path = _project(tmp_path)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    runs = []
    try:
        for prefix, take_back in (("", 4), ("again", 7)):
            log = tmp_path / f"claims{prefix}.log"
            proc = _start(path, log, take_back, prefix)
            try:
                runs.append(_wait_for(proc, log, "all"))
            finally:
                proc.send_signal(signal.SIGKILL)
                proc.wait()
    finally:
        other.execute("ROLLBACK")
        other.close()
    first_comments, first_spans = _expected(runs[0])
    second = [f"again{ln['kept']}" for ln in runs[1] if "kept" in ln and ln["kept"] != 7]
    assert runs[1][0]["waiting"] == N  # the first run's edits (one of them taken back), then its own first key
    with api.open_project(path, write=True) as reopened:
        assert reopened.kept_replay.written == len(first_comments) + len(first_spans) + len(second)
    assert kept_worker_edits(path) == (first_comments + second, first_spans)
    assert not any(p.exists() for p in journal_paths(path))


@pytest.mark.slow
@pytest.mark.parametrize("where, release_first", [("same folder", False), ("another folder", True)])
def test_a_project_renamed_while_edits_are_kept_then_the_app_killed_gets_them_at_the_open_of_its_new_name(
    tmp_path: Path, where: str, release_first: bool
) -> None:
    """The journal follows the file it was kept for: renamed in its folder (the app killed with every edit kept: the
    open of the new name finds the journal under the old one), or moved to another folder and the other program done
    (the app meets the move as the kept edits land: they stay kept and their journal goes beside the file), then
    SIGKILL. Until session 14 the edits stayed under the old name, never written."""
    path = _project(tmp_path)
    log = tmp_path / "claims.log"
    moved = tmp_path / "renamed.annotator"
    if where == "another folder":
        (tmp_path / "elsewhere").mkdir()
        moved = tmp_path / "elsewhere" / "renamed.annotator"
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    proc = _start(path, log, 4)
    try:
        lines = _wait_for(proc, log, "all")
        os.rename(path, moved)
        if release_first:
            other.execute("ROLLBACK")
            end = time.monotonic() + 120
            while not moved.with_name(moved.name + "-kept").exists():  # the app moved its journal with the file
                assert time.monotonic() < end and proc.poll() is None, "the journal never followed the file"
                time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    finally:
        _end(proc, other)
    assert kept_worker_edits(moved) == ([], [])  # nothing landed before the kill
    with api.open_project(moved, write=True, annotator="someone") as reopened:
        assert reopened.kept_replay is not None and reopened.kept_replay.written == N - 1
    assert kept_worker_edits(moved) == _expected(lines)
    assert not [p.name for p in tmp_path.rglob("*-kept*")]
    with api.open_project(moved, write=True) as again:
        assert again.kept_replay is None


@pytest.mark.slow
@pytest.mark.parametrize("release_first", [False, True])
def test_a_project_moved_to_another_folder_the_app_killed_before_it_noticed_gets_them_at_the_open_of_its_new_place(
    tmp_path: Path, release_first: bool
) -> None:
    """The app stopped (SIGSTOP: it never ticks again, so it cannot see the move), the project moved to another folder
    (the other program still writing, or done), then SIGKILL: the journal is left in the old folder, where the open in
    the new one does not look. Until session 15 the edits stayed there, never written (the kill had to come within one
    0.15 s tick of the move); the per-user index of journals (``whereabouts``) names where it is."""
    path = _project(tmp_path)
    log = tmp_path / "claims.log"
    (tmp_path / "elsewhere").mkdir()
    moved = tmp_path / "elsewhere" / "moved.annotator"
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    proc = _start(path, log, 4)
    try:
        lines = _wait_for(proc, log, "all")
        proc.send_signal(signal.SIGSTOP)
        os.rename(path, moved)
        if release_first:
            other.execute("ROLLBACK")
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    finally:
        _end(proc, other)
    assert [p.name for p in journal_paths(path) if p.exists()] == ["p.annotator-kept"]  # left in the old folder
    assert kept_worker_edits(moved) == ([], [])
    with api.open_project(moved, write=True, annotator="someone") as reopened:
        assert reopened.kept_replay is not None and reopened.kept_replay.written == N - 1
    assert kept_worker_edits(moved) == _expected(lines)
    assert not [p.name for p in tmp_path.rglob("*-kept*")]  # the journal is gone from both folders
    with api.open_project(moved, write=True) as again:
        assert again.kept_replay is None
    assert kept_worker_edits(moved) == _expected(lines)
