"""Session 25 (s25-qab): why a project is open read-only is a typed value (``annotator.read_only``), and the app's
banner gives each reason its own advice. As ``nobody`` (root ignores file modes), a project in a folder that cannot
be written, its file writable, was told "make the file writable where it is": the folder is what needs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reliability_support import AS_NOBODY, needs_nobody, shared_folder

from annotator import edits
from annotator.importing import IncomingDocument, import_documents
from annotator.read_only import ASKED, Kind, ReadOnlyReason
from annotator.store import Project

ROOT = Path(__file__).resolve().parents[2]

PROBE = r"""
import json, sys
from annotator.store import Project
from ui.window_widgets import read_only_banner_text
with Project(sys.argv[1], create=False) as p:
    why = p.read_only_why
    print(json.dumps({"kind": why.kind.value if why else None, "banner": read_only_banner_text(p)}))
"""


def banner_as_nobody(path: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    r = subprocess.run([*AS_NOBODY, sys.executable, "-c", PROBE, str(path)], env=env, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr[-2000:]
    return json.loads(r.stdout.strip().splitlines()[-1])


@pytest.fixture
def shared():
    yield from shared_folder("annotator-advice-", 0o755)


def _make(path: Path) -> None:
    with Project(path) as p:
        import_documents(p, [IncomingDocument("Maria Lopez met officials in Paris.", "a.txt")])


@pytest.mark.slow
@needs_nobody
def test_each_read_only_reason_as_nobody_has_its_own_advice(shared):
    """A root 0755 folder: a 0666 file in it is the folder's to fix, a 0644 one the file's."""
    folder_case = shared / "fw.annotator"
    _make(folder_case)
    os.chmod(folder_case, 0o666)
    said = banner_as_nobody(folder_case)
    assert said["kind"] == Kind.FOLDER_NOT_WRITABLE.value, said
    assert f"close it and make the folder {shared} writable" in said["banner"], said
    assert "make the file writable" not in said["banner"], said
    os.chmod(folder_case, 0o644)
    said = banner_as_nobody(folder_case)
    assert said["kind"] == Kind.FILE_NOT_WRITABLE.value and "close it and make the file writable" in said["banner"]
    assert "\n" not in said["banner"]


def test_a_folder_not_writable_is_a_kind_with_the_folder_in_its_advice(tmp_path, monkeypatch):
    """The folder's case told by its kind, never by its words; its advice names the folder (as ``nobody`` sees it:
    ``os.access`` answers as that user would)."""
    from annotator import opencheck
    from ui.window_widgets import read_only_banner_text

    path = tmp_path / "p.annotator"
    _make(path)
    real = os.access
    monkeypatch.setattr(opencheck.os, "access", lambda p, mode: False if Path(p) == tmp_path else real(p, mode))
    with Project(path, create=False) as p:
        assert p.read_only and p.read_only_why is not None and p.read_only_why.kind is Kind.FOLDER_NOT_WRITABLE
        banner = read_only_banner_text(p)
        with pytest.raises(Exception, match="open read-only because the folder"):
            edits.add_comment(p, 1, "a note")
    assert banner.startswith(f"Read-only: p.annotator: the folder {tmp_path} is not writable")
    assert f"make the folder {tmp_path} writable" in banner and "make the file writable" not in banner, banner


def test_every_kind_has_one_line_of_advice_of_its_own():
    advice = {kind: ReadOnlyReason(kind, "why", "/x").advice() for kind in Kind}
    assert len(set(advice.values())) == len(Kind)
    assert all(a and "\n" not in a and a.endswith(".") for a in advice.values()), advice
    assert ASKED.asked and str(ASKED) == "opened read-only"
