"""A file read onto a schema that may grow by what it holds: the entity labels it uses that the schema lacks (taken
as the user maps them, else added to a new project's schema, else refused naming them all), and those it declares
beside its documents (a Label Studio config's, session 34)."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Mapping

from annotator.errors import UnknownLabelsError
from annotator.formats.reading import ReadResult
from annotator.formats.registry import a_shown
from annotator.formats.schema_choices import check_mapped_labels
from annotator.formats.schema_growth import grown_schema
from annotator.formats.schema_match import matched_labels, take_mapped_labels
from annotator.schema import Schema


def read_growing(
    read: Callable[[Schema], ReadResult],
    path: Path,
    schema: Schema,
    grow: bool,
    fmt: str,
    mapped: Mapping[str, str] | None = None,
) -> ReadResult:
    """``read(schema)``; when it refuses entity labels the schema lacks, those ``mapped`` names (the user's ``--map
    GENE=ORG``) are taken as the schema's labels (``take_mapped_labels``) and, when ``grow``, the others are added
    (``ReadResult.labels_added``, said in a note); else refused (``UnknownLabelsError``, naming those left). The
    labels a file declares beside (``ReadResult.declared_labels``: a Label Studio config's) are added too when
    ``grow``, else said."""
    result = _read_growing(read, path, schema, grow, fmt, mapped)
    have = result.schema if result.schema is not None else schema
    declared = [x for x in result.declared_labels if have.label(x) is None]
    events = [t for t in result.declared_events if have.event_type(t["name"]) is None]
    # a type the project has by another name (our own export's Attack, spelt as a brat file gave it: Conflict:Attack)
    # keeps the project's roles, as schema_match keeps them: the config's roles are not told onto it (session 38 said
    # every role of the config added, then "declared without a match ... not kept")
    theirs = matched_labels(have, schema, mapped) if result.declared_roles and have is not schema else {}
    roles = {
        t: rs
        for t, rs in result.declared_roles.items()
        if have.event_type(t) is not None and rs and theirs.get(t, t) == t
    }
    if not declared and not events and not roles:
        return result
    named = declared + [f"event type {t['name']}" for t in events]
    named += list(dict.fromkeys(f"role {r['name']}" for rs in roles.values() for r in rs))
    if not grow or not have.source:
        result.notes.append(
            f"{path}: labels, event types and roles its config declares that the schema {schema.name!r} lacks and no "
            f"task uses, not added (a new project takes them; --add-types with a file that uses them): "
            f"{', '.join(named)}"
        )
        return result
    result.schema = grown_schema(
        have,
        tuple(declared),
        events,
        path,
        f"from {a_shown(fmt)} file's config",
        roles=roles,
        colors=result.label_colors,
    )
    result.labels_added = (*result.labels_added, *declared)
    result.schema_from = result.schema_from or f"its config declares names the schema lacks ({', '.join(named)})"
    result.notes.append(
        f"{path}: labels, event types and roles its config declares that the schema {schema.name!r} lacks, added to "
        f"the project's schema: {', '.join(named)}"
        + (
            " (a Label Studio relation is any region's: each role optional, on every event type the file brings, "
            "taking the labels the config declares)"
            if events or roles
            else ""
        )
    )
    return result


def _read_growing(
    read: Callable[[Schema], ReadResult],
    path: Path,
    schema: Schema,
    grow: bool,
    fmt: str,
    mapped: Mapping[str, str] | None = None,
) -> ReadResult:
    """``read_growing`` but for the labels declared beside."""
    try:
        return read(schema)
    except UnknownLabelsError as exc:
        if not schema.source:
            raise
        taken = {label: mapped[label] for label in exc.labels if mapped and label in mapped}
        labels = tuple(label for label in exc.labels if label not in taken)
        if labels and not grow:
            if not taken:
                raise
            left = {label: exc.labels[label] for label in labels}
            raise UnknownLabelsError(exc.path, left, exc.schema_name, exc.line) from None
        check_mapped_labels(taken, schema, str(path))
        lacking = tuple(exc.labels)
        read_with = grown_schema(schema, lacking, (), path, f"from {a_shown(fmt)} file")
    result = read(read_with)
    if any(x in result.label_colors for x in lacking):  # colours of its own (a config's): read again with them,
        # so a schema the reader tells from it (a Label Studio file's event types) has them too
        colored = grown_schema(schema, lacking, (), path, f"from {a_shown(fmt)} file", colors=result.label_colors)
        result = read(colored)
    # the labels added, with the colours the file gives them (a Prodigy or Label Studio config's), else the palette's
    grown = (
        grown_schema(schema, labels, (), path, f"from {a_shown(fmt)} file", colors=result.label_colors)
        if labels
        else None
    )
    if taken:
        result.notes.append(take_mapped_labels(result.documents, taken, schema, str(path)))
    if grown is None:
        return result
    if result.told and result.schema is not None:  # told from the events too (a JSONL line's Process): the told
        # schema holds the labels as well and goes through schema_match's rule, which adds what the project lacks;
        # one that adds labels alone (the JSONL lines' Person in a role: ``labels_added``) holds these too
        if result.labels_added:
            result.labels_added = (*labels, *(x for x in result.labels_added if x not in labels))
        return result
    result.schema, result.labels_added = grown, labels
    result.schema_from = f"it uses labels the schema lacks ({', '.join(labels)})"
    result.notes.append(
        f"{path}: labels the schema {schema.name!r} lacks, added to the new project's schema: {', '.join(labels)}"
    )
    return result
