"""Where a merged set's own record of a document is kept (``documents.meta[META_KEY][SET]``, written by ``merge``) and
the status a document has in a set: the one reading of it that every export's records share (the JSON export's
second process reads it too, so it needs no project code: set_status.py holds the reads that need the project)."""

from __future__ import annotations

from annotator.model import DEFAULT_SET, meta_object

META_KEY = "annotation_sets"  # documents.meta[META_KEY][set name] = where the set came from (written by merge)
OWN_META = "meta"  # in a set's record: her own part of the document's meta (``formats.set_meta_kept``)


def status_in_set(status: str, raw_meta: str | None, annotation_set: str) -> str:
    """A document's status in ``annotation_set``: the one the file it was merged from had (its meta's record), else
    the project's ``status`` (the default set, a set made in this project, a document that file did not have)."""
    if annotation_set == DEFAULT_SET or not raw_meta or META_KEY not in raw_meta:
        return status
    sets = (meta_object(raw_meta) or {}).get(META_KEY)
    record = sets.get(annotation_set) if isinstance(sets, dict) else None
    own = record.get("status") if isinstance(record, dict) else None
    return own if isinstance(own, str) else status
