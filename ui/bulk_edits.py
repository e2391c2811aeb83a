"""Edits of many annotations from one key or menu choice, each one undoable command: the document's suggestions
accepted (all, or those scored at least a minimum), and a span's label given to the other places its words occur.
The status line says how many."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.keyflow import other_occurrences, sort_places
from annotator.wording import counted
from ui import commands as cmd

if TYPE_CHECKING:  # pragma: no cover
    from ui.controller import Controller


def accept_all(c: "Controller", min_score: float | None = None) -> None:
    """Accept the document's undecided suggestions, entities and events (their fillers with them); with
    ``min_score`` only the entity suggestions scored at least that (one undo step either way); the status line
    says how many, and how many stay undecided."""
    if c.doc is None:
        return
    undecided = c.shown_undecided()  # none accepted unseen (the same a re-run put back are)
    shown, events = undecided["shown"], undecided["shown_events"]
    if min_score is None:  # the events too: "Accept all suggestions" left them undecided without a word
        c.run(cmd.AcceptRest, c.doc.id, **undecided)
        left = [e for e in c.entities.values() if e.state == "suggested"]
        left += [v for v in c.events.values() if v.state == "suggested"]
        if (shown or events) and not left:  # (refused: the failure says why)
            said = f"{counted(len(shown), 'entity suggestion')} and {counted(len(events), 'event')} accepted"
            c.report_status(f"{said} (Ctrl+Z takes them back)")
        return
    before = {e.id for e in c.visible_entities() if e.state == "suggested"}
    c.run(cmd.AcceptAll, c.doc.id, min_score=min_score, shown=shown)
    left = sum(1 for e in c.visible_entities() if e.state == "suggested")
    n = len(before) - left
    c.report_status(
        f"{n} entity suggestion{'' if n == 1 else 's'} scored at least {min_score:.2f} accepted; "
        f"{left} left undecided (below it, or without a score)."
    )


def label_everywhere(c: "Controller", accept: bool = False) -> None:
    """Give the selected span's label to the other places its text occurs (as suggestions, or accepted)."""
    cur = c.entities.get(c.current_entity) if c.current_entity is not None else None
    if cur is None or c.doc is None:
        c.report_error("Select a span first: its label goes to the other places its text occurs.")
        return
    shown = [(e.start, e.end) for e in c.visible_entities()]
    spans = other_occurrences(c.doc.text, cur.start, cur.end, shown)
    inside = len(other_occurrences(c.doc.text, cur.start, cur.end)) - len(spans)
    words = c.span_said(cur.start, cur.end)
    left = f"; {inside} inside another span left as {'it is' if inside == 1 else 'they are'}" if inside else ""
    if not spans:
        c.report_status(f"“{words}” occurs nowhere else{' on its own' if inside else ''}{left}.")
        return
    state = "accepted" if accept else "suggested"
    # the places holding a span already (of this label or another) and those where the label was rejected are
    # left as they are (by the core too): counted apart, not as added ("FAC on 3 more places" when one of the
    # three was a FAC already; A put a second span over an ORG, and a suggestion again where GPE was rejected)
    places = sort_places(c.entities.values(), spans, cur.label)
    kept = [f"{n} already {lab}" for lab, n in places.held.items() if lab == cur.label]
    kept += [
        f"{n} already {lab}, left as {'it is' if n == 1 else 'they are'}"
        for lab, n in places.held.items()
        if lab != cur.label
    ]
    if places.rejected:
        kept.append(f"{places.rejected} where {cur.label} was rejected, left rejected")
    n = len(places.new)
    if not n:
        if list(places.held) == [cur.label] and not places.rejected:
            c.report_status(f"Every other “{words}” is already {cur.label}{left}.")
        else:
            c.report_status(f"No other “{words}” made {cur.label}: {'; '.join(kept)}{left}.")
    elif c.run(cmd.AddEntities, c.doc.id, places.new, cur.label, state=state) is not None:  # (refused: said)
        decided = "accepted" if accept else "to decide"
        more = "".join(f"; {k}" for k in kept)
        c.report_status(f"{cur.label} on {n} more place{'s' if n != 1 else ''} ({decided}){more}{left}.")
