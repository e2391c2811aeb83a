"""What the status line says of the roles a span left when a relabel took it out of those that do not take its new
label (``edits.unfit_roles``): a label key's, and adjudication's taking of another annotator's label."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from annotator.model import Argument, Event

if TYPE_CHECKING:  # pragma: no cover
    from ui.controller import Controller


def roles_of(c: "Controller", entity_ids: Iterable[int]) -> list[tuple[Event, Argument]]:
    """The (event, argument) pairs the spans ``entity_ids`` fill, as the window holds them."""
    ids = set(entity_ids)
    return [(ev, a) for ev in c.events.values() for a in ev.arguments if a.entity_id in ids]


def roles_left(c: "Controller", before: list[tuple[Event, Argument]], words: str, label: str) -> str:
    """The line for the pairs of ``before`` no longer held after a relabel to ``label`` of the span of ``words``: ""
    when it left none."""
    gone = [
        (ev, a) for ev, a in before if (e := c.events.get(ev.id)) is None or a.id not in {x.id for x in e.arguments}
    ]
    if not gone:
        return ""
    roles = "; ".join(
        f"{a.role} of “{c.span_said(ev.trigger_start, ev.trigger_end, 40)}” ({ev.type})" for ev, a in gone
    )
    return f"“{words}” taken out of {roles}, which takes no {label} (Ctrl+Z puts it back)"
