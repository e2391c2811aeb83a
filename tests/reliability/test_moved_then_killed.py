"""A project renamed or moved (a file manager, ``mv``) while the app has it open, the app killed before its next poll
met the move (1.5 s): the edits it had saved since its last write of the log into the file (the first poll after a
pause in editing) were in ``<old name>-wal`` only, and the open of the file from where it is now did not look there:
saved edits, gone (until session 15; a close or a write after the move gives the log the new name first, session 11).
Now each open notes where the file's log is (``whereabouts``), and the open of the moved file takes that log as its
own (a second name, as the app's own close does) when it provably is."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kept_worker import kept_text, word
from reliability_support import HERE, ROOT, assert_sound, kept_worker_edits, read_side_log

from annotator import api
from annotator.importing import IncomingDocument, import_documents
from annotator.store import Project

N = 12


def _file_alone(path: Path, tmp: Path) -> tuple[list[str], list[tuple[int, int]]]:
    """What the file holds without any log (a copy of it alone)."""
    copy = tmp / "alone.annotator"
    shutil.copyfile(path, copy)
    return kept_worker_edits(copy)


def _wait_stopped(proc: subprocess.Popen) -> None:
    """Until ``kept_worker --stop-at-all`` has stopped itself after its last edit, before its event loop (a hang's
    guard, no bound on speed). The test sent the SIGSTOP once it read the worker's "all": a test process held up for
    1.5-3 s between the two (a loaded machine) let the worker's poll write its log into the file first, and the file
    alone held every edit (forced with a 4 s pause: both cases failed; session 42)."""
    end = time.monotonic() + 300
    while True:
        pid, status = os.waitpid(proc.pid, os.WNOHANG | os.WUNTRACED)
        if pid and os.WIFSTOPPED(status):
            return
        assert not pid, f"the worker ended: {proc.stderr.read().decode()[-2000:]}"  # type: ignore[union-attr]
        assert time.monotonic() < end, "the worker never got to its last edit"
        time.sleep(0.01)


@pytest.mark.slow
@pytest.mark.parametrize("where", ["same folder", "another folder"])
def test_edits_saved_just_before_the_project_was_moved_and_the_app_killed_are_in_the_moved_file(
    tmp_path: Path, where: str
) -> None:
    path = tmp_path / "p.annotator"
    with Project(path, annotator="ann") as p:
        import_documents(p, [IncomingDocument(kept_text(N), "a.txt")])
    moved = tmp_path / "renamed.annotator"
    if where == "another folder":
        (tmp_path / "elsewhere").mkdir()
        moved = tmp_path / "elsewhere" / "p.annotator"
    log = tmp_path / "claims.log"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), *sys.path]), "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen(
        [sys.executable, str(HERE / "kept_worker.py"), str(path), str(log), str(N), "--stop-at-all"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        _wait_stopped(proc)  # it never polls: the move is never met, nor its log written into the file
        lines = read_side_log(log)
        assert any("all" in ln for ln in lines), lines
        made = [ln["kept"] for ln in lines if "kept" in ln]
        assert all(ln["waiting"] == 0 for ln in lines if "kept" in ln)  # every one saved when its key returned
        expected = ([f"k{i}" for i in made if i % 3 != 2], [word(i) for i in made if i % 3 == 2])
        assert _file_alone(path, tmp_path) != expected  # some are in the log only (the app's write-in comes later)
        os.rename(path, moved)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    with api.open_project(moved, write=True):
        pass
    assert kept_worker_edits(moved) == expected
    assert not [p.name for p in tmp_path.rglob("p.annotator-*")]  # the old name's logs went once used


CHILD = """
import sys
from pathlib import Path
from annotator import edits
from annotator.store import Project
p = Project(Path(sys.argv[1]), annotator="ann")
for i in range(5):
    edits.add_comment(p, 1, f"c{i}")
print("saved", flush=True)
sys.stdin.read()
"""


def _child_with_saved_edits(path: Path) -> subprocess.Popen:
    """A program that opened ``path`` for writing, saved 5 comments (in its log only) and waits."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), *sys.path])}
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path)], env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout.readline().strip() == "saved"  # type: ignore[union-attr]
    return proc


