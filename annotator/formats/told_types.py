"""Event types told from the events that use them, for a file without a schema of its own (DyGIE++'s lines, a
Prodigy task's ``events``, the project's JSONL lines): each role takes the labels of the entities that filled it,
optional when some events of the type lack it, repeatable when one fills it twice; ``told_schema`` grows the project's
schema by the types it lacks, by the attributes and values the events give that it lacks, and by the labels and roles
the events of its own types give that they lack (``EventUses.lacking``)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Mapping, Sequence

from annotator.formats.brat_conf import BINARY
from annotator.formats.schema_growth import grown_schema
from annotator.rules import takes_value
from annotator.schema import Schema
from annotator.schema_model import multiplicity_of

if TYPE_CHECKING:
    from annotator.formats.reading import ReadResult


class EventUses:
    """The events of a file, type by type: how many, which labels filled each role, how often an event filled it."""

    def __init__(self) -> None:
        self.per_type: Counter[str] = Counter()
        self.roles: dict[str, dict[str, list[str]]] = {}  # event type -> role -> its fillers' labels, in order
        self.counts: dict[tuple[str, str], list[int]] = {}  # (event type, role) -> each event's number of it
        self.values: dict[str, list[str]] = {}  # an attribute -> the values events give it that a schema lacks
        self.proxies: list[str] = []  # event types used as arguments (brat's <EVENT>): a label of each stands for one
        self.role_labels: dict[str, dict[str, list[str]]] = {}  # a type the schema has -> its role -> labels it lacks
        self.new_roles: dict[str, dict[str, list[str]]] = {}  # a type the schema has -> a role it lacks -> labels
        self.new_labels: list[str] = []  # the labels those roles are given that the schema lacks: told with them

    def attributes(self, schema: Schema, given: Any) -> None:
        """An event's attributes (``given``: name -> value), those values ``schema`` lacks noted."""
        for name, value in (given if isinstance(given, dict) else {}).items():
            mine = schema.attribute(name)
            seen = self.values.get(name, [])
            if isinstance(value, str) and (mine is None or not takes_value(mine, value)) and value not in seen:
                self.values[name] = [*seen, value]

    def add(self, event_type: str, arguments: Sequence[tuple[str, str | None]]) -> None:
        """One event of ``event_type`` with its (role, filler's label) ``arguments`` (None: a filler of no label,
        counted for the multiplicity alone)."""
        self.per_type[event_type] += 1
        seen: Counter[str] = Counter()
        for role, label in arguments:
            seen[role] += 1
            filled = self.roles.setdefault(event_type, {}).setdefault(role, [])
            if label is not None and label not in filled:
                filled.append(label)
        for role, k in seen.items():
            self.counts.setdefault((event_type, role), []).append(k)

    def lacking(self, schema: Schema, event_type: str, arguments: Sequence[tuple[str, str | None]]) -> None:
        """One event of ``event_type``, a type ``schema`` has, with its (role, filler's label) ``arguments``: the labels
        ``schema`` lacks (a file's own, renamed: ``Place`` for the news schema's ``GPE``, ``LOC``, ``FAC``) filling one
        of its roles (``Contact:Meet``'s ``Place``), or a role it lacks, noted for ``told_schema`` with the role. A label
        the schema has in a role that does not take it is the file's breach, refused as for any import (an ``ORG`` as
        ``Life:Be-Born``'s ``Person``): the schema said where it goes."""
        mine = schema.event_type(event_type)
        if mine is None:
            return
        for role, label in arguments:
            if label is None or schema.label(label) is not None:
                continue
            if label not in self.new_labels:
                self.new_labels.append(label)
            into = (self.role_labels if mine.role(role) is not None else self.new_roles).setdefault(event_type, {})
            seen = into.setdefault(role, [])
            if label not in seen:
                seen.append(label)

    def any_told(self) -> bool:
        """Did the events give anything the schema lacks: a type, or a label one of its roles lacks?"""
        return bool(self.per_type or self.role_labels or self.new_roles)

    def tables(self, types: Iterable[str] | None = None) -> list[dict[str, Any]]:
        """A schema file's ``[[event]]`` tables of ``types`` (default: all, in order of use), roles under
        ``roles``; a role whose fillers had no label is left out."""
        out = []
        for etype in self.per_type if types is None else types:
            role_tables = []
            for role, filled in self.roles.get(etype, {}).items():
                if not filled:
                    continue
                got = self.counts[(etype, role)]
                optional, repeated = len(got) < self.per_type[etype], max(got) > 1
                mult = multiplicity_of(not optional, repeated)
                role_tables.append({"name": role, "labels": filled, "multiplicity": mult})
            out.append({"name": etype, "roles": role_tables})
        return out


