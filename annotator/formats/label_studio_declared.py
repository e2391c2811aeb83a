"""The event types and roles a Label Studio labeling config declares beside its tasks that no task uses, for a new
project's schema (session 35: a user who set the labels up expected all of them; only the entity labels came in).

A ``Relation`` of Label Studio's ``Relations`` tag is any region's: the config does not say which event type a role is
of, nor which labels fill it. So an event type it declares that no task uses takes every role it declares, and a role
no task uses joins each of the file's own event types (those the tasks told and those declared: the project's own
types keep their rules); each such role optional and repeatable (``any``), taking the entity labels the config
declares (every label of the schema when it declares none). A relation label the tasks use between two entities is a
relation, not a role."""

from __future__ import annotations

from typing import Any, Iterable

from annotator.formats.kept_relations import SHARED, kept_relations
from annotator.formats.label_studio_config import ReadConfig
from annotator.schema import Schema


def relation_types(documents: Iterable[Any]) -> set[str]:
    """The labels of the relations between entities the documents keep (a Label Studio import's, in its meta)."""
    return {
        r["type"]
        for d in documents
        for _, r in kept_relations(d.meta if isinstance(d.meta, dict) else {}, SHARED)
        if isinstance(r.get("type"), str)
    }


def declared_events(
    config: ReadConfig, schema: Schema, base: Schema, relations: set[str], labels: Iterable[str]
) -> tuple[list[dict[str, Any]], dict[str, list[dict[str, Any]]]]:
    """The ``[[event]]`` tables of the event types ``config`` declares that ``schema`` (the one the tasks were read
    with: the project's, grown by the types they told) lacks, and the role tables (type -> tables) of the roles it
    declares that the types ``schema`` has and ``base`` (the project's) lacks do not have, by type.
    ``relations``: the relation labels the tasks use between entities (not roles); ``labels``: the entity labels the
    roles take, as the schema names them (none: every label of ``schema``)."""
    declared = list(dict.fromkeys(config.event_types()))
    types = [t for t in declared if schema.event_type(t) is None and schema.label(t) is None]
    roles = [r for r in dict.fromkeys(config.relations) if r not in relations and r not in declared]
    takes = list(dict.fromkeys(labels)) or list(schema.label_names)

    def tables(names: list[str]) -> list[dict[str, Any]]:
        return [{"name": r, "labels": takes, "multiplicity": "any"} for r in names]

    more = {}
    for t in (t for t in schema.events if base.event_type(t.name) is None):  # the file's own: told from the tasks
        have = {r.name.casefold() for r in t.roles}
        if lacking := [r for r in roles if r.casefold() not in have]:
            more[t.name] = tables(lacking)
    return [{"name": t, "roles": tables(roles)} for t in types], more
