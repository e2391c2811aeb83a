"""Where annotation sets differ on one document: a list of Difference records with stable ids.

Entities (only human labels: accepted/added) and events of each set are grouped into clusters holding
at most one item per set: the first set's items start the clusters; each further set's items join a
cluster greedily, an item with the same offsets first, then the one sharing the most characters
(labels and types are not used for grouping: differing on them is what a difference shows).
A cluster is one Difference. The annotators' categories of the document (what a merge kept with each set) are one
more, of kind ``categories``, when any of them gave one. Its id hashes the sets' options, so it stays the same while the
annotators' sets do not change (settling writes only into "main").
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Sequence

import orjson

from annotator.model import DEFAULT_SET
from annotator.rules import missing_roles
from annotator.store import Project
from annotator.teams.merge_categories import annotators_categories
from annotator.teams.sets import EventItem, covering_sets, document_meta, event_items, human_spans, overlapping_pairs

DECISIONS_KEY = "adjudication"  # documents.meta[DECISIONS_KEY][difference id] = {"take": ..., "by": ..., "at": ...}
# documents.meta[REOPENED_KEY][difference id] = the decision a merge found no longer holding, with "reopened_by": the
# set whose version differs (``merge_decisions``): the reviewer sees what she decided before (it read as never decided)
REOPENED_KEY = "adjudication_reopened"
# documents.meta[DROPPED_KEY] = [{"kind", "start", "end", "decision"}, ...]: the decisions whose item a merge took away
# (the only set having it merged again without it), kept by place until a later version there brings the item back,
# which takes the decision as its trace with "dropped_by" (``merge_decisions``; session 37: it went without a word)
DROPPED_KEY = "adjudication_dropped"
ENTITY_ASPECTS = ("boundary", "label", "only")
EVENT_ASPECTS = ("only", "trigger", "type", "arguments", "attributes")


@dataclass(frozen=True)
class EntityOption:
    start: int
    end: int
    label: str


@dataclass(frozen=True)
class EventOption:
    type: str
    trigger_start: int
    trigger_end: int
    attributes: tuple[tuple[str, str], ...]
    arguments: tuple[tuple[str, int, int, str], ...]  # (role, entity start, entity end, entity label)

    @property
    def start(self) -> int:
        return self.trigger_start

    @property
    def end(self) -> int:
        return self.trigger_end


@dataclass(frozen=True)
class CategoryOption:
    """An annotator's categories of the document (a text classification's labels; her set's merge record keeps
    them): one item of the whole document, at offset 0."""

    categories: tuple[str, ...]

    @property
    def start(self) -> int:
        return 0

    @property
    def end(self) -> int:
        return 0


Option = EntityOption | EventOption | CategoryOption


@dataclass(frozen=True)
class Difference:
    """One cluster of corresponding items: what each set has (None: nothing), and whether it is settled."""

    id: str
    document_id: int
    kind: str  # "entity", "event" or "categories" (the document's: one at most)
    status: str  # "same", or the main way they differ: entity boundary/label/only, event only/trigger/type/...
    aspects: tuple[str, ...]  # every way they differ (empty when the same)
    options: tuple[tuple[str, Option | None], ...]  # (set name, its item) in the order of the sets
    decision: dict[str, Any] | None = None  # {"take": set name | "both" | "edit", "by": reviewer, "at": time}
    earlier: dict[str, Any] | None = None  # the decision a merge opened it again from, with "reopened_by" (its set)

    @property
    def settled(self) -> bool:
        return self.decision is not None

    @property
    def agreed(self) -> bool:
        return self.status == "same"

    def option(self, set_name: str) -> Option | None:
        for name, opt in self.options:
            if name == set_name:
                return opt
        raise KeyError(set_name)

    @property
    def sets(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.options)

    @property
    def start(self) -> int:
        return min(o.start for _, o in self.options if o is not None)

    @property
    def end(self) -> int:
        return max(o.end for _, o in self.options if o is not None)

    @property
    def can_take_both(self) -> bool:
        """Keeping several versions at once is allowed for entity spans only."""
        return self.kind == "entity" and len({o for _, o in self.options if o is not None}) > 1

    def describe(self) -> str:
        return f"{self.kind} [{self.start}, {self.end}) {self.status}"


def _cluster(item_lists: list[list[Any]], start_end) -> list[dict[int, Any]]:  # type: ignore[no-untyped-def]
    clusters: list[dict[int, Any]] = [{0: x} for x in item_lists[0]] if item_lists else []
    for k, items in enumerate(item_lists[1:], start=1):
        members = [(ci, start_end(m)) for ci, cl in enumerate(clusters) for m in cl.values()]
        spans = [start_end(it) for it in items]
        best: dict[tuple[int, int], tuple[int, int]] = {}
        for mi, ii, shared in overlapping_pairs([m[1] for m in members], spans):
            ci, offsets = members[mi]
            score = (0 if offsets == spans[ii] else 1, -shared)
            key = (ci, ii)
            if key not in best or score < best[key]:
                best[key] = score
        candidates = [(score, spans[ii][0], ci, ii) for (ci, ii), score in best.items()]
        candidates.sort()
        used_c: set[int] = set()
        used_i: set[int] = set()
        for _, _, ci, ii in candidates:
            if ci not in used_c and ii not in used_i:
                used_c.add(ci)
                used_i.add(ii)
                clusters[ci][k] = items[ii]
        clusters += [{k: it} for ii, it in enumerate(items) if ii not in used_i]
    return clusters


def _entity_aspects(opts: list[EntityOption | None]) -> tuple[str, ...]:
    present = [o for o in opts if o is not None]
    aspects = []
    if len({(o.start, o.end) for o in present}) > 1:
        aspects.append("boundary")
    if len({o.label for o in present}) > 1:
        aspects.append("label")
    if len(present) < len(opts):
        aspects.append("only")
    return tuple(aspects)


def _event_aspects(opts: list[EventOption | None]) -> tuple[str, ...]:
    present = [o for o in opts if o is not None]
    checks = {
        "only": len(present) < len(opts),
        "trigger": len({(o.trigger_start, o.trigger_end) for o in present}) > 1,
        "type": len({o.type for o in present}) > 1,
        "arguments": len({o.arguments for o in present}) > 1,
        "attributes": len({o.attributes for o in present}) > 1,
    }
    return tuple(a for a in EVENT_ASPECTS if checks[a])


def _category_aspects(opts: list[CategoryOption | None]) -> tuple[str, ...]:
    """Her choice of none is a choice: the annotators differ when their sets of categories do."""
    return ("categories",) if len({frozenset(o.categories) for o in opts if o is not None}) > 1 else ()


def _make_id(kind: str, options: list[tuple[str, Option | None]]) -> str:
    payload = orjson.dumps([kind, [[name, None if o is None else list(o.__dict__.values())] for name, o in options]])
    start = min(o.start for _, o in options if o is not None)
    return f"{kind[:2]}{start}-{hashlib.sha1(payload).hexdigest()[:10]}"


def document_sets(project: Project, doc_id: int) -> list[str]:
    """The annotators' sets (not "main") that cover a document (``sets.covering_sets``: worked on by the annotator)."""
    return sorted(covering_sets(project, doc_id) - {DEFAULT_SET})


