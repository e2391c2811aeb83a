"""Where an argument goes when its event changes type and the new type cannot hold it in its role (``edits.
set_event_type``): a suggestion's "also possible" type taken by Shift+E dropped every filler its roles did not name
("Tokyo", the Place of a meeting, though it is the Transport's Destination, session 32; Attack -> Die lost its Target
and Attacker, though they are the death's Victim and Agent, session 33). A role of the same name keeps it (the type
holds it); else, in this order, one role of the new type that takes the filler's label, has room, and is not a role
of the old type too (that one stands for itself):

1. the role the schema declares it to be (an event type's ``implies``, read both ways: Execute's Person is Die's
   Victim);
2. a role that tells where (Place, Destination, Origin: ACE's) stands for another of them, chosen by the preposition
   told before the filler ("to Tokyo": the role filled from ``prep:to``, ``role_slots``), or, none told, by the
   filler being the trigger's object ("visit Tokyo": the where-role filled from ``obj``, the Destination). A place (a
   GPE, LOC or FAC) in a role that does not tell where goes by the same slot when it names a where-role (session 34:
   a Meet's Entity "Tokyo" of "visit Tokyo" went to the Transport's Agent, a role sharing the Entity's slots);
3. another role: the one filled from the largest part of the same places in a sentence (``role_slots``: Attack's
   Target and Die's Victim share the object, the passive subject, "of"...; at least ``KIN_SHARE``), else the one
   taking the same labels (Transfer-Money's Money, Transfer-Ownership's Price).

Several roles fit equally, or none: the argument is taken out, and the app says so."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from annotator.keyflow import told_after
from annotator.role_slots import role_slots
from annotator.rules import holds, room_breach
from annotator.schema import EventType, Role

if TYPE_CHECKING:  # pragma: no cover
    from annotator.store import Project

WHERE_ROLES = frozenset({"Place", "Destination", "Origin"})  # ACE's roles that tell where: one stands for another
# the least part of their places in a sentence two roles share to stand for each other (Attack's Attacker and Die's
# Agent 0.40, Contact:Meet's Entity and Transport's Artifact, the one who moves on a visit, 0.35, not its Agent 0.29)
KIN_SHARE = 0.25
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})  # the labels of a place: its slot says where-role, not its old role
OBJECT_WORDS = 3  # the most words between a trigger and its object ("visited the old town of Kabkabiya": 3)
_PIECE = re.compile(r"\w+|[^\w\s]")


def declared_role(old: EventType, new: EventType, role: str) -> str | None:
    """The role of ``new`` the schema says ``role`` of ``old`` is (``implies``, either way), if any."""
    for other, pairs in old.implies:
        if other == new.name:
            found = next((there for here, there in pairs if here == role), None)
            if found is not None:
                return found
    for other, pairs in new.implies:
        if other == old.name:
            found = next((here for here, there in pairs if there == role), None)
            if found is not None:
                return found
    return None


def told_as_object(text: str, start: int, trigger_end: int | None) -> bool:
    """Whether the filler at ``start`` is the trigger's object: told after the trigger (ending at ``trigger_end``) over
    at most ``OBJECT_WORDS`` words, no mark between ("visit Tokyo", "toured the Gaza Strip"). A preposition between is
    told by ``told_after`` first."""
    if trigger_end is None or start < trigger_end:
        return False
    between = _PIECE.findall(text[trigger_end:start])
    return len(between) <= OBJECT_WORDS and all(piece[0].isalnum() for piece in between)


def where_slot(text: str, start: int, trigger_end: int | None) -> str | None:
    """The slot a place at ``start`` is told in: ``prep:<word>`` after a preposition, ``obj`` as the trigger's object,
    else None."""
    prep = told_after(text, start)
    if prep is not None:
        return f"prep:{prep}"
    return "obj" if told_as_object(text, start, trigger_end) else None


def _unique(names: Sequence[str]) -> str | None:
    return names[0] if len(names) == 1 else None


def kin_role(old_role: Role, candidates: Sequence[Role]) -> str | None:
    """Of ``candidates`` (roles that could take the filler), the one ``old_role`` stands for: the one sharing the
    largest part of their slots with it (shared over either's, at least ``KIN_SHARE``), else the one taking the same
    labels; None when several tie."""
    mine = set(role_slots(old_role))
    share = {}
    for r in candidates:
        theirs = set(role_slots(r))
        share[r.name] = len(mine & theirs) / len(mine | theirs) if mine | theirs else 0.0
    most = max(share.values(), default=0.0)
    if most >= KIN_SHARE:
        return _unique([name for name, part in share.items() if part == most])
    return _unique([r.name for r in candidates if set(r.labels) == set(old_role.labels)])


def carried_role(
    old: EventType | None,
    etype: EventType,
    role: str,
    label: str,
    text: str,
    start: int,
    entity_id: int,
    fillers: Mapping[str, Sequence[int]],
    trigger_end: int | None = None,
) -> str | None:
    """The role of ``etype`` an argument of ``role`` of ``old`` (an entity ``entity_id`` labelled ``label`` starting
    at ``start`` of ``text``) goes to, ``etype`` not holding it in ``role``; ``fillers``: the entities each role of
    the event holds already (room is asked); ``trigger_end``: where the event's trigger ends (its object read after it),
    None: unknown (places go by their preposition alone, the rule before session 34). None: no role fits (the module's rules)."""

    def takes(name: str) -> bool:  # a role the filler could stand in, room aside
        return name != role and (old is None or old.role(name) is None) and holds(etype, name, label)

    if old is not None and (said := declared_role(old, etype, role)) is not None:
        chosen: str | None = said if holds(etype, said, label) else None
    elif role in WHERE_ROLES or (
        trigger_end is not None and label in PLACE_LABELS and _where_by_slot(etype, takes, text, start, trigger_end)
    ):
        chosen = _unique(_where_by_slot(etype, takes, text, start, trigger_end))
    else:
        old_role = old.role(role) if old is not None else None
        kin = [r for r in etype.roles if r.name not in WHERE_ROLES and takes(r.name)]
        chosen = kin_role(old_role, kin) if old_role is not None else None
    # the role it stands for, filled (a single role): taken out, not put in the next best
    if chosen is None or room_breach(etype, chosen, entity_id, fillers.get(chosen, ())) is not None:
        return None
    return chosen


def _where_by_slot(
    etype: EventType, takes: Callable[[str], bool], text: str, start: int, trigger_end: int | None
) -> list[str]:
    """The where-roles of ``etype`` the filler could stand in that are filled from the slot it is told in."""
    slot = where_slot(text, start, trigger_end)
    if slot is None:
        return []
    return [r.name for r in etype.roles if r.name in WHERE_ROLES and slot in role_slots(r) and takes(r.name)]


def carry_plan(
    old: EventType | None,
    etype: EventType,
    args: Sequence[tuple[str, str, int, int]],
    text: str,
    trigger_end: int | None = None,
) -> list[tuple[int, str | None]]:
    """Of an event's arguments ``args`` ((role, its filler's label, entity id, start) each, in order) an event of
        ``etype`` cannot hold in their role, each one's index with the role it goes to (``carried_role``), or None:
        taken out. ``old`` None: where-roles alone are carried (the rule before session 33, which the bench compares);
    ``trigger_end`` None: a place's slot is read from its preposition alone (the rule before session 34)."""
    fillers: dict[str, list[int]] = {}
    for role, label, entity_id, _ in args:
        if holds(etype, role, label):
            fillers.setdefault(role, []).append(entity_id)
    out: list[tuple[int, str | None]] = []
    for i, (role, label, entity_id, start) in enumerate(args):
        if holds(etype, role, label):
            continue
        to = carried_role(old, etype, role, label, text, start, entity_id, fillers, trigger_end)
        if to is not None:
            fillers.setdefault(to, []).append(entity_id)
        out.append((i, to))
    return out


def retyped_arguments(project: "Project", etype: EventType, event_id: int, doc_id: int) -> list[tuple[int, str | None]]:
    """The arguments of ``event_id`` an event of ``etype`` cannot hold in their role, each with the role it goes to
    (``carry_plan``), or None: taken out. Read in the caller's transaction, before the type is changed."""
    event = project.row("events", event_id)
    old = project.schema.event_type(event["type"])
    rows = [(a, role, label, project.row("arguments", a)) for a, role, label in project.db.argument_labels(event_id)]
    ids, args = [], []
    for arg_id, role, label, arg in rows:
        ent = project.row("entities", arg["entity_id"]) if arg is not None else None
        ids.append(arg_id)
        args.append((role, label, ent["id"] if ent else -1, ent["start"] if ent else 0))
    if all(holds(etype, role, label) for role, label, _, _ in args):
        return []
    text = project.db.document_text(doc_id) or ""
    return [(ids[i], to) for i, to in carry_plan(old, etype, args, text, event["trigger_end"])]
