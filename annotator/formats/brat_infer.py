"""An annotation.conf told from a folder's .ann files, for brat data shipped without one.

Shared-task corpora (BioNLP-ST, brat's own example corpora) come as .txt/.ann pairs with no annotation.conf; brat
itself then shows them with a configuration of its own. Here the types the files use are written as brat's
configuration language and read by the same reader as a real annotation.conf (``brat_conf``), so the schema has
one way in. What the files tell:
- a ``T`` type is an event type when some ``E`` line has a ``T`` of that type as its trigger, else an entity type;
- each event type's roles (``Theme2`` is ``Theme`` again) with the types that filled them (an ``E`` argument is
  that event's type: nested events); a role some events of the type lack is optional, one filled twice repeatable;
- ``A``/``M`` attributes with the values seen (none seen: binary), on events or on entities;
- ``R`` relations with the types of their two ends.
Lines that cannot be read are left to the .ann reader, which names them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

_ROLE = re.compile(r"([A-Za-z][\w\-]*?)\d*")


def conf_from_anns(ann_texts: Iterable[str]) -> str:
    """The annotation.conf text that declares every type, role, attribute and relation the .ann texts use."""
    t_types: dict[str, str] = {}
    events: list[tuple[str, str, list[tuple[str, str]]]] = []  # (type, trigger id, [(role, target id)])
    e_types: dict[str, str] = {}
    attrs: list[tuple[str, str, str | None]] = []
    rels: list[tuple[str, str, str]] = []
    for n, text in enumerate(ann_texts):
        for raw in text.split("\n"):
            aid, tab, rest = raw.rstrip("\r").partition("\t")
            if not tab or not aid:
                continue
            key = f"{n}:{aid}"  # ids are per file
            fields = rest.split("\t")[0].split()
            if not fields:
                continue
            if aid[0] == "T":
                t_types[key] = fields[0]
            elif aid[0] == "E" and ":" in fields[0]:
                etype, _, trig = fields[0].rpartition(":")
                args = [(p.split(":")[0], f"{n}:{p.split(':')[1]}") for p in fields[1:] if p.count(":") == 1]
                events.append((etype, f"{n}:{trig}", args))
                e_types[key] = etype
            elif aid[0] in "AM" and len(fields) in (2, 3):
                attrs.append((fields[0], f"{n}:{fields[1]}", fields[2] if len(fields) == 3 else None))
            elif aid[0] == "R" and len(fields) == 3:
                ends = [f.partition(":")[2] for f in fields[1:]]
                rels.append((fields[0], f"{n}:{ends[0]}", f"{n}:{ends[1]}"))

    def type_of(key: str) -> str | None:
        return t_types.get(key) or e_types.get(key)

    event_names = list(dict.fromkeys(e for e, _, _ in events))
    triggers = {trig for _, trig, _ in events}
    # a type some T line not a trigger has: a trigger's own type (bioc's generic Trigger) is no entity type
    entities = [t for k, t in t_types.items() if k not in triggers and t not in event_names]
    entities = list(dict.fromkeys(entities))
    roles: dict[str, dict[str, list[str]]] = defaultdict(dict)
    counts: dict[tuple[str, str], list[int]] = defaultdict(list)
    per_type = defaultdict(int)
    # a numbered role is a repeat of its bare one (Theme2 a second Theme) where the files write the bare one for that
    # type; else it is a role of its own (bioc's PPI Arg1, Arg2: told as Arg, the first went back out as Arg:T1)
    bare = {(etype, role) for etype, _, args in events for role, _ in args}
    for etype, _, args in events:
        per_type[etype] += 1
        seen: dict[str, int] = defaultdict(int)
        for role_written, target in args:
            m = _ROLE.fullmatch(role_written)
            role = m.group(1) if m and (etype, m.group(1)) in bare else role_written
            seen[role] += 1
            label = type_of(target)
            if label is not None:
                labels = roles[etype].setdefault(role, [])
                if label not in labels:
                    labels.append(label)
        for role, k in seen.items():
            counts[(etype, role)].append(k)
    lines = ["# told from the .ann files by annotator (the folder has no annotation.conf)", "", "[entities]"]
    lines += entities
    lines += ["", "[relations]"]
    rel_ends: dict[str, tuple[list[str], list[str]]] = {}
    for name, a, b in rels:
        ends = rel_ends.setdefault(name, ([], []))
        for side, key in zip(ends, (a, b)):
            label = type_of(key)
            if label is not None and label not in side:
                side.append(label)
    lines += [f"{n}\tArg1:{'|'.join(a) or '<ANY>'}, Arg2:{'|'.join(b) or '<ANY>'}" for n, (a, b) in rel_ends.items()]
    lines += ["", "[events]"]
    for etype in event_names:
        specs = []
        for role, labels in roles[etype].items():
            got = counts[(etype, role)]
            optional, repeated = len(got) < per_type[etype], max(got) > 1
            mult = "*" if optional and repeated else "?" if optional else "+" if repeated else ""
            specs.append(f"{role}{mult}:{'|'.join(labels)}")
        lines.append(f"{etype}\t{', '.join(specs)}" if specs else etype)
    lines += ["", "[attributes]"]
    values: dict[str, list[str]] = {}
    on: dict[str, list[str]] = {}
    for name, target, value in attrs:
        values.setdefault(name, [])
        if value is not None and value not in values[name]:
            values[name].append(value)
        kind = "<EVENT>" if target in e_types else "<ENTITY>"
        if kind not in on.setdefault(name, []):
            on[name].append(kind)
    for name, vals in values.items():
        spec = f"Arg:{'|'.join(on[name])}"
        lines.append(f"{name}\t{spec}, Value:{'|'.join(vals)}" if vals else f"{name}\t{spec}")
    return "\n".join(lines) + "\n"


def generic_triggers(ann_text: str) -> set[str]:
    """The ids of the T lines of one .ann that are the trigger of an E line of another type (``E1 PPI:T3`` on
    ``T3 Trigger``: bioc's brat tests, corpora whose triggers share one type): read as their events' triggers."""
    t_types: dict[str, str] = {}
    used: list[tuple[str, str]] = []  # (trigger id, event type)
    for raw in ann_text.split("\n"):
        aid, tab, rest = raw.rstrip("\r").partition("\t")
        fields = rest.split("\t")[0].split() if tab else []
        if fields and aid[:1] == "T":
            t_types[aid] = fields[0]
        elif fields and aid[:1] == "E" and ":" in fields[0]:
            etype, _, trig = fields[0].rpartition(":")
            used.append((trig, etype))
    return {trig for trig, etype in used if trig in t_types and t_types[trig] != etype}


def types_used(ann_texts: Iterable[str]) -> set[str]:
    """The T and E types the .ann texts use (to tell whether a schema covers them); a generic trigger's type is its
    event's."""
    used: set[str] = set()
    for text in ann_texts:
        generic = generic_triggers(text)
        for raw in text.split("\n"):
            aid, tab, rest = raw.rstrip("\r").partition("\t")
            fields = rest.split("\t")[0].split() if tab else []
            if fields and aid[:1] == "T" and aid not in generic:
                used.add(fields[0])
            elif fields and aid[:1] == "E" and ":" in fields[0]:
                used.add(fields[0].rpartition(":")[0])
    return used
