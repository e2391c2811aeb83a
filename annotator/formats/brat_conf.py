"""brat's annotation.conf and visual.conf: written from a project's schema, and read back into a schema.

Names: brat type names may not hold ``:``, so ``Life:Die`` is written ``Life_Die`` (``:`` and ``.`` become
``_``); visual.conf's first display label keeps the original name, and reading maps it back.
Role multiplicity: one -> ``Role``, optional -> ``Role?``, any -> ``Role*``, one_or_more -> ``Role+``.
An attribute with the values ``false``/``true`` is a binary brat attribute (no ``Value:``).
An event type used as another event's argument (nested events) is also an entity label of the same name:
its spans are the triggers of the events that fill such roles.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any, Iterable, Mapping

import webcolors

from annotator.text_encoding import given_encoding
from annotator.errors import ImportFileError, SchemaError
from annotator.rules import merged_multiplicity, numbered_multiplicity, takes
from annotator.schema import Attribute, EventType, Role, Schema, is_label_name, parse_schema
from annotator.schema_write import schema_source
from annotator.formats.brat_shortcuts import read_shortcuts

MULT_OUT = {"one": "", "optional": "?", "any": "*", "one_or_more": "+"}
MULT_IN = {"": "one", "?": "optional", "*": "any", "+": "one_or_more"}
BINARY = ("false", "true")
PROXY_NOTE = "an event used as an argument of another event (its trigger span)"
PROXY_SOURCE = "event-argument"  # such a span's source (":N" after it: the Nth event on that trigger)
BRAT_KEPT = "brat"  # the key of annotation.conf's declarations the schema cannot hold (common.SCHEMA_KEPT)


def proxy_index(source: str | None) -> int:
    """Which event on its trigger a span of ``source`` stands for (``PROXY_SOURCE``, ``:N`` the Nth; 0 the first),
    -1 for a span of another source (an entity of its own)."""
    m = re.fullmatch(re.escape(PROXY_SOURCE) + r"(?::(\d+))?", source or "")
    return int(m.group(1) or 0) if m else -1


def is_binary(attr: Attribute) -> bool:
    """An attribute brat writes present or absent, without a value: its values are ``false`` and ``true``, in
    that order (annotation.conf's attribute without values comes in so; a schema's own is written so)."""
    return tuple(attr.values) == BINARY


def brat_name(name: str) -> str:
    """The name brat stores a type under: brat keeps only ``[A-Za-z0-9_-]`` in the first term of a type (its
    ``normalize_to_storage_form`` turns anything else into ``_``), so ``:`` and ``.`` become ``_`` (``Life:Die`` is
    ``Life_Die``) and any other character ``U`` and its code point (``关键数据`` is ``U5173U952EU6570U636E``), which
    keeps names apart; ``visual.conf`` gives the name back (``U5173U952EU6570U636E | 关键数据``)."""
    name = re.sub(r"[:.]", "_", name)
    return re.sub(r"[^A-Za-z0-9_-]", lambda m: f"U{ord(m.group()):04X}", name)


def names_from_brat(schema: Schema) -> dict[str, str]:
    """brat type name -> schema name, for labels, event types and attributes."""
    table: dict[str, str] = {}
    for n in [*schema.label_names, *schema.event_type_names, *(a.name for a in schema.attributes)]:
        table.setdefault(brat_name(n), n)
        table[n] = n
    return table


def proxy_labels(schema: Schema) -> set[str]:
    """Entity labels that stand for events used as arguments (a label that is also an event type)."""
    return set(schema.label_names) & set(schema.event_type_names)


HEADER = "# annotation.conf written by annotator from schema "  # then the schema's name, as Python writes a str


def written_name(text: str) -> str | None:
    """The schema's name our export's first line gives (``HEADER``), so an import names the schema as the project
    it came from did and writes the same conf again; None for another tool's conf."""
    first = text.split("\n", 1)[0].rstrip("\r")
    if not first.startswith(HEADER):
        return None
    try:
        name = ast.literal_eval(first[len(HEADER) :])
    except (ValueError, SyntaxError):
        return None
    return name if isinstance(name, str) and name.strip() else None


