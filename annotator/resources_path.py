"""Locate files under resources/, both in a checkout and in an installed package."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def resource_path(relative: str) -> Path:
    """Path of a shipped resource such as ``schemas/news.toml``."""
    try:
        base = resources.files("annotator.resources")
        candidate = Path(str(base.joinpath(relative)))
        if candidate.exists():
            return candidate
    except (ModuleNotFoundError, TypeError):
        pass
    checkout = Path(__file__).resolve().parent.parent / "resources" / relative
    if checkout.exists():
        return checkout
    raise FileNotFoundError(f"resource {relative!r} is missing from this installation")
