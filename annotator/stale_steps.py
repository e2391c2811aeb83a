"""An undo or redo whose rows are not as the step left them: carried onto the same suggestion a later pre-annotation
wrote in its place, or refused in the person's words (the words and the label, never a row's number)."""

from __future__ import annotations

from typing import Any

from annotator.model import Change, RowChange
from annotator.shown import quoted
from annotator.store import Project

# a pre-annotation writes the suggestions nobody decided afresh (the same ones are carried over: ``onto_successors``)
GONE_SUGGESTION = "a pre-annotation or another window took it away"


def onto_successors(project: Project, change: Change, use_after: bool) -> Change:
    """``change`` (a step's, about to be redone when ``use_after``, else undone) with each undecided span suggestion
    it expects and finds gone put onto the very same suggestion a later pre-annotation run wrote in its place (the
    same document, set, offsets and label, undecided and unedited, a newer id: ``shown.aimed_at``'s rule for a key).
    Ctrl+Y of an accept undone before Project > Pre-annotate all documents was refused though the suggestion was
    there as before (session 40). A step with events or arguments is left as it is (their ids point at each other)."""
    if any(r.table not in ("documents", "entities") for r in change.rows):
        return change
    rows: list[RowChange] = []
    for r in change.rows:
        expected, target = (r.before, r.after) if use_after else (r.after, r.before)
        successor = _successor(project, r, expected)
        if successor is None:
            rows.append(r)
            continue
        now_row = project.row("entities", successor)
        assert now_row is not None and expected is not None  # found by the same read
        made = {k: v for k, v in (target or {}).items() if k != "id" and expected.get(k) != v}  # what the step does
        new_target = None if target is None else {**now_row, **made}
        rows.append(RowChange(r.table, successor, *((now_row, new_target) if use_after else (new_target, now_row))))
    return Change(change.action, change.document_id, tuple(rows), change.result_id)


def _successor(project: Project, r: RowChange, expected: dict[str, Any] | None) -> int | None:
    if r.table != "entities" or expected is None or expected.get("state") != "suggested" or expected.get("edited"):
        return None
    if project.row("entities", r.id) is not None:
        return None
    return project.db.same_suggestion(
        expected["document_id"],
        expected["annotation_set"],
        expected["start"],
        expected["end"],
        expected["label"],
        after=r.id,
    )


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
