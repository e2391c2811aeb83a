"""Reading annotation sets the way the team functions need them: human labels only, and coverage."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import orjson

from annotator.errors import AnnotatorError
from annotator.model import DEFAULT_SET
from annotator.set_status import META_KEY
from annotator.store import Project

HUMAN_STATES = ("accepted", "added")  # a suggestion nobody decided on is not a person's label


@dataclass(frozen=True)
class Span:
    """An entity as the comparisons see it: offsets and label (plus its row id, for edits)."""

    start: int
    end: int
    label: str
    id: int = 0

    @property
    def key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.label)


@dataclass(frozen=True)
class EventItem:
    """An event as the comparisons see it; arguments are (role, start, end, label) of their entity."""

    type: str
    trigger_start: int
    trigger_end: int
    attributes: tuple[tuple[str, str], ...]
    arguments: tuple[tuple[str, int, int, str], ...]
    id: int = 0

    @property
    def key(self) -> tuple[int, int, str]:
        return (self.trigger_start, self.trigger_end, self.type)


def human_spans(project: Project, doc_id: int, annotation_set: str) -> list[Span]:
    """Entities in state accepted or added, sorted by offsets."""
    return [Span(*r) for r in project.db.decided_spans(doc_id, annotation_set)]


def event_items(project: Project, doc_id: int, annotation_set: str) -> list[EventItem]:
    """The events a person settled (state accepted or added, as for spans), with argument spans."""
    args: dict[int, list[tuple[str, int, int, str]]] = {}
    for ev, role, s, e, label in project.db.decided_event_arguments(doc_id, annotation_set):
        args.setdefault(ev, []).append((role, s, e, label))
    out = []
    for r in project.db.decided_events(doc_id, annotation_set):
        attrs = tuple(sorted(orjson.loads(r[4] or "{}").items()))
        out.append(EventItem(r[1], r[2], r[3], attrs, tuple(sorted(args.get(r[0], []))), r[0]))
    return out


def document_meta(project: Project, doc_id: int) -> dict:
    return orjson.loads(project.db.document_meta(doc_id) or "{}")


def worked_on(record: object) -> bool:
    """Whether a set's record of a document (``meta[META_KEY][set]``) says its annotator worked on it: her status
    for it was not ``new`` (her first edit makes a document in_progress; a document she marked annotated with
    nothing on it counts). A record without a status (an import's: a completed annotation) counts."""
    return isinstance(record, dict) and record.get("status") != "new"


def covered_documents(project: Project, annotation_set: str) -> set[int]:
    """Documents a set covers: its annotator worked on them (``worked_on``: even with no labels) or the set holds a
    decision in them. A document an annotator never opened (status ``new`` in her file, only the model's
    suggestions) is not covered: until session 13 it was, and her 'nothing' there was compared with the other's work
    (the seeds: F1 0.607 over two documents for 0.961 on the one both did) and offered to the reviewer to take."""
    ids = project.db.documents_with_decisions(annotation_set)
    for doc_id, meta in project.db.document_metas():
        if meta and worked_on((orjson.loads(meta).get(META_KEY) or {}).get(annotation_set)):
            ids.add(doc_id)
    return ids


def annotators_by_document(project: Project) -> dict[int, list[str]]:
    """The annotators' sets ("main" left out) covering each document, as ``covered_documents`` says, for every
    document at once: one query for the decisions and one pass over the metadata naming sets (the document list of a
    1,500-document project reads it at each open; a query a document would be 1,500)."""
    found: dict[int, set[str]] = {}
    for doc_id, name in project.db.decisions_by_document():
        found.setdefault(doc_id, set()).add(name)
    for doc_id, meta in project.db.document_metas(containing=META_KEY):
        records = (orjson.loads(meta or "{}").get(META_KEY) or {}).items()
        found.setdefault(doc_id, set()).update(name for name, record in records if worked_on(record))
    out = {doc_id: sorted(names - {DEFAULT_SET}) for doc_id, names in found.items()}
    return {doc_id: names for doc_id, names in out.items() if names}


def waits_for_adjudication(annotators: Sequence[str], status: str) -> bool:
    """Whether a document holds annotators' work a reviewer has yet to settle: a set of theirs covers it (even one:
    the reviewer takes it or not) and it is not ``reviewed`` (settling its last difference marks it so)."""
    return bool(annotators) and status != "reviewed"


def not_worked_on(project: Project, doc_id: int) -> list[str]:
    """The sets merged for a document whose annotator did not work on it (left out of agreement and adjudication),
    for the reviewer to be told why an annotator is missing."""
    records = document_meta(project, doc_id).get(META_KEY) or {}
    return sorted(set(records) - covering_sets(project, doc_id))


def still_in_progress(project: Project, doc_id: int) -> list[str]:
    """The sets merged for a document whose annotator worked on it but had not finished it: her status for it was
    ``in_progress`` in her file (not marked annotated or reviewed there), for the reviewer to be told before she
    settles half-done work."""
    records = document_meta(project, doc_id).get(META_KEY) or {}
    return sorted(n for n, r in records.items() if isinstance(r, dict) and r.get("status") == "in_progress")


def covering_sets(project: Project, doc_id: int) -> set[str]:
    """The sets that cover a document (as ``covered_documents`` says), "main" included when it does."""
    names = project.db.sets_with_decisions(doc_id)
    records = document_meta(project, doc_id).get(META_KEY) or {}
    names.update(name for name, record in records.items() if worked_on(record))
    return names


def annotator_sets(project: Project, include_main: bool = False) -> list[str]:
    """The project's annotation sets, including those known only from merge records, "main" left out unless asked."""
    names = set(project.annotation_sets())
    for _, meta in project.db.document_metas():
        if meta:
            names.update((orjson.loads(meta).get(META_KEY) or {}).keys())
    if include_main:
        names.add(DEFAULT_SET)  # the final set always exists, even empty
    else:
        names.discard(DEFAULT_SET)
    return sorted(names)


def check_sets(project: Project, names: Sequence[str]) -> None:
    """Refuse the names of sets the project does not have: a typo read as an empty set gave zero counts, "no
    problems" and an export without a single annotation."""
    known = annotator_sets(project, include_main=True)
    unknown = [s for s in names if s not in known]
    if unknown:
        raise AnnotatorError(f"no annotation set {', '.join(map(repr, unknown))} (the project has {', '.join(known)})")


def overlapping_pairs(xs: list[tuple[int, int]], ys: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """Every (i, j, shared characters) with xs[i] and ys[j] sharing at least one character; a sweep, not n·m."""
    from bisect import bisect_left

    order = sorted(range(len(ys)), key=lambda j: ys[j][0])
    starts = [ys[j][0] for j in order]
    longest = max((e - s for s, e in ys), default=0)
    out = []
    for i, (s, e) in enumerate(xs):
        k = bisect_left(starts, e) - 1  # ys starting before this x ends ...
        while k >= 0 and starts[k] > s - longest:  # ... and not so early that they must end before it starts
            j = order[k]
            shared = min(e, ys[j][1]) - max(s, ys[j][0])
            if shared > 0:
                out.append((i, j, shared))
            k -= 1
    return out
