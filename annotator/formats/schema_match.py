"""A file that brings a schema of its own (brat's annotation.conf) read into a project whose schema names the same
types otherwise: ACE's brat corpus declares ``PER``, ``Attack`` and ``Time-Within`` where the news schema has
``PERSON``, ``Conflict:Attack`` and ``Time``. A project that holds documents cannot take the file's schema; where every
label, event type and role the file declares is one of the project's (``schema_names.SchemaNames``: the rule the Label
Studio, doccano and DyGIE++ readers follow) and the project's takes what the file's does (each role's fillers, every
attribute value), the documents are renamed to the project's names and keep the file's under ``schema_matched``
(``GivenSpellings``), so the exports write them back as the file spelt them."""

from __future__ import annotations

from annotator.formats.schema_names import SchemaNames
from annotator.incoming import IncomingDocument
from annotator.rules import schema_lacks
from annotator.schema import Schema

KEY = "schema_matched"  # the documents' meta key of the file's spellings (in schema_names.SPELLING_KEYS)


def _renames(
    told: Schema, schema: Schema, used: set[str]
) -> tuple[dict[str, str], dict[tuple[str, str], str], SchemaNames] | None:
    """{the file's label or event type: the project's}, {(the file's event type, its role): the project's role} and
    the matcher, or None when a name has no match or the project's schema would not take what the file's allows; an
    event type without roles that no document uses and the schema lacks is passed over (a brat hierarchy's heading,
    ``Conflict`` above ``Attack``)."""
    if any(x.startswith("attribute") for x in schema_lacks(schema, told)):
        return None
    names = SchemaNames(schema)
    labels = {e.name: names.label(e.name) for e in told.entities}
    for t in list(told.events):
        ours = names.declared_type(t.name)
        if ours is None and not t.roles and t.name not in used:
            continue
        if ours is None:
            return None
        labels[t.name] = ours
    roles: dict[tuple[str, str], str] = {}
    for t in told.events:
        if t.name not in labels:
            continue
        mine = schema.event_type(labels[t.name])
        for r in t.roles:
            role = names.role(labels[t.name], r.name)
            theirs = mine.role(role) if mine is not None else None
            if theirs is None or any(labels.get(x) not in theirs.labels for x in r.labels):
                return None
            roles[(t.name, r.name)] = role
    if names.unmatched or any(schema.label(v) is None and schema.event_type(v) is None for v in labels.values()):
        return None
    return labels, roles, names


def match_to_schema(told: Schema, docs: list[IncomingDocument], schema: Schema, where: str) -> str | None:
    """Rename ``docs`` (read under ``told``, the file's schema) to ``schema``'s names, keeping each document's
    spellings in its meta; the note that says so ("...: names matched to the schema's (news): PER -> PERSON"), or
    None (nothing changed) when ``told`` does not match ``schema`` whole."""
    got = _renames(told, schema, {v.type for d in docs for v in d.events})
    if got is None:
        return None
    labels, roles, names = got
    said: dict[tuple[str, str], int] = {}
    for doc in docs:
        spelt: dict[str, dict[str, str]] = {"labels": {}, "roles": {}}

        def rename(theirs: str, table: str = "labels") -> str:
            ours = labels.get(theirs, theirs)
            if ours != theirs:
                spelt[table].setdefault(ours, theirs)
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
        for frag in doc.meta.get("brat", {}).get("fragments", []):  # [label, start, end, fragments]
            frag[0] = labels.get(frag[0], frag[0])
        if spelt["labels"] or spelt["roles"]:
            doc.meta[KEY] = {k: v for k, v in spelt.items() if v}
    listed = ", ".join(f"{theirs} -> {ours} ({n})" for (theirs, ours), n in sorted(said.items()))
    return f"{where}: names matched to the schema's ({names.schema.name}): {listed or 'the same names'}"
