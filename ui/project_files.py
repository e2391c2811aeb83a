"""What a project file's name ends with: the one spelling of it for the app's file dialogs and a drop on the window
(its own module: the window's files and the dialogs both ask it)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

PROJECT_SUFFIXES = (".annotator", ".db", ".sqlite")  # a project file's endings: the file dialogs' and a drop's
PROJECT_FILTER = f"Annotator projects ({' '.join('*' + s for s in PROJECT_SUFFIXES)});;All files (*)"


def is_project_file(path: str) -> bool:
    """Does ``path`` end as a project file does (``PROJECT_SUFFIXES``)? A file dropped on the window is opened as
    the project when it does, imported when not."""
    return Path(path).suffix in PROJECT_SUFFIXES


def still_there(path: str) -> bool:
    """Is a regular file at ``path`` now? Told by ``os.stat`` alone: no descriptor of the file is opened (closing
    one of the open project's would drop the process's SQLite locks on it: session 25's file dialogs)."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:  # gone, a folder no longer reachable, a name too long
        return False
