"""The team project the teams tests share: Alice's and Bob's files merged into Rita's (teams_data)."""

from __future__ import annotations

import pytest

from annotator.teams.merge import merge_projects
from project_support import new_project
from teams_data import make_alice, make_bob


@pytest.fixture
def team(tmp_path):  # type: ignore[no-untyped-def]
    p = new_project(tmp_path / "team.annotator", annotator="rita")
    merge_projects(p, [make_alice(tmp_path / "a.annotator"), make_bob(tmp_path / "b.annotator")])
    yield p
    p.close()