def told_schema(schema: Schema, uses: EventUses, path: Path | str, what: str) -> Schema | None:
    """``schema`` with the event types ``uses`` holds (those it lacks: the caller adds only them), a new attribute
    for each one it lacks (``false``/``true`` when the events give no other value: brat's present-or-absent one)
    and the values its own attributes lack; None when there is nothing to add. ``what`` names the file's kind in the
    added tables' description ("a Prodigy file")."""
    if not (uses.per_type or uses.values or uses.role_labels or uses.new_roles):
        return None
    attributes, more = attribute_growth(schema, uses)
    said = f"told from the events of {Path(path).name} ({what})"
    roles = {
        t: [{"name": r, "labels": labs, "multiplicity": "any"} for r, labs in by_role.items()]
        for t, by_role in uses.new_roles.items()
    }
    return grown_schema(
        schema,
        uses.new_labels,
        uses.tables(),
        path,
        said,
        roles=roles,
        proxies=uses.proxies,
        attributes=attributes,
        values=more,
        role_labels=uses.role_labels,
    )


def attribute_growth(schema: Schema, uses: EventUses) -> tuple[list[dict[str, Any]], dict[str, list[str]]]:
    """The attributes ``uses`` noted that ``schema`` lacks, as a schema file's tables (``false``/``true`` when the
    events give no other value: brat's present-or-absent one), and the values its own attributes lack, by name."""
    attributes = [
        {"name": n, "values": list(BINARY) if set(vs) <= set(BINARY) else vs}
        for n, vs in uses.values.items()
        if schema.attribute(n) is None
    ]
    return attributes, {n: vs for n, vs in uses.values.items() if schema.attribute(n) is not None}


def recorded_types(record: Any) -> list[str]:
    """The event type names a doccano line or Label Studio task records (``meta_keys.EVENT_TYPES``, our export's):
    its strings; none when it records none."""
    return [t for t in record if isinstance(t, str)] if isinstance(record, list) else []


def nothing_to_tell(schema: Schema, types: Iterable[Any], labels: Iterable[Any]) -> bool:
    """The cheap look before ``add_regions``: every recorded type (``types``) and every region label (``labels``), as
    the file writes them, is the schema's own (a news project's own export): nothing to tell."""
    return all(schema.event_type(x) is not None for x in types) and all(
        not isinstance(x, str) or schema.label(x) is not None or schema.event_type(x) is not None for x in labels
    )


