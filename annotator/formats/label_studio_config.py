"""The labeling config of a Label Studio export, written beside it and read back on import (session 34: the export
carried none, so a user bringing it into Label Studio rebuilt the config by hand, and our own import had only the
tags' names to go by).

``tasks.json`` -> ``tasks.label_config.xml`` (``label_config`` is what Label Studio's API calls it: Settings >
Labeling Interface > Code takes the file's text as it is). It declares every tag the tasks' results name: a
``Labels`` tag per ``from_name`` (the entity labels under ``label``, the event types under ``events``, the tag
session 33's reader takes as event triggers), one ``Relations`` of the relation labels (the events' roles and the
relations between entities), a ``Choices`` per attribute (``perRegion``) and per category tag, a ``TextArea`` per
comment tag, and the ``Text`` they point at; with the schema's labels and event types the tasks do not use, so the
project can annotate them there too, each entity label in its colour (``background``, session 35: Label Studio's own),
each event type in the app's trigger colour (``schema_model.TRIGGER_COLOR``; session 37), or in the colour a config it
came from gave it (``EVENT_COLORS``, kept in the documents' task shape: the app draws every trigger in one colour). Every
value is written as an XML attribute, escaped (a label holding ``"`` or ``<`` stays one value)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable
from xml.etree import ElementTree

from annotator.schema import Schema, is_color
from annotator.schema_model import TRIGGER_COLOR

SUFFIX = ".label_config.xml"
EVENTS_TAG = "events"  # the Labels tag of the events' triggers (``label_studio_told.EVENT_TAG`` reads it so)
ENTITIES_TAG = "label"  # the export's default tag of entity regions
# the names of a Labels tag whose regions are event triggers: events, Event, triggers, event_triggers, event-trigger
EVENT_TAG = re.compile(r"(?i)(events?|triggers?|events?[ _-]?triggers?)")
EVENT_COLORS = "event_colors"  # in a document's task shape: the event types' colours of the config it came with
LABEL_TAGS = {"labels": "Labels", "paragraphlabels": "ParagraphLabels", "hypertextlabels": "HyperTextLabels"}


def config_path(tasks: str | Path) -> Path:
    """Where the config of the export ``tasks`` goes: ``tasks.json`` -> ``tasks.label_config.xml``."""
    p = Path(tasks)
    return p.with_name(f"{p.stem if p.suffix else p.name}{SUFFIX}")


@dataclass
class ConfigGather:
    """The tags the tasks of one export name, gathered task by task (``seen``), then written (``xml``)."""

    labels: dict[str, tuple[str, dict[str, None]]] = field(default_factory=dict)  # from_name -> (kind, values)
    relations: dict[str, None] = field(default_factory=dict)
    choices: dict[str, tuple[bool, dict[str, None]]] = field(default_factory=dict)  # from_name -> (per region, values)
    textareas: dict[str, bool] = field(default_factory=dict)  # from_name -> per region
    texts: dict[str, str] = field(default_factory=dict)  # to_name -> the data key it shows
    text_key: str = "text"
    colors: dict[str, str] = field(default_factory=dict)  # a label's name -> its colour, written as its background
    event_colors: dict[str, str] = field(default_factory=dict)  # an event type's name -> its colour, the same

    def seen(self, task: dict[str, Any], text_key: str = "text") -> dict[str, Any]:
        """Gather the tags of ``task``'s annotations and predictions; ``task`` back, unchanged."""
        for kind in ("annotations", "predictions"):
            for a in task.get(kind) or ():
                for r in a.get("result") or ():
                    self._result(r, text_key)
        return task

    def _result(self, r: dict[str, Any], text_key: str) -> None:
        kind, name, value = r.get("type"), r.get("from_name"), r.get("value") or {}
        if r.get("to_name"):
            self.texts.setdefault(str(r["to_name"]), text_key)
        if kind == "relation":
            self.relations.update((str(x), None) for x in r.get("labels") or ())
        elif kind in LABEL_TAGS and name:
            tag = self.labels.setdefault(str(name), (kind, {}))
            tag[1].update((str(x), None) for x in value.get(kind) or ())
        elif kind == "choices" and name:
            per_region, values = self.choices.setdefault(str(name), ("start" in value, {}))
            values.update((str(x), None) for x in value.get("choices") or ())
        elif kind == "textarea" and name:
            self.textareas[str(name)] = self.textareas.get(str(name), False) or "start" in value

    def with_schema(self, schema: Schema, spelt: Iterable[str] = ()) -> None:
        """The schema's entity labels, event types, roles and attribute values the tasks did not use, added to their
        tags (``spelt``: names written in the tasks, not added again under the schema's spelling)."""
        self.colors.update((x.name, x.color) for x in schema.entities)  # as the app shows them (session 35)
        for name in schema.event_type_names:  # every trigger in the app's one colour (a config's own kept: ``kept``)
            self.event_colors.setdefault(name, TRIGGER_COLOR)
        written = set(spelt) | {v for _, values in self.labels.values() for v in values}
        entities = self.labels.setdefault(ENTITIES_TAG, ("labels", {}))[1]
        entities.update((x, None) for x in schema.label_names if x not in written)
        if schema.event_type_names:
            events = self.labels.setdefault(EVENTS_TAG, ("labels", {}))[1]
            events.update((x, None) for x in schema.event_type_names if x not in written)
            roles = {r.name for t in schema.events for r in t.roles}
            self.relations.update((x, None) for x in sorted(roles) if x not in self.relations)
        for attribute in schema.attributes:  # an event's attributes: a choice on its trigger's region
            values = self.choices.setdefault(attribute.name, (True, {}))[1]
            values.update((x, None) for x in attribute.values)

    def xml(self) -> str:
        """The config's text: a ``View`` of the tags gathered, the ``Text`` first as Label Studio's templates have it."""
        view = ElementTree.Element("View")
        texts = self.texts or {"text": "text"}
        for name, key in texts.items():
            ElementTree.SubElement(view, "Text", name=name, value=f"${key}")
        to_name = next(iter(texts))
        for name, (kind, values) in self.labels.items():
            tag = ElementTree.SubElement(view, LABEL_TAGS[kind], name=name, toName=to_name)
            colors = self.event_colors if EVENT_TAG.fullmatch(name) else self.colors
            for v in values:
                extra = {"background": colors[v]} if v in colors else {}
                ElementTree.SubElement(tag, "Label", value=v, **extra)
        if self.relations:
            tag = ElementTree.SubElement(view, "Relations")
            for v in self.relations:
                ElementTree.SubElement(tag, "Relation", value=v)
        for name, (per_region, values) in self.choices.items():
            extra = {"perRegion": "true"} if per_region else {}
            tag = ElementTree.SubElement(view, "Choices", name=name, toName=to_name, choice="single", **extra)
            for v in values:
                ElementTree.SubElement(tag, "Choice", value=v)
        for name, per_region in self.textareas.items():
            extra = {"perRegion": "true"} if per_region else {}
            ElementTree.SubElement(view, "TextArea", name=name, toName=to_name, **extra)
        ElementTree.indent(view)
        return ElementTree.tostring(view, encoding="unicode") + "\n"


