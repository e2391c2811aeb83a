"""A merged set's own document statuses and the documents a ``--status`` selection takes in a set.

``merge`` keeps the status each document had in the annotator's own file (``documents.meta[META_KEY][SET]["status"]``):
``stats --set`` counts those, and an export of that set selects its documents by them (bob's finished work is the
documents he marked annotated in his copy, whatever the project says of them). A set made in this project, and the
default one, has none: its documents' statuses are the project's."""

from __future__ import annotations

from typing import Sequence

from annotator.model import DEFAULT_SET, FINISHED, meta_object
from annotator.set_meta import META_KEY
from annotator.store import Project

__all__ = [
    "META_KEY",
    "by_set_status",
    "documents_by_status",
    "finished_count",
    "outside_set",
    "selected_ids",
    "set_statuses",
]


def set_statuses(project: Project, annotation_set: str) -> dict[int, str]:
    """Each document's status in ``annotation_set`` where the project records one ({} for a set made here)."""
    out: dict[int, str] = {}
    if annotation_set == DEFAULT_SET:
        return out
    for doc_id, raw in project.db.document_metas(containing=META_KEY):
        sets = (meta_object(raw) or {}).get(META_KEY)
        record = sets.get(annotation_set) if isinstance(sets, dict) else None
        if isinstance(record, dict) and isinstance(record.get("status"), str):
            out[doc_id] = record["status"]
    return out


def documents_by_status(project: Project, annotation_set: str) -> tuple[dict[str, int], bool]:
    """How many documents have each status in ``annotation_set`` (sorted by status), and whether they are the set's
    own (its file's, as merged) rather than the project's (a set made here, and ``main``, keeps none). ``stats --set``
    counts these and the Annotation sets window its Finished column of them: one count, one owner."""
    own = set_statuses(project, annotation_set)
    if not own:
        return project.db.documents_by_status(), False
    return {k: sum(1 for v in own.values() if v == k) for k in sorted(set(own.values()))}, True


def finished_count(by_status: dict[str, int]) -> int:
    """The documents finished (marked annotated or reviewed) of a ``documents_by_status`` count."""
    return sum(by_status.get(status, 0) for status in FINISHED)


def by_set_status(
    project: Project,
    statuses: Sequence[str] | None,
    annotation_set: str | None,
    documents: Sequence[int] | None = None,
) -> list[int] | None:
    """The documents with one of ``statuses`` (any, when none are asked for) in ``annotation_set`` (the project's
    current set when None), sorted, where that set keeps statuses of its own; None where it keeps none: then the
    project's statuses select. A document the set has no status for is not selected (its file did not have it: an
    export of bob's set wrote a document imported after his copy was made, with the project's status and nothing of
    his, session 31). ``documents`` (``export --docs``): only those, of the ones so selected (then never None)."""
    if documents is not None:
        return selected_ids(project, statuses, annotation_set, documents)
    own = set_statuses(project, annotation_set or project.annotation_set)
    if not own:
        return None
    return sorted(d for d, s in own.items() if not statuses or s in statuses)


def outside_set(project: Project, annotation_set: str | None, documents: Sequence[int] | None = None) -> list[int]:
    """The project's documents (of ``documents`` where given) a set merged from an annotator's file does not have
    (her file did not), sorted; [] for a set made here and the default one (they have every document)."""
    own = set_statuses(project, annotation_set or project.annotation_set)
    if not own:
        return []
    ids = project.document_ids() if documents is None else sorted(set(documents))
    return [d for d in ids if d not in own]


def selected_ids(
    project: Project,
    statuses: Sequence[str] | None,
    annotation_set: str | None = None,
    documents: Sequence[int] | None = None,
) -> list[int]:
    """The documents an export of ``statuses`` (every document when None) of ``annotation_set`` takes, sorted: by the
    set's own statuses where it keeps them (``by_set_status``), else by the project's; of ``documents`` only where
    given (``export --docs``)."""
    chosen = by_set_status(project, statuses, annotation_set)
    ids = chosen if chosen is not None else project.document_ids(list(statuses) if statuses else None)
    if documents is not None:
        named = set(documents)
        ids = [d for d in ids if d in named]
    return ids
