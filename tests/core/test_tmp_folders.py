"""Where the tests' folders are: in memory where there is a tmpfs (tests/conftest.py), never for the tests of
durability and fsync, which name ``disk_tmp_path_factory`` (docs/performance.md, session 20)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from temp_folders import memory_temp_root


def test_a_memory_folder_is_one_this_process_can_write(tmp_path):
    assert memory_temp_root(str(tmp_path)) == str(tmp_path)
    assert memory_temp_root(str(tmp_path / "absent")) is None
    (tmp_path / "a-file").write_text("")
    assert memory_temp_root(str(tmp_path / "a-file")) is None


def test_a_memory_folder_too_small_for_a_run_is_not_taken(tmp_path):
    # a container's /dev/shm is often 64 MB: a run's ~1 GB of folders would fill it half-way through the suite
    fs = os.statvfs(tmp_path)
    free = fs.f_bavail * fs.f_frsize
    assert memory_temp_root(str(tmp_path), least_free=free + 2**40) is None
    assert memory_temp_root(str(tmp_path), least_free=1) == str(tmp_path)


def test_a_test_s_folder_is_under_the_memory_root_and_a_durability_test_s_on_the_disk(tmp_path, disk_tmp_path_factory):
    root = os.environ.get("PYTEST_DEBUG_TEMPROOT")
    if root is None or Path(root).resolve() == Path(tempfile.gettempdir()).resolve():
        pytest.skip("the tests' folders are on the disk here (no tmpfs, or PYTEST_DEBUG_TEMPROOT names it)")
    assert tmp_path.resolve().is_relative_to(Path(root).resolve())
    disk = disk_tmp_path_factory.mktemp("durable")
    assert disk.resolve().is_relative_to(Path(tempfile.gettempdir()).resolve())
    assert not disk.resolve().is_relative_to(Path(root).resolve())
