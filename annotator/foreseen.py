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
from annotator.model import Argument, Entity, Event
from annotator.rules import holds
from annotator.schema import EventType
from annotator.shown import is_as_shown


@dataclass(frozen=True)
class Foreseen:
    """One kept edit of one span (``table`` "entities") or event ("events"): the values it gives the row (``values``;
    None: the row deleted), on the row its key saw (``expected``; None: made whatever the row is). A role filled
    ("arguments"): ``values`` its event_id, role and entity_id, ``item_id`` a stand-in id below 0 (the file gives it
    its id when it lands); a filler put in place of another: ``item_id`` the argument, ``values`` its new entity_id
    and the fillers to undecide ("undecide", as ``edits.change_argument`` takes them)."""

    table: str
    item_id: int
    values: Mapping[str, Any] | None
    expected: Entity | Event | None = None
    # a type change: the type the event takes, whose arguments it cannot hold go with it (``edits.set_event_type``);
    # they stayed in view until it landed
    etype: EventType | None = None


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
            etype, event_id = f.etype, f.item_id

            def unheld(a: Argument) -> bool:
                filler = entities.get(a.entity_id)
                return a.event_id == event_id and not holds(etype, a.role, filler.label if filler else None)

            _drop_arguments(events, args, made, unheld)
            row = replace(row, arguments=events[f.item_id].arguments)
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
    """A role filled (``edits.add_argument``: the argument added to its event), or a filler put in place of another
    (``edits.change_argument``: the one replaced undecided when it was accepted only as a filler); a suggested event
    accepted with its fillers and a suggested filler accepted (``decisions.edit_event``). Nothing when its event, span
    or argument is gone (it is refused when it lands) or a fill is held already (a replay over rows that hold it)."""
    made_by = f.values
    assert made_by is not None
    was = args.get(f.item_id)
    if "event_id" in made_by and was is not None:  # held already (a replay over rows that hold it)
        return
    if was is None and "event_id" not in made_by:  # the argument it changes is gone: refused when it lands
        return
    ev = events.get(made_by["event_id"] if was is None else was.event_id)
    filler = entities.get(made_by["entity_id"])
    if ev is None or filler is None:
        return
    arg = Argument(f.item_id, ev.id, made_by["role"] if was is None else was.role, filler.id)
    args[arg.id] = arg
    made.keep("events", events, ev.id)
    held = tuple(arg if a.id == arg.id else a for a in ev.arguments) if was is not None else (*ev.arguments, arg)
    events[ev.id] = replace(ev, arguments=held, **decided_values(ev.state, {}))
    old = was.entity_id if was is not None else None
    if old is not None and old != filler.id and old in made_by.get("undecide", ()):  # edits.change_argument
        e = entities.get(old)
        if e is not None and e.state == "accepted" and not any(a.entity_id == old for a in args.values()):
            made.keep("entities", entities, old)
            entities[old] = replace(e, state="suggested")
    fillers = [a.entity_id for a in ev.arguments] + [filler.id] if ev.state == "suggested" else [filler.id]
    for entity_id in fillers:
        e = entities.get(entity_id)
        if e is not None and e.state == "suggested":
            made.keep("entities", entities, entity_id)
            entities[entity_id] = replace(e, state="accepted")


def _drop_arguments(events: dict[int, Event], args: dict[int, Argument], made: Replayed, gone: Any) -> None:
    for arg_id in [i for i, a in args.items() if gone(a)]:
        del args[arg_id]
    for event_id, ev in list(events.items()):
        if any(gone(a) for a in ev.arguments):
            made.keep("events", events, event_id)
            events[event_id] = replace(ev, arguments=tuple(a for a in ev.arguments if not gone(a)))
