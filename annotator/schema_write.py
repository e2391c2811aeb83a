"""Schema files written: ``schema_source``, the one writer of a schema file's TOML from tables of plain values
(the JSON export's header, brat's annotation.conf and a schema told from a file become files through it), and
``with_aliases``, another schema's aliases added to a file with its comments kept (a migration's), and ``with_roles``,
roles added to event types the file has (``import --add-types``), and ``with_values``, values added to attributes it
has (``import --add-types`` too), and ``with_role_labels``, labels added to roles it has (``import --add-types``
too), and ``with_keys``, keys given to labels that have none (a brat corpus's kb_shortcuts.conf), the rest of it as it
was."""

from __future__ import annotations

import json
import tomllib
from typing import Any, Mapping, Sequence

from annotator.schema import Schema
from annotator.schema_lines import Locator


def schema_source(
    header: dict[str, Any],
    entities: Sequence[dict[str, Any]],
    attributes: Sequence[dict[str, Any]] = (),
    events: Sequence[dict[str, Any]] = (),
    categories: Sequence[str] = (),
) -> str:
    """The TOML source of a schema given as tables of plain values (the keys of a schema file; an event's
    ``roles`` its ``[[event.role]]`` tables; None values left out): the one writer of schema files."""

    def table(name: str, values: dict[str, Any], indent: str = "") -> list[str]:
        lines = [f"{indent}[{name}]" if name == "schema" else f"{indent}[[{name}]]"]
        # a JSON string, number or array of them is a TOML value too (json: the dumper already in the stdlib)
        lines += [f"{indent}{k} = {json.dumps(v, ensure_ascii=False)}" for k, v in values.items() if v is not None]
        return lines

    out = table("schema", header)
    for e in entities:
        out += ["", *table("entity", e)]
    for a in attributes:
        out += ["", *table("attribute", a)]
    for ev in events:
        out += ["", *table("event", {k: v for k, v in ev.items() if k != "roles"})]
        for r in ev.get("roles") or []:
            out += table("event.role", r, "  ")
    for c in categories:
        out += ["", *table("category", {"name": c})]
    return "\n".join(out) + "\n"


def with_aliases(schema: Schema, like: Schema) -> str | None:
    """``schema``'s source with ``like``'s aliases added where ``schema`` has none (an entity label or event type of
    the same name without ``aliases``; ``role_aliases`` of roles it has, when it has none), each a line after its
    table's header, so the rest of the file (its comments) stays as it was; None when there is nothing to add or
    the tables cannot be told apart (a schema written as inline arrays)."""
    loc = Locator(schema.source)
    inserts: list[tuple[int, str]] = []  # (header line, the line after it)
    for table, items, theirs in (
        ("entity", schema.entities, {e.name: e.aliases for e in like.entities}),
        ("event", schema.events, {t.name: t.aliases for t in like.events}),
    ):
        headers = loc.lines_of.get(table, [])
        if len(headers) != len(items):
            continue
        for line, item in zip(headers, items):
            if not item.aliases and theirs.get(item.name):
                inserts.append((line, f"aliases = {json.dumps(list(theirs[item.name]), ensure_ascii=False)}"))
    roles = {r.name for t in schema.events for r in t.roles}
    wanted = [(role, names) for role, names in like.role_aliases if role in roles and names]
    head = loc.table("schema", 0)
    if not schema.role_aliases and wanted and head is not None:
        body = ", ".join(
            f"{json.dumps(role)} = {json.dumps(list(names), ensure_ascii=False)}" for role, names in wanted
        )
        inserts.append((head, f"role_aliases = {{ {body} }}"))
    return _with_lines_after(schema.source, inserts)


def with_keys(schema: Schema, keys: Mapping[str, str]) -> str | None:
    """``schema``'s source with ``keys`` (an entity label's name -> its key) given to those labels, a line after each
    one's table header, the rest of the file (its comments) as it was; None when there is nothing to give or the
    tables cannot be told apart (a schema written as inline arrays). The caller gives keys only to labels without."""
    headers = Locator(schema.source).lines_of.get("entity", [])
    if len(headers) != len(schema.entities):
        return None
    inserts = [
        (line, f"key = {json.dumps(keys[e.name])}") for line, e in zip(headers, schema.entities) if e.name in keys
    ]
    return _with_lines_after(schema.source, inserts)


