"""Settle the differences between annotators into the final set ("main"), one undoable Change per decision.

Each settling function writes through the core edit functions (``annotator.edits``) with the reviewer
as annotator, inside one transaction, records the decision in the document's ``meta["adjudication"]``
and returns one Change combining all of it, which ``annotator.recorder.undo``/``redo`` invert whole.
When the last difference of a document is settled, the same Change rejects the suggestions left
undecided in "main", entities and events (no annotator kept them), and marks the document ``reviewed``.
"""

from __future__ import annotations

from typing import Callable, Sequence

import orjson

from annotator import edits
from annotator.errors import AnnotatorError, ValidationError
from annotator.model import DEFAULT_SET, HUMAN, Change, RowChange
from annotator.recorder import EditRecorder, run_edit
from annotator.store import Project, now
from annotator.teams.differences import (
    DECISIONS_KEY,
    CategoryOption,
    Difference,
    EntityOption,
    EventOption,
    Option,
    differences,
)
from annotator.teams.sets import HUMAN_STATES
from annotator.teams.model_quality import MODEL_PREFIX
from annotator.validation import Problem, validate

SOURCE = "adjudication"


def combine(action: str, doc_id: int, changes: Sequence[Change], result_id: int | None = None) -> Change:
    """One Change doing what ``changes`` did in order: each row's first before and last after."""
    rows: dict[tuple[str, int], RowChange] = {}
    for ch in changes:
        for r in ch.rows:
            key = (r.table, r.id)
            before = rows[key].before if key in rows else r.before
            rows[key] = RowChange(r.table, r.id, before, r.after)
    kept = tuple(r for r in rows.values() if r.before != r.after)
    return Change(action, doc_id, kept, result_id)


def _record(project: Project, doc_id: int, decided: dict[str, dict]) -> Change:
    def body(rec: EditRecorder) -> None:
        meta = orjson.loads(project.row("documents", doc_id)["meta"] or "{}")
        meta[DECISIONS_KEY] = {**(meta.get(DECISIONS_KEY) or {}), **decided}
        rec.update("documents", doc_id, {"meta": orjson.dumps(meta).decode(), "updated_at": now()})

    return run_edit(project, "adjudicate", doc_id, body)


def _settle(
    project: Project,
    doc_id: int,
    sets: Sequence[str] | None,
    reviewer: str | None,
    action: str,
    body: Callable[[], tuple[list[Change], dict[str, dict]]],
) -> Change:
    saved = project.annotation_set, project.annotator
    project.annotation_set = DEFAULT_SET
    if reviewer:
        project.annotator = reviewer
    try:
        with project.transaction():
            changes, decided = body()
            if decided:
                changes.append(_record(project, doc_id, decided))
            if (
                all(d.settled for d in differences(project, doc_id, sets))
                and project.document(doc_id).status != "reviewed"
                and not lacking_roles(project, doc_id)  # not reviewed with a role left empty (said by the app)
            ):
                changes.append(edits.reject_all_events(project, doc_id))  # events too: no annotator kept them
                changes.append(edits.reject_all(project, doc_id))
                changes.append(edits.set_status(project, doc_id, "reviewed"))
            return combine(action, doc_id, changes)
    finally:
        project.annotation_set, project.annotator = saved


class NotReviewable(ValidationError):
    """``finish`` refused: differences are left to settle (``left``), or the final set has an event without a required
    role (``lacking``); nothing was changed."""

    def __init__(self, left: Sequence[Difference] = (), lacking: Sequence[Problem] = ()) -> None:
        self.left, self.lacking = list(left), list(lacking)
        if self.left:
            super().__init__(f"{len(self.left)} differences are not settled yet; first: {self.left[0].describe()}")
        else:
            super().__init__(
                f"not marked reviewed: it leaves an event without a required role: {self.lacking[0].message}"
            )


