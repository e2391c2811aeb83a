"""The reviewer's adjudication decisions through a merge: a set merged after a document was adjudicated (a fourth
annotator's file, or an annotator's file again) changes every item's options, and so its id (made from them): until
session 34 every decision of the document read unsettled afterwards (50 of 50 on the seeds' 002), and the merge said
nothing. A decision holds where the merged set's version of the item is the one the reviewer took (or, for an item
settled as agreed, the one all had; for both spans kept or the reviewer's own edit, one of the versions she saw);
elsewhere the item is open again, and the merge's report names the documents. Decisions are added under the items'
new ids (those of the old ids stay, as a rename leaves them). A document marked reviewed with an item open again is no longer reviewed: it is
``in_progress`` again (its review begun, not done; one change-log row by whoever merged), so the document list's Adj.
dot and "to adjudicate" filter show it, ``export --status reviewed`` leaves it out, and settling its open items marks it
reviewed again; the report's line names it (until session 35 it stayed reviewed with items open). An item open again
keeps its earlier decision as a trace (``differences.REOPENED_KEY``, with the set whose version differs; carried on
while it stays open through later merges): the Adjudication list says it (it read as never decided until session 36)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import orjson

from annotator import edits
from annotator.store import Project
from annotator.teams.differences import (
    DECISIONS_KEY,
    DROPPED_KEY,
    REOPENED_KEY,
    Difference,
    Option,
    differences,
    document_sets,
)
from annotator.teams.sets import document_meta
from annotator.wording import first_named


@dataclass
class DecisionsCarried:
    """What a merged set did to the adjudication decisions of the documents it covers."""

    kept: int = 0  # decisions that hold: the set's version is the one taken
    reopened: dict[str, int] = field(default_factory=dict)  # document name -> its items open again
    unreviewed: list[str] = field(default_factory=list)  # documents marked reviewed before, in progress again
    dropped: dict[str, int] = field(default_factory=dict)  # document name -> its decided items the set's version took

    def summary(self, set_name: str) -> str:
        """One line of the merge's report ("" when no decision was touched)."""
        if not self.kept and not self.reopened and not self.dropped:
            return ""
        kept = f"{self.kept:,} kept ({set_name}'s version the one taken)"
        if self.dropped:
            kept = (f"{kept}, " if self.kept else "") + self._dropped_said(set_name)
        if not self.reopened:
            return f"adjudication decisions: {kept}"
        n = sum(self.reopened.values())
        names = ", ".join(f"{name}: {k:,}" for name, k in list(self.reopened.items())[:5])
        more = " …" if len(self.reopened) > 5 else ""
        line = (
            f"adjudication decisions: {kept}, {n:,} open again where {set_name}'s version differs ({names}{more}): "
            "Review > Adjudicate settles them"
        )
        if self.unreviewed:
            line += f"; no longer reviewed, in progress again: {first_named(self.unreviewed, 5)}"
        return line

    def _dropped_said(self, set_name: str) -> str:
        """The decided items gone with ``set_name``'s version (no other set had them): the project's final set keeps
        what was taken; a later version there brings the decision back as the item's trace."""
        if not self.dropped:
            return ""
        n = sum(self.dropped.values())
        names = ", ".join(f"{name}: {k:,}" for name, k in list(self.dropped.items())[:5])
        more = " …" if len(self.dropped) > 5 else ""
        item = "item" if n == 1 else "items"
        return f"{n:,} decided {item} gone with {set_name}'s version ({names}{more}: no set has it; main keeps what was taken)"


@dataclass(frozen=True)
class Settled:
    """A document holding adjudication decisions, read before a set is written: the annotators' sets covering it then,
    and its items as they were when the set being written was one of them (its rows are replaced: read first)."""

    names: tuple[str, ...]
    items: list[Difference] | None


