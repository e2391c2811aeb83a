"""The reliability tests' folders are on the disk, not a tmpfs (tests/reliability/conftest.py): they test durability."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def test_the_reliability_tests_folders_are_on_the_disk(tmp_path, tmp_path_factory):
    disk = Path(tempfile.gettempdir()).resolve()
    assert tmp_path.resolve().is_relative_to(disk)
    assert tmp_path_factory.mktemp("more").resolve().is_relative_to(disk)
    root = os.environ.get("PYTEST_DEBUG_TEMPROOT")
    if root is not None and Path(root).resolve() != disk:
        assert not tmp_path.resolve().is_relative_to(Path(root).resolve())