def one_type_a_name(schema: Schema) -> Schema:
    """``schema`` with one entity label and one event type a brat name: two spellings brat stores alike
    (``Conflict.Attack`` and ``Conflict:Attack`` are both ``Conflict_Attack``) are one type, the first named, its
    roles those of both (a role of both: their labels together, the looser multiplicity)."""
    from dataclasses import replace

    entities, seen = [], set()
    for e in schema.entities:
        if brat_name(e.name) not in seen:
            seen.add(brat_name(e.name))
            entities.append(e)
    events: dict[str, EventType] = {}
    for t in schema.events:
        first = events.get(brat_name(t.name))
        if first is None:
            events[brat_name(t.name)] = t
            continue
        roles: dict[str, Role] = {r.name: r for r in first.roles}
        for r in t.roles:
            had = roles.get(r.name)
            if had is None:
                roles[r.name] = r
                continue
            labels = (*had.labels, *(x for x in r.labels if not takes(had, x)))
            roles[r.name] = replace(had, labels=labels, multiplicity=merged_multiplicity(had, r))
        events[brat_name(t.name)] = replace(first, roles=tuple(roles.values()))
    return replace(schema, entities=tuple(entities), events=tuple(events.values()))


def write_annotation_conf(
    schema: Schema,
    relations: list[str] | None = None,
    entity_attributes: list[str] | None = None,
    event_targets: dict[str, list[str]] | None = None,
) -> str:
    """The schema as brat's annotation.conf; ``relations`` and ``entity_attributes`` are extra conf lines (for
    the relations and entity attributes a brat import kept); ``event_targets``: an event attribute's brat name -> the
    event types it is offered on (``<EVENT>``, every type, for the others); each brat name declared once."""
    schema = one_type_a_name(schema)
    events = set(schema.event_type_names)
    lines = [f"{HEADER}{schema.name!r}", "", "[entities]"]
    lines += [brat_name(e.name) for e in schema.entities if e.name not in events]
    lines += [
        "",
        "[relations]",
        "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>",
        *(relations or []),
        "",
        "[events]",
    ]
    for t in schema.events:
        args = ", ".join(
            f"{r.name}{MULT_OUT[r.multiplicity]}:{'|'.join(brat_name(x) for x in r.labels)}" for r in t.roles
        )
        lines.append(f"{brat_name(t.name)}\t{args}" if args else brat_name(t.name))
    lines += ["", "[attributes]"]
    for a in schema.attributes:
        on = "|".join((event_targets or {}).get(brat_name(a.name)) or ["<EVENT>"])
        if is_binary(a):
            lines.append(f"{brat_name(a.name)}\tArg:{on}")
        else:
            values = [a.default, *(v for v in a.values if v != a.default)]
            lines.append(f"{brat_name(a.name)}\tArg:{on}, Value:{'|'.join(values)}")
    lines += entity_attributes or []
    return "\n".join(lines) + "\n"


def write_visual_conf(schema: Schema, relation_names: Iterable[str] = (), kept: Mapping[str, Any] | None = None) -> str:
    """visual.conf: each label's and event type's brat name with the name it stands for first, and so each relation
    type's of ``relation_names`` that brat stores under another (``org_founded_by | org:founded_by``, Label Studio's
    Relation Extraction template's; session 30: read back as ``org_founded_by``); with the lines a brat import kept of
    the visual.conf the schema came with (``kept``: ``visual_kept``): a type's abbreviations, its drawing beyond the
    schema's colour, the other types' and the defaults' lines, as they were."""
    schema = one_type_a_name(schema)
    labels: dict[str, str] = {}  # brat type -> its [labels] line
    for e in schema.entities:
        if e.name not in schema.event_type_names:
            labels[brat_name(e.name)] = f"{brat_name(e.name)} | {e.name}"
    for t in schema.events:
        short = t.name.split(":")[-1]
        labels[brat_name(t.name)] = f"{brat_name(t.name)} | {t.name}" + (f" | {short}" if short != t.name else "")
    labels |= {brat_name(r): f"{brat_name(r)} | {r}" for r in dict.fromkeys(relation_names) if brat_name(r) != r}
    drawing = {
        brat_name(e.name): f"bgColor:{e.color}" for e in schema.entities if e.name not in schema.event_type_names
    }
    labels, drawing = with_visual_kept(labels, drawing, kept or {})
    lines = ["# visual.conf written by annotator: display names and colours", "", "[labels]", *labels.values()]
    lines += ["", "[drawing]", *(f"{t}\t{d}" for t, d in drawing.items())]
    return "\n".join(lines) + "\n"