@dataclass
class ReadConfig:
    """What a config beside a Label Studio file declares: the values of its ``Labels`` tags (by tag name), those of
    its ``Relations``, and which tags hold event triggers (named ``events``, ``triggers``: ``EVENT_TAG``)."""

    labels: dict[str, list[str]] = field(default_factory=dict)
    relations: list[str] = field(default_factory=list)
    colors: dict[str, str] = field(default_factory=dict)  # a Label's value -> its background, where one is #rrggbb
    # the same of the event tags' Labels (``EVENT_TAG``), but the app's trigger colour (our export's: none of its own)
    event_colors: dict[str, str] = field(default_factory=dict)

    def event_types(self) -> list[str]:
        return [v for name, values in self.labels.items() if EVENT_TAG.fullmatch(name) for v in values]

    def entity_labels(self) -> list[str]:
        return [v for name, values in self.labels.items() if not EVENT_TAG.fullmatch(name) for v in values]


class ConfigError(ValueError):
    """A config file that is not a Label Studio labeling config (not XML, or no ``View``)."""


def read_config(path: Path) -> ReadConfig:
    """The config at ``path`` (``ConfigError`` with the parser's words when it is not one)."""
    try:
        root = ElementTree.fromstring(path.read_text(encoding="utf-8-sig"))
    except (ElementTree.ParseError, UnicodeDecodeError, OSError) as exc:
        raise ConfigError(f"{path}: not a Label Studio labeling config ({exc})") from None
    if root.tag != "View":
        raise ConfigError(f"{path}: not a Label Studio labeling config (its root is <{root.tag}>, not <View>)")
    got = ReadConfig()
    for tag in root.iter():
        if tag.tag in LABEL_TAGS.values() and tag.get("name"):
            values = [x.get("value") for x in tag if x.tag == "Label" and x.get("value")]
            got.labels.setdefault(tag.get("name", ""), []).extend(v for v in values if v)
            events = EVENT_TAG.fullmatch(tag.get("name", "")) is not None
            (got.event_colors if events else got.colors).update(
                (str(x.get("value")), color)
                for x in tag
                if x.tag == "Label"
                and x.get("value")
                and is_color(color := str(x.get("background")).lower())
                and not (events and color == TRIGGER_COLOR)  # the app's own (our export's): nothing to keep
            )
        elif tag.tag == "Relations":
            got.relations += [v for x in tag if x.tag == "Relation" and (v := x.get("value"))]
    return got