@pytest.mark.slow
def test_a_left_log_is_not_taken_while_its_program_lives_nor_once_the_file_was_written_after_it(tmp_path: Path) -> None:
    """The old name's log is taken only when provably the moved file's: not while the program that wrote it still
    has it open (it meets the move itself), and not once another program wrote the file after the log's last frame
    (its old pages would be put back over the new ones)."""
    path = tmp_path / "p.annotator"
    with Project(path, annotator="ann") as p:
        import_documents(p, [IncomingDocument("Some text.", "a.txt")])
    moved = tmp_path / "q.annotator"
    proc = _child_with_saved_edits(path)
    try:
        os.rename(path, moved)
        with Project(moved, annotator="x"):  # the program still has the old name's log open: left to it
            assert (
                not Path(f"{moved}-wal").exists() or Path(f"{moved}-wal").stat().st_ino != os.stat(f"{path}-wal").st_ino
            )
        proc.kill()
        proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    other = sqlite3.connect(moved)  # another program (sqlite3 in a terminal) writes the file after the kill
    other.execute("INSERT INTO comments (document_id, author, text, created_at) VALUES (1, 'other', 'o', 't')")
    other.commit()
    other.close()
    with Project(moved, annotator="x") as reopened:
        assert reopened.db.conn.execute("SELECT author, text FROM comments").fetchall() == [("other", "o")]
    conn = sqlite3.connect(moved)
    assert_sound(conn)
    conn.close()
    assert Path(f"{path}-wal").exists()  # the killed program's log is left where it is, untaken


@pytest.mark.slow
def test_an_open_killed_after_it_took_a_left_log_leaves_the_old_names_to_the_next_open(tmp_path: Path) -> None:
    """The open that takes a left log gives it the file's log name, then (once SQLite has it) removes the old names;
    killed between the two, the old names in the other folder stayed beside no file for ever (a second name of a
    log, full), the index's entry gone: the next open knows them by the index still, and removes them."""
    (tmp_path / "old").mkdir()
    path = tmp_path / "old" / "p.annotator"
    with Project(path, annotator="ann") as p:
        import_documents(p, [IncomingDocument("Some text.", "a.txt")])
    proc = _child_with_saved_edits(path)
    moved = tmp_path / "q.annotator"
    os.rename(path, moved)
    proc.kill()
    proc.wait()
    os.link(f"{path}-wal", f"{moved}-wal")  # the killed open's first step
    with Project(moved, annotator="x") as reopened:
        assert [t for _, t in reopened.db.conn.execute("SELECT author, text FROM comments")] == [
            f"c{i}" for i in range(5)
        ]
    assert sorted(os.listdir(tmp_path / "old")) == []
    conn = sqlite3.connect(moved)
    assert_sound(conn)
    conn.close()


@pytest.mark.slow
def test_a_merge_of_a_source_renamed_before_its_program_was_killed_has_the_edits_saved_under_its_old_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``merge`` reads a source read-only, as its file holds it: the edits its program saved under the old name (the
    log there) were left out, silently, as a journal's were until session 14. They are written into it first."""
    from annotator.cli import main

    path = tmp_path / "alice.annotator"
    with Project(path, annotator="alice") as p:
        import_documents(p, [IncomingDocument("Some text.", "a.txt")])
    proc = _child_with_saved_edits(path)
    renamed = tmp_path / "alice-final.annotator"
    os.rename(path, renamed)
    proc.kill()
    proc.wait()
    team = tmp_path / "team.annotator"
    assert main(["merge", str(team), str(renamed)]) == 0
    err = capsys.readouterr().err
    conn = sqlite3.connect(team)
    try:
        assert [r[0] for r in conn.execute("SELECT text FROM comments ORDER BY id")] == [f"c{i}" for i in range(5)], err
    finally:
        conn.close()
    assert "alice.annotator-wal" in err, err  # said, in a note
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith("alice.annotator")]


@pytest.mark.slow
def test_a_merge_of_such_a_source_that_cannot_be_written_here_is_refused_saying_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from annotator.cli import main

    path = tmp_path / "alice.annotator"
    with Project(path, annotator="alice") as p:
        import_documents(p, [IncomingDocument("Some text.", "a.txt")])
    proc = _child_with_saved_edits(path)
    renamed = tmp_path / "alice-final.annotator"
    os.rename(path, renamed)
    proc.kill()
    proc.wait()
    os.chmod(renamed, 0o444)  # no write bit: opened read-only (even by root)
    team = tmp_path / "team.annotator"
    assert main(["merge", str(team), str(renamed)]) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"annotator: error: {renamed}: edits saved in it under its old name")
    assert "cannot be written into it here" in lines[0] and lines[0].endswith("nothing was merged"), lines[0]
    assert not team.exists() and Path(f"{path}-wal").exists()
