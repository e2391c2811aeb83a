"""Locate the shipped files (the checkout's top-level resources/, which annotator/resources links to; the package
``annotator.resources`` once installed): the one way every module (core and app), test and bench finds one."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def resource_path(relative: str) -> Path:
    """Path of a shipped resource such as ``schemas/news.toml`` or ``styles/app.qss``: the package
    ``annotator.resources`` beside this module (what ``importlib.resources.files("annotator.resources")`` names,
    without importing importlib.resources at start-up: ~4 ms with tempfile, shutil, zipfile)."""
    found = _HERE / "resources" / relative
    if found.exists():
        return found
    raise FileNotFoundError(f"resource {relative!r} is missing from this installation")
