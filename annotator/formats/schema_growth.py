"""A schema grown by what an input uses and it lacks: the one place labels, event types, roles of its own event
types and labels of its roles are added to a schema on import (WebAnno TSV layers, ``--add-types``, and the entity labels of a CoNLL, doccano, Label Studio, Prodigy or DocBin file
imported into a new project), with their colours."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any, Mapping, Sequence

from annotator.errors import ImportFileError, SchemaError
from annotator.formats.brat_conf import PROXY_NOTE
from annotator.schema import Schema, is_label_name, parse_schema
from annotator.schema_write import schema_source, with_role_labels, with_roles, with_values
from annotator.wording import first_named

# colours for the added labels (the app tells labels apart by colour; brat's default grey for all said nothing)
PALETTE = ("#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462", "#b3de69", "#fccde5", "#bc80bd", "#ccebc5")


def as_label_name(value: str) -> str | None:
    """A label name for a value another tool labels spans with that is none (``A.2 Landform`` -> ``A.2_Landform``): each
    run of characters a label may not hold becomes one ``_``; None when nothing of it is left."""
    name = "".join(
        ch if ch.isalnum() or ch in "_-:." or unicodedata.category(ch)[0] == "M" else " " for ch in value
    ).strip()
    name = re.sub(r" +", "_", name)
    return name if name and is_label_name(name) else None


def grown_schema(
    schema: Schema,
    labels: Sequence[str],
    events: Sequence[dict[str, Any]],
    path: Path | str,
    added_from: str,
    roles: Mapping[str, Sequence[dict[str, Any]]] | None = None,
    proxies: Sequence[str] = (),
    attributes: Sequence[dict[str, Any]] = (),
    values: Mapping[str, Sequence[str]] | None = None,
    role_labels: Mapping[str, Mapping[str, Sequence[str]]] | None = None,
    colors: Mapping[str, str] | None = None,
) -> Schema:
    """``schema`` with the entity ``labels``, the event types ``events`` (tables of a schema file's keys, roles
        under ``roles``) and the event ``attributes`` (tables too) added after its own tables, each described as
        ``added_from``, ``roles`` (one of its event types -> role tables) added to its own types, and ``proxies``, labels
        of its event types' names that stand for an event used as an argument (brat's ``<EVENT>``), and ``values`` (one of its
    attributes -> values) added to its own attributes' values, and ``role_labels`` (one of its event types -> one of its
    roles -> labels) added to that role's labels, ``colors`` (label -> #rrggbb: the input's own) given to the added
    labels it names (the others the palette's); refused with the
        file's name when they cannot be (a name the schema's rules refuse, a schema file whose event tables cannot be
        told apart)."""
    bad = [n for n in labels if not is_label_name(n)]
    if bad:  # said by name: the schema's parser would name a line of the grown schema's text ("news + a.tsv:1214")
        shown = first_named([repr(n) for n in bad], 3)
        raise ImportFileError(
            str(path),
            f"{'a label' if len(bad) == 1 else 'labels'} it uses cannot be added to the schema {schema.name!r}: "
            f"{shown} (a label may hold only letters, digits, _ - : .)",
        )
    entities = [
        {"name": n, "description": added_from, "color": (colors or {}).get(n) or PALETTE[k % len(PALETTE)]}
        for k, n in enumerate(labels)
    ] + [{"name": n, "description": PROXY_NOTE} for n in proxies]
    tables = [{"name": e["name"], "description": added_from, **e} for e in events]
    attribute_tables = [{"name": a["name"], "description": added_from, **a} for a in attributes]
    extra = schema_source({}, entities, attribute_tables, tables).split("\n", 1)[1]  # the tables alone, after its own
    source = with_roles(schema, roles) if roles else schema.source
    if source is None:
        raise ImportFileError(
            str(path),
            f"roles cannot be added to the schema {schema.name!r} (its event types are not written as [[event]] "
            "tables): give the project a schema that has them, or import it into a new project",
        )
    if values:
        source = with_values(schema, values, source)
        if source is None:
            raise ImportFileError(
                str(path),
                f"values cannot be added to the attributes of the schema {schema.name!r} ({', '.join(values)}: not "
                "written as [[attribute]] tables of a values line each): give the project a schema that has them, or "
                "import it into a new project",
            )
    if role_labels:
        source = with_role_labels(schema, role_labels, source)
        if source is None:
            raise ImportFileError(
                str(path),
                f"labels cannot be added to the roles of the schema {schema.name!r} ({', '.join(role_labels)}: not "
                "written as [[event.role]] tables of a labels line each): give the project a schema that has them, or "
                "import it into a new project",
            )
    try:
        return parse_schema(
            source.rstrip("\n") + "\n\n" + extra,
            f"{schema.name} + {Path(path).name}",
            app_keys=False,
            grown_from=source,
        )
    except SchemaError as exc:
        raise ImportFileError(str(path), f"its labels and event types cannot be added to the schema: {exc}") from None