def _visual_sections(visual: Path | None) -> dict[str, list[tuple[int, str]]]:
    """A visual.conf's sections (``_sections``), read in the import's encoding as annotation.conf's; {} without a
    readable one (the one reader of visual.conf for its labels, colours and kept lines)."""
    if visual is None or not visual.is_file():
        return {}
    try:
        text = visual.read_text(encoding=given_encoding() or "utf-8")
    except (OSError, UnicodeError):
        return {}
    return _sections(text, visual)


def visual_kept(visual: Path | None) -> dict[str, list[str]]:
    """What a visual.conf says, for the brat export to say again (``write_visual_conf``): its ``[labels]`` lines
    (``visual_labels``: abbreviations, the display names of relations and attributes) and its ``[drawing]`` lines
    (``visual_drawing``: borders, arrows, glyphs, the defaults), macros expanded; {} without one."""
    sections = _visual_sections(visual)
    got = {
        "visual_labels": [line.strip() for _, line in sections.get("labels", [])],
        "visual_drawing": [line.strip() for _, line in sections.get("drawing", [])],
    }
    return {k: v for k, v in got.items() if v}


def with_visual_kept(
    labels: dict[str, str], drawing: dict[str, str], kept: Mapping[str, Any]
) -> tuple[dict[str, str], dict[str, str]]:
    """The schema's [labels] lines and [drawing] styles (by brat type) with a kept visual.conf's: a type's kept label
    line where it names the type as the schema does (its abbreviations with it), its kept style beside the schema's
    colour (the colour the project's), and every kept line of a type the schema does not draw, in the file's order."""
    labels, drawing = dict(labels), dict(drawing)
    for line in kept.get("visual_labels") or []:
        parts = [p.strip() for p in str(line).split("|")]
        ours = labels.get(parts[0])
        if ours is None:
            labels[parts[0]] = str(line)
        elif len(parts) > 2 and [p.strip() for p in ours.split("|")][:2] == parts[:2]:
            labels[parts[0]] = " | ".join(parts)
    for line in kept.get("visual_drawing") or []:
        type_, _, style = str(line).partition("\t") if "\t" in str(line) else str(line).partition(" ")
        type_, style = type_.strip(), style.strip()
        if type_ not in drawing:
            drawing[type_] = style
            continue
        more = [x.strip() for x in style.split(",") if x.strip() and not x.strip().startswith("bgColor")]
        drawing[type_] = ", ".join([drawing[type_], *more])
    return labels, drawing


# -- reading --------------------------------------------------------------------------------------
SECTION_ALIASES = {"spans": "entities"}  # brat reads [spans] as [entities]
KNOWN_SECTIONS = ("entities", "relations", "events", "attributes", "labels", "drawing")


