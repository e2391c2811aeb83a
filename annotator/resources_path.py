"""Locate files under resources/, both in a checkout and in an installed package: the one way every module
(core and app) finds a shipped file."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent
_CHECKOUT = _HERE.parent / "resources"


def resource_path(relative: str) -> Path:
    """Path of a shipped resource such as ``schemas/news.toml`` or ``styles/app.qss``.

    Installed, the resources are the package ``annotator.resources`` beside this module; in a checkout they
    are the top-level ``resources/`` folder. The copy beside this very module wins, so a checkout never reads
    another installation's files.
    """
    installed = _HERE / "resources" / relative  # what importlib.resources.files("annotator") names, without
    # importing importlib.resources at start-up (~4 ms with tempfile, shutil, zipfile)
    for candidate in (installed, _CHECKOUT / relative):
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"resource {relative!r} is missing from this installation")
