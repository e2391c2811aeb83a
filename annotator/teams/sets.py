"""Reading annotation sets the way the team functions need them: human labels only, and coverage."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import orjson

from annotator.errors import AnnotatorError
from annotator.model import DEFAULT_SET
from annotator.store import Project

HUMAN_STATES = ("accepted", "added")  # a suggestion nobody decided on is not a person's label
META_KEY = "annotation_sets"  # documents.meta[META_KEY][set name] = where the set came from (written by merge)


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
    rows = project.db.conn.execute(
        "SELECT start, end, label, id FROM entities WHERE document_id = ? AND annotation_set = ? "
        "AND state IN ('accepted', 'added') ORDER BY start, end, label, id",
        (doc_id, annotation_set),
    )
    return [Span(*r) for r in rows]


def event_items(project: Project, doc_id: int, annotation_set: str) -> list[EventItem]:
    """The events a person settled (state accepted or added, as for spans), with argument spans."""
    conn = project.db.conn
    args: dict[int, list[tuple[str, int, int, str]]] = {}
    for ev, role, s, e, label in conn.execute(
        "SELECT a.event_id, a.role, n.start, n.end, n.label FROM arguments a JOIN events v ON v.id = a.event_id "
        "JOIN entities n ON n.id = a.entity_id WHERE v.document_id = ? AND v.annotation_set = ? "
        "AND v.state IN ('accepted', 'added') ORDER BY a.id",
        (doc_id, annotation_set),
    ):
        args.setdefault(ev, []).append((role, s, e, label))
    out = []
    for r in conn.execute(
        "SELECT id, type, trigger_start, trigger_end, attributes FROM events WHERE document_id = ? AND annotation_set = ? "
        "AND state IN ('accepted', 'added') ORDER BY trigger_start, trigger_end, type, id",
        (doc_id, annotation_set),
    ):
        attrs = tuple(sorted(orjson.loads(r[4] or "{}").items()))
        out.append(EventItem(r[1], r[2], r[3], attrs, tuple(sorted(args.get(r[0], []))), r[0]))
    return out


def document_meta(project: Project, doc_id: int) -> dict:
    r = project.db.conn.execute("SELECT meta FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return orjson.loads(r[0] or "{}") if r else {}


def covered_documents(project: Project, annotation_set: str) -> set[int]:
    """Documents a set covers: merged from the annotator's file (even with no labels) or with any row in the set."""
    conn = project.db.conn
    ids = {
        r[0]
        for r in conn.execute(
            "SELECT document_id FROM entities WHERE annotation_set = ? UNION "
            "SELECT document_id FROM events WHERE annotation_set = ?",
            (annotation_set, annotation_set),
        )
    }
    for doc_id, meta in conn.execute("SELECT id, meta FROM documents"):
        if meta and annotation_set in (orjson.loads(meta).get(META_KEY) or {}):
            ids.add(doc_id)
    return ids


def annotator_sets(project: Project, include_main: bool = False) -> list[str]:
    """The project's annotation sets, including those known only from merge records, "main" left out unless asked."""
    names = set(project.annotation_sets())
    for (meta,) in project.db.conn.execute("SELECT meta FROM documents"):
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
