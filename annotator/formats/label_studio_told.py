"""The event types a Label Studio task records (our export's ``data["event_types"]``) that the schema lacks, told from
the task's regions and relations (``told_types.add_regions``): Label Studio's relations have no place for an event, so
without it a corpus's own event type (brat's ``Gene_expression``) came into a new project as an entity label, its
event and arguments lost (relations between entities). A Labels tag named for events (``events``, ``triggers``: a
config with one tag for things and one for event triggers, whose relations name the arguments) records its labels as
event types the same way (session 33: they came in as entity labels and relations; a task's file holds no config, so
the tag's name is what says it: since session 34 our export writes its triggers under ``events``, and its config beside
it, ``label_studio_config``)."""

from __future__ import annotations

from typing import Any, Iterator

from annotator.formats.label_studio_config import EVENT_TAG
from annotator.formats.meta_keys import EVENT_TYPES
from annotator.formats.reading import is_key
from annotator.formats.schema_names import SchemaNames
from annotator.formats.told_types import EventUses, add_regions, nothing_to_tell, recorded_types
from annotator.schema import Schema


KINDS = ("annotations", "completions", "predictions")  # completions: Label Studio before 1.0


def _results(task: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every result object of ``task``'s annotations and predictions."""
    for kind in KINDS:
        for a in task.get(kind) if isinstance(task.get(kind), list) else ():
            for r in a.get("result") if isinstance(a, dict) and isinstance(a.get("result"), list) else ():
                if isinstance(r, dict):
                    yield r


def event_tag_types(task: Any) -> list[str]:
    """The labels ``task``'s regions take from a Labels tag named for events (``EVENT_TAG``), in their first order."""
    found: dict[str, None] = {}
    for r in _results(task) if isinstance(task, dict) else ():
        tag, value = r.get("from_name"), r.get("value")
        if r.get("type") == "labels" and isinstance(tag, str) and EVENT_TAG.fullmatch(tag) and isinstance(value, dict):
            picked = value.get("labels")
            found.update((x, None) for x in (picked if isinstance(picked, list) else ()) if isinstance(x, str))
    return list(found)


def tell_task(task: Any, uses: EventUses, schema: Schema, names: SchemaNames) -> None:
    """The events of ``task``'s annotations and predictions whose types it records and ``schema`` lacks, in ``uses``
    (``names``: a matcher of the caller's own, for this look alone); a task that records none costs one look-up."""
    data = task.get("data") if isinstance(task, dict) else None
    types = recorded_types(data.get(EVENT_TYPES)) if isinstance(data, dict) else []
    types += [t for t in event_tag_types(task) if t not in types]
    if not types:
        return
    given = [
        x
        for r in _results(task)
        if r.get("type") == "labels" and isinstance(r.get("value"), dict)
        for x in (r["value"].get("labels") if isinstance(r["value"].get("labels"), list) else ())
    ]
    if nothing_to_tell(schema, types, given):  # a news project's own export: one look at its names
        return
    types = [names.region(x) for x in types]  # those the schema lacks told; its own told the labels they lack
    for kind in KINDS:
        given = task.get(kind)
        for a in given if isinstance(given, list) else ():
            results = a.get("result") if isinstance(a, dict) else None
            labels: dict[Any, list[str]] = {}
            relations: list[tuple[Any, Any, Any]] = []
            choices: dict[Any, dict[str, Any]] = {}
            for r in results if isinstance(results, list) else ():
                value = r.get("value") if isinstance(r, dict) else None
                value = value if isinstance(value, dict) else {}
                if r.get("type") == "labels" and is_key(r.get("id")) and isinstance(value.get("labels"), list):
                    labels.setdefault(r["id"], []).extend(
                        names.region(x) for x in value["labels"] if isinstance(x, str)
                    )
                elif r.get("type") == "relation" and isinstance(r.get("labels"), list):
                    ends = (r.get("from_id"), r.get("to_id"))
                    if all(is_key(x) for x in ends):
                        relations += [(*ends, x) for x in r["labels"]]
                elif r.get("type") == "choices" and is_key(r.get("id")) and "start" in value:
                    picked = value.get("choices")
                    if isinstance(picked, list) and picked and isinstance(r.get("from_name"), str):
                        choices.setdefault(r["id"], {})[r["from_name"]] = picked[0]
            add_regions(uses, schema, types, labels, relations, choices)
