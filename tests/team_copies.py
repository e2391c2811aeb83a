"""A team's way of working for a test: the lead's file copied for each annotator, each working in her copy, the copies
merged into the team's file by the reviewer (``annotator merge``). Written in five test files until session 40."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Mapping
from pathlib import Path

from annotator.store import Project
from annotator.teams.merge import merge_projects


def merged_copies(
    lead_file: Path,
    work: Mapping[str, Callable[[Project], object] | None],
    into: Path | None = None,
    reviewer: str = "rita",
) -> Path:
    """``lead_file`` copied for each annotator of ``work`` (her name -> what she does in her copy, opened as her;
    None: she never opens it), in that order, each copy ``NAME.annotator`` beside the merged file, ``into`` (default:
    ``lead_file``), which the reviewer merges them into; returns the merged file."""
    team = into or lead_file
    copies = {name: team.with_name(f"{name}.annotator") for name in work}
    for copy in copies.values():
        shutil.copy(lead_file, copy)
    for name, does in work.items():
        if does is not None:
            with Project(copies[name], create=False, annotator=name) as p:
                does(p)
    with Project(team, create=not team.exists(), annotator=reviewer) as p:
        merge_projects(p, list(copies.values()))
    return team