def decided_before(project: Project, set_name: str, doc_ids: set[int]) -> dict[int, Settled]:
    """The documents of ``doc_ids`` holding adjudication decisions, read before set ``set_name`` is written. Their
    items are read now only where that set covers the document already (a file merged again): the other sets' rows do
    not change, so the items as they were are read after the write from those sets alone (``carry_decisions``), and
    a document the set covers neither before nor after is not read at all (2 ms a document of 50 items)."""
    out = {}
    for doc_id, raw in project.db.document_metas(containing=DECISIONS_KEY):
        if doc_id not in doc_ids:
            continue
        meta = orjson.loads(raw or "{}")
        if isinstance(meta, dict) and meta.get(DECISIONS_KEY):
            names = tuple(document_sets(project, doc_id))
            out[doc_id] = Settled(names, differences(project, doc_id) if set_name in names else None)
    return out


def carry_decisions(project: Project, set_name: str, before: dict[int, Settled]) -> DecisionsCarried:
    """After set ``set_name`` was written: each decision of ``before`` whose item changed only by that set's version
    recorded under the item's new id when it still holds (``_holds``); the items it does not hold for counted open."""
    carried = DecisionsCarried()
    for doc_id, settled in before.items():
        if set_name not in settled.names and set_name not in document_sets(project, doc_id):
            continue  # the set covers it neither before nor now: its items' ids are as they were
        if settled.items is not None:
            was = settled.items
        elif settled.names:  # the other sets' rows as they were: their items then, read from them alone
            was = differences(project, doc_id, sets=list(settled.names))
        else:
            continue
        meta = document_meta(project, doc_id)
        dropped_before = list(meta.get(DROPPED_KEY) or [])
        if not dropped_before and not any(d.decision is not None or d.earlier is not None for d in was):
            continue
        old_by_key = dict(zip(_counted_keys(was, set_name), was))
        decided = dict(meta.get(DECISIONS_KEY) or {})
        added: dict[str, dict[str, Any]] = {}
        reopened: dict[str, dict[str, Any]] = {}  # the items open (again): the decision each had, kept as a trace
        opened_now = 0  # of them, opened by this set's version
        now = differences(project, doc_id)
        matched = [old_by_key.get(k) for k in _counted_keys(now, set_name)]
        taken = {id(m) for m in matched if m is not None}
        _match_moved(now, matched, [d for d in was if id(d) not in taken], set_name)
        taken = {id(m) for m in matched if m is not None}
        gone = [_dropped(d, set_name) for d in was if id(d) not in taken and (d.decision or d.earlier)]
        dropped_now = [g for g in gone if g is not None]
        back = _back(now, matched, dropped_before, set_name)
        for d, old in zip(now, matched):
            if d.id in decided or old is None or old.id == d.id:
                continue
            if old.decision is None:  # open before: the trace of its earlier decision, if any, goes with it
                if old.earlier is not None:
                    reopened[d.id] = old.earlier
                continue
            if _holds(old, d, set_name):
                added[d.id] = old.decision
            else:
                reopened[d.id] = {**old.decision, "reopened_by": set_name}
                opened_now += 1
        carried.kept += len(added)
        if opened_now:
            document = project.document(doc_id)
            carried.reopened[document.name] = opened_now
            if document.status == "reviewed":  # an item open again: its review is not done
                edits.set_status(project, doc_id, "in_progress")
                carried.unreviewed.append(document.name)
        if dropped_now:
            carried.dropped[project.document(doc_id).name] = len(dropped_now)
        reopened.update({k: {**t, "reopened_by": set_name} for k, t in back.items()})
        if added:
            meta[DECISIONS_KEY] = {**decided, **added}
        if reopened:
            meta[REOPENED_KEY] = {**(meta.get(REOPENED_KEY) or {}), **reopened}
        if dropped_now or back:
            used = {id(t) for t in back.values()}
            still = [t for t in dropped_before if id(t.get("decision")) not in used]
            meta[DROPPED_KEY] = [*[t for t in still if "decision" in t], *dropped_now]
            if not meta[DROPPED_KEY]:
                del meta[DROPPED_KEY]
        if added or reopened or dropped_now or back:
            project.db.set_document_meta(doc_id, orjson.dumps(meta).decode())
    return carried


