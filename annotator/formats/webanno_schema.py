"""The labels and event types WebAnno TSV files bring that the project's schema lacks, added to it, as a brat
folder's annotation.conf gives its types: INCEpTION users' own tag sets (``PER``, ``LOC``) and event layers come in
without a schema written by hand. The import adopts the result only for a project without documents; a project with
documents refuses the files, naming what its schema lacks (``loading.store_results``)."""

from __future__ import annotations

from pathlib import Path

from annotator.errors import ImportFileError, SchemaError
from annotator.importing import IncomingDocument
from annotator.schema import Schema, parse_schema, schema_source

# colours for the added labels (the app tells labels apart by colour; brat's default grey for all said nothing)
PALETTE = ("#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462", "#b3de69", "#fccde5", "#bc80bd", "#ccebc5")
ADDED = "from a WebAnno TSV file"


def extended_schema(schema: Schema, docs: list[IncomingDocument], path: Path) -> tuple[Schema, list[str]] | None:
    """``schema`` with the entity labels and event types ``docs`` use that it lacks (a new event type's roles: those
    its arguments take, any number of times, filled by the labels seen), and what was added, named; None when it lacks
    nothing, or when it cannot be extended (no source): the labels are then refused as for any import."""
    known = set(schema.label_names) | {t.name for t in schema.events}
    labels: list[str] = []
    types: dict[str, dict[str, list[str]]] = {}
    for d in docs:
        by_key = {e.key: e.label for e in d.entities}
        for e in d.entities:  # each new label once (two spans of one used to declare it twice: the file refused)
            if e.label not in known and e.label not in labels:
                labels.append(e.label)
        for v in d.events:
            if v.type in known:
                continue
            roles = types.setdefault(v.type, {})
            for role, key in v.arguments:
                fillers = roles.setdefault(role, [])
                if by_key[key] not in fillers:
                    fillers.append(by_key[key])
    if not (labels or types) or not schema.source:
        return None
    entities = [{"name": n, "description": ADDED, "color": PALETTE[k % len(PALETTE)]} for k, n in enumerate(labels)]
    events = [
        {
            "name": t,
            "description": ADDED,
            "roles": [{"name": r, "labels": labs, "multiplicity": "any"} for r, labs in roles.items()],
        }
        for t, roles in types.items()
    ]
    extra = schema_source({}, entities, (), events).split("\n", 1)[1]  # the tables alone, after the schema's own
    try:
        extended = parse_schema(
            schema.source.rstrip("\n") + "\n\n" + extra, f"{schema.name} + {path.name}", app_keys=False
        )
    except SchemaError as exc:
        raise ImportFileError(str(path), f"its labels and event types cannot be added to the schema: {exc}") from None
    added = [f"label {n}" for n in labels] + [f"event type {t}" for t in types]
    return extended, added