def _sections(text: str, path: Path, warnings: list[str] | None = None) -> dict[str, list[tuple[int, str]]]:
    """Lines by section, as brat's config reader takes them: ``#`` comments and blank lines skipped, lines of
    only hyphens (display separators) skipped, ``<NAME>=VALUE`` macros expanded, ``[spans]`` read as
    ``[entities]``. Lines before any section and unknown sections are ignored with a warning (brat ignores them too).
    """
    out: dict[str, list[tuple[int, str]]] = {}
    current: str | None = None
    macros: dict[str, str] = {}
    warn = warnings if warnings is not None else []
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        line = raw.rstrip()
        if not line.strip() or re.match(r"^\s*#", line) or re.fullmatch(r"\s*-+\s*", line):
            continue
        m = re.fullmatch(r"\s*\[(.*)\]\s*", line)
        if m:
            current = SECTION_ALIASES.get(m.group(1).strip(), m.group(1).strip())
            if current not in KNOWN_SECTIONS:
                warn.append(f"{path}:{number}: unknown section [{m.group(1)}] ignored")
            out.setdefault(current, [])
            continue
        m = re.fullmatch(r"\s*(<[A-Za-z_\-]+>)\s*=\s*(.*?)\s*", line)
        if m:
            macros[m.group(1)] = m.group(2)
            continue
        if current is None:
            warn.append(f"{path}:{number}: a line outside any [section] ignored")
            continue
        for k, v in macros.items():
            line = line.replace(k, v)
        out[current].append((number, line))
    return out


def _term_line(line: str) -> tuple[str, bool, str]:
    """(type, hierarchy_only, arguments) of a config line ``[!]Type[|alias...] ARGS``: the first term is the type."""
    m = re.match(r"^\s*(\S+)(?:\s+(.*))?$", line)
    assert m is not None  # blank lines were skipped
    terms = [t.strip() for t in m.group(1).split("|") if t.strip()]
    unused = any(t.startswith("!") for t in terms)
    first = terms[0].lstrip("!") if terms else ""
    return first, unused, (m.group(2) or "").strip()


def _visual_names(visual: Path | None) -> tuple[dict[str, str], dict[str, str]]:
    """brat type -> original name (from [labels]), brat type -> #rrggbb colour (from [drawing])."""
    names: dict[str, str] = {}
    colours: dict[str, str] = {}
    for section, lines in _visual_sections(visual).items():
        for _, line in lines:
            if section == "labels" and "|" in line:
                parts = [p.strip() for p in line.split("|")]
                if len(parts) > 1 and brat_name(parts[1]) == parts[0] and is_label_name(parts[1]):
                    names[parts[0]] = parts[1]
            elif section == "drawing":
                m = re.search(r"bgColor:\s*([^,\s]+)", line)
                colour = _html_colour(m.group(1)) if m else None
                if colour:
                    colours[line.split()[0]] = colour
    return names, colours


def relation_names(visual: Path | None) -> dict[str, str]:
    """brat type -> the name it stands for, from visual.conf's [labels], for relation types (no schema names: any
    name brat stores under another, ``org_founded_by | org:founded_by``, ``per_employeeU0020of | per:employee of``)."""
    names: dict[str, str] = {}
    for _, line in _visual_sections(visual).get("labels", []):
        parts = [p.strip() for p in line.split("|")]
        if len(parts) > 1 and parts[1] != parts[0] and brat_name(parts[1]) == parts[0]:
            names[parts[0]] = parts[1]
    return names


def _html_colour(value: str) -> str | None:
    """A colour as brat takes it (any HTML colour: '#rrggbb', '#rgb', a name such as 'goldenrod') as '#rrggbb'."""
    try:
        return webcolors.normalize_hex(value) if value.startswith("#") else webcolors.name_to_hex(value)
    except ValueError:  # 'darken' and other brat specials, or no colour at all
        return None