def lacking_roles(project: Project, doc_id: int) -> list[Problem]:
    """The final set's events without a required role (``validate``'s missing_role): while there is one, settling the
    last difference does not mark the document reviewed (B's label taking a span out of a role of an event taken from
    A marked it reviewed with that role empty, and ``validate`` said so afterwards)."""
    return [p for p in validate(project, doc_id, DEFAULT_SET) if p.kind == "missing_role"]


def _decision(project: Project, take: str) -> dict:
    return {"take": take, "by": project.annotator, "at": now()}


# -- entities -------------------------------------------------------------------------------------
def _apply_entity(project: Project, diff: Difference, targets: list[EntityOption], source: str) -> list[Change]:
    """Make "main" hold exactly ``targets`` at the offsets the difference's options use."""
    offsets = {(o.start, o.end) for _, o in diff.options if o is not None}
    main = [e for e in project.entities(diff.document_id, DEFAULT_SET) if (e.start, e.end) in offsets]
    changes: list[Change] = []
    used: set[int] = set()
    unmet = []
    for t in dict.fromkeys(targets):
        m = next((e for e in main if e.id not in used and (e.start, e.end, e.label) == (t.start, t.end, t.label)), None)
        if m is None:
            unmet.append(t)
            continue
        used.add(m.id)
        if m.state not in HUMAN_STATES:
            changes.append(edits.set_entity_state(project, m.id, "accepted"))
    for t in unmet:
        m = next((e for e in main if e.id not in used and (e.start, e.end) == (t.start, t.end)), None)
        if m is None:
            changes.append(edits.add_entity(project, diff.document_id, t.start, t.end, t.label, source=source))
            continue
        used.add(m.id)
        changes.append(edits.relabel_entity(project, m.id, t.label))
        if project.entity(m.id).state not in HUMAN_STATES:
            changes.append(edits.set_entity_state(project, m.id, "accepted"))
    for e in main:
        if e.id in used or e.state == "rejected":
            continue
        if e.state == "suggested" or e.source.startswith(MODEL_PREFIX):
            changes.append(edits.reject_entity(project, e.id))  # the model's suggestion stays, rejected
        else:
            changes.append(edits.delete_entity(project, e.id))
    return changes


def _ensure_entity(
    project: Project, doc_id: int, start: int, end: int, label: str, source: str
) -> tuple[int, list[Change]]:
    """A human entity of "main" at these offsets with this label, made if needed (for event arguments)."""
    same = [e for e in project.entities(doc_id, DEFAULT_SET) if (e.start, e.end, e.label) == (start, end, label)]
    for e in same:
        if e.state in HUMAN_STATES:
            return e.id, []
    if same:
        return same[0].id, [edits.set_entity_state(project, same[0].id, "accepted")]
    ch = edits.add_entity(project, doc_id, start, end, label, source=source)
    return int(ch.result_id), [ch]


