"""The labels and event types WebAnno TSV files bring that the project's schema lacks, added to it, as a brat
folder's annotation.conf gives its types: INCEpTION users' own tag sets (``PER``, ``LOC``) and event layers come in
without a schema written by hand. The import adopts the result only for a project without documents; a project with
documents refuses the files, naming what its schema lacks (``loading.store_results``)."""

from __future__ import annotations

from pathlib import Path

from annotator.importing import IncomingDocument
from annotator.formats.schema_growth import grown_schema
from annotator.formats.told_types import EventUses, attribute_growth
from annotator.schema import Schema

ADDED = "from a WebAnno TSV file"


def extended_schema(schema: Schema, docs: list[IncomingDocument], path: Path) -> Schema | None:
    """``schema`` with the entity labels and event types ``docs`` use that it lacks (a new event type's roles: those
    its arguments take, any number of times, filled by the labels seen), and the event attributes and values their
    events give that it lacks (our export's ``webanno.custom.Event`` features, told as a Prodigy file's are:
    ``told_types.attribute_growth``), and the labels and roles the events of its own types give that they lack
    (``EventUses.lacking``); None when it lacks nothing, or when it cannot be extended (no source): the
    labels are then refused as for any import."""
    known = set(schema.label_names) | set(schema.event_type_names)
    labels: list[str] = []
    types: dict[str, dict[str, list[str]]] = {}
    uses = EventUses()
    for d in docs:
        by_key = {e.key: e.label for e in d.entities}
        for e in d.entities:  # each new label once (two spans of one used to declare it twice: the file refused)
            if e.label not in known and e.label not in labels:
                labels.append(e.label)
        for v in d.events:
            uses.attributes(schema, v.attributes)
            if schema.event_type(v.type) is not None:  # a label its roles lack (a schema's own Place for GPE): told
                uses.lacking(schema, v.type, [(r, by_key.get(key)) for r, key in v.arguments])
                continue
            roles = types.setdefault(v.type, {})
            for role, key in v.arguments:
                fillers = roles.setdefault(role, [])
                if by_key[key] not in fillers:
                    fillers.append(by_key[key])
    if not (labels or types or uses.values or uses.role_labels or uses.new_roles) or not schema.source:
        return None
    events = [
        {"name": t, "roles": [{"name": r, "labels": labs, "multiplicity": "any"} for r, labs in roles.items()]}
        for t, roles in types.items()
    ]
    attributes, values = attribute_growth(schema, uses)
    more_roles = {
        t: [{"name": r, "labels": labs, "multiplicity": "any"} for r, labs in by_role.items()]
        for t, by_role in uses.new_roles.items()
    }
    return grown_schema(
        schema,
        labels,
        events,
        path,
        ADDED,
        roles=more_roles,
        attributes=attributes,
        values=values,
        role_labels=uses.role_labels,
    )
