"""The schema's rules in one place: labels, event types, attribute values, role fillers and multiplicity.

Each rule returns the ways a piece of annotation breaks it (a ``Breach``), never raises. Three callers use them:
editing (``edits``) refuses with a ValidationError, importing refuses with an ImportFileError naming the file and
line, and validation (``validation.validate``) reports every breach as a Problem. Which breaches a caller refuses is
that caller's choice (``ALLOWED_WHILE_WORKING``: what an import lets in and validation reports).
``schema_covers``/``schema_lacks``: whether a schema holds every name of another (an import whose file brings a
schema, or has one told from it).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from annotator.graphemes import whole_characters
from annotator.schema import Attribute, EventType, Role, Schema
from annotator.schema_model import is_required, multiplicity_of

if TYPE_CHECKING:
    from annotator.model import Event

# kinds of breach an import lets in and validation reports: a required role left empty, a single role filled
# twice (other tools allow it; the editor keeps it to one), a rejected span still filling a role
ALLOWED_WHILE_WORKING = frozenset({"missing_role", "too_many", "rejected_argument", "undecided_argument"})


@dataclass(frozen=True)
class Breach:
    """One broken rule: ``kind`` names the rule, ``message`` says what is wrong in words a user can act on."""

    kind: str  # unknown_label, unknown_type, bad_attribute, unknown_role, wrong_label, rejected_argument,
    #            undecided_argument, already_fills, too_many, missing_role, cut_character
    message: str
    role: str | None = None
    filler: Any = None  # the filling entity as the caller knows it (a row id, or a key while importing)


def label_breach(schema: Schema, label: str) -> Breach | None:
    if schema.label(label) is None:
        return Breach("unknown_label", f"label {label!r} is not in the schema ({', '.join(schema.label_names)})")
    return None


def cut_character_breach(text: str, start: int, end: int) -> Breach | None:
    """A span [start, end) of ``text`` that begins or ends inside one character a reader sees (half a flag, an emoji
    without its variation selector, a letter without its combining accent): exported tokens and offsets cut it."""
    if text.isascii():
        return None
    whole = whole_characters(text, start, end)
    if whole == (start, end):
        return None
    return Breach(
        "cut_character",
        f"begins or ends inside a character; whole, it is [{whole[0]}, {whole[1]}) “{text[whole[0] : whole[1]]}”",
    )


def event_type_breach(schema: Schema, type_: str) -> Breach | None:
    if schema.event_type(type_) is None:
        return Breach("unknown_type", f"event type {type_!r} is not in the schema")
    return None


def takes_value(attr: Attribute, value: str) -> bool:
    """Is ``value`` one of the values attribute ``attr`` takes? (Edits, imports and validation through
    ``attribute_breaches``; the suggesters' and the event keys' attributes, the brat reader's.)"""
    return value in attr.values


def attribute_breaches(schema: Schema, attributes: Mapping[str, Any]) -> list[Breach]:
    out = []
    for name, value in attributes.items():
        attr = schema.attribute(name)
        if attr is None:
            out.append(Breach("bad_attribute", f"attribute {name!r} is not in the schema"))
        elif not takes_value(attr, value):
            out.append(Breach("bad_attribute", f"{name} must be one of {', '.join(attr.values)}, not {value!r}"))
    return out


def takes(role: Role, label: str) -> bool:
    """Does ``role`` take an entity labelled ``label``? (The labels allowed per role: one answer for edits, imports,
    validation, the suggesters, the readers that guess a filler's label and the app's keys.)"""
    return label in role.labels


def has_room(role: Role, fillers: int) -> bool:
    """Does ``role``, filled by ``fillers`` entities, take one more? A role that takes one has room only while empty
    (an edit refuses a second: ``room_breach``'s too_many; the app's keys replace its filler instead)."""
    return role.repeatable or fillers == 0


def merged_multiplicity(first: Role, second: Role) -> str:
    """The multiplicity of one role standing for a role of two types made one (brat's one name for two spellings of a
    type): required where both are (either type's events may leave it empty otherwise), repeatable where either is."""
    return multiplicity_of(first.required and second.required, first.repeatable or second.repeatable)


def numbered_multiplicity(first: str, second: str) -> str:
    """The multiplicity of one repeatable role standing for two numbered ones of these multiplicities (brat's
    ``Theme`` and ``Theme2``): required where either is."""
    return multiplicity_of(is_required(first) or is_required(second), True)


def unrequired_multiplicity(role: Role) -> str:
    """``role``'s multiplicity with the role made not required (either of two names an export writes fills it),
    repeatable as it was."""
    return multiplicity_of(False, role.repeatable)


def missing_roles(etype: EventType, filled: Iterable[str]) -> list[str]:
    """The required roles of ``etype`` (multiplicity one or one_or_more) that none of ``filled`` (the roles its
    arguments fill) is, in the type's order."""
    have = set(filled)
    return [r.name for r in etype.roles if r.required and r.name not in have]


def event_missing_roles(schema: Schema, event: Event) -> list[str]:
    """The required roles a stored ``event`` leaves empty (``missing_roles`` of its type and its arguments), in the
    type's order: none for a rejected event (no annotation, and rejecting took its arguments; validation passes it
    over too) or one of a type the schema lacks. What the app flags on an event: its row in the event list, the red
    names of the Roles box, the editor's."""
    etype = schema.event_type(event.type)
    if etype is None or event.state == "rejected":
        return []
    return missing_roles(etype, (a.role for a in event.arguments))


def can_fill(state: str | None) -> bool:
    """Can an entity in ``state`` fill a role? Not a rejected suggestion (``None``: the entity is unknown). One answer
    for an edit's refusal and validation (``filler_breaches``' rejected_argument) and the candidates the role keys and
    fill lists offer (``keyflow.role_candidates``)."""
    return state != "rejected"


def filler_breaches(etype: EventType, role: str, filler: Any, label: str | None, state: str | None) -> list[Breach]:
    """Can an entity with ``label`` and ``state`` fill ``role`` of ``etype``? (``None``: the entity is unknown.)"""
    r = etype.role(role)
    if r is None:
        names = ", ".join(x.name for x in etype.roles) or "none"
        return [Breach("unknown_role", f"{etype.name} has no role {role!r} (roles: {names})", role, filler)]
    out = []
    if not can_fill(state):
        out.append(
            Breach("rejected_argument", f"a rejected suggestion cannot fill {role} of {etype.name}", role, filler)
        )
    if label is not None and not takes(r, label):
        out.append(
            Breach("wrong_label", f"role {role} of {etype.name} takes {', '.join(r.labels)}, not {label}", role, filler)
        )
    return out


UNFIT = frozenset({"unknown_role", "wrong_label"})  # what an argument cannot be under its event's type


def holds(etype: EventType, role: str, label: str | None) -> bool:
    """Can an event of ``etype`` hold an argument of ``role`` filled by an entity labelled ``label``? (A type change
    removes those it cannot hold, ``edits.set_event_type``; the app shows a kept one's removed: ``foreseen``.)"""
    return not any(b.kind in UNFIT for b in filler_breaches(etype, role, None, label, None))


def room_breach(etype: EventType, role: str, filler: Any, fillers: Iterable[Any]) -> Breach | None:
    """Is there room in ``role`` for one more ``filler``, beside the ``fillers`` it already has?"""
    others = list(fillers)
    if filler in others:
        return Breach("already_fills", f"that entity already fills {role}", role, filler)
    r = etype.role(role)
    if r is not None and not has_room(r, len(others)):
        return Breach(
            "too_many", f"role {role} of {etype.name} takes one argument and is filled; change it instead", role, filler
        )
    return None


def multiplicity_breaches(etype: EventType, fillers: Mapping[str, list[Any]]) -> list[Breach]:
    """Every role's count of fillers against its multiplicity: required roles left empty, single roles filled twice."""
    out = []
    missing = set(missing_roles(etype, (name for name, found in fillers.items() if found)))
    for r in etype.roles:
        n = len(fillers.get(r.name, []))
        if r.name in missing:
            out.append(Breach("missing_role", f"{etype.name} needs {r.name}", r.name))
        if not r.repeatable and n > 1:
            out.append(Breach("too_many", f"{etype.name} has {n} {r.name} arguments; it takes one", r.name))
    return out


def event_breaches(
    schema: Schema,
    type_: str,
    attributes: Mapping[str, Any],
    arguments: Iterable[tuple[str, Any]],
    fillers: Mapping[Any, tuple[str, str]],
) -> list[Breach]:
    """Everything one event breaks: its type, attributes, each argument's filler and the roles' multiplicity.

    ``arguments`` are (role, entity reference) pairs; ``fillers`` maps a reference to the entity's (label, state).
    A reference missing from ``fillers`` is the caller's to report (its entity is not there).
    """
    bad_type = event_type_breach(schema, type_)
    if bad_type is not None:
        return [bad_type]
    etype = schema.event_type(type_)
    assert etype is not None
    out = attribute_breaches(schema, attributes)
    by_role: dict[str, list[Any]] = {}
    for role, ref in arguments:
        label, state = fillers.get(ref, (None, None))
        out += filler_breaches(etype, role, ref, label, state)
        if etype.role(role) is not None:
            if ref in by_role.get(role, []):
                out.append(Breach("already_fills", f"the same entity fills {role} twice", role, ref))
            by_role.setdefault(role, []).append(ref)
    return out + multiplicity_breaches(etype, by_role)


def undecided_breaches(
    etype_name: str, event_state: str, arguments: Iterable[tuple[str, Any]], fillers: Mapping[Any, tuple[str, str]]
) -> list[Breach]:
    """Roles of a decided event (accepted or added) filled by an entity suggestion nobody decided on: an export
    of decided entities would drop them. A suggested event's fillers are decided with it, so they are not counted."""
    if event_state not in ("accepted", "added"):
        return []
    return [
        Breach(
            "undecided_argument",
            f"{role} of {etype_name} is filled by a suggestion nobody decided on; accept or reject it",
            role,
            ref,
        )
        for role, ref in arguments
        if fillers.get(ref, (None, None))[1] == "suggested"
    ]


def schema_lacks(have: Schema, new: Schema) -> list[str]:
    """Every label, event type, role and attribute value of ``new`` that ``have`` lacks, named for a message."""
    out = [f"label {e.name}" for e in new.entities if have.label(e.name) is None]
    for t in new.events:
        mine = have.event_type(t.name)
        if mine is None:
            out.append(f"event type {t.name}")
            continue
        for r in t.roles:
            role = mine.role(r.name)
            if role is None or set(r.labels) - set(role.labels):
                out.append(
                    f"role {t.name}:{r.name}"
                    + ("" if role is None else f" for {', '.join(sorted(set(r.labels) - set(role.labels)))}")
                )
    for a in new.attributes:
        mine_a = have.attribute(a.name)
        if mine_a is None:
            out.append(f"attribute {a.name}")
        elif set(a.values) - set(mine_a.values):
            out += [f"attribute value {a.name}={v}" for v in a.values if v not in mine_a.values]
    return out


def schema_covers(have: Schema, new: Schema) -> bool:
    """Does ``have`` already hold every label, event type, role and attribute value of ``new``? (An import whose
    file brings a schema, or has one told from it, needs the project's to cover it.)"""
    return not schema_lacks(have, new)