def decisions(project: Project, doc_id: int) -> dict[str, dict[str, Any]]:
    return dict(document_meta(project, doc_id).get(DECISIONS_KEY) or {})


def differences(project: Project, doc_id: int, sets: Sequence[str] | None = None) -> list[Difference]:
    """Every entity and event cluster of the document across ``sets`` (default: the annotators' sets covering it)."""
    names = list(dict.fromkeys(sets)) if sets else document_sets(project, doc_id)
    names = [n for n in names if n != DEFAULT_SET]
    if not names:
        return []
    meta = document_meta(project, doc_id)
    decided = dict(meta.get(DECISIONS_KEY) or {})
    earlier = dict(meta.get(REOPENED_KEY) or {})
    out: list[Difference] = []
    seen: set[str] = set()

    def add(kind: str, cl: dict[int, Any], to_option, aspects_of) -> None:  # type: ignore[no-untyped-def]
        options = [(name, to_option(cl[k]) if k in cl else None) for k, name in enumerate(names)]
        aspects = aspects_of([o for _, o in options])
        did = _make_id(kind, options)
        n = 1
        while did in seen:  # a set holding the same item twice
            n += 1
            did = f"{_make_id(kind, options)}.{n}"
        seen.add(did)
        status = aspects[0] if aspects else "same"
        out.append(Difference(did, doc_id, kind, status, aspects, tuple(options), decided.get(did), earlier.get(did)))

    spans = [human_spans(project, doc_id, n) for n in names]
    for cl in _cluster(spans, lambda s: (s.start, s.end)):
        add("entity", cl, lambda s: EntityOption(s.start, s.end, s.label), _entity_aspects)
    events = [event_items(project, doc_id, n) for n in names]
    for cl in _cluster(events, lambda e: (e.trigger_start, e.trigger_end)):
        add("event", cl, _event_option, _event_aspects)
    chosen = annotators_categories(meta)
    if any(chosen.get(n) for n in names):  # some annotator gave the document categories: one item of them
        picks = {k: CategoryOption(tuple(chosen.get(n) or ())) for k, n in enumerate(names)}
        add("categories", picks, lambda o: o, _category_aspects)
    out.sort(key=lambda d: (d.start, d.end, d.kind != "entity", d.id))
    return out


def final_events(project: Project, doc_id: int) -> dict[tuple[int, int], tuple[EventOption, tuple[str, ...]]]:
    """The final set's settled events by trigger, as an annotator's are listed, each with the required roles it leaves
    empty (``rules.missing_roles``): what an event difference's decision left there, since changed (a label taken
    later can take its filler out of a role)."""
    out = {}
    for e in event_items(project, doc_id, DEFAULT_SET):
        etype = project.schema.event_type(e.type)
        lacking = missing_roles(etype, (a[0] for a in e.arguments)) if etype is not None else []
        out[(e.trigger_start, e.trigger_end)] = (_event_option(e), tuple(lacking))
    return out


def _event_option(e: EventItem) -> EventOption:
    return EventOption(e.type, e.trigger_start, e.trigger_end, e.attributes, e.arguments)
