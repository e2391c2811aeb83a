"""Reliability suite set-up: a fixed hypothesis profile and a record of the figures each test measured.

Figures (kills survived, inputs fuzzed, cases) are printed at the end of the run and, when
``RELIABILITY_FIGURES`` names a file, written there as JSON (docs/reliability.md quotes them).
"""

from __future__ import annotations

import os
from pathlib import Path

import orjson
import pytest

from reliability_settings import FIGURES, RELIABLE  # noqa: E402,F401
from reliability_support import mounted_small_fs


@pytest.fixture(scope="session")
def tmp_path_factory(disk_tmp_path_factory):
    """The folders of these tests on the disk, not a tmpfs: they test durability (kills, crashes, full disks, other
    processes; tests/conftest.py)."""
    return disk_tmp_path_factory


@pytest.fixture
def small_fs(tmp_path):
    """A 2 MB tmpfs (a disk that fills), mounted for the test."""
    yield from mounted_small_fs(tmp_path / "mnt")


@pytest.fixture
def figures(request):
    """A dict the test fills with its figures; reported under the test's name."""
    out: dict = {}
    yield out
    if out:
        FIGURES[request.node.name] = out


def pytest_terminal_summary(terminalreporter):
    if not FIGURES:
        return
    terminalreporter.section("reliability figures")
    for name, figs in FIGURES.items():
        terminalreporter.write_line(f"{name}: " + ", ".join(f"{k}={v}" for k, v in figs.items()))
    target = os.environ.get("RELIABILITY_FIGURES")
    if target:
        Path(target).write_bytes(orjson.dumps(FIGURES, option=orjson.OPT_INDENT_2))