# -- events ---------------------------------------------------------------------------------------
def _apply_event(project: Project, diff: Difference, target: EventOption | None, source: str) -> list[Change]:
    """Make "main" hold exactly ``target`` (or no event) at the triggers the difference's options use."""
    doc_id = diff.document_id
    offsets = {(o.trigger_start, o.trigger_end) for _, o in diff.options if o is not None}
    main = [e for e in project.events(doc_id, DEFAULT_SET) if (e.trigger_start, e.trigger_end) in offsets]
    changes: list[Change] = []
    keep = None
    if target is not None:
        keep = min(
            main,
            key=lambda e: (
                (e.trigger_start, e.trigger_end) != (target.trigger_start, target.trigger_end),
                e.type != target.type,
                e.state == "rejected",  # a suggestion rejected before is taken again only where nothing else is
            ),
            default=None,
        )
    for e in main:
        if e is keep or e.state == "rejected":
            continue
        if e.source == HUMAN:  # made by hand (the reviewer's earlier decisions): taken out
            changes.append(edits.delete_event(project, e.id))
        else:  # a suggester's (or an import's), decided or not: rejected, as an entity is (until session 35 deleted:
            changes.append(edits.reject_event(project, e.id))  # its source and score gone, a version taken back new)
    if target is None:
        return changes
    attrs = dict(target.attributes)
    if keep is None:
        ch = edits.add_event(project, doc_id, target.type, target.trigger_start, target.trigger_end, attrs)
        changes.append(ch)
        event_id = int(ch.result_id)
        current_args: list[tuple[int, tuple[str, int, int]]] = []
    else:
        event_id = keep.id
        current_args = []
        for a in keep.arguments:
            ent = project.entity(a.entity_id)
            current_args.append((a.id, (a.role, ent.start, ent.end)))
    wanted = [(r, s, e) for r, s, e, _ in target.arguments]
    for arg_id, key in current_args:
        if key not in wanted:
            changes.append(edits.remove_argument(project, arg_id))
    if keep is not None:
        if keep.type != target.type:
            changes.append(edits.set_event_type(project, event_id, target.type))
        if (keep.trigger_start, keep.trigger_end) != (target.trigger_start, target.trigger_end):
            changes.append(edits.move_trigger(project, event_id, target.trigger_start, target.trigger_end))
        for name, value in attrs.items():
            if keep.attributes.get(name) != value:
                changes.append(edits.set_event_attribute(project, event_id, name, value))
    have = {key for _, key in current_args if key in wanted}
    for role, s, e, label in target.arguments:
        if (role, s, e) in have:
            continue
        entity_id, made = _ensure_entity(project, doc_id, s, e, label, source)
        changes += made
        changes.append(edits.add_argument(project, event_id, role, entity_id))
        have.add((role, s, e))
    if keep is not None and keep.state not in HUMAN_STATES:
        # the model's suggestion at that trigger, now the annotator's version: accepted, as a reused entity is
        # (it stayed 'suggested': an export of decided annotations dropped every adjudicated event)
        changes.append(edits.accept_event(project, event_id))
    return changes


# -- the document's categories ----------------------------------------------------------------------
def _apply_categories(project: Project, diff: Difference, target: Option | None) -> list[Change]:
    """The document's categories set to an annotator's (``edits.set_categories``)."""
    chosen = list(target.categories) if isinstance(target, CategoryOption) else []
    change = edits.set_categories(project, diff.document_id, chosen)
    return [change] if not change.is_empty else []


# -- settling -------------------------------------------------------------------------------------
def _find(project: Project, doc_id: int, diff_id: str, sets: Sequence[str] | None) -> Difference:
    for d in differences(project, doc_id, sets):
        if d.id == diff_id:
            return d
    raise AnnotatorError(f"no difference {diff_id!r} in document {doc_id} (the annotators' sets changed?)")


def _sets(diff: Difference, sets: Sequence[str] | None) -> Sequence[str]:
    return sets or diff.sets


def take(
    project: Project, diff: Difference, set_name: str, reviewer: str | None = None, sets: Sequence[str] | None = None
) -> Change:
    """Settle ``diff`` with ``set_name``'s version (which may be "nothing here")."""
    if set_name not in diff.sets:
        raise AnnotatorError(f"set {set_name!r} is not one of this difference's sets ({', '.join(diff.sets)})")

    def body() -> tuple[list[Change], dict[str, dict]]:
        d = _find(project, diff.document_id, diff.id, _sets(diff, sets))
        opt = d.option(set_name)
        src = f"{SOURCE}:{set_name}"
        if d.kind == "entity":
            changes = _apply_entity(project, d, [opt] if opt is not None else [], src)
        elif d.kind == "categories":
            changes = _apply_categories(project, d, opt)
        else:
            changes = _apply_event(project, d, opt, src)
        return changes, {d.id: _decision(project, set_name)}

    return _settle(project, diff.document_id, _sets(diff, sets), reviewer, f"adjudicate:take {set_name}", body)


def take_both(
    project: Project, diff: Difference, reviewer: str | None = None, sets: Sequence[str] | None = None
) -> Change:
    """Settle an entity difference by keeping every set's version as its own span."""
    if diff.kind != "entity":
        raise AnnotatorError("only entity spans can keep both versions; for an event take one side or edit it")

    def body() -> tuple[list[Change], dict[str, dict]]:
        d = _find(project, diff.document_id, diff.id, _sets(diff, sets))
        targets = [o for _, o in d.options if o is not None]
        return _apply_entity(project, d, targets, f"{SOURCE}:both"), {d.id: _decision(project, "both")}

    return _settle(project, diff.document_id, _sets(diff, sets), reviewer, "adjudicate:take both", body)


