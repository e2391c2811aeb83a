"""Session 7's qa pass, the command line's side of training and model versions: each test failed before its fix."""

from __future__ import annotations

from annotator.learn.report import format_versions
from annotator.learn.versions import VersionInfo


def test_models_table_shows_when_a_version_was_made_whole():
    """The created column cut the stored timestamp at 24 characters ('2026-12-02T15:02:07.767+'): now the minute."""
    info = VersionInfo(1, "2026-12-02T15:02:07.767+00:00", 8, manifest={"held_out": 8, "compared_with": "original"})
    header, row = format_versions([info], original_default=True).splitlines()[:2]
    assert "2026-12-02 15:02 " in row
    assert "+" not in row and "07.767" not in row
    assert header.index("docs") + len("docs") == row.index("    8") + len("    8")  # the columns stay in line
    assert header.split()[2:4] == ["created", "(UTC)"]