def conf_declarations(text: str, path: Path) -> dict[str, list[str]]:
    """What an annotation.conf declares that the schema has no place for, as its lines (macros expanded, indentation
    kept for brat's hierarchies): ``relations`` (every ``[relations]`` line but ``<OVERLAP>``, which the export
    writes itself), ``attributes`` (the ``[attributes]`` lines on entities or relations, not on events) and
    ``event_attributes`` (an event attribute's name -> the event types its line names, where it names them rather than
    ``<EVENT>``: ``Negative  Arg:Correlate|Feedback``). The brat export declares them again, so brat's menus offer every
    type the conf had, used in the documents or not, and an event attribute only where the conf offered it."""
    sections = _sections(text, path, [])
    relations = [line for _, line in sections.get("relations", []) if not line.lstrip().startswith("<OVERLAP>")]
    attributes = []
    event_attributes: dict[str, list[str]] = {}
    events = {_term_line(line)[0] for _, line in sections.get("events", [])}
    for _, line in sections.get("attributes", []):
        targets = re.search(r"Arg:([^,]+)", _term_line(line)[2])
        types = [t.strip() for t in targets.group(1).split("|")] if targets else []
        if not any(t in ("<EVENT>", "<ANY>") or t in events for t in types):
            attributes.append(line)
        elif all(t in events for t in types):
            event_attributes[_term_line(line)[0]] = types
    return {"relations": relations, "attributes": attributes, "event_attributes": event_attributes}


def conf_arguments(line: str) -> tuple[str, dict[str, list[str]]]:
    """A ``[relations]`` or ``[attributes]`` line's type and its keys with their ``|`` values: ``Located  Arg1:Person,
    Arg2:GPE`` is ``("Located", {"Arg1": ["Person"], "Arg2": ["GPE"]})``, ``Mention  Arg:<ENTITY>, Value:Name|Other``
    ``("Mention", {"Arg": ["<ENTITY>"], "Value": ["Name", "Other"]})``."""
    term, _, spec = _term_line(line)
    keys: dict[str, list[str]] = {}
    for part in (x.strip() for x in spec.split(",")):
        key, sep, values = part.partition(":")
        if sep:
            keys.setdefault(key.strip(), []).extend(v.strip() for v in values.split("|") if v.strip())
    return term, keys


