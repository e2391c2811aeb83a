"""Annotation schemas read from TOML: the file's checks (each refusal names the file, the line and the reason), the
parse once a process, the schema files shipped. What a schema is (its classes) is ``annotator.schema_model``'s; its
names answer here too."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

from annotator.errors import SchemaError
from annotator.resources_path import resource_path
from annotator.schema_lines import Locator
from annotator.schema_model import Attribute, EntityLabel, EventType, Role, Schema
from annotator.schema_toml import toml_data

MULTIPLICITIES = ("optional", "one", "one_or_more", "any")
DEFAULT_SCHEMA_FILE = "schemas/news.toml"
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


ENTITY_KEYS = {"name", "description", "color", "key", "aliases"}
# plain keys the app's document view already uses (either case): a label key there would never work
APP_KEYS = {"x": "rejecting a suggestion (X)", "e": "a new event (E)"}
# plain keys of the app's commands that a label key, checked first, takes over: a schema written by hand may give
# them to a label (its author's choice), a key file of another tool (brat's kb_shortcuts.conf) is not given them
COMMAND_KEYS = {
    "a": "labelling a name everywhere (A)",
    "n": "the next trigger word (N)",
    "[": "the previous item ([)",
    "]": "the next item (])",
}
EVENT_KEYS = {
    "name",
    "description",
    "triggers",
    "weak_triggers",
    "cues",
    "blockers",
    "role",
    "implies",
    "aliases",
    "object_triggers",
    "figurative_triggers",
}
OBJECT_KINDS = ("cue", "weapon", "thing", "named_person")  # an object_triggers kind, or an entity label
ROLE_KEYS = {"name", "labels", "multiplicity", "description", "slots"}
SLOT = re.compile(
    r"^(subj|subj_intrans|obj|obj_from|subjpass|agent|poss|compound|gov_subj|acl_obj|given|receiver|sender|dative|during|setting|oprd|nummod|npadvmod|police|prep:[a-z]+)$"
)
ATTRIBUTE_KEYS = {"name", "description", "values", "default"}
CATEGORY_KEYS = {"name", "description"}
SCHEMA_KEYS = {"name", "description", "version", "role_aliases"}


class _Where:
    def __init__(self, where: str) -> None:
        self.where = where

    def fail(self, line: int | None, reason: str) -> SchemaError:
        return SchemaError(f"{self.where}:{line}: {reason}" if line else f"{self.where}: {reason}")


def parse_schema(
    source: str, where: str = "<schema>", *, app_keys: bool = True, grown_from: str | None = None
) -> Schema:
    """Parse and check schema TOML; errors name the file, the line and the reason.

    ``app_keys=False`` lets label keys the app uses itself pass (a schema already stored in a project).
    A Schema is immutable, so the same source parses once per process: the news schema took 27 ms CPU (tomllib is
    pure Python) at every project made. ``grown_from``: the text ``source`` opens with, tables added after it (an
    import's, formats/schema_growth.py): its TOML read once, then only the added text (annotator/schema_toml.py).
    """
    return _parse_schema(source, where, app_keys, grown_from)


@lru_cache(maxsize=16)
def _parse_schema(source: str, where: str, app_keys: bool, grown_from: str | None = None) -> Schema:
    data = toml_data(source, where, grown_from)
    loc = Locator(source)
    w = _Where(where)
    unknown = set(data) - {"schema", "entity", "event", "attribute", "category"}
    if unknown:
        key = sorted(unknown)[0]
        line = loc.table(key, 0) or loc.key(0, key)
        raise w.fail(line, f"unknown section {key!r} (expected schema, entity, event, attribute, category)")
    head = data.get("schema", {})
    if not isinstance(head, dict):
        raise w.fail(loc.key(0, "schema"), "[schema] must be a table")
    _no_unknown_keys(head, SCHEMA_KEYS, "[schema]", w, loc, loc.table("schema", 0))
    name = head.get("name", Path(where).stem or "schema")
    if not isinstance(name, str) or not name.strip():
        raise w.fail(loc.key(loc.table("schema", 0), "name"), "schema name must be a non-empty string")
    entities = _parse_entities(data.get("entity"), w, loc, app_keys)
    names = {e.name for e in entities}
    attributes = _parse_attributes(data.get("attribute", []), w, loc)
    events = _parse_events(data.get("event", []), names, w, loc)
    role_aliases = _parse_role_aliases(
        head.get("role_aliases", {}), events, w, loc.key(loc.table("schema", 0), "role_aliases")
    )
    return Schema(
        name,
        tuple(entities),
        tuple(events),
        tuple(attributes),
        source,
        str(head.get("description", "")),
        role_aliases,
        _parse_categories(data.get("category", []), w, loc),
    )


def _parse_categories(items: Any, w: _Where, loc: Locator) -> tuple[str, ...]:
    """``[[category]]`` tables: each a document category's ``name`` (one line, as a person types one in the app) and
    an optional ``description``."""
    out: list[str] = []
    for i, item in enumerate(_tables(items, "category", w, loc.key(0, "category"))):
        at = loc.table("category", i)
        _no_unknown_keys(item, CATEGORY_KEYS, "[[category]]", w, loc, at)
        name = _string(item.get("name"), "category name", w, loc.key(at, "name"))
        if name != name.strip() or any(ch in name for ch in "\r\n\t"):
            raise w.fail(loc.key(at, "name"), f"category {name!r} must be one line without spaces around it")
        if name in out:
            raise w.fail(loc.key(at, "name"), f"category {name!r} is declared twice")
        out.append(name)
    return tuple(out)


def _parse_role_aliases(
    value: Any, events: list[EventType], w: _Where, line: int | None
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``role_aliases = {Time = ["Time-Within", ...]}``: each key a role some event type has, each value the names
    other tools give it."""
    if not isinstance(value, dict):
        raise w.fail(line, "role_aliases must be a table of role names, each with a list of other names")
    roles = {r.name for t in events for r in t.roles}
    out = []
    for role, names in value.items():
        if role not in roles:
            raise w.fail(line, f"role_aliases names {role!r}, which no event type has as a role")
        out.append((role, tuple(_string_list(names, f"role_aliases of {role!r}", w, line))))
    return tuple(out)


def _no_unknown_keys(item: dict, allowed: set[str], what: str, w: _Where, loc: Locator, line: int | None) -> None:
    extra = sorted(set(item) - allowed)
    if extra:
        raise w.fail(
            loc.key(line, extra[0]), f"unknown key {extra[0]!r} in {what} (allowed: {', '.join(sorted(allowed))})"
        )


def _string(value: Any, what: str, w: _Where, line: int | None) -> str:
    if not isinstance(value, str) or not value.strip():
        raise w.fail(line, f"{what} must be a non-empty string")
    return value


def _string_list(value: Any, what: str, w: _Where, line: int | None) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise w.fail(line, f"{what} must be a list of strings")
    return value


def _tables(items: Any, what: str, w: _Where, line: int | None) -> list[dict]:
    if not isinstance(items, list) or not all(isinstance(x, dict) for x in items):
        raise w.fail(line, f"{what} must be written as [[{what}]] tables")
    return items


def is_color(value: str) -> bool:
    """Whether ``value`` can be a label's colour: ``#rrggbb`` (another tool's ``red`` or ``rgba(...)`` cannot)."""
    return bool(_COLOR.match(value))


def is_label_name(name: str) -> bool:
    """Whether ``name`` can be an entity label: letters and digits of any script (with their combining marks, as in
    Devanagari), ``_``, ``-``, ``:`` and ``.``; no spaces. Only ASCII was taken, so a doccano or Label Studio project
    labelled in Chinese (``关键数据``) or Russian could not be brought in at all."""
    return bool(name) and all(ch.isalnum() or ch in "_-:." or unicodedata.category(ch)[0] == "M" for ch in name)


def _parse_entities(items: Any, w: _Where, loc: Locator, app_keys: bool = True) -> list[EntityLabel]:
    if not items:
        raise w.fail(None, "the schema needs at least one [[entity]] label")
    out: list[EntityLabel] = []
    seen: set[str] = set()
    seen_keys: dict[str, str] = {}
    for i, item in enumerate(_tables(items, "entity", w, loc.key(0, "entity"))):
        at = loc.table("entity", i)
        _no_unknown_keys(item, ENTITY_KEYS, "[[entity]]", w, loc, at)
        name = _string(item.get("name"), "entity name", w, loc.key(at, "name"))
        if name in seen:
            raise w.fail(loc.key(at, "name"), f"entity label {name!r} is declared twice")
        seen.add(name)
        if not is_label_name(name):
            raise w.fail(loc.key(at, "name"), f"entity label {name!r} may hold only letters, digits, _ - : .")
        color = item.get("color", "#dddddd")
        if not isinstance(color, str) or not _COLOR.match(color):
            raise w.fail(loc.key(at, "color"), f"colour of {name!r} must look like #a1b2c3, not {color!r}")
        key = item.get("key")
        if key is not None:
            if not isinstance(key, str) or len(key) != 1 or not key.isprintable() or key.isspace():
                raise w.fail(loc.key(at, "key"), f"key of {name!r} must be one character")
            if app_keys and key.lower() in APP_KEYS:
                raise w.fail(
                    loc.key(at, "key"),
                    f"key {key!r} of {name!r} is the app's key for {APP_KEYS[key.lower()]}; choose another character",
                )
            if key in seen_keys:
                raise w.fail(loc.key(at, "key"), f"key {key!r} of {name!r} is already used by {seen_keys[key]!r}")
            seen_keys[key] = name
        aliases = tuple(_string_list(item.get("aliases", []), f"aliases of {name!r}", w, loc.key(at, "aliases")))
        out.append(EntityLabel(name, str(item.get("description", "")), color.lower(), key, aliases))
    _check_aliases(out, "entity", w, loc)
    return out


def _check_aliases(items: Sequence[EntityLabel | EventType], table: str, w: _Where, loc: Locator) -> None:
    """An alias names one label (one event type): two do not give the same one (a label of that very name may be
    there too, as when an import adds INCEpTION's PER to the news schema: a name is matched before an alias, so it
    stays its own)."""
    taken: dict[str, str] = {}
    for i, e in enumerate(items):
        for alias in e.aliases:
            if taken.setdefault(alias, e.name) != e.name:
                at = loc.key(loc.table(table, i), "aliases")
                raise w.fail(at, f"alias {alias!r} of {e.name!r} already names {taken[alias]!r}")


def _parse_attributes(items: Any, w: _Where, loc: Locator) -> list[Attribute]:
    out: list[Attribute] = []
    for i, item in enumerate(_tables(items, "attribute", w, loc.key(0, "attribute"))):
        at = loc.table("attribute", i)
        _no_unknown_keys(item, ATTRIBUTE_KEYS, "[[attribute]]", w, loc, at)
        name = _string(item.get("name"), "attribute name", w, loc.key(at, "name"))
        if name in {a.name for a in out}:  # a handful of attributes
            raise w.fail(loc.key(at, "name"), f"attribute {name!r} is declared twice")
        values = item.get("values")
        if not isinstance(values, list) or not values or not all(isinstance(v, str) for v in values):
            raise w.fail(loc.key(at, "values"), f"attribute {name!r} needs a list of string values")
        if len(set(values)) != len(values):
            raise w.fail(loc.key(at, "values"), f"attribute {name!r} lists a value twice")
        default = item.get("default", values[0])
        if default not in values:
            raise w.fail(loc.key(at, "default"), f"default {default!r} of attribute {name!r} is not one of its values")
        out.append(Attribute(name, tuple(values), default, str(item.get("description", ""))))
    return out


def _parse_events(items: Any, labels: set[str], w: _Where, loc: Locator) -> list[EventType]:
    out: list[EventType] = []
    seen: set[str] = set()
    for i, item in enumerate(_tables(items, "event", w, loc.key(0, "event"))):
        at = loc.table("event", i)
        end = loc.next_header(at, ("event", "entity", "attribute", "schema"))
        _no_unknown_keys(item, EVENT_KEYS, "[[event]]", w, loc, at)
        name = _string(item.get("name"), "event type name", w, loc.key(at, "name"))
        if name in seen:
            raise w.fail(loc.key(at, "name"), f"event type {name!r} is declared twice")
        seen.add(name)
        roles: list[Role] = []
        for j, r in enumerate(_tables(item.get("role", []), "event.role", w, loc.key(at, "role"))):
            rat = loc.table("event.role", j, after=at or 0, before=end) if at else None
            _no_unknown_keys(r, ROLE_KEYS, f"a role of {name!r}", w, loc, rat)
            rname = _string(r.get("name"), f"role name in {name!r}", w, loc.key(rat, "name") or rat)
            rlabels = r.get("labels", [])
            if not isinstance(rlabels, list) or not rlabels or not all(isinstance(x, str) for x in rlabels):
                raise w.fail(loc.key(rat, "labels"), f"role {rname!r} of {name!r} must accept at least one label")
            for lab in rlabels:
                if lab not in labels:
                    raise w.fail(loc.key(rat, "labels"), f"role {rname!r} of {name!r} names unknown label {lab!r}")
            mult = r.get("multiplicity", "optional")
            if mult not in MULTIPLICITIES:
                raise w.fail(
                    loc.key(rat, "multiplicity"),
                    f"multiplicity {mult!r} of role {rname!r} is not one of {', '.join(MULTIPLICITIES)}",
                )
            if any(x.name == rname for x in roles):
                raise w.fail(loc.key(rat, "name"), f"role {rname!r} appears twice in {name!r}")
            slots = _string_list(r.get("slots", []), f"slots of role {rname!r} in {name!r}", w, loc.key(rat, "slots"))
            bad = [x for x in slots if not SLOT.match(x)]
            if bad:
                raise w.fail(
                    loc.key(rat, "slots"),
                    f"slot {bad[0]!r} of role {rname!r} in {name!r} is not one of subj, subj_intrans, obj, obj_from, subjpass, "
                    "agent, poss, compound, gov_subj, acl_obj, given, receiver, dative, during, oprd, nummod, npadvmod, police, prep:<word>",
                )
            roles.append(Role(rname, tuple(rlabels), mult, tuple(slots)))
        triggers = _string_list(item.get("triggers", []), f"triggers of {name!r}", w, loc.key(at, "triggers"))
        weak = _string_list(
            item.get("weak_triggers", []), f"weak_triggers of {name!r}", w, loc.key(at, "weak_triggers")
        )
        cues = _string_list(item.get("cues", []), f"cues of {name!r}", w, loc.key(at, "cues"))
        blockers = _string_list(item.get("blockers", []), f"blockers of {name!r}", w, loc.key(at, "blockers"))
        implies = _parse_implies(item.get("implies", []), name, w, loc.key(at, "implies"))
        aliases = _string_list(item.get("aliases", []), f"aliases of {name!r}", w, loc.key(at, "aliases"))
        object_triggers = _parse_object_triggers(
            item.get("object_triggers", {}), name, set(triggers) | set(weak), labels, w, loc.key(at, "object_triggers")
        )
        fig_at = loc.key(at, "figurative_triggers")
        figurative = _string_list(item.get("figurative_triggers", []), f"figurative_triggers of {name!r}", w, fig_at)
        if stray := [x for x in figurative if x not in triggers and x not in weak]:
            raise w.fail(
                fig_at, f"figurative_triggers of {name!r}: {stray[0]!r} is none of its triggers or weak_triggers"
            )
        out.append(
            EventType(
                name,
                str(item.get("description", "")),
                tuple(triggers),
                tuple(roles),
                tuple(weak),
                tuple(cues),
                tuple(blockers),
                implies,
                tuple(aliases),
                object_triggers,
                tuple(figurative),
            )
        )
    _check_implies(out, w, loc)
    _check_aliases(out, "event", w, loc)
    return out


def _parse_object_triggers(
    value: Any, name: str, words: set[str], labels: Any, w: _Where, line: int | None
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``object_triggers = { throw = ["cue", "weapon"], hurl = "weapon" }``: each word with the kinds of object it
    needs (``OBJECT_KINDS`` or an entity label of the schema)."""
    if not isinstance(value, dict):
        raise w.fail(line, f"object_triggers of {name!r} must be a table: {{ word = kind or [kinds] }}")
    out = []
    for word, kinds in value.items():
        kinds = [kinds] if isinstance(kinds, str) else kinds
        if not word.strip() or not isinstance(kinds, list) or not kinds or not all(isinstance(k, str) for k in kinds):
            raise w.fail(line, f"object_triggers of {name!r}: {word!r} needs a kind of object or a list of them")
        bad = [k for k in kinds if k not in OBJECT_KINDS and k not in labels]
        if bad:
            raise w.fail(
                line,
                f"object_triggers of {name!r}: {bad[0]!r} for {word!r} is not one of {', '.join(OBJECT_KINDS)} "
                "or an entity label",
            )
        if word in words:
            raise w.fail(line, f"object_triggers of {name!r}: {word!r} is a trigger of {name!r} already")
        out.append((word, tuple(kinds)))
    return tuple(out)


def _parse_implies(
    value: Any, name: str, w: _Where, line: int | None
) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    """``implies = [{type = "Life:Die", roles = {Person = "Victim"}}]`` (or just the type's name)."""
    if not isinstance(value, list):
        raise w.fail(line, f"implies of {name!r} must be a list of event types")
    out = []
    for item in value:
        if isinstance(item, str):
            item = {"type": item}
        if not isinstance(item, dict) or not isinstance(item.get("type"), str) or set(item) - {"type", "roles"}:
            raise w.fail(line, f"implies of {name!r}: each item is a type name or {{type = ..., roles = {{...}}}}")
        roles = item.get("roles", {})
        if not isinstance(roles, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in roles.items()):
            raise w.fail(line, f"implies of {name!r}: roles maps a role of {name!r} to a role of {item['type']!r}")
        out.append((item["type"], tuple(roles.items())))
    return tuple(out)


def _check_implies(events: list[EventType], w: _Where, loc: Locator) -> None:
    by_name = {t.name: t for t in events}
    for i, t in enumerate(events):
        for other, pairs in t.implies:
            line = loc.key(loc.table("event", i), "implies")
            if other not in by_name or other == t.name:
                raise w.fail(line, f"{t.name!r} implies {other!r}, which is not another event type of the schema")
            for here, there in pairs:
                if t.role(here) is None or by_name[other].role(there) is None:
                    raise w.fail(
                        line, f"implies of {t.name!r}: no role {here!r} here or no role {there!r} in {other!r}"
                    )


def load_schema(path: str | Path) -> Schema:
    """Read a schema file; a missing or unreadable file is a SchemaError."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:  # the reason alone: Python's words repeat the path ("[Errno 2] ...: 'x.toml'")
        raise SchemaError(f"{p}: cannot read schema file: {exc.strerror or exc}") from None
    try:
        source = data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")  # as read_text() read it
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SchemaError(
            f"{p}: cannot read schema file: not valid UTF-8 (line {line}, byte {exc.start}: {exc.reason}); save it "
            "as UTF-8"
        ) from None
    return parse_schema(source, str(p))


def default_schema() -> Schema:
    return load_schema(resource_path(DEFAULT_SCHEMA_FILE))
