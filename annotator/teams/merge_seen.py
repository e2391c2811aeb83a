"""What merges another program (``annotator merge``) brought into a project since a row of its change log: the open
app's line when one comes in (it followed the file, its list and its counts, without a word saying a merge came:
session 35)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

import orjson

from annotator.errors import ProjectFileError
from annotator.store import Project
from annotator.wording import counted, first_named

NAMED_DOCUMENTS = 3  # the documents a merge's line names; the rest counted


@dataclass(frozen=True)
class MergesSeen:
    """The merges logged after a change-log row: the sets they merged into, the documents they brought, who ran them
    (each in the order logged), and the last row read (the next reading starts after it)."""

    last_id: int
    sets: tuple[str, ...] = ()
    documents: tuple[int, ...] = ()
    by: tuple[str, ...] = ()
    names: tuple[str, ...] = ()  # the documents' names, in their order

    def __bool__(self) -> bool:
        return bool(self.documents)


def last_change(project: Project) -> int:
    """Where a reading of the merges to come starts: the change log's last row now (``ProjectFileError``: unreadable)."""
    try:
        return project.db.last_change_id()
    except sqlite3.Error as exc:
        raise ProjectFileError(f"the change log of {project.path.name} could not be read: {exc}") from None


def brought(logged: dict) -> bool:
    """Whether a merge's row (``merge_copy``'s log) brought anything to its document: the document itself, the
    annotator's rows, rows replaced, or her status other than new (a document of her file she never opened: not)."""
    return bool(
        logged.get("new_document")
        or logged.get("entities")
        or logged.get("events")
        or logged.get("replaced_rows")
        or logged.get("status", "new") != "new"
    )


def merges_after(project: Project, change_id: int) -> MergesSeen:
    """The merges logged after change-log row ``change_id`` (none: an empty ``MergesSeen`` at the log's end);
    ``ProjectFileError`` when the file cannot be read."""
    last = max(last_change(project), change_id)
    try:
        logged_rows = project.db.merge_rows_after(change_id)
        listed = project.db.document_list() if logged_rows else []
    except sqlite3.Error as exc:
        raise ProjectFileError(f"the change log of {project.path.name} could not be read: {exc}") from None
    rows = [(doc_id, who, orjson.loads(logged)) for _, doc_id, who, logged in logged_rows]
    rows = [(doc_id, who, r) for doc_id, who, r in rows if doc_id is not None and isinstance(r, dict) and brought(r)]
    sets = tuple(dict.fromkeys(r.get("annotation_set") for _, _, r in rows if r.get("annotation_set")))
    documents = tuple(dict.fromkeys(doc_id for doc_id, _, _ in rows))
    by = tuple(dict.fromkeys(who for _, who, _ in rows if who))
    named = {r[0]: r[1] for r in listed}
    last = max([last, *(r[0] for r in logged_rows)])  # a merge logged between the two reads: read once, now
    return MergesSeen(last, sets, documents, by, tuple(named.get(d, f"document {d}") for d in documents))


def merge_line(seen: MergesSeen, open_doc: int | None) -> str:
    """The app's line for ``seen``: which sets came in, by whom, on which documents (the first ``NAMED_DOCUMENTS``,
    the open one said as such), and where the differences are settled."""
    sets = (
        ("set " if len(seen.sets) == 1 else "sets ") + ", ".join(repr(s) for s in seen.sets) if seen.sets else "a set"
    )
    who = f" by {', '.join(seen.by)}" if seen.by else ""
    named = [n + (" (open: read again)" if d == open_doc else "") for d, n in zip(seen.documents, seen.names)]
    return (
        f"A merge came in{who} (annotator merge): {sets} on {counted(len(seen.documents), 'document')}: "
        f"{first_named(named, NAMED_DOCUMENTS)}; Review > Adjudicate settles the differences"
    )