def _dropped(d: Difference, set_name: str) -> dict[str, Any] | None:
    """The trace of decided (or reopened) item ``d`` whose only version, ``set_name``'s, a merge took away: its place
    and the decision it had (``DROPPED_KEY``); None for an item other sets had (it is matched, never gone)."""
    own = dict(d.options).get(set_name)
    if own is None or any(o is not None for n, o in d.options if n != set_name):
        return None
    decision = dict(d.decision) if d.decision is not None else {k: v for k, v in (d.earlier or {}).items()}
    decision.pop("reopened_by", None)
    decision.pop("dropped_by", None)
    return {"kind": d.kind, "start": own.start, "end": own.end, "decision": {**decision, "dropped_by": set_name}}


def _back(
    now: list[Difference], matched: list[Difference | None], dropped: list[dict[str, Any]], set_name: str
) -> dict[str, dict[str, Any]]:
    """The items new with ``set_name``'s version (matched to no earlier item) where a decided item was taken away
    before (a trace of ``dropped`` of its kind overlapping it): item id -> that decision, kept as its trace; each
    trace given once. The returned values are the traces' own dicts' decisions (``carry_decisions`` drops those)."""
    out: dict[str, dict[str, Any]] = {}
    left = [t for t in dropped if isinstance(t, dict) and isinstance(t.get("decision"), dict)]
    for d, old in zip(now, matched):
        own = dict(d.options).get(set_name)
        if old is not None or own is None or d.decision is not None:
            continue
        for t in left:
            if t.get("kind") == d.kind and t.get("start", 0) < own.end and own.start < t.get("end", 0):
                out[d.id] = t["decision"]
                left.remove(t)
                break
    return out


def _counted_keys(items: list[Difference], set_name: str) -> list[tuple[Any, int]]:
    """Each item's ``_others`` key, counted (the second alike is (key, 2))."""
    seen: Counter = Counter()
    out = []
    for d in items:
        k = _others(d, set_name)
        seen[k] += 1
        out.append((k, seen[k]))
    return out


def _match_moved(
    now: list[Difference], matched: list[Difference | None], left: list[Difference], set_name: str
) -> None:
    """An item only ``set_name`` has whose place changed (its bounds moved): matched in ``matched`` to the earlier item
    left unmatched that only that set had, of its kind, overlapping it (the first such)."""
    for i, d in enumerate(now):
        own = dict(d.options).get(set_name)
        if matched[i] is not None or own is None or _others(d, set_name)[2] is None:
            continue
        for old in left:
            was = dict(old.options).get(set_name)
            if (
                was is not None
                and old.kind == d.kind
                and _others(old, set_name)[:2] == _others(d, set_name)[:2]
                and was.start < own.end
                and own.start < was.end
            ):
                matched[i] = old
                left.remove(old)
                break


def _others(d: Difference, set_name: str) -> tuple[str, frozenset, tuple[int, int] | None]:
    """An item as the sets other than ``set_name`` have it; where none of them has it, its place in ``set_name``'s
    version as well (the items they all lack are otherwise alike, and matched by their order alone an item gone from
    the file moved each decision after it onto the next item: s36-look saw "S Jaishankar" read "open again: was bob")."""
    others = frozenset((n, o) for n, o in d.options if n != set_name)
    own = dict(d.options).get(set_name)
    place = (own.start, own.end) if own is not None and all(o is None for _n, o in others) else None
    return d.kind, others, place


def _holds(old: Difference, new: Difference, set_name: str) -> bool:
    """Whether ``old``'s decision settles ``new``, the same item with ``set_name``'s version now ``new.option``."""
    assert old.decision is not None
    now: Option | None = dict(new.options).get(set_name)
    take = old.decision.get("take")
    versions = dict(old.options)
    if take in versions:  # an annotator's version taken
        return now == versions[take]
    present = list(versions.values())
    if take == "agreed":
        return all(o == now for o in present)
    return now in present  # both spans kept, the reviewer's own edit: a version she saw