def conf_schema(
    text: str, path: Path, visual: Path | None = None, name: str | None = None, shortcuts: Path | None = None
) -> tuple[Schema, list[str]]:
    """annotation.conf's text as a Schema, its entity labels' keys those of ``shortcuts`` (a kb_shortcuts.conf:
    ``brat_shortcuts``); ``path`` names it in messages. Returns (schema, warnings)."""
    warnings: list[str] = []
    sections = _sections(text, path, warnings)
    display, colours = _visual_names(visual)

    def canon(t: str) -> str:
        return display.get(t, t)

    entities: list[str] = []
    abstract: set[str] = set()  # types declared with "!" (a hierarchy's parents, never annotated)
    for number, line in sections.get("entities", []):
        term, unused, _ = _term_line(line)
        if unused:
            abstract.add(canon(term))
            continue
        if canon(term) in entities:
            warnings.append(f"{path}:{number}: entity type {term} declared again; the first is used")
            continue
        entities.append(canon(term))
    event_lines = []
    for number, line in sections.get("events", []):
        term, unused, spec = _term_line(line)
        if unused:
            abstract.add(canon(term))
            continue
        if any(canon(term) == e for _, e, _ in event_lines):
            warnings.append(f"{path}:{number}: event type {term} declared again; the first is used")
            continue
        event_lines.append((number, canon(term), spec))
    event_names = [e for _, e, _ in event_lines]
    proxies: list[str] = []
    header = {"name": name or "brat", "description": "from brat " + str(path)}
    entity_tables: list[dict[str, Any]] = []
    attribute_tables: list[dict[str, Any]] = []
    event_tables: list[dict[str, Any]] = []
    for number, ev, spec in event_lines:
        roles: dict[str, tuple[list[str], str]] = {}
        # a numbered role is a repeat of its bare one where the line declares that (Theme, Theme2); alone, it is a role
        # of its own (bioc's PPI Arg1, Arg2: both read as Arg, the first written back as Arg; session 24)
        declared = {x.split(":")[0].strip().rstrip("?*+").split("{")[0] for x in spec.split(",")}
        for arg in [a.strip() for a in spec.split(",") if a.strip()]:
            if arg.startswith("<"):  # <REL-TYPE>:... and other reserved keys: no role
                continue
            m = re.fullmatch(r"([A-Za-z][\w\-]*?)(\d*)([?*+]|\{\d*-?\d*\})?\s*:\s*(.+)", arg)
            if not m:
                warnings.append(f"{path}:{number}: cannot read the argument {arg!r} of {ev}; left out")
                continue
            role, digits, mult, types = m.group(1), m.group(2), m.group(3) or "", m.group(4)
            if digits and role not in declared and role not in roles:
                role, digits = role + digits, ""
            labels: list[str] = []
            for t in (x.strip() for x in types.split("|")):
                if t in ("<EVENT>", "<ANY>"):
                    labels += event_names
                if t in ("<ENTITY>", "<ANY>"):
                    labels += entities
                if not t.startswith("<"):
                    labels.append(canon(t))
            mult = MULT_IN.get(mult, "any" if mult.startswith("{0") or mult.startswith("{-") else "one_or_more")
            if role in roles or digits:  # Theme, Theme2: one repeatable role
                old = roles.get(role, ([], "optional"))
                roles[role] = (
                    old[0] + labels,
                    numbered_multiplicity(mult, old[1]),
                )
            else:
                roles[role] = (labels, mult)
        role_tables: list[dict[str, Any]] = []
        for role, (labels, mult) in roles.items():
            labels = list(dict.fromkeys(labels))
            for lab in labels:
                if lab in event_names and lab not in entities and lab not in proxies:
                    proxies.append(lab)
            unknown = [x for x in labels if x not in entities and x not in event_names]
            # an abstract type (BioNLP-ST 2013 CG's !Anatomical_entity in its <ANATOMY> macro) admits no annotation,
            # brat matching a role's types exactly: left out without a word (it was said as an unknown type, a role)
            undeclared = [x for x in unknown if x not in abstract]
            if undeclared:
                named = ", ".join(map(repr, undeclared))
                warnings.append(
                    f"{path}:{number}: role {role} of {ev} names {'a type' if len(undeclared) == 1 else 'types'} the "
                    f"conf does not declare ({named}); left out"
                )
            labels = [x for x in labels if x not in unknown]
            if not labels:
                continue
            role_tables.append({"name": role, "labels": labels, "multiplicity": mult})
        event_tables.append({"name": ev, "roles": role_tables})
    keys, said = read_shortcuts(shortcuts, canon, entities) if shortcuts is not None else ({}, [])
    warnings += said
    for ent in [*entities, *proxies]:
        colour = colours.get(brat_name(ent)) or colours.get("SPAN_DEFAULT")  # brat's colour for types without one
        desc = PROXY_NOTE if ent in proxies else ""
        entity_tables.append({"name": ent, "description": desc, "color": colour or None, "key": keys.get(ent)})
    seen_attributes: set[str] = set()
    for number, line in sections.get("attributes", []):
        term, unused, spec = _term_line(line)
        attr = canon(term)
        if unused or attr in seen_attributes:
            continue
        targets = re.search(r"Arg:([^,]+)", spec)
        target_types = [t.strip() for t in targets.group(1).split("|")] if targets else []
        if not any(t in ("<EVENT>", "<ANY>") or canon(t) in event_names for t in target_types):
            continue  # an entity attribute: its values are kept with each document (see brat_read)
        seen_attributes.add(attr)
        values = re.search(r"Value:([^,]+)", spec)
        vals = [v.strip() for v in values.group(1).split("|")] if values else list(BINARY)
        attribute_tables.append({"name": attr, "values": vals, "default": vals[0]})
    if not entities and not proxies:
        raise ImportFileError(str(path), "no entity types in [entities]")
    source = schema_source(header, entity_tables, attribute_tables, event_tables)
    try:
        return parse_schema(source, str(path)), warnings
    except SchemaError as exc:
        raise ImportFileError(str(path), f"cannot be used as a schema: {exc}") from None
