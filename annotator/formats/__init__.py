"""Exchange formats: one module per format, each with read and/or write functions."""

from __future__ import annotations

from pathlib import Path
from typing import Callable


def readers_by_suffix() -> dict[str, Callable[[Path], list]]:
    """File readers keyed by suffix, for formats recognised by their file name."""
    from annotator.formats import project_json

    return {".json": project_json.read_json}


def writers() -> dict[str, Callable]:
    """Export writers by format name: ``write(project, out, states=..., statuses=..., annotation_set=..., progress=...)``."""
    from annotator.formats import project_json

    return {"json": project_json.write_json, "jsonl": project_json.write_jsonl}
