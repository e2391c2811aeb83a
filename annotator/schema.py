"""Annotation schemas: entity labels, event types with roles, and event attributes, read from TOML."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.errors import SchemaError
from annotator.resources_path import resource_path

MULTIPLICITIES = ("optional", "one", "one_or_more", "any")
DEFAULT_SCHEMA_FILE = "schemas/news.toml"
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True)
class EntityLabel:
    name: str
    description: str = ""
    color: str = "#dddddd"
    key: str | None = None


@dataclass(frozen=True)
class Role:
    name: str
    labels: tuple[str, ...]
    multiplicity: str = "optional"

    @property
    def required(self) -> bool:
        return self.multiplicity in ("one", "one_or_more")

    @property
    def repeatable(self) -> bool:
        return self.multiplicity in ("one_or_more", "any")


@dataclass(frozen=True)
class EventType:
    name: str
    description: str = ""
    triggers: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()

    def role(self, name: str) -> Role | None:
        return next((r for r in self.roles if r.name == name), None)


@dataclass(frozen=True)
class Attribute:
    name: str
    values: tuple[str, ...]
    default: str
    description: str = ""


@dataclass(frozen=True)
class Schema:
    name: str
    entities: tuple[EntityLabel, ...]
    events: tuple[EventType, ...]
    attributes: tuple[Attribute, ...]
    source: str = field(default="", repr=False, compare=False)
    description: str = ""

    def label(self, name: str) -> EntityLabel | None:
        return next((e for e in self.entities if e.name == name), None)

    def event_type(self, name: str) -> EventType | None:
        return next((e for e in self.events if e.name == name), None)

    def attribute(self, name: str) -> Attribute | None:
        return next((a for a in self.attributes if a.name == name), None)

    @property
    def label_names(self) -> list[str]:
        return [e.name for e in self.entities]

    def default_attributes(self) -> dict[str, str]:
        return {a.name: a.default for a in self.attributes}

    def to_dict(self) -> dict[str, Any]:
        """The schema as plain data (for exports)."""
        return {
            "name": self.name,
            "description": self.description,
            "entities": [
                {"name": e.name, "description": e.description, "color": e.color, "key": e.key}
                for e in self.entities
            ],
            "events": [
                {
                    "name": t.name,
                    "description": t.description,
                    "triggers": list(t.triggers),
                    "roles": [
                        {"name": r.name, "labels": list(r.labels), "multiplicity": r.multiplicity} for r in t.roles
                    ],
                }
                for t in self.events
            ],
            "attributes": [
                {"name": a.name, "description": a.description, "values": list(a.values), "default": a.default}
                for a in self.attributes
            ],
        }


def _line_of(source: str, needle: str) -> int | None:
    for number, line in enumerate(source.splitlines(), start=1):
        if needle in line:
            return number
    return None


def _fail(where: str, source: str, needle: str | None, reason: str) -> SchemaError:
    line = _line_of(source, needle) if needle else None
    at = f"{where}:{line}" if line else where
    return SchemaError(f"{at}: {reason}")


def _text(value: Any, what: str, where: str, source: str, needle: str | None) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _fail(where, source, needle, f"{what} must be a non-empty string")
    return value


def parse_schema(source: str, where: str = "<schema>") -> Schema:
    """Parse and check schema TOML; errors name the line and the reason."""
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        raise SchemaError(f"{where}: not valid TOML: {exc}") from None
    head = data.get("schema", {})
    if not isinstance(head, dict):
        raise _fail(where, source, "schema", "[schema] must be a table")
    name = str(head.get("name", Path(where).stem or "schema"))
    entities = _parse_entities(data.get("entity", []), where, source)
    names = {e.name for e in entities}
    attributes = _parse_attributes(data.get("attribute", []), where, source)
    events = _parse_events(data.get("event", []), names, where, source)
    unknown = set(data) - {"schema", "entity", "event", "attribute"}
    if unknown:
        key = sorted(unknown)[0]
        raise _fail(where, source, key, f"unknown section {key!r} (expected schema, entity, event, attribute)")
    return Schema(name, tuple(entities), tuple(events), tuple(attributes), source, str(head.get("description", "")))


def _parse_entities(items: Any, where: str, source: str) -> list[EntityLabel]:
    if not isinstance(items, list) or not items:
        raise _fail(where, source, "[[entity]]", "the schema needs at least one [[entity]] label")
    out: list[EntityLabel] = []
    seen_keys: dict[str, str] = {}
    for item in items:
        if not isinstance(item, dict):
            raise _fail(where, source, "entity", "[[entity]] must be a table")
        name = _text(item.get("name"), "entity name", where, source, "[[entity]]")
        needle = f'"{name}"'
        if any(e.name == name for e in out):
            raise _fail(where, source, needle, f"entity label {name!r} is declared twice")
        if not re.fullmatch(r"[A-Za-z0-9_\-:.]+", name):
            raise _fail(where, source, needle, f"entity label {name!r} may hold only letters, digits, _ - : .")
        color = item.get("color", "#dddddd")
        if not isinstance(color, str) or not _COLOR.match(color):
            raise _fail(where, source, needle, f"colour of {name!r} must look like #a1b2c3, not {color!r}")
        key = item.get("key")
        if key is not None:
            if not isinstance(key, str) or len(key) != 1:
                raise _fail(where, source, needle, f"key of {name!r} must be one character")
            if key in seen_keys:
                raise _fail(where, source, needle, f"key {key!r} of {name!r} is already used by {seen_keys[key]!r}")
            seen_keys[key] = name
        out.append(EntityLabel(name, str(item.get("description", "")), color.lower(), key))
    return out


def _parse_attributes(items: Any, where: str, source: str) -> list[Attribute]:
    out: list[Attribute] = []
    for item in items if isinstance(items, list) else []:
        name = _text(item.get("name"), "attribute name", where, source, "[[attribute]]")
        values = item.get("values")
        if not isinstance(values, list) or not values or not all(isinstance(v, str) for v in values):
            raise _fail(where, source, f'"{name}"', f"attribute {name!r} needs a list of string values")
        default = item.get("default", values[0])
        if default not in values:
            raise _fail(where, source, f'"{name}"', f"default {default!r} of attribute {name!r} is not one of its values")
        out.append(Attribute(name, tuple(values), default, str(item.get("description", ""))))
    return out


def _parse_events(items: Any, labels: set[str], where: str, source: str) -> list[EventType]:
    out: list[EventType] = []
    for item in items if isinstance(items, list) else []:
        name = _text(item.get("name"), "event type name", where, source, "[[event]]")
        needle = f'"{name}"'
        if any(t.name == name for t in out):
            raise _fail(where, source, needle, f"event type {name!r} is declared twice")
        roles: list[Role] = []
        for r in item.get("role", []):
            rname = _text(r.get("name"), f"role name in {name!r}", where, source, needle)
            rlabels = r.get("labels", [])
            if not isinstance(rlabels, list) or not rlabels:
                raise _fail(where, source, f'"{rname}"', f"role {rname!r} of {name!r} must accept at least one label")
            for lab in rlabels:
                if lab not in labels:
                    raise _fail(where, source, f'"{rname}"', f"role {rname!r} of {name!r} names unknown label {lab!r}")
            mult = r.get("multiplicity", "optional")
            if mult not in MULTIPLICITIES:
                raise _fail(
                    where, source, f'"{rname}"', f"multiplicity {mult!r} of role {rname!r} is not one of {', '.join(MULTIPLICITIES)}"
                )
            if any(x.name == rname for x in roles):
                raise _fail(where, source, f'"{rname}"', f"role {rname!r} appears twice in {name!r}")
            roles.append(Role(rname, tuple(rlabels), mult))
        triggers = item.get("triggers", [])
        out.append(EventType(name, str(item.get("description", "")), tuple(str(t) for t in triggers), tuple(roles)))
    return out


def load_schema(path: str | Path) -> Schema:
    """Read a schema file; a missing or unreadable file is a SchemaError."""
    p = Path(path)
    try:
        source = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SchemaError(f"{p}: cannot read schema file: {exc}") from None
    return parse_schema(source, str(p))


def default_schema() -> Schema:
    return load_schema(resource_path(DEFAULT_SCHEMA_FILE))
