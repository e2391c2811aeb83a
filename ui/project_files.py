"""What a project file's name ends with: the one spelling of it for the app's file dialogs and a drop on the window
(its own module: the window's files and the dialogs both ask it)."""

from __future__ import annotations

from pathlib import Path

PROJECT_SUFFIXES = (".annotator", ".db", ".sqlite")  # a project file's endings: the file dialogs' and a drop's
PROJECT_FILTER = f"Annotator projects ({' '.join('*' + s for s in PROJECT_SUFFIXES)});;All files (*)"


def is_project_file(path: str) -> bool:
    """Does ``path`` end as a project file does (``PROJECT_SUFFIXES``)? A file dropped on the window is opened as
    the project when it does, imported when not."""
    return Path(path).suffix in PROJECT_SUFFIXES
