"""Issue 9, point 18: a killed export's .part/.old are cleaned at the next export of the same target; a brat
folder is replaced by one atomic exchange (never a moment without the folder) where the system has one."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from annotator import exporting
from annotator.exchange import exchange
from annotator.formats import writers
from annotator.importing import IncomingDocument, import_documents
from annotator.store import Project

KILLED_MID_EXPORT = """
import os, signal, sys
from annotator.exporting import atomic_folder, atomic_output
target = sys.argv[1]
if sys.argv[2] == "file":
    with atomic_output(target) as fh:
        fh.write(b"half an export")
        os.kill(os.getpid(), signal.SIGKILL)
else:
    with atomic_folder(target) as folder:
        (folder / "a.txt").write_text("half")
        os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.fixture
def project(tmp_path):
    with Project(tmp_path / "p.annotator", annotator="t") as p:
        import_documents(p, [IncomingDocument("Maria Lopez met officials in Paris.", "a.txt")])
        yield p


def kill_mid_export(target: Path, kind: str) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    r = subprocess.run([sys.executable, "-c", KILLED_MID_EXPORT, str(target), kind], env=env, capture_output=True)
    assert r.returncode == -signal.SIGKILL, r.stderr


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
