"""Events that share arguments (the rule suggester's last step over a document's suggestions): the types an event
also is on its own trigger (the schema's ``implies``: an execution is a death), and an event told as happening in
another ("killed in an attack by rebels in Adana"), or told twice ("an airstrike hit a market"), filling its empty
roles of the same kind from the other's."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Mapping

from annotator.rules import takes
from annotator.suggest.headlines import headline_end
from annotator.suggest.types import ArgumentSuggestion, EventSuggestion

SHARED_ROLES = {"Attacker": "Agent"}  # a role of the inner event that is another role of the outer one
HOST_ROLES = {"Agent": "Attacker", "Victim": "Target"}  # and of the outer event in the inner one (ACE: who is killed
# in an attack is its target, intended or not)


def implied_events(types: Mapping[str, Any], event: EventSuggestion) -> list[EventSuggestion]:
    """The events this one also is (the schema's ``implies``: an execution is a death), on the same trigger, with
    the arguments whose role the other type has (under its own name there) and whose label it accepts."""
    out = []
    for name, pairs in types[event.type].implies:
        other = types.get(name)
        if other is None:
            continue
        renamed = dict(pairs)
        args = []
        for a in event.arguments:
            role = other.role(renamed.get(a.role, a.role))
            if role is not None and takes(role, a.label):
                args.append(replace(a, role=role.name))
        out.append(replace(event, type=name, arguments=tuple(args), alternatives=()))
    return out


def share_arguments(
    types: Mapping[str, Any], doc: Any, events: list[EventSuggestion], heads: list[int]
) -> list[EventSuggestion]:
    """An event told as happening in another ("killed in an attack by rebels in Adana") takes that event's
    participants for its own empty roles of the same kind: the attacker killed, in the attack's place; and the
    other takes this one's ("Badreddine was killed in an attack": the one killed is the attack's target). ``types``:
    the schema's event types by name; ``heads``: the index in ``doc`` of each event's head token."""
    by_head = dict(zip(heads, events))
    out = []
    pairs: list[tuple[int, int]] = []  # (index of the event in ``out``, head of the event it happened in)
    for e, hi in zip(events, heads):
        h = doc[hi]
        inner = [
            g
            for c in h.children
            if c.dep_ == "prep" and c.lower_ in ("in", "during", "from")
            for g in c.children
            if g.dep_ == "pobj" and g.i in by_head
        ]
        if not inner:
            # "an airstrike hit a market": one event told twice, the noun doing what the verb says; what the verb is
            # done to, where and when are the noun's too (not a headline word made the sentence's subject: two events)
            subject = h.dep_ == "nsubj" and h.pos_ in ("NOUN", "PROPN") and not h.i < headline_end(doc) <= h.head.i
            told = by_head.get(h.head.i) if subject else None
            out.append(e if told is None or told.type != e.type else with_arguments_of(types, e, told, {}))
            continue
        other = by_head[inner[0].i]
        pairs.append((len(out), inner[0].i))
        out.append(with_arguments_of(types, e, other, SHARED_ROLES))
    at = {h: i for i, h in enumerate(heads)}
    for i, h in pairs:
        j = at[h]
        out[j] = with_arguments_of(types, out[j], out[i], HOST_ROLES)
    return out


def with_arguments_of(
    types: Mapping[str, Any], e: EventSuggestion, other: EventSuggestion, names: Mapping[str, str]
) -> EventSuggestion:
    """``e`` with ``other``'s arguments in its empty roles of the same name (or the one ``names`` gives), where
    the label fits."""
    etype = types[e.type]
    have = {a.role for a in e.arguments}
    spans = {(a.start, a.end) for a in e.arguments}
    extra = []
    for a in other.arguments:
        role = names.get(a.role, a.role)
        r = etype.role(role)
        if r is None or role in have or (a.start, a.end) in spans or not takes(r, a.label):
            continue
        if a.start < e.trigger_end and e.trigger_start < a.end:  # "an airstrike 10 days ago" (a DATE)
            continue
        extra.append(ArgumentSuggestion(role, a.start, a.end, a.label, a.score))
        have.add(role)
    return replace(e, arguments=e.arguments + tuple(extra)) if extra else e
