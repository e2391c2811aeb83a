"""Where an argument goes when its event changes type and the new type cannot hold it in its role (``edits.
set_event_type``): a suggestion's "also possible" type taken by Shift+E dropped every filler its roles did not name,
"Tokyo", the Place of a meeting, among them, though it is the Transport's Destination (session 32). A role of the
same name keeps it (the type holds it); a role that tells where (Place, Destination, Origin: ACE's) stands for
another of them, chosen by the preposition told before the filler ("to Tokyo": the role filled from ``prep:to``,
``role_slots``), when exactly one role of the new type that takes the filler's label is filled from it. No
preposition, or several roles fit: none (the argument is taken out, and the app says so)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.keyflow import told_after
from annotator.role_slots import role_slots
from annotator.rules import holds, room_breach
from annotator.schema import EventType

if TYPE_CHECKING:  # pragma: no cover
    from annotator.store import Project

WHERE_ROLES = frozenset({"Place", "Destination", "Origin"})  # ACE's roles that tell where: one stands for another


def carried_role(
    etype: EventType, role: str, label: str, text: str, start: int, entity_id: int, fillers: dict[str, list[int]]
) -> str | None:
    """The role of ``etype`` an argument of ``role`` (an entity ``entity_id`` labelled ``label`` starting at
    ``start`` of ``text``) goes to, ``etype`` not holding it in ``role``; ``fillers``: the entities each role of the
    event holds already (room is asked). None: no role fits."""
    if role not in WHERE_ROLES:
        return None
    prep = told_after(text, start)
    if prep is None:
        return None
    fits = [
        r.name
        for r in etype.roles
        if r.name in WHERE_ROLES
        and r.name != role
        and f"prep:{prep}" in role_slots(r)
        and holds(etype, r.name, label)
        and room_breach(etype, r.name, entity_id, fillers.get(r.name, ())) is None
    ]
    return fits[0] if len(fits) == 1 else None


def retyped_arguments(project: "Project", etype: EventType, event_id: int, doc_id: int) -> list[tuple[int, str | None]]:
    """The arguments of ``event_id`` an event of ``etype`` cannot hold in their role, each with the role it goes to
    (``carried_role``), or None: taken out. Read in the caller's transaction."""
    args = [(a, role, label, project.row("arguments", a)) for a, role, label in project.db.argument_labels(event_id)]
    fillers: dict[str, list[int]] = {}
    for _, role, label, arg in args:
        if arg is not None and holds(etype, role, label):
            fillers.setdefault(role, []).append(arg["entity_id"])
    text: str | None = None
    out: list[tuple[int, str | None]] = []
    for arg_id, role, label, arg in args:
        if holds(etype, role, label):
            continue
        ent = project.row("entities", arg["entity_id"]) if arg is not None else None
        to = None
        if ent is not None:
            text = (project.db.document_text(doc_id) or "") if text is None else text
            to = carried_role(etype, role, label, text, ent["start"], ent["id"], fillers)
            if to is not None:
                fillers.setdefault(to, []).append(ent["id"])
        out.append((arg_id, to))
    return out
