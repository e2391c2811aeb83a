"""Two users on one project in the team's folder (round 14, session 22). The owner makes it with the group's umask
(002, the folder setgid to the team's group): every file a plain ``open`` makes there is 0664, but SQLite made the
project 0644 (its own default mode, whatever the umask), its ``-wal`` and ``-shm`` taking the file's mode, and the
journal of kept edits was made 0644 too: the teammate's open was read-only ("the file is not writable") until the
owner found ``chmod``. Now a new project file, a saved copy and a journal are made as a plain ``open`` makes a file:
0666 less the user's umask (0644 under the usual 022, as before)."""

from __future__ import annotations

import grp
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from reliability_support import AS_NOBODY, ROOT, needs_nobody, shared_folder

from annotator.kept_journal import KeptJournal
from annotator.store import Project


def mode(path: Path | str) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def umask_002():
    was = os.umask(0o002)
    yield
    os.umask(was)


def test_a_new_project_its_logs_a_copy_and_a_journal_take_the_user_s_umask(tmp_path, umask_002):
    path = tmp_path / "team.annotator"
    with Project(path, annotator="owner") as p:
        assert mode(path) == 0o664  # was: 0644
        assert mode(f"{path}-wal") == 0o664 and mode(f"{path}-shm") == 0o664  # they take the file's mode
        journal = KeptJournal.start(p)
        try:
            assert mode(journal.path) == 0o664  # was: 0644
        finally:
            journal.finish()
        copy = p.save_copy(tmp_path / "copy.annotator")
    assert mode(copy) == 0o664  # was: 0644


def test_under_the_usual_umask_the_modes_are_as_before(tmp_path):
    was = os.umask(0o022)
    try:
        path = tmp_path / "p.annotator"
        Project(path, annotator="owner").close()
        assert mode(path) == 0o644
    finally:
        os.umask(was)


@pytest.mark.slow
@needs_nobody
def test_a_teammate_of_the_group_edits_the_project_the_owner_made_in_the_team_s_folder():
    for folder in shared_folder("annotator-team-", mode=0o2777):
        os.chown(folder, 0, grp.getgrnam("nogroup").gr_gid)  # the team's folder: its files are the group's
        (folder / "a.txt").write_text("Maria Lopez met officials in Paris.", encoding="utf-8")
        path = folder / "team.annotator"
        owner = subprocess.run(
            [sys.executable, "-m", "annotator", "import", str(path), str(folder / "a.txt")],
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            capture_output=True,
            text=True,
            preexec_fn=lambda: os.umask(0o002),
        )
        assert owner.returncode == 0, owner.stderr
        teammate = subprocess.run(
            [*AS_NOBODY, sys.executable, "-m", "annotator", "status", str(path), "annotated", "--all"],
            env={**os.environ, "PYTHONPATH": str(ROOT), "HOME": "/"},
            capture_output=True,
            text=True,
            cwd="/",
        )
        assert teammate.returncode == 0, teammate.stderr  # was: "… is read-only: the file is not writable …", exit 1
        with Project(path, create=False, read_only=True) as p:
            assert [p.document(d).status for d in p.document_ids()] == ["annotated"]