def tasks_of(config: Path) -> Path | None:
    """The tasks file a config at ``config`` goes with (``tasks.label_config.xml`` -> ``tasks.json`` or
    ``tasks.jsonl``, the first there), None when there is none or ``config`` is not named as one."""
    if not config.name.endswith(SUFFIX):
        return None
    stem = config.name[: -len(SUFFIX)]
    return next((t for t in (config.with_name(f"{stem}{s}") for s in (".json", ".jsonl")) if t.is_file()), None)


def config_beside(tasks: Path) -> tuple[ReadConfig | None, list[str]]:
    """The config beside the tasks file ``tasks`` (``config_path``), read, with the note saying so (or why it could
    not be: a damaged one is said, and the tasks read without it); (None, []) when there is none."""
    where = config_path(tasks)
    if not where.is_file():
        return None, []
    try:
        got = read_config(where)
    except ConfigError as exc:
        return None, [f"{exc}; the tasks read without it"]
    events = got.event_types()
    kept = (
        " (the event types' colours kept for the Label Studio export: the app draws every trigger in one colour)"
        if got.event_colors
        else ""
    )
    return got, [
        f"{tasks}: its labeling config {where.name} read: {len(got.entity_labels())} labels, {len(events)} event "
        f"types (its {EVENTS_TAG!r} tag), {len(got.relations)} relation labels{kept}"
    ]


def kept_event_colors(shape: Any) -> dict[str, str]:
    """The event types' colours a document's task shape kept (``EVENT_COLORS``: the config it came with), each
    ``#rrggbb``."""
    given = shape.get(EVENT_COLORS) if isinstance(shape, dict) else None
    return {
        str(k): v for k, v in (given.items() if isinstance(given, dict) else ()) if isinstance(v, str) and is_color(v)
    }


def config_alone(config: Path) -> str:
    """Why a config given without its tasks is not read: what it is, and what to give."""
    tasks = tasks_of(config)
    stem = config.name[: -len(SUFFIX)]
    if tasks is not None:
        return f"a Label Studio labeling config, read with its tasks: import {tasks.name} (it is read beside it)"
    return (
        f"a Label Studio labeling config (an export writes it beside its tasks, {stem}.json); no {stem}.json or "
        f"{stem}.jsonl beside it to read it with"
    )
