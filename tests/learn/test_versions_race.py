"""Two training runs finishing at once on one project (the app's and a command's, or two commands): each version is
numbered, moved into place and recorded in one transaction. The registry was read before and written after in two
steps, so the run that wrote last dropped the other's record (its model folder there but never listed), and two runs
could take the same number (session 10)."""

from __future__ import annotations

import threading

from annotator.learn import versions
from annotator.store import Project


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
