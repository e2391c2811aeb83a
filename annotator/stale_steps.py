"""An undo or redo whose rows are not as the step left them: carried onto the same suggestion a later pre-annotation
wrote in its place, or refused in the person's words (the words and the label, never a row's number)."""

from __future__ import annotations

from typing import Any

from annotator.model import Change, RowChange
from annotator.shown import quoted
from annotator.store import Project

# a pre-annotation writes the suggestions nobody decided afresh (the same ones are carried over: ``onto_successors``)
GONE_SUGGESTION = "a pre-annotation or another window took it away"


CARRIED = frozenset({"documents", "entities", "events", "arguments"})  # a step of other rows is left as it is

Sides = list[tuple[RowChange, "dict[str, Any] | None", "dict[str, Any] | None"]]  # a row, as expected, as it will be


def onto_successors(project: Project, change: Change, use_after: bool) -> Change:
    """``change`` (a step's, about to be redone when ``use_after``, else undone) with each undecided suggestion it
    expects and finds gone put onto the very same suggestion a later pre-annotation run wrote in its place, with new
    ids: a span of the same document, set, offsets and label, undecided and unedited (``shown.aimed_at``'s rule for a
    key); an event of the same trigger and type whose arguments are the step's (the same roles filled by the same
    spans, carried themselves), or, for a step that names no argument (an accept: it names the fillers it accepts),
    whose undecided fillers are among the step's. Ctrl+Y of an accept undone before Project > Pre-annotate all
    documents was refused though the suggestion was there as before (spans: session 40; events: session 41). An event
    with no such successor leaves the step as it is, refused in its words."""
    if any(r.table not in CARRIED for r in change.rows):
        return change
    sides: Sides = [(r, *((r.before, r.after) if use_after else (r.after, r.before))) for r in change.rows]
    moved: dict[tuple[str, int], int] = {}
    for r, expected, _ in sides:
        if r.table == "entities" and (successor := _successor(project, r, expected)) is not None:
            moved[("entities", r.id)] = successor
    for r, expected, _ in sides:
        if r.table == "events" and expected is not None and _gone_suggestion(project, r, expected):
            successor = _event_successor(project, sides, r, expected, moved)
            if successor is None:
                return change
            moved[("events", r.id)] = successor
    for r, expected, _ in sides:
        if r.table == "arguments" and expected is not None and ("events", expected["event_id"]) in moved:
            filler = moved.get(("entities", expected["entity_id"]), expected["entity_id"])
            again = project.db.argument_filling(moved[("events", expected["event_id"])], expected["role"], filler)
            if again is None:  # never so: the event's successor was chosen with its arguments
                return change
            moved[("arguments", r.id)] = again
    if not moved:
        return change
    rows: list[RowChange] = []
    for r, expected, target in sides:
        successor = moved.get((r.table, r.id))
        if successor is None or expected is None:
            rows.append(r)
            continue
        now_row = project.row(r.table, successor)
        assert now_row is not None  # found by the same reads
        made = {k: v for k, v in (target or {}).items() if k != "id" and expected.get(k) != v}  # what the step does
        new_target = None if target is None else {**now_row, **made}
        rows.append(RowChange(r.table, successor, *((now_row, new_target) if use_after else (new_target, now_row))))
    result = change.result_id
    if result is not None:
        table = "events" if any(r.table == "events" and r.id == result for r in change.rows) else "entities"
        result = moved.get((table, result), result)
    return Change(change.action, change.document_id, tuple(rows), result)


def _gone_suggestion(project: Project, r: RowChange, expected: dict[str, Any]) -> bool:
    return expected.get("state") == "suggested" and not expected.get("edited") and project.row(r.table, r.id) is None


def _successor(project: Project, r: RowChange, expected: dict[str, Any] | None) -> int | None:
    if r.table != "entities" or expected is None or not _gone_suggestion(project, r, expected):
        return None
    return project.db.same_suggestion(
        expected["document_id"],
        expected["annotation_set"],
        expected["start"],
        expected["end"],
        expected["label"],
        after=r.id,
    )


def _event_successor(
    project: Project, sides: Sides, r: RowChange, expected: dict[str, Any], moved: dict[tuple[str, int], int]
) -> int | None:
    """The event suggestion a later run wrote in place of the gone one ``r`` that the step can be carried onto."""
    db = project.db
    args = [e for a, e, _ in sides if a.table == "arguments" and e is not None and e["event_id"] == r.id]
    spans = {moved.get(("entities", a.id), a.id) for a, e, _ in sides if a.table == "entities" and e is not None}
    trigger = (expected["trigger_start"], expected["trigger_end"])
    for candidate in db.event_suggestions_at(
        expected["document_id"], expected["annotation_set"], trigger, expected["type"], after=r.id
    ):
        if args:  # the step names its arguments (a reject deletes them): the same roles by the same spans
            if db.roles_filled(candidate) == sorted(a["role"] for a in args) and all(
                db.argument_filling(candidate, a["role"], moved.get(("entities", a["entity_id"]), a["entity_id"]))
                is not None
                for a in args
            ):
                return candidate
        elif set(db.suggested_fillers(candidate)) <= spans:  # an accept: it accepts the same fillers, no other
            return candidate
    return None


def stale_said(project: Project, table: str, expected: dict[str, Any] | None, now_row: dict[str, Any] | None) -> str:
    """What an undo or redo found changed, for a span or an event (``expected``: the row as the step left it;
    ``now_row``: as it is, None when gone): "the suggestion “Maria Lopez” (PERSON) is gone (…)", "“Moscow” (LOC)
    was changed elsewhere, by bob (now FAC, accepted)" (as a key's refusal says it); "" for another table (its
    caller's words: a document's, the project's values)."""
    row = expected or now_row
    if row is None or table not in ("entities", "events"):
        return ""
    text = project.db.document_text(row["document_id"]) or ""  # read only to say the refusal
    suggested = row.get("state") == "suggested"
    if table == "entities":
        what = f"{'the suggestion ' if suggested else ''}{quoted(text, row['start'], row['end'])} ({row['label']})"
    else:
        trigger = quoted(text, row["trigger_start"], row["trigger_end"])
        what = f"the {'suggested ' if suggested else ''}{row['type']} event {trigger}"
    if now_row is None:
        why = GONE_SUGGESTION if suggested else "another window or program deleted it"
        return f"{what} is gone ({why})"
    who = now_row.get("annotator")
    changed = now_row.get("label", now_row.get("type"))
    now = f"{changed}, " if changed != row.get("label", row.get("type")) else ""
    return f"{what} was changed elsewhere{f', by {who}' if who else ''} (now {now}{now_row.get('state')})"
