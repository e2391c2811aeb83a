"""What a schema is: its entity labels, event types with their roles, attributes and categories (frozen dataclasses),
and the plain data a project stores it as (``Schema.to_data``, ``Schema.from_data``). Reading and checking a schema's
TOML is ``annotator.schema``'s (which names these classes too, as every caller has imported them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any


# the colour the app draws every trigger in, whatever its event type (the light theme's: ui/theme.py takes it); an
# export that gives event types a colour (Label Studio's labeling config) gives them this one
TRIGGER_COLOR = "#9c0d2c"


@dataclass(frozen=True)
class EntityLabel:
    name: str
    description: str = ""
    color: str = "#dddddd"
    key: str | None = None
    # names other tools give this label (ACE 2005's PER for PERSON): an import maps them here (formats.schema_names)
    aliases: tuple[str, ...] = ()


# a role's multiplicity by whether it is required and whether it is repeatable: the one reading of the four names
_MULTIPLICITY = {(True, False): "one", (False, False): "optional", (True, True): "one_or_more", (False, True): "any"}


def multiplicity_of(required: bool, repeatable: bool) -> str:
    """The multiplicity of a role that is (or is not) required and repeatable: ``one``, ``optional``,
    ``one_or_more``, ``any`` (``Role.required`` and ``Role.repeatable`` read it back)."""
    return _MULTIPLICITY[(required, repeatable)]


def is_required(multiplicity: str) -> bool:
    """Whether a role of ``multiplicity`` must be filled (``one``, ``one_or_more``)."""
    return multiplicity in ("one", "one_or_more")


@dataclass(frozen=True)
class Role:
    name: str
    labels: tuple[str, ...]
    multiplicity: str = "optional"
    slots: tuple[str, ...] = ()  # syntactic slots an event suggester fills this role from (empty: its defaults)

    @property
    def required(self) -> bool:
        return is_required(self.multiplicity)

    @property
    def repeatable(self) -> bool:
        return self.multiplicity in ("one_or_more", "any")


@dataclass(frozen=True)
class EventType:
    name: str
    description: str = ""
    triggers: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    # optional data for rule-based event suggestion: words that count as triggers only when the context supports
    # the type, and context words (lemmas) that support it ("fire" as an attack near "rocket", "troops")
    weak_triggers: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    # words that, modifying a trigger, rule the type out ("press conference"); "dep:X" a child of relation X,
    # "obj:event" an object that is itself an event word ("fleeing war"), "obj:LABEL" an object of that entity label
    # (named or guessed: "obj:PRODUCT", "donated weapons"), "obj:thing" a common noun of no label ("fired tear gas");
    # the object of a passive verb is its subject; "to:event" an event word gone "to" with no place in it ("head to
    # local elections"); "in:state" a noun after "in" on a verb with no object nor passive subject, a state one is in
    # ("died while in police custody"); "to:state" a state one is put in ("landed him in jail"); "for:thing" a thing
    # paid for ("pay for equipment"); "REL:lemma" a child of relation REL with that lemma ("advcl:say"); "one_party"
    # under two parties named; "subj:nature" a storm as the subject; "obj:own" a weak word's "her baby" with no cue;
    # "obj:body" a body held; "obj:no_one" a dog, a bill; "raid:police"; "obj:nature" a blaze; "subj:no_one" a law
    blockers: tuple[str, ...] = ()
    # types an event of this type also is (an execution is a death): (type, ((role here, role there), ...)); roles
    # of the same name carry over without being listed
    implies: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()
    # names other tools give this type (ACE's Conflict.Attack for Conflict:Attack): an import maps them here, an
    # export may write the first (formats.schema_names)
    aliases: tuple[str, ...] = ()
    # words that count as triggers of the type only with an object of a kind ("throw" an attack only when what is
    # thrown is a weapon or a cue of the type: "threw stones", not "threw a party"): (word, (kind, ...)); a kind is
    # "cue", "weapon", "thing" (a common noun of no label), "named_person" (a PERSON the pipeline named) or an entity
    # label (named or guessed from its noun), read on the object as a blocker's "obj:" is (the object of a passive
    # verb is its subject)
    object_triggers: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # triggers of the type that also name its act done in words between people ("Bush attacked Rubio", "attacks on
    # Cruz"): with a named person in a role that takes people and nothing physical told (no cue of the type, no filler
    # of a role that takes no person, Time aside: no Instrument, no Place), not the type
    figurative_triggers: tuple[str, ...] = ()

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
    # names other tools give a role, for every event type with a role of that name ({"Time": ("Time-Within", ...)}):
    # an import maps them to it (formats.schema_names)
    role_aliases: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # the document categories (a text classification's labels) the schema declares, ``[[category]]`` tables: the app
    # offers them before any document has one (``annotator.categories.project_categories``)
    categories: tuple[str, ...] = ()

    def label(self, name: str) -> EntityLabel | None:
        return self._labels.get(name)

    def event_type(self, name: str) -> EventType | None:
        return self._event_types.get(name)

    @cached_property
    def _labels(self) -> dict[str, EntityLabel]:  # looked up on every edit: a dict, not a scan of every label
        return {e.name: e for e in self.entities}

    @cached_property
    def _event_types(self) -> dict[str, EventType]:
        return {e.name: e for e in self.events}

    def attribute(self, name: str) -> Attribute | None:
        return next((a for a in self.attributes if a.name == name), None)

    @property
    def label_names(self) -> list[str]:
        return [e.name for e in self.entities]

    @cached_property
    def event_type_names(self) -> tuple[str, ...]:
        """The event types' names in the schema's order (``set(schema.event_type_names)`` to test a name against)."""
        return tuple(t.name for t in self.events)

    def default_attributes(self) -> dict[str, str]:
        return {a.name: a.default for a in self.attributes}

    def to_dict(self) -> dict[str, Any]:
        """The schema as plain data (for exports)."""
        return {
            "name": self.name,
            "description": self.description,
            "entities": [
                {"name": e.name, "description": e.description, "color": e.color, "key": e.key} for e in self.entities
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
            **({"categories": list(self.categories)} if self.categories else {}),
        }

    def to_data(self) -> dict[str, Any]:
        """Everything parsed from the source, the optional suggestion data included (``from_data`` reads it back)."""
        return {
            "name": self.name,
            "description": self.description,
            "entities": [[e.name, e.description, e.color, e.key, list(e.aliases)] for e in self.entities],
            "events": [
                [
                    t.name,
                    t.description,
                    list(t.triggers),
                    [[r.name, list(r.labels), r.multiplicity, list(r.slots)] for r in t.roles],
                    list(t.weak_triggers),
                    list(t.cues),
                    list(t.blockers),
                    [[name, [list(pair) for pair in pairs]] for name, pairs in t.implies],
                    list(t.aliases),
                    [[word, list(kinds)] for word, kinds in t.object_triggers],
                    list(t.figurative_triggers),
                ]
                for t in self.events
            ],
            "attributes": [[a.name, list(a.values), a.default, a.description] for a in self.attributes],
            "role_aliases": [[name, list(names)] for name, names in self.role_aliases],
            "categories": list(self.categories),
        }

    @classmethod
    def from_data(cls, data: dict[str, Any], source: str) -> "Schema":
        """The schema ``to_data`` gave, with its TOML ``source``; no TOML parsed, nothing checked again."""
        return cls(
            data["name"],
            tuple(EntityLabel(*e[:4], tuple(e[4]) if len(e) > 4 else ()) for e in data["entities"]),
            tuple(
                EventType(
                    name,
                    description,
                    tuple(triggers),
                    tuple(Role(r[0], tuple(r[1]), r[2], tuple(r[3])) for r in roles),
                    tuple(weak),
                    tuple(cues),
                    tuple(blockers),
                    tuple((n, tuple((a, b) for a, b in pairs)) for n, pairs in implies),
                    tuple(rest[0]) if rest else (),
                    tuple((word, tuple(kinds)) for word, kinds in rest[1]) if len(rest) > 1 else (),
                    tuple(rest[2]) if len(rest) > 2 else (),
                )
                for name, description, triggers, roles, weak, cues, blockers, implies, *rest in data["events"]
            ),
            tuple(Attribute(a[0], tuple(a[1]), a[2], a[3]) for a in data["attributes"]),
            source,
            data["description"],
            tuple((name, tuple(names)) for name, names in data.get("role_aliases", [])),
            tuple(data.get("categories", [])),  # a parsed copy stored before categories were declared has none
        )
