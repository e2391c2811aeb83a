"""What a user chose for the names a file's own schema (brat's annotation.conf, or the types told from a brat
folder's files) uses and a project that holds documents neither has nor matches (``schema_match``): add them to the
project's schema (``add_types``: its labels and event types, with the roles the file declares, the roles it
declares for the project's own event types, and its event attributes) or take them as names
the project's schema has (``mapped``: the file's label or event type -> the project's, ``--map Report=ORG``). Without
either such a file is refused, naming what it lacks and these two ways (``SchemaLacksError``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from annotator.errors import ImportFileError, ValidationError
from annotator.formats.schema_growth import grown_schema
from annotator.rules import takes, takes_value
from annotator.schema import Role, Schema

LABEL, TYPE, ROLE, ATTRIBUTE = "label ", "event type ", "role ", "attribute "  # how ``schema_match`` names them


@dataclass(frozen=True)
class SchemaChoices:
    """``add_types``: the labels and event types the file's documents use and the project's schema lacks are added to
    it; ``mapped``: {the file's label or event type: the project's}."""

    add_types: bool = False
    mapped: Mapping[str, str] = field(default_factory=dict)


NO_CHOICES = SchemaChoices()  # refuse such a file (the default)


def parse_maps(values: Iterable[str]) -> dict[str, str]:
    """``["Report=ORG", ...]`` as {file's name: project's}; a value without one ``=`` between two names raises
    ValidationError."""
    out: dict[str, str] = {}
    for value in values:
        theirs, sep, ours = value.partition("=")
        if not sep or not theirs.strip() or not ours.strip():
            raise ValidationError(f"--map {value!r}: give NAME=THE_PROJECT'S_NAME (the file's label or event type)")
        out[theirs.strip()] = ours.strip()
    return out


def check_mapped(mapped: Mapping[str, str], schema: Schema, path: str) -> None:
    """Refuse a mapping onto a name the project's schema has not (nothing imported)."""
    ours = set(schema.label_names) | set(schema.event_type_names)
    bad = [f"{k}={v}" for k, v in mapped.items() if v not in ours]
    if bad:
        raise ImportFileError(
            path,
            f"--map {', '.join(bad)}: the project's schema {schema.name!r} has no label or event type of that name "
            "(nothing was imported)",
        )


def check_mapped_labels(taken: Mapping[str, str], schema: Schema, path: str) -> None:
    """Refuse taking a file's entity label (a doccano, Label Studio, Prodigy or CoNLL file's) as a name that is no
    label of the project's schema (nothing imported)."""
    bad = [f"{k}={v}" for k, v in taken.items() if v not in schema.label_names]
    if bad:
        raise ImportFileError(
            path,
            f"--map {', '.join(bad)}: the project's schema {schema.name!r} has no label of that name (its labels: "
            f"{', '.join(schema.label_names)}; nothing was imported)",
        )


def addable(lacks: list[str]) -> bool:
    """Whether ``--add-types`` can add all of ``lacks``: labels, event types, roles and event attributes."""
    return all(w.startswith((LABEL, TYPE, ROLE, ATTRIBUTE)) for w in lacks)


