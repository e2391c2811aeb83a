"""Issue 9, point 18: a killed export's .part/.old are cleaned at the next export of the same target; a brat
folder is replaced by one atomic exchange (never a moment without the folder) where the system has one."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from annotator import exporting
from annotator.exchange import exchange
from annotator.formats import writers
from annotator.importing import IncomingDocument, import_documents
from annotator.store import Project

CHILD_WAIT_S = 60  # a guard against a stuck child, no bound on speed


@pytest.fixture
def project(tmp_path):
    with Project(tmp_path / "p.annotator", annotator="t") as p:
        import_documents(p, [IncomingDocument("Maria Lopez met officials in Paris.", "a.txt")])
        yield p


def kill_mid_export(target: Path, kind: str) -> None:
    """An export of ``target`` killed (SIGKILL) halfway, by a process of its own: a fork of this one, which writes
    half of it and kills itself (a new Python for each, nine a run, waited ~0.3-1.5 s of wall each for its start and
    imports; docs/performance.md, session 40). The child never comes back into pytest."""
    pid = os.fork()
    if pid == 0:  # the child: nothing after the kill runs, not even a ``finally``
        try:
            if kind == "file":
                with exporting.atomic_output(target) as fh:
                    fh.write(b"half an export")
                    os.kill(os.getpid(), signal.SIGKILL)
            else:
                with exporting.atomic_folder(target) as folder:
                    (folder / "a.txt").write_text("half")
                    os.kill(os.getpid(), signal.SIGKILL)
        finally:
            os._exit(3)  # an error before the kill: the parent's assert says so
    waited_until = time.monotonic() + CHILD_WAIT_S
    while (done := os.waitpid(pid, os.WNOHANG))[0] == 0:
        if time.monotonic() > waited_until:  # a child stuck (a lock another thread held at the fork): never a hang
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            pytest.fail(f"the export's child did not end in {CHILD_WAIT_S} s")
        time.sleep(0.001)
    status = done[1]
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, status


def leftovers(folder: Path, name: str) -> list[str]:
    return sorted(f for f in os.listdir(folder) if f.startswith(f".{name}.") and f.endswith((".part", ".old")))


@pytest.mark.parametrize(
    "fmt,name,kind", [("jsonl", "out.jsonl", "file"), ("json", "out.json", "file"), ("brat", "brat_out", "folder")]
)
def test_killed_exports_leave_leftovers_that_the_next_export_removes(project, tmp_path, fmt, name, kind):
    target = tmp_path / name
    for _ in range(3):
        kill_mid_export(target, kind)
    legacy = tmp_path / f".{name}.abcd1234.{'part' if kind == 'file' else 'old'}"  # an older version's leftover
    legacy.mkdir() if kind == "folder" else legacy.write_bytes(b"x")
    os.utime(legacy, (0, 0))
    assert len(leftovers(tmp_path, name)) >= 2  # each killed export already cleaned the one before
    other = tmp_path / f".other.{os.getpid()}.abcd1234.part"  # another target's, and a live process's: kept
    other.write_bytes(b"x")
    writers()[fmt](project, target, states=["added"])
    assert leftovers(tmp_path, name) == [] and other.exists()
    assert target.exists()


def test_a_running_exports_temporary_file_is_not_removed(tmp_path):
    with exporting.atomic_output(tmp_path / "out.json") as fh:
        fh.write(b"{}")
        assert exporting.clean_stale(tmp_path, "out.json") == []
        assert len(leftovers(tmp_path, "out.json")) == 1
    assert (tmp_path / "out.json").read_bytes() == b"{}"


def test_a_brat_folder_is_replaced_without_a_moment_without_it(project, tmp_path, monkeypatch):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    (a / "1").write_text("a"), (b / "2").write_text("b")
    if not exchange(a, b):
        pytest.skip("no atomic exchange on this system or file system")
    assert (a / "2").exists() and (b / "1").exists()
    target = tmp_path / "brat_out"
    writers()["brat"](project, target, states=["added"])
    real = os.replace
    missing = []

    def watched(src, dst):  # type: ignore[no-untyped-def]
        real(src, dst)
        if not target.exists():
            missing.append((src, dst))

    monkeypatch.setattr(exporting.os, "replace", watched)
    (target / "visual.conf").write_text("old export")  # what a former export holds: replaced
    writers()["brat"](project, target, states=["added"])
    assert not missing, missing
    assert (target / "visual.conf").read_text() != "old export" and sorted(
        p.suffix for p in target.iterdir() if p.stem == "a"
    ) == [
        ".ann",
        ".txt",
    ]
    assert leftovers(tmp_path, "brat_out") == []