def add_regions(
    uses: EventUses,
    schema: Schema,
    types: Sequence[str],
    labels: Mapping[Any, Sequence[str]],
    relations: Iterable[tuple[Any, Any, Any]],
    attributes: Mapping[Any, Mapping[str, Any]] | None = None,
) -> None:
    """The events of one annotation of labelled regions (doccano's, Label Studio's) whose file records them as events
    (``types``, the record's names) of types ``schema`` lacks, in ``uses``: each region labelled so (``labels``: region
    key -> its labels, as the schema names them) an event, its arguments the relations drawn from it (``relations``:
    from key, to key, role), each filler's label the schema has; ``attributes``: region key -> the choices on it.
    The events of the types it has, when the annotation brings labels the schema lacks: the labels their roles lack
    (``EventUses.lacking``)."""
    told = {t for t in types if schema.event_type(t) is None and schema.label(t) is None}
    brought = any(schema.label(x) is None and x not in types for named in labels.values() for x in named)
    # a type the schema has: its roles may lack a label the file brings (a schema's own Place for GPE)
    known = {t for t in types if schema.event_type(t) is not None} if brought else set()
    if not told and not known:
        return
    drawn: dict[Any, list[tuple[Any, str]]] = {}
    given = [(frm, to, role) for frm, to, role in relations if isinstance(role, str)]
    for frm, to, role in given:
        drawn.setdefault(frm, []).append((to, role))
        drawn.setdefault(to, []).append((frm, role))  # doccano's have no direction: an argument drawn back
    kinds = set(schema.event_type_names) | told
    leaving = {frm for frm, _, _ in given}
    proxies = {  # a region that stands for an event used as an argument: labelled with its type, none leaving it
        to: next(x for x in labels.get(to, ()) if x in kinds)
        for frm, to, _ in given
        if to not in leaving and kinds & set(labels.get(to, ())) and kinds & set(labels.get(frm, ()))
    }
    for key, named in labels.items():
        for etype in (x for x in named if x in known and key not in proxies):  # a schema's own Place in Contact:Meet
            filled = [
                (role, next((x for x in labels.get(other, ()) if x not in kinds), None))
                for other, role in drawn.get(key, [])
            ]
            uses.lacking(schema, etype, filled)
        for etype in (x for x in named if x in told and key not in proxies):
            args = [
                (
                    role,
                    proxies[other] if other in proxies else next((x for x in labels[other] if schema.label(x)), None),
                )
                for other, role in drawn.get(key, [])
                if other in proxies or not kinds & set(labels.get(other, ()))
            ]
            uses.add(etype, args)
            uses.attributes(schema, (attributes or {}).get(key))
            uses.proxies += [x for _, x in args if x in kinds and x not in uses.proxies and schema.label(x) is None]


def told_note(path: Path | str, base: Schema, how: str) -> str:
    """The reader's one line that its file's event types were told (``how``: "told from their events' arguments (a
    Prodigy task brings no schema)"). It names none of them: which the project lacks and which it has under another
    name (``Conflict-Attack``, the news schema's ``Conflict:Attack``) is said by the import alone (``schema_match``'s
    rule, with --map); named here, a matched type was said lacked just before the match's note (session 40)."""
    return f"{path}: event types {how}, matched to the schema {base.name!r} as a file's schema is"


def read_with_told_types(
    path: Path,
    given: Schema | None,
    base: Schema,
    read: Callable[[Schema | None, EventUses | None], ReadResult | None],
    what: str,
    records: str,
    one: str,
) -> ReadResult:
    """A file whose records name the event types of its events (Label Studio's tasks, doccano's lines), read with
    ``given`` (``base`` when None: the project's schema or the default); ``read(schema, uses)`` returns None when
    ``uses`` noted types ``base`` lacks: the file is then read again with ``base`` grown by them (``told_schema``),
    the note and ``schema_from`` saying so. ``what`` names the file's kind ("a doccano file"), ``records`` what its
    records are ("lines"), ``one`` one of them ("a doccano line")."""
    uses = EventUses()
    result = read(given, uses)
    told = told_schema(base, uses, path, what) if result is None else None
    if result is not None or told is None:
        return result or read(given, None)  # type: ignore[return-value]
    result = read(told, None)
    assert result is not None
    result.notes.insert(0, told_note(path, base, f"told from those its {records} record"))
    result.schema, result.told = told, True
    result.schema_from = f"its events' types (told from those its {records} record: {one} brings no schema) are types"
    return result
