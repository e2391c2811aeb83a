"""A file that brings a schema of its own (brat's annotation.conf) read into a project whose schema names the same
types otherwise: ACE's brat corpus declares ``PER``, ``Attack`` and ``Time-Within`` where the news schema has
``PERSON``, ``Conflict:Attack`` and ``Time``; brat's news tutorial ``Organization``, ``Merge-org`` and ``Org-Arg``
where it has ``ORG``, ``Business:Merge-Org`` and ``Org``. A project that holds documents cannot take the file's
schema; each label, event type, role and attribute the file declares is matched to the project's
(``schema_names.SchemaNames``: the rule the Label Studio, doccano and DyGIE++ readers follow, with the declared names'
own: ``declared_label``, ``declared_type``, ``declared_role``). Where the documents use only names that match (and the
project's roles take the fillers the file's allow), they are renamed to the project's names and keep the file's under
``schema_matched`` (``GivenSpellings``), so the exports write them back as the file spelt them; what the file declares
without a match and no document uses is said in the same note (the tutorial's ``Report``, declared for a document
that is not there). A name without a match that a document uses refuses the file, naming those names alone."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from annotator.formats.meta_keys import SCHEMA_MATCHED
from annotator.formats.schema_names import SchemaNames
from annotator.incoming import IncomingDocument
from annotator.rules import takes, takes_value
from annotator.schema import Schema
from annotator.wording import first_named

KEY = SCHEMA_MATCHED  # the documents' meta key of the file's spellings (in meta_keys.SPELLING_KEYS)
UNSET = (None, "false")  # an attribute value that says nothing (brat's binary attribute without its A line)


@dataclass
class Renames:
    """{the file's label or event type: the project's}, {(the file's event type, its role): the project's role},
    and what the file declares without a match: {"label X" / "event type Y" / "role Y:R" / "attribute A": how a
    document would use it (kind, name, event type)}."""

    names: SchemaNames
    labels: dict[str, str] = field(default_factory=dict)
    roles: dict[tuple[str, str], str] = field(default_factory=dict)
    unmatched: dict[str, tuple[str, str, str]] = field(default_factory=dict)


def _renames(told: Schema, schema: Schema, mapped: Mapping[str, str] | None = None) -> Renames:
    """``mapped``: {the file's label or event type: the project's} as the user chose (``--map``), before the rule."""
    names = SchemaNames(schema)
    got = Renames(names)
    told_types = set(told.event_type_names)
    chosen = dict(mapped or {})
    for e in told.entities:
        if e.name in told_types:  # a nested event's label (brat's Event-Arg:<EVENT>): goes with its type
            continue
        ours = chosen[e.name] if chosen.get(e.name) in schema.label_names else names.declared_label(e.name)
        if ours is None:
            got.unmatched[f"label {e.name}"] = ("label", e.name, "")
        else:
            got.labels[e.name] = ours
    for t in told.events:  # every type first: a role takes the label of a type declared after its own (<EVENT>)
        ours = chosen[t.name] if chosen.get(t.name) in schema.event_type_names else names.declared_type(t.name)
        if ours is None:
            got.unmatched[f"event type {t.name}"] = ("type", t.name, "")
        else:
            got.labels[t.name] = ours
    for t in told.events:
        ours = got.labels.get(t.name)
        if ours is None or f"event type {t.name}" in got.unmatched:
            continue
        mine = schema.event_type(ours)
        assert mine is not None
        for r in t.roles:
            role = names.declared_role(ours, r.name)
            theirs = mine.role(role) if role is not None else None
            if theirs is None or any(x not in got.labels or not takes(theirs, got.labels[x]) for x in r.labels):
                got.unmatched[f"role {t.name}:{r.name}"] = ("role", r.name, t.name)
            else:
                got.roles[(t.name, r.name)] = theirs.name
    for a in told.attributes:
        mine_a = schema.attribute(a.name)
        if mine_a is None or not all(takes_value(mine_a, v) for v in a.values):
            got.unmatched[f"attribute {a.name}"] = ("attribute", a.name, "")
    return got


def _used(docs: list[IncomingDocument], kind: str, name: str, event_type: str) -> bool:
    """Whether a document uses the file's ``name`` (of ``kind``; a role of ``event_type``)."""
    for d in docs:
        if kind == "label" and any(e.label == name for e in d.entities):
            return True
        for v in d.events:
            if kind == "type" and v.type == name:
                return True
            if kind == "role" and v.type == event_type and any(r == name for r, _ in v.arguments):
                return True
            if kind == "attribute" and v.attributes.get(name) not in UNSET:
                return True
    return False


def _rename_places(kept: Any, labels: dict[str, str]) -> None:
    """The annotations that what brat_read keeps in a document's meta points at (relations, equivalences, entity
    attributes, normalisations: ``["T", label, start, end]``, ``["E", type, start, end, k]``) under the project's
    names, so the brat export finds them on the renamed entities and events."""
    if isinstance(kept, dict):
        kept = list(kept.values())
    if not isinstance(kept, list):
        return
    if len(kept) >= 4 and kept[0] in ("T", "E") and isinstance(kept[1], str) and isinstance(kept[2], int):
        kept[1] = labels.get(kept[1], kept[1])
        return
    for x in kept:
        _rename_places(x, labels)


def matched_labels(told: Schema, schema: Schema, mapped: Mapping[str, str] | None = None) -> dict[str, str]:
    """{the file's label or event type: the project's} for those that match (``mapped`` first)."""
    return dict(_renames(told, schema, mapped).labels)


def match_to_schema(
    told: Schema, docs: list[IncomingDocument], schema: Schema, where: str, mapped: Mapping[str, str] | None = None
) -> tuple[str, list[str]]:
    """Rename ``docs`` (read under ``told``, the file's schema) to ``schema``'s names, keeping each document's
    spellings in its meta: the note that says so ("...: names matched to the schema's (news): PER -> PERSON (3);
    declared without a match, used by no document: event type Report"; "" when nothing was renamed) and [] ; or, when a document uses a name
    that has no match, ("", those names) with nothing changed."""
    got = _renames(told, schema, mapped)
    used = [what for what, how in got.unmatched.items() if _used(docs, *how)]
    if used:
        return "", used
    labels, roles = got.labels, got.roles
    dropped = {how[1] for how in got.unmatched.values() if how[0] == "attribute"}
    said: dict[tuple[str, str], int] = {}
    for doc in docs:
        spelt: dict[str, dict[str, str]] = {"labels": {}, "roles": {}}

        def rename(theirs: str) -> str:
            ours = labels.get(theirs, theirs)
            if ours != theirs:
                spelt["labels"].setdefault(ours, theirs)
                said[(theirs, ours)] = said.get((theirs, ours), 0) + 1
            return ours

        for e in doc.entities:
            e.label = rename(e.label)
        for v in doc.events:
            told_type, v.type = v.type, rename(v.type)
            renamed = []
            for role, key in v.arguments:
                ours = roles.get((told_type, role), role)
                if ours != role:
                    spelt["roles"].setdefault(ours, role)
                    said[(role, ours)] = said.get((role, ours), 0) + 1
                renamed.append((ours, key))
            v.arguments = renamed
            v.attributes = {k: x for k, x in v.attributes.items() if k not in dropped}  # unset ones (``_used``)
        kept = doc.meta.get("brat", {})
        for frag in kept.get("fragments", []) + kept.get("textbounds", []):  # [label, start, end, ...]
            frag[0] = labels.get(frag[0], frag[0])
        _rename_places([v for k, v in kept.items() if k not in ("fragments", "textbounds")], labels)
        if spelt["labels"] or spelt["roles"]:
            doc.meta[KEY] = {k: v for k, v in spelt.items() if v}
    listed = ", ".join(f"{theirs} -> {ours} ({n})" for (theirs, ours), n in sorted(said.items()))
    unused = [w for w, how in got.unmatched.items() if how[0] != "type" or told.event_type(how[1]).roles]  # type: ignore[union-attr]
    if not (listed or unused):  # nothing renamed (a WebAnno file's labels the project lacks): what is added is said
        return "", []
    note = f"{where}: names matched to the schema's ({schema.name}): {listed or 'the same names'}"
    if unused:  # a role-less type no document uses is a brat hierarchy's heading (``Conflict`` above ``Attack``)
        note += f"; declared without a match, used by no document (not kept): {first_named(unused, 6)}"
    return note, []


def take_mapped_labels(docs: list[IncomingDocument], taken: Mapping[str, str], schema: Schema, where: str) -> str:
    """Give the entities of ``docs`` (a file without a schema of its own: doccano, Label Studio, Prodigy, CoNLL) the
    project's labels the user chose for theirs (``taken``: {the file's label: the project's}, ``--map GENE=ORG``),
    keeping each document's spellings in its meta as ``match_to_schema`` does; the note that says so."""
    said: dict[tuple[str, str], int] = {}
    for doc in docs:
        spelt: dict[str, str] = {}
        for e in doc.entities:
            ours = taken.get(e.label)
            if ours is not None:
                spelt.setdefault(ours, e.label)
                said[(e.label, ours)] = said.get((e.label, ours), 0) + 1
                e.label = ours
        if spelt:
            kept = doc.meta.setdefault(KEY, {})
            kept["labels"] = {**spelt, **kept.get("labels", {})}
    listed = ", ".join(f"{theirs} -> {ours} ({n})" for (theirs, ours), n in sorted(said.items()))
    return f"{where}: labels taken as the schema's ({schema.name}, --map): {listed or 'none used'}"