def with_added_types(
    base: Schema,
    told: Schema,
    lacks: list[str],
    labels: Mapping[str, str],
    path: Path,
    colors: Mapping[str, str] | None = None,
) -> Schema:
    """``base`` with the labels, event types, roles and attributes of ``lacks`` (as ``schema_match`` names them) added
    as ``told`` declares them: an event type's roles take the labels the project has or gets (``labels``: the file's
    matched label or event type -> the project's), an event as an argument (brat's ``Event-Arg:<EVENT>``) the label
    of its type's name that stands for one (``brat_conf.PROXY_NOTE``), added when the project lacks it; a role left
    with none is not added; one of a name the project's type has takes the labels the file's gives it and it lacks,
    after its own (session 21: they stayed the schema's and the role was still lacked); an attribute of a name the project has takes the values the file declares and it lacks, after its
    own (its default stays the schema's). ``colors``: the colours the file gives its labels (a Label Studio
    config's, ``ReadResult.label_colors``), given to the labels added (the others the palette's)."""
    added = [w[len(LABEL) :] for w in lacks if w.startswith(LABEL)]
    types = [w[len(TYPE) :] for w in lacks if w.startswith(TYPE)]
    known = set(base.label_names) | set(added)
    nested = set(told.label_names) & set(told.event_type_names)  # the file's labels that stand for its events
    proxies: list[str] = []  # the project's event types used as arguments, whose label it lacks

    def filler(theirs: str) -> str | None:
        ours = labels.get(theirs, theirs)
        if theirs in nested and (ours in base.event_type_names or ours in types):
            if ours not in known and ours not in proxies:
                proxies.append(ours)
            return ours
        return ours if ours in known else None

    def role_table(r: Role) -> dict[str, Any] | None:
        fillers = [x for x in dict.fromkeys(filler(x) for x in r.labels) if x is not None]
        return {"name": r.name, "labels": fillers, "multiplicity": r.multiplicity} if fillers else None

    tables = []
    for name in types:
        t = told.event_type(name)
        tables.append({"name": name, "roles": [x for r in (t.roles if t else ()) if (x := role_table(r))]})
    roles: dict[str, list[dict[str, Any]]] = {}
    wider: dict[str, dict[str, list[str]]] = {}  # a role the project's type has -> the labels it takes in the file
    for theirs, _, role in (w[len(ROLE) :].rpartition(":") for w in lacks if w.startswith(ROLE)):
        t, ours = told.event_type(theirs), base.event_type(labels.get(theirs, theirs))
        r = t.role(role) if t is not None else None
        if r is None or ours is None:
            continue
        if (mine := ours.role(r.name)) is not None:
            more = [x for x in dict.fromkeys(filler(x) for x in r.labels) if x is not None and not takes(mine, x)]
            if more:
                wider.setdefault(ours.name, {})[mine.name] = more
            continue
        if (table := role_table(r)) is not None:
            roles.setdefault(ours.name, []).append(table)
    attributes = [
        {"name": a.name, "values": list(a.values), "default": a.default}
        for w in lacks
        if w.startswith(ATTRIBUTE) and (a := told.attribute(w[len(ATTRIBUTE) :])) and base.attribute(a.name) is None
    ]
    values = {
        a.name: [v for v in a.values if not takes_value(mine, v)]
        for w in lacks
        if w.startswith(ATTRIBUTE)
        and (a := told.attribute(w[len(ATTRIBUTE) :]))
        and (mine := base.attribute(a.name)) is not None
    }
    return grown_schema(
        base,
        added,
        tables,
        path,
        f"from {Path(path).name}",
        roles,
        proxies,
        attributes,
        {k: v for k, v in values.items() if v},
        wider,
        colors=colors,
    )


def refusal(said: str, named: str, lacks: list[str], choices: SchemaChoices, given_new: bool = False) -> str:
    """The one line that refuses such a file: what it lacks, and the ways in. ``given_new``: the project has no
    documents and the user gave it its schema (``schema_given``): a new project is what it is already, so the way
    named is one made without --schema, which takes the file's."""
    names = [w for w in lacks if w.startswith((LABEL, TYPE))]
    elsewhere = "a new project made without --schema, which takes the file's schema" if given_new else "a new project"
    if choices.add_types:
        how = (
            "--add-types adds labels, event types, attributes, their values, the roles a type of the project's "
            "lacks and the labels a role of it lacks, not what cannot be matched: give the project a schema that has "
            f"them, or import it into {elsewhere}"
        )
    elif addable(lacks) and names:
        how = (
            "import it again with --add-types (the project's schema takes them) or --map "
            f"{names[0].split(' ')[-1]}=NAME (NAME a label or event type the project has), or into {elsewhere}"
        )
    elif addable(lacks):
        takes = "event types take the roles" if all(w.startswith(ROLE) for w in lacks) else "schema takes them"
        how = f"import it again with --add-types (the project's {takes}), or into {elsewhere}"
    else:
        how = f"import it into {elsewhere}, or give the project a schema that has them"
    return f"{said} the project's schema does not have, which its documents use (the project's schema has no {named}, nor a name that matches); {how} (nothing was imported)"


def said_added(base: Schema, grown: Schema, lacks: list[str], labels: Mapping[str, str]) -> list[str]:
    """What ``lacks`` (as ``schema_match`` names them: the file's spellings) became in ``grown`` (``base`` with them
    added, ``with_added_types``), as the import's summary says it: a role under the project's name of its type
    (``labels``: the file's type -> the project's), one the type had said by the labels it now takes besides its own,
    or not at all where it takes no more (session 40: a DuEE ``Conflict-Attack`` matched to ``Conflict:Attack`` said
    "role Conflict-Attack:Attacker" and ":Place" added, which the project's type had)."""
    out = []
    for w in lacks:
        if not w.startswith(ROLE):
            out.append(w)
            continue
        theirs, _, role = w[len(ROLE) :].rpartition(":")
        ours = labels.get(theirs, theirs)
        had, now = base.event_type(ours), grown.event_type(ours)
        before, after = (had.role(role) if had else None), (now.role(role) if now else None)
        if after is None:
            continue  # a role no label fills is not added (``role_table``)
        if before is None:
            out.append(f"{ROLE}{ours}:{role}")
        elif more := [x for x in after.labels if not takes(before, x)]:
            out.append(f"{ROLE}{ours}:{role} (takes {', '.join(more)})")
    return out
