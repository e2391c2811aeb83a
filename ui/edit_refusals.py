"""Why an edit is refused before it asks anything of the person (the controller asks it at each edit and each
edit key): the project open read-only, or the document's rows still read after its text (``ui.rows_arrival``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from annotator.held import RowsComing
    from annotator.store import Project


def edits_refused(project: "Project | None", coming: "RowsComing | None") -> str | None:
    """Why an edit is refused before it asks anything: the project open read-only, or the document's rows still
    read (``coming``); None: it may be made."""
    if project is not None and project.read_only:
        return f"{project.path.name} is open read-only: edits are not possible; nothing was changed"
    if coming is None:
        return None
    return (
        f"This document's annotations are still being read ({coming.read:,} of {coming.total:,}): edits wait "
        "until they are all shown; nothing was changed"
    )
