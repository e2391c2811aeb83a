"""Exports are written with the user's umask, as any other program's files (mkstemp's 0600 kept others out)."""

from __future__ import annotations

import os
import stat

import pytest

from annotator.formats import writers


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.mark.parametrize("fmt, name", [("json", "out.json"), ("jsonl", "out.jsonl"), ("conll", "out.conll")])
def test_export_files_follow_the_umask(sample, tmp_path, umask_022, fmt, name):
    project, _ = sample
    writers()[fmt](project, tmp_path / name)
    assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o644


def test_brat_folder_follows_the_umask(sample, tmp_path, umask_022):
    project, _ = sample
    writers()["brat"](project, tmp_path / "brat")
    assert stat.S_IMODE((tmp_path / "brat").stat().st_mode) == 0o755
    assert {stat.S_IMODE(p.stat().st_mode) for p in (tmp_path / "brat").iterdir()} == {0o644}