def mark_edited(
    project: Project, diff: Difference, reviewer: str | None = None, sets: Sequence[str] | None = None
) -> Change:
    """Settle ``diff`` as decided by the reviewer's own edits of "main" (made with the ordinary edit functions)."""

    def body() -> tuple[list[Change], dict[str, dict]]:
        return [], {diff.id: _decision(project, "edit")}

    return _settle(project, diff.document_id, _sets(diff, sets), reviewer, "adjudicate:edit", body)


def take_all_agreed(
    project: Project, doc_id: int, reviewer: str | None = None, sets: Sequence[str] | None = None
) -> Change:
    """Settle in one step every unsettled difference on which all sets agree (where one set alone covers the
    document, each of its items, recorded as that set's)."""

    def body() -> tuple[list[Change], dict[str, dict]]:
        changes: list[Change] = []
        decided: dict[str, dict] = {}
        for d in differences(project, doc_id, sets):
            if d.agreed and not d.settled:
                opt = d.options[0][1]
                if d.kind == "entity":
                    changes += _apply_entity(project, d, [opt], f"{SOURCE}:agreed")
                elif d.kind == "categories":
                    changes += _apply_categories(project, d, opt)
                else:
                    changes += _apply_event(project, d, opt, f"{SOURCE}:agreed")
                # one annotator's item (the only set that worked on the document): hers, not agreed by anyone
                decided[d.id] = _decision(project, d.options[0][0] if len(d.options) == 1 else "agreed")
        return changes, decided

    return _settle(project, doc_id, sets, reviewer, "adjudicate:take all agreed", body)


def take_all_from(
    project: Project, doc_id: int, set_name: str, reviewer: str | None = None, sets: Sequence[str] | None = None
) -> Change:
    """Settle in one step every unsettled difference of ``doc_id`` with ``set_name``'s version (which may be "nothing
    here"), as ``take`` does item by item: the reviewer who trusts one annotator's version of the rest of a document
    pressed A on each item (session 33)."""
    covering = differences(project, doc_id, sets)
    if covering and all(set_name not in d.sets for d in covering):
        raise AnnotatorError(
            f"set {set_name!r} is not one of this document's annotators' sets ({', '.join(covering[0].sets)})"
        )

    def body() -> tuple[list[Change], dict[str, dict]]:
        changes: list[Change] = []
        decided: dict[str, dict] = {}
        src = f"{SOURCE}:{set_name}"
        for d in differences(project, doc_id, sets):
            if d.settled or set_name not in d.sets:
                continue
            opt = d.option(set_name)
            if d.kind == "entity":
                changes += _apply_entity(project, d, [opt] if opt is not None else [], src)
            elif d.kind == "categories":
                changes += _apply_categories(project, d, opt)
            else:
                changes += _apply_event(project, d, opt, src)
            decided[d.id] = _decision(project, set_name)
        return changes, decided

    return _settle(project, doc_id, sets, reviewer, f"adjudicate:take all {set_name}", body)


def unsettled(project: Project, doc_id: int, sets: Sequence[str] | None = None) -> list[Difference]:
    return [d for d in differences(project, doc_id, sets) if not d.settled]


def finish(project: Project, doc_id: int, reviewer: str | None = None, sets: Sequence[str] | None = None) -> Change:
    """Mark a document reviewed when nothing is left to settle (as settling the last difference does); else
    ``NotReviewable`` says what is left."""
    left = unsettled(project, doc_id, sets)
    if left:
        raise NotReviewable(left=left)
    lacking = lacking_roles(project, doc_id)
    if lacking:
        raise NotReviewable(lacking=lacking)
    return _settle(project, doc_id, sets, reviewer, "adjudicate:finish", lambda: ([], {}))
