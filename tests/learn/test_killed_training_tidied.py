"""A training killed after it made its temporary model folder (``.tmp-PID-…``) left the half-written model beside the
project until the next training removed it (round 15b, session 23): the next read-write open removes it now, by the
command line, the Python API and the app (``tests/ui/test_qa_session24.py``), and leaves a running training's."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from annotator import api
from annotator.cli import main as cli_main
from annotator.learn import versions
from annotator.store import Project
from training_support import killed_training_folder


def killed_training_left(path: Path) -> Path:
    """The project at ``path`` and the folder a training killed while it wrote its model left in its models folder."""
    Project(path).close()
    return killed_training_folder(path)


@pytest.mark.parametrize("how", ["command line", "api"])
def test_a_read_write_open_removes_what_a_killed_training_left(tmp_path, how):
    path = tmp_path / "p.annotator"
    tmp = killed_training_left(path)
    if how == "command line":
        assert cli_main(["stats", str(path)]) == 0
    else:
        api.open_project(path, write=True).close()
    assert not tmp.exists()  # was there until the next training
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.annotator"]  # no empty models folder either


def test_a_read_only_open_and_a_running_training_s_folder_are_left(tmp_path):
    path = tmp_path / "p.annotator"
    tmp = killed_training_left(path)
    api.open_project(path).close()  # read-only: writes nothing beside it
    assert tmp.exists()
    running = tmp.with_name(f".tmp-{os.getpid()}-9f8e7d6c")  # this process: a training going on
    running.mkdir()
    with Project(path, create=False) as project:
        assert versions.remove_killed_runs_folders(project) == [tmp]
    assert running.exists() and not tmp.exists()
