"""Two training runs finishing at once on one project (the app's and a command's, or two commands): each version is
numbered, moved into place and recorded in one transaction. The registry was read before and written after in two
steps, so the run that wrote last dropped the other's record (its model folder there but never listed), and two runs
could take the same number (session 10)."""

from __future__ import annotations

import threading

import pytest

from annotator.learn import versions
from annotator.store import Project


@pytest.mark.slow  # 2 s of a worker's wall time by design: the first run waits that long for the second, held back
def test_two_runs_finishing_at_once_each_keep_their_version(tmp_path, monkeypatch):
    path = tmp_path / "p.annotator"
    Project(path).close()
    first, second = Project(path, create=False), Project(path, create=False)
    real = versions.registry
    calls: list[Project] = []
    done = threading.Event()
    other: list[int] = []

    def publish_second() -> None:
        other.append(versions.publish(second, versions.new_temp_folder(second), {"created": "second"}, False))
        done.set()

    def registry(project):  # type: ignore[no-untyped-def]
        calls.append(project)
        read = real(project)
        if project is first and calls.count(first) == 2:  # the first run has read the list it adds its version to
            threading.Thread(target=publish_second).start()
            done.wait(2)  # the other run finishes now if nothing holds it back (one transaction holds it until the end)
        return read

    monkeypatch.setattr(versions, "registry", registry)
    try:
        mine = versions.publish(first, versions.new_temp_folder(first), {"created": "first"}, False)
        assert done.wait(30)
        monkeypatch.setattr(versions, "registry", real)
        listed = {v.version: v.manifest.get("created") for v in versions.list_versions(first)}
        assert listed == {mine: "first", other[0]: "second"}, listed  # was: only one of the two recorded
        assert mine != other[0]
    finally:
        first.close()
        second.close()


KILLED_AFTER_THE_RENAME = r"""
import os, signal, sys
from annotator.learn import versions
from annotator.store import Project
p = Project(sys.argv[1], create=False)
versions._write_registry = lambda project, reg: os.kill(os.getpid(), signal.SIGKILL)  # killed before the record
versions.publish(p, versions.new_temp_folder(p), {"created": "killed run", "documents": 8}, True)
"""


def test_a_version_a_killed_run_moved_into_place_is_recorded_by_the_next_run(tmp_path):
    """A run killed between moving its finished folder into place and recording it left ``p.annotator.models/1``
    unlisted for ever: minutes of training not offered, its disk space never given back, the next run taking 2. The
    folder is whole (its manifest is written before the move): the next run records it (not as the default)."""
    import os
    import subprocess
    import sys

    path = tmp_path / "p.annotator"
    Project(path).close()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    killed = subprocess.run([sys.executable, "-c", KILLED_AFTER_THE_RENAME, str(path)], env=env, capture_output=True)
    assert killed.returncode == -9, killed.stderr.decode()[-2000:]
    assert (tmp_path / "p.annotator.models" / "1" / "manifest.json").is_file()
    with Project(path, create=False) as p:
        assert versions.list_versions(p) == []
        made = versions.publish(p, versions.new_temp_folder(p), {"created": "next run", "documents": 9}, False)
        listed = {v.version: (v.manifest.get("created"), v.present, v.default) for v in versions.list_versions(p)}
    assert made == 2
    assert listed == {1: ("killed run", True, False), 2: ("next run", True, False)}, listed  # was: {2: ...} alone


def test_versions_another_project_of_the_same_name_left_are_not_taken_as_this_one_s(tmp_path):
    """A project deleted (or moved away without its models folder) and a new one made under its name: its first
    training took the old project's versions left beside it for versions of its own "a killed run left" (their source
    is ``trained:p@N``, from the file's name alone): listed by ``annotator models``, usable as ``--model-version 1``,
    trained on another project's documents (session 17 probe). A version is this project's when its manifest says so."""
    import shutil
    import time

    path = tmp_path / "p.annotator"
    with Project(path) as old:
        versions.publish(old, versions.new_temp_folder(old), {"created": "the old project's"}, True)
    path.unlink()
    time.sleep(0.002)  # a project is told by when it was made, to the millisecond
    with Project(path) as new:  # another project under the same name, the old one's models folder beside it
        assert versions.list_versions(new) == []
        made = versions.publish(new, versions.new_temp_folder(new), {"created": "the new project's"}, False)
        listed = {v.version: v.manifest.get("created") for v in versions.list_versions(new)}
    assert made == 2 and listed == {2: "the new project's"}, listed  # was: 1, the old project's, listed too
    assert (tmp_path / "p.annotator.models" / "1").is_dir()  # left as it is: not this project's to remove
    shutil.rmtree(tmp_path / "p.annotator.models")