def with_roles(schema: Schema, roles: Mapping[str, Sequence[dict[str, Any]]]) -> str | None:
    """``schema``'s source with ``roles`` (the event type's name -> its new ``[[event.role]]`` tables of plain values)
    added after each type's last table, so the rest of the file (its comments) stays as it was; None when the event
    tables cannot be told apart (a schema written as inline arrays) or a type is not the schema's."""
    loc = Locator(schema.source)
    headers = loc.lines_of.get("event", [])
    names = schema.event_type_names
    if len(headers) != len(names) or any(t not in names for t in roles):
        return None
    lines = schema.source.splitlines()
    inserts: list[tuple[int, list[str]]] = []  # (the index in ``lines`` to insert at, the lines)
    for name, tables in roles.items():
        start = headers[names.index(name)]
        after = next((n for n, t in loc.headers if n > start and not t.startswith("event.")), len(lines) + 1)
        at = after - 1  # the next table's header's index; back over the blank and comment lines before it
        while at > start and (not lines[at - 1].strip() or lines[at - 1].lstrip().startswith("#")):
            at -= 1
        body = schema_source({}, (), (), [{"name": name, "roles": list(tables)}]).splitlines()
        inserts.append((at, body[body.index("  [[event.role]]") :]))
    for at, body in sorted(inserts, key=lambda x: x[0], reverse=True):
        lines[at:at] = body
    return "\n".join(lines) + "\n"


def with_values(schema: Schema, values: Mapping[str, Sequence[str]], source: str | None = None) -> str | None:
    """``source`` (``schema``'s own, or it with roles added by ``with_roles``) with ``values`` (an attribute's name -> the values to add to its own) appended to each
    attribute's ``values`` array, so the rest of the file (its comments, its default) stays as it was; None when the
    attribute tables cannot be told apart (a schema written as inline arrays), an attribute is not the schema's, or
    its ``values`` is not an array written on one line."""
    text = schema.source if source is None else source
    loc = Locator(text)
    headers = loc.lines_of.get("attribute", [])
    names = [a.name for a in schema.attributes]
    if len(headers) != len(names) or any(n not in names for n in values):
        return None
    lines = text.splitlines()
    for name, more in values.items():
        attribute = schema.attributes[names.index(name)]
        line = loc.key(headers[names.index(name)], "values")
        if line is None or line == headers[names.index(name)]:
            return None
        # ``more``: values it lacks (``rules.takes_value``)
        if not _grow_array(lines, line, attribute.values, more):
            return None
    return "\n".join(lines) + "\n"


def with_role_labels(
    schema: Schema, labels: Mapping[str, Mapping[str, Sequence[str]]], source: str | None = None
) -> str | None:
    """``source`` (``schema``'s own, or it grown by ``with_roles`` and ``with_values``) with ``labels`` (an event
    type's name -> one of its roles -> the labels to add) appended to each role's ``labels`` array, the rest of the
    file as it was; None when the event or role tables cannot be told apart, a type or role is not the schema's, or
    a ``labels`` array is not written on one line."""
    text = schema.source if source is None else source
    loc = Locator(text)
    headers = loc.lines_of.get("event", [])
    names = schema.event_type_names
    if len(headers) != len(names) or any(t not in names for t in labels):
        return None
    lines = text.splitlines()
    for name, by_role in labels.items():
        etype = schema.events[names.index(name)]
        start = headers[names.index(name)]
        end = loc.next_header(start, ("event", "attribute", "entity", "category", "schema"))
        for role, more in by_role.items():
            r = etype.role(role)
            if r is None:
                return None
            at = loc.table("event.role", etype.roles.index(r), after=start, before=end)
            line = loc.key(at, "labels")
            if at is None or line is None or line == at:
                return None
            if not _grow_array(lines, line, r.labels, more):
                return None
    return "\n".join(lines) + "\n"


def _grow_array(lines: list[str], line: int, current: Sequence[str], more: Sequence[str]) -> bool:
    """Rewrite the one-line array at ``lines[line - 1]`` (1-based) as ``current`` followed by ``more``; False, the
    line untouched, when it does not hold exactly ``current`` as one TOML array."""
    key, _, value = lines[line - 1].partition("=")
    try:
        written = tomllib.loads(f"v = {value}")["v"]
    except tomllib.TOMLDecodeError:
        return False
    if list(written) != list(current):
        return False
    grown = list(dict.fromkeys([*current, *more]))
    lines[line - 1] = f"{key.rstrip()} = {json.dumps(grown, ensure_ascii=False)}"
    return True


def _with_lines_after(source: str, inserts: Sequence[tuple[int, str]]) -> str | None:
    """``source`` with each (header line, text) of ``inserts`` put on a line of its own right after that header line
    (1-based), the other lines as they were; None when there is nothing to insert."""
    if not inserts:
        return None
    lines = source.splitlines()
    for line, text in sorted(inserts, reverse=True):
        lines.insert(line, text)
    return "\n".join(lines) + "\n"
