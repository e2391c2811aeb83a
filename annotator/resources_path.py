"""Locate files under resources/, both in a checkout and in an installed package."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def resource_path(relative: str) -> Path:
    """Path of a shipped resource such as ``schemas/news.toml``.

    Code run from a source checkout reads that checkout's resources (so a second working tree using an
    editable install made from another checkout sees its own files); an installed package reads its own.
    """
    root = Path(__file__).resolve().parent.parent
    checkout = root / "resources" / relative
    if (root / "pyproject.toml").exists() and checkout.exists():
        return checkout
    try:
        base = resources.files("annotator.resources")
        candidate = Path(str(base.joinpath(relative)))
        if candidate.exists():
            return candidate
    except (ModuleNotFoundError, TypeError):
        pass
    if checkout.exists():
        return checkout
    raise FileNotFoundError(f"resource {relative!r} is missing from this installation")
