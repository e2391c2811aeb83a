"""A comment written in the app's box and not yet added, kept in the project file as it is typed: a crash (``kill
-9``, a power cut) lost it, while a document change or a close adds it (session 32). One draft a document and
annotator, in the project's own values (``project`` table, key ``comment_draft/<document id>/<annotator>``): not a
comment, so no export, merge or count takes it for one; written in a transaction of its own, never an edit (no undo
step, no change log row)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from annotator.store import Project

PREFIX = "comment_draft/"


def draft_key(doc_id: int, annotator: str | None) -> str:
    return f"{PREFIX}{int(doc_id)}/{annotator or ''}"


def keep_draft(project: "Project", doc_id: int, text: str) -> None:
    """Keep ``text`` as the draft of ``doc_id`` by the project's annotator, in one transaction; an empty (or blank)
    text lets the draft go (it was added, or erased). Raises ``SaveError`` (``BusyError`` while another program
    writes) with nothing changed."""
    key = draft_key(doc_id, project.annotator)
    kept = text if text.strip() else None
    if project.db.project_value(key) == kept:
        return  # nothing to write (a box emptied with no draft kept: no transaction at each Enter)
    with project.transaction():
        if kept is None:
            project.db.drop_project_value(key)
        else:
            project.db.set_project_value(key, kept)


def draft_of(project: "Project", doc_id: int) -> str:
    """The draft of ``doc_id`` by the project's annotator ("" when none)."""
    return project.db.project_value(draft_key(doc_id, project.annotator)) or ""
