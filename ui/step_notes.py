"""What the status line adds after a step the person made, over the line of what is selected next: an edit of a
reviewed document (session 32), the spans a rejected event took with it (session 33)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.wording import first_named
from ui import commands as cmd

if TYPE_CHECKING:  # pragma: no cover
    from PySide6.QtGui import QUndoCommand

    from ui.controller import Controller

MADE_NAMED = 3  # the spans a rejected event took with it that the line names; the rest counted


def after_review_said(c: "Controller", step: "QUndoCommand | None") -> str:
    """What the line says of an edit just made on a reviewed document (not the mark itself): it changed what was
    reviewed, and stays reviewed (seed 001 after Mark reviewed, Busan GPE -> LOC: nothing said, session 30). Not of
    the step that marked it so (the adjudication's last key said "this change comes after its review" until session
    35)."""
    if c.doc is None or c.doc.status != "reviewed" or not isinstance(step, cmd.CoreEditCommand):
        return ""  # no edit of the document (a set's rename)
    if isinstance(step, cmd.SetStatus) or (isinstance(step, cmd.AcceptRest) and step.step.kwargs.get("status")):
        return ""
    if reviewed_by(step):  # the step that reviewed it (the adjudication's last decision, session 35)
        return ""
    return f"{c.doc.name} is marked reviewed: this change comes after its review (Ctrl+Z takes it back)"


def reviewed_by(step: "cmd.CoreEditCommand") -> bool:
    """Whether ``step``'s own change marked its document reviewed (the key settling an adjudication's last item:
    ``teams.adjudication`` marks it reviewed in the same Change)."""
    change = step.step.change
    return change is not None and any(
        r.table == "documents"
        and (r.after or {}).get("status") == "reviewed"
        and (r.before or {}).get("status") != "reviewed"
        for r in change.rows
    )


def made_fillers_said(c: "Controller", step: "QUndoCommand | None", short: bool = False) -> str:
    """What the line says first after X on a suggested event that took spans with it: the suggester's spans made for
    its roles alone (``decisions.reject_events``), gone from the text and the Entities tab ("" when none went). Seed
    005 (session 33): X on "creating" took "electricity groups", its Org, unsaid, the line naming only the next
    suggestion; the person, counting what was on screen, pressed X for it, and rejected the next one, a real name."""
    change = step.step.change if isinstance(step, cmd.RejectEvent) else None
    if change is None:
        return ""
    event = next((r.before for r in change.rows if r.table == "events" and r.before is not None), None)
    gone = [(r.id, r.before) for r in change.rows if r.table == "entities" and r.after is None and r.before is not None]
    if event is None or not gone:
        return ""
    roles: dict[int, list[str]] = {}
    for r in change.rows:
        if r.table == "arguments" and r.after is None and r.before is not None:
            roles.setdefault(r.before["entity_id"], []).append(r.before["role"])
    gone.sort(key=lambda g: g[1]["start"])
    named = [f"“{c.span_said(e['start'], e['end'], 40)}” ({e['label']})" for _, e in gone]
    taken = sorted({role for i, _ in gone for role in roles.get(i, [])})
    its = f"its {' and '.join(taken)} only" if taken else "it only"
    trigger = c.span_said(event["trigger_start"], event["trigger_end"], 40)
    back = "it" if len(gone) == 1 else "them"
    if short:  # ``short``: the line would not keep the next suggestion's keys beside the whole (s40-look at 1366)
        return f"“{trigger}” rejected with {first_named(named, MADE_NAMED)} (Ctrl+Z: back)"
    return f"“{trigger}” rejected, and with it {first_named(named, MADE_NAMED)}, made for {its} (Ctrl+Z brings {back} back)"
