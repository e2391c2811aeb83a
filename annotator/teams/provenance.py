"""Where a merged set came from: the source file's history, and the model's original suggestions it carried.

A project file's **history** is its change log, which is only ever appended to. Each row is summed up in
12 bytes (8 bytes of a hash of its id, time, person, action and document, then the document id), so two
files can be compared without their texts: a file whose history starts with the whole history of another
is that file, later on (copied, renamed or moved on the way); two copies of one project that were then
worked on apart share the start of their histories and part at the first row they do not share (the
**fork**). A document was *worked on* in a file since the fork when one of the file's rows after the fork
names it.
"""

from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass
from pathlib import Path

from annotator.model import meta_object
from annotator.store import Project
from annotator.set_status import META_KEY

ENTRY = 12  # bytes per change-log row in a history
_DOC = struct.Struct("<I")


def file_history(project: Project) -> bytes:
    """The summed-up change log of a project file, in order."""
    out = bytearray()
    for id_, at, who, doc, action in project.db.change_log_keys():
        key = f"{id_}\x1f{at}\x1f{who}\x1f{doc}\x1f{action}".encode()
        out += hashlib.blake2b(key, digest_size=8).digest()
        out += _DOC.pack(doc or 0)
    return bytes(out)


def rows(history: bytes) -> int:
    return len(history) // ENTRY


def fork(a: bytes, b: bytes) -> int:
    """How many rows the two histories share from their start."""
    n = min(rows(a), rows(b))
    lo, hi = 0, n  # the shared part is a prefix: find its end by halving (whole entries compared)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[: mid * ENTRY] == b[: mid * ENTRY]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def continues(earlier: bytes, later: bytes) -> bool:
    """True when ``later`` is the file ``earlier`` was, possibly further on (an empty history proves nothing)."""
    return rows(earlier) > 0 and later[: len(earlier)] == earlier


def worked_since(history: bytes, start: int, source_document_id: int) -> bool:
    """Whether any row of ``history`` from row ``start`` on names the document."""
    want = _DOC.pack(source_document_id)
    for i in range(start, rows(history)):
        if history[i * ENTRY + 8 : (i + 1) * ENTRY] == want:
            return True
    return False


@dataclass
class SourceRecord:
    """One row of ``merge_sources``: a file a set was merged from, with its history when it was merged."""

    id: int
    annotation_set: str
    path: str
    history: bytes


def source_records(project: Project, annotation_set: str) -> dict[int, SourceRecord]:
    return {r[0]: SourceRecord(r[0], r[1], r[2], bytes(r[3])) for r in project.db.merge_sources(annotation_set)}


def went_in_as_another_set(
    project: Project, annotation_set: str, history: bytes
) -> tuple[SourceRecord, list[str]] | None:
    """The record of another set this file (``history``) was merged as at an earlier merge, with the names of that
    set's documents still from it; None when there is none. A record whose file has no row of its own past where it
    parted from ``project`` (an untouched copy of it) proves nothing: every copy handed out continues it."""
    own: bytes | None = None
    for row in project.db.merge_sources_of_other_sets(annotation_set):
        record = SourceRecord(row[0], row[1], row[2], bytes(row[3]))
        if not continues(record.history, history):
            continue
        if own is None:
            own = file_history(project)
        if fork(own, record.history) >= rows(record.history):
            continue
        names = {doc_id: name for doc_id, name, _sha, _status in project.db.document_list()}
        docs = [
            names[doc_id]
            for doc_id, meta in project.db.document_metas(containing=record.annotation_set)
            if _merge_source(meta, record.annotation_set) == record.id
        ]
        if docs:
            return record, docs
    return None


def _merge_source(raw_meta: str | None, annotation_set: str) -> object:
    """The merge-source id a document's meta records for ``annotation_set`` (None when it records none, or the meta
    cannot be read: ``meta_object``, the one reading of a stored meta)."""
    sets = (meta_object(raw_meta) or {}).get(META_KEY)
    record = sets.get(annotation_set) if isinstance(sets, dict) else None
    return record.get("merge_source") if isinstance(record, dict) else None


def save_source_record(
    project: Project, record_id: int | None, annotation_set: str, path: Path, history: bytes, at: str
) -> int:
    """Insert or update the record of a source file (inside the caller's transaction); returns its id."""
    values = (str(path.resolve()), history, rows(history), at, project.annotator)
    return project.db.save_merge_source(record_id, annotation_set, values)


def carry_suggestions(
    project: Project, doc_id: int, annotation_set: str, spans: list[tuple[int, int, str, str]]
) -> None:
    """Store the model's original suggestions of a merged document's set, replacing what was there."""
    project.db.replace_merged_suggestions(doc_id, annotation_set, spans)


def carried_suggestions(project: Project, doc_id: int, annotation_set: str) -> list[tuple[int, int, str, str]]:
    return [tuple(r) for r in project.db.merged_suggestions(doc_id, annotation_set)]  # type: ignore[misc]
