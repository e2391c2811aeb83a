"""What the edits kept while another program writes (``annotator.write_queue``) will make of the spans and events the
app holds: each kept edit as the file will have it once it lands, replayed in the order they were made over the rows
the file has now, so the window shows them made and the next key is made from what the file will hold when it lands
(a second resize of a span whose first was kept named the span as the file had it, and was refused when it landed).

An edit lands only on a row still as its key saw it (``shown.check_as_shown``): one whose row will no longer be so is
refused then, and is not held as made here either (``shown.is_as_shown``). Qt-free; ``held.HeldDocument`` replays."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Mapping

from annotator.decisions import decided_values
from annotator.model import HUMAN, Argument, Entity, Event
from annotator.role_carry import carry_plan
from annotator.rules import holds
from annotator.schema import EventType, Schema
from annotator.shown import is_as_shown
from annotator.stand_ins import stand_in


@dataclass(frozen=True)
class Foreseen:
    """One kept edit of one span (``table`` "entities") or event ("events"): the values it gives the row (``values``;
    None: the row deleted), on the row its key saw (``expected``; None: made whatever the row is). An edit of an
    event's roles ("arguments"): ``item_id`` the argument it changes or takes out, or a stand-in id below 0 (a new
    argument: the file gives it its id when it lands), ``values`` what ``_fill`` makes of it."""

    table: str
    item_id: int
    values: Mapping[str, Any] | None
    expected: Entity | Event | None = None
    # a type change: the type the event takes, whose arguments it cannot hold go to the roles they stand for or with it
    # (``edits.set_event_type``, ``role_carry``: from the type ``retyped_from``, the fillers' places read in ``text``);
    # they stayed in view until it landed, and the carried ones showed gone (session 33)
    etype: EventType | None = None
    retyped_from: EventType | None = None
    text: str = ""
    # a relabel: the project's schema, by which the roles that do not take the new label let the span go
    # (``edits.unfit_roles``); they stayed in view until it landed
    schema: Schema | None = None


@dataclass
class Replayed:
    """What a replay changed: the rows it found (None: none) before it changed them, by id."""

    entities: dict[int, Entity | None] = field(default_factory=dict)
    events: dict[int, Event | None] = field(default_factory=dict)

    def keep(self, table: str, rows: dict[int, Any], item_id: int) -> None:
        """Note the row ``item_id`` of ``rows`` as it is before its first change here."""
        found = self.entities if table == "entities" else self.events
        found.setdefault(item_id, rows.get(item_id))


def replay(
    entities: dict[int, Entity], events: dict[int, Event], args: dict[int, Argument], kept: Iterable[Foreseen]
) -> Replayed:
    """Make ``kept`` in order on the held rows (changed in place): a row no longer as its edit's key saw it is left
    as it is (the edit will be refused when it lands). Replayed over rows that hold them already, they come out the
    same: each sets its values, and an edit whose row is past it is skipped. What it changed, with the rows before
    (their lists mark them as waiting to be saved, the fillers an event's accept accepts among them); only those are
    compared for the views, never every row held."""
    made = Replayed()
    for f in kept:
        if f.table == "arguments":
            _fill(entities, events, args, made, f)
            continue
        rows: dict[int, Any] = entities if f.table == "entities" else events
        row = rows.get(f.item_id)
        if row is None or not is_as_shown(row, f.expected):
            continue
        made.keep(f.table, rows, f.item_id)
        if f.values is None:
            del rows[f.item_id]
            if f.table == "entities":  # its arguments go with it (edits.delete_entity)
                _drop_arguments(events, args, made, lambda a: a.entity_id == f.item_id)
            else:
                _drop_arguments(events, args, made, lambda a: a.event_id == f.item_id)
            continue
        values = decided_values(row.state, dict(f.values))  # a suggestion edited is decided (accepted)
        rows[f.item_id] = replace(row, **values)
        if f.etype is not None:  # before its accept's fillers: a filler removed is not accepted with the event
            _retype(entities, events, args, made, f)
            row = replace(row, arguments=events[f.item_id].arguments)
        if f.schema is not None and "label" in values:
            _drop_arguments(events, args, made, _unfit(f.schema, events, f.item_id, values["label"]))
        if f.table == "events" and row.state == "suggested" and values.get("state") == "accepted":
            for a in row.arguments:  # accepted with the event (decisions.accept_fillers)
                filler = entities.get(a.entity_id)
                if filler is not None and filler.state == "suggested":
                    made.keep("entities", entities, a.entity_id)
                    entities[a.entity_id] = replace(filler, state="accepted")
    return made


def _fill(
    entities: dict[int, Entity], events: dict[int, Event], args: dict[int, Argument], made: Replayed, f: Foreseen
) -> None:
    """A kept edit of an event's roles, as the core makes it: a role filled (``edits.add_argument``; ``values`` its
    event_id, role and entity_id, ``item_id`` a stand-in), a filler put in place of another or moved to another role
    (``edits.change_argument``, ``edits_flow.move_filler``: ``item_id`` the argument, ``values`` its new entity_id or
    role, ``drop`` the argument taken out in its place), an argument taken out (``edits.remove_argument``: ``drop``
    alone), a role emptied (``edits_flow.clear_role``: ``event_id`` and ``clear``, the role). A filler relabelled
    (``label``: ``edits_flow.fill_role_relabelled``) or a new span (``span``, (start, end, label), under the stand-in
    id ``entity_id``: ``edits_flow.fill_role_with_span``). The fillers taken out that are of ``undecide`` (accepted only as
    fillers) and fill no role of another decided event are undecided; a suggested event is accepted with its fillers and a
    suggested filler accepted (``decisions.edit_event``). Nothing when its event, span or argument is gone (it is
    refused when it lands) or it is held already (a replay over rows that hold it)."""
    v = f.values
    assert v is not None
    was = args.get(f.item_id)
    if "event_id" in v:  # a new argument, or a role emptied: its event named
        if was is not None:  # held already
            return
        ev = events.get(v["event_id"])
    else:  # an argument of the file changed or taken out: gone, refused when it lands (or taken out already)
        ev = events.get(was.event_id) if was is not None else None
    if ev is None:
        return
    filler = _filler(entities, ev, v)
    if "entity_id" in v and filler is None:  # its span gone, or no longer the suggestion relabelled: refused
        return
    drop = {a.id for a in ev.arguments if a.role == v["clear"]} if "clear" in v else set(v.get("drop", ()))
    if "clear" in v and not drop:  # nothing to empty: the core changes nothing
        return
    held = [a for a in ev.arguments if a.id not in drop]
    put: int | None = None  # the span put in a role (accepted when a suggestion)
    if filler is not None or "role" in v:
        old = was or Argument(f.item_id, ev.id, v["role"], filler.id if filler else 0)
        arg = replace(old, role=v.get("role", old.role), entity_id=filler.id if filler else old.entity_id)
        args[arg.id] = arg
        held = [arg if a.id == arg.id else a for a in held] + ([] if was is not None else [arg])
        put = arg.entity_id
        if "span" in v:  # the new span (the file gives it its id when it lands)
            made.keep("entities", entities, filler.id)
            entities[filler.id] = filler
        elif "label" in v:
            made.keep("entities", entities, filler.id)
            entities[filler.id] = replace(filler, label=v["label"], state="accepted")
            if f.schema is not None:  # out of the other events' roles that do not take it (edits.unfit_roles)
                unfit = _unfit(f.schema, events, filler.id, v["label"])
                _drop_arguments(events, args, made, lambda a: a.event_id != ev.id and unfit(a))
    for arg_id in drop:
        args.pop(arg_id, None)
    made.keep("events", events, ev.id)
    events[ev.id] = replace(ev, arguments=tuple(held), **decided_values(ev.state, {}))
    gone = {a.entity_id for a in ev.arguments if a.id in drop or (a.id == f.item_id and "entity_id" in v)}
    for old_id in gone & set(v.get("undecide", ())):  # decisions.undecide_fillers
        e = entities.get(old_id)
        if (
            e is not None
            and e.state == "accepted"
            and not any(
                a.entity_id == old_id and (o := events.get(a.event_id)) is not None and o.state != "suggested"
                for a in args.values()
            )
        ):
            made.keep("entities", entities, old_id)
            entities[old_id] = replace(e, state="suggested")
    fillers = [a.entity_id for a in held] if ev.state == "suggested" else [put] if put is not None else []
    for entity_id in fillers:
        e = entities.get(entity_id)
        if e is not None and e.state == "suggested":
            made.keep("entities", entities, entity_id)
            entities[entity_id] = replace(e, state="accepted")


def _filler(entities: dict[int, Entity], ev: Event, v: Mapping[str, Any]) -> Entity | None:
    """The span a kept edit of ``ev``'s roles puts in a role (None: it puts none, or it is gone): a new span made
    (``span``) under its stand-in id (``entity_id``, from ``STAND_IN_SPANS``), or a suggestion relabelled
    (``label``) while still one."""
    if "span" in v:
        start, end, label = v["span"]
        return Entity(v["entity_id"], ev.document_id, start, end, label, "added", HUMAN, None, ev.annotation_set)
    found = entities.get(v["entity_id"]) if "entity_id" in v else None
    if found is not None and "label" in v and found.state != "suggested" and found.label != v["label"]:
        return None  # decided meanwhile: the core refuses it
    return found


def _unfit(schema: Schema, events: dict[int, Event], span_id: int, label: str) -> Any:
    """Whether an argument is one of span ``span_id`` in a role that does not take ``label`` (``edits.unfit_roles``)."""

    def gone(a: Argument) -> bool:
        ev = events.get(a.event_id)
        etype = schema.event_type(ev.type) if ev is not None else None
        return a.entity_id == span_id and etype is not None and not holds(etype, a.role, label)

    return gone


def _retype(
    entities: dict[int, Entity], events: dict[int, Event], args: dict[int, Argument], made: Replayed, f: Foreseen
) -> None:
    """A kept type change's arguments as the core makes them (``role_carry.carry_plan``, in the order the file keeps
    them: by id, the kept new ones last): carried to the role they stand for, or taken out."""
    assert f.etype is not None
    ev = events[f.item_id]
    held = sorted(ev.arguments, key=lambda a: (stand_in(a.id), abs(a.id)))
    fillers = [entities.get(a.entity_id) for a in held]
    plain = [(a.role, e.label if e else "", a.entity_id, e.start if e else 0) for a, e in zip(held, fillers)]
    plan = carry_plan(f.retyped_from, f.etype, plain, f.text, ev.trigger_end)
    gone = {held[i].id for i, to in plan if to is None}
    moved = {held[i].id: to for i, to in plan if to is not None}
    if moved:
        made.keep("events", events, f.item_id)
        for arg_id, to in moved.items():
            if arg_id in args:
                args[arg_id] = replace(args[arg_id], role=to)
        arguments = tuple(replace(a, role=moved[a.id]) if a.id in moved else a for a in ev.arguments)
        events[f.item_id] = replace(ev, arguments=arguments)
    _drop_arguments(events, args, made, lambda a: a.id in gone and a.event_id == f.item_id)


def _drop_arguments(events: dict[int, Event], args: dict[int, Argument], made: Replayed, gone: Any) -> None:
    for arg_id in [i for i, a in args.items() if gone(a)]:
        del args[arg_id]
    for event_id, ev in list(events.items()):
        if any(gone(a) for a in ev.arguments):
            made.keep("events", events, event_id)
            events[event_id] = replace(ev, arguments=tuple(a for a in ev.arguments if not gone(a)))
