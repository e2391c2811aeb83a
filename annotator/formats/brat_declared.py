"""The types, attributes and relation lines the brat export's ``annotation.conf`` must declare beyond the schema's,
collected while the ``.ann`` lines are written (``Declared``): entity attributes, relation and equivalence types with
the types that filled them, the event attributes' event types, the documents' spellings of the schema's names, and the
normalisations' databases for ``tools.conf``."""

from __future__ import annotations

from typing import Any, Callable

from annotator.formats.brat_conf import conf_arguments
from annotator.formats.schema_names import GivenSpellings


class Declared:
    """Entity attributes and relation types met in the documents' kept brat annotations, for annotation.conf."""

    def __init__(self) -> None:
        self.attributes: dict[str, list[str]] = {}
        self.relations: dict[str, dict[str, list[str | None]]] = {}  # type -> role -> the types that filled it
        self.attribute_targets: dict[str, list[str]] = {}  # name -> <ENTITY>, <EVENT>, <RELATION> it sits on
        self.equivalences: dict[str, list[str | None]] = {}  # ``*`` types (symmetric-transitive) -> member types
        self.event_types: dict[str, list[str | None]] = {}  # an event attribute -> the event types it was written on
        # the schema's labels, event types and roles -> how the documents wrote them (their files' spellings, PER for
        # PERSON: ``GivenSpellings.of_meta``), for the conf to declare those names
        self.labels: dict[str, list[str]] = {}
        self.roles: dict[str, list[str]] = {}
        self.relation_names: list[str] = []  # another tool's relation types, for visual.conf to give their names back
        self.databases: dict[str, list[str]] = {}  # the N lines' databases -> their ids, for tools.conf to declare

    def normalizations(self, lines: list[str]) -> None:
        """The databases of the ``N`` lines written (``N1\tReference T1 DB:ID``)."""
        for line in lines:
            db, _, id_ = line.split("\t")[1].split(" ")[2].partition(":")
            self.databases.setdefault(db, []).append(id_)

    def spelling(self, spelt: GivenSpellings) -> tuple[Callable[[str], str], Callable[[str], str]]:
        """How one document names labels (event types too) and roles, each name written kept for the conf."""

        def written(table: dict[str, list[str]], spell: Callable[[str], str]) -> Callable[[str], str]:
            def name(ours: str) -> str:
                theirs = spell(ours)
                add_once(table.setdefault(ours, []), theirs)  # type: ignore[arg-type]
                return theirs

            return name

        return written(self.labels, spelt.label), written(self.roles, spelt.role)

    def attribute(self, name: str, value: str | None, kind: str = "T") -> None:
        """An attribute met on an annotation of ``kind`` (T, E or R), with a value or none (binary)."""
        values = self.attributes.setdefault(name, [])
        if value is not None and value not in values:
            values.append(value)
        on = self.attribute_targets.setdefault(name, [])
        target = {"E": "<EVENT>", "R": "<RELATION>"}.get(kind, "<ENTITY>")
        if target not in on:
            on.append(target)

    def relation(self, type_: str, args: list[tuple[str, str | None]]) -> None:
        """A relation met: its (role, type of the annotation filling it) pairs; None for a type not known (another
        relation)."""
        roles = self.relations.setdefault(type_, {})
        for role, filler in args:
            add_once(roles.setdefault(role, []), filler)

    def on_event(self, name: str, event_type: str) -> None:
        """An event attribute written on an event of ``event_type``."""
        add_once(self.event_types.setdefault(name, []), event_type)

    def event_targets(self, conf: Any = None) -> dict[str, list[str]]:
        """An event attribute's brat name -> the event types annotation.conf offers it on: those its conf line named
        (``conf``: ``brat_conf.conf_declarations``), then the types of the events the documents have it on beyond them
        (brat checks an attribute against its line); an attribute the conf offered on ``<EVENT>`` is not listed. It
        was ``<EVENT>`` for every one, so brat offered ``Negative`` on every event type."""
        given = conf.get("event_attributes") if isinstance(conf, dict) else None
        out: dict[str, list[str]] = {}
        for name, types in given.items() if isinstance(given, dict) else ():
            if isinstance(types, list) and types and all(isinstance(t, str) for t in types):
                met = [t for t in self.event_types.get(name, []) if t is not None and t not in types]
                out[name] = [*types, *met]
        return out

    def equivalence(self, type_: str, members: list[str | None]) -> None:
        """A ``*`` equivalence met, with the types of its members."""
        types = self.equivalences.setdefault(type_, [])
        for member in members:
            add_once(types, member)

    def conf_lines(self, conf: Any = None) -> tuple[list[str], list[str]]:
        """([relations] lines, [attributes] lines): those of the annotation.conf the project's schema came from
        (``conf``: ``brat_conf.conf_declarations``, kept with the schema), every type it declared whether the documents
        use it or not, then those of the types met in the documents that it does not declare. Each argument of the
        latter takes the types that filled it in the documents (as ``brat_infer`` tells a conf from .ann files), so
        brat's own checks pass on the exported folder and refuse a wrong end in new annotations; it was ``<ANY>``."""
        conf = conf if isinstance(conf, dict) else {}
        rel = [x for x in conf.get("relations", []) if isinstance(x, str)]
        att = [x for x in conf.get("attributes", []) if isinstance(x, str)]
        given = [conf_arguments(x) for x in rel]
        rel += [  # a relation type used with ends its conf lines do not allow: one more line (brat takes several)
            f"{t}\t" + ", ".join(f"{r}:{_types(filled)}" for r, filled in roles.items())
            for t, roles in self.relations.items()
            if not _allowed(given, t, roles)
        ]
        # an equivalence type is declared as brat declares one (its tutorial's Alias): it was not declared at all
        rel += [
            f"{t}\tArg1:{_types(m)}, Arg2:{_types(m)}, <REL-TYPE>:symmetric-transitive"
            for t, m in self.equivalences.items()
            if t not in self.relations and not _allowed(given, t, {"Arg1": m, "Arg2": m})
        ]
        for a, values in self.attributes.items():
            targets = sorted(self.attribute_targets[a])
            at = next((k for k, x in enumerate(att) if conf_arguments(x)[0] == a), None)
            if at is None:
                att.append(f"{a}\tArg:{'|'.join(targets)}" + (f", Value:{'|'.join(values)}" if values else ""))
                continue
            keys = conf_arguments(att[at])[1]  # the conf's line, widened by what the documents use beyond it
            on = keys.get("Arg", []) + [x for x in targets if x not in keys.get("Arg", []) and not _on(keys, x)]
            vals = keys.get("Value", []) + [v for v in values if v not in keys.get("Value", [])]
            if on != keys.get("Arg", []) or vals != keys.get("Value", []):
                att[at] = f"{a}\tArg:{'|'.join(on)}" + (f", Value:{'|'.join(vals)}" if vals else "")
        return rel, att


def _on(keys: dict[str, list[str]], target: str) -> bool:
    """Whether an attribute line's ``Arg`` allows ``target`` (``<ENTITY>``: any entity type it names does)."""
    return target == "<ENTITY>" and any(not t.startswith("<") for t in keys.get("Arg", []))


def _allowed(given: list[tuple[str, dict[str, list[str]]]], type_: str, roles: dict[str, list[str | None]]) -> bool:
    """Whether one of the conf's lines for ``type_`` allows every argument's types as the documents filled them."""
    for name, keys in given:
        if name == type_ and all(
            "<ANY>" in keys.get(r, [])
            or all(f is not None and (f in keys.get(r, []) or "<ENTITY>" in keys.get(r, [])) for f in filled)
            for r, filled in roles.items()
        ):
            return True
    return False


def add_once(types: list[str | None], filler: str | None) -> None:
    if filler not in types:
        types.append(filler)


def _types(filled: list[str | None]) -> str:
    """``Person|GPE`` for the brat types that filled an argument; ``<ANY>`` when one of them is not known."""
    return "<ANY>" if not filled or None in filled else "|".join(t for t in filled if t is not None)
