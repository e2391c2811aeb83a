"""The names another tool gives labels, event types and roles, matched to the schema's own.

One general rule, no tool's names in code: a name is the schema's when it is the same but for case and separators
(``Conflict.Attack``, ``conflict_attack`` and ``Conflict:Attack``; ``attacker`` and ``Attacker``), or when the schema
declares it as another name of one of its labels (an entity's ``aliases``: ACE's ``PER`` for ``PERSON``), event types
(an event's ``aliases``: ``Conflict.Attack``) or roles (``[schema] role_aliases``: ACE's ``Time-Within`` for
``Time``). A labelled span's name (``region``: doccano's, Label Studio's, Prodigy's spans, which bring no roles to
tell a type of their own by) is an event type also when the last part of its dotted or coloned name is one
(``Conflict.Attack`` for a schema's ``Attack``); a bare word is not taken for the last part of a schema's type
(``Transport`` stays a label, not the news schema's ``Movement:Transport``: an entity label of that name is more
likely); a file of events with their roles (DyGIE++, OmniEvent's MAVEN, WebAnno TSV) keeps a type of another whole
name as its own (``event_type``). A name that
matches two of the schema's names, or none, is kept as it is and counted, for the reader to report. The other way (``AliasNames``, for a writer asked for the other tool's names): a name becomes its first
alias, a name without one stays as it is.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable

from annotator.formats.meta_keys import SPELLING_KEYS
from annotator.schema import Role, Schema
from annotator.rules import unrequired_multiplicity

_SEPARATORS = re.compile(r"[\W_]+")
_TYPE_PARTS = re.compile(r"[.:]")  # a type's parts: ACE's Conflict.Attack, the news schema's Conflict:Attack
AMBIGUOUS = ""  # a key two of the schema's names share: matches neither


def name_key(name: str) -> str:
    """``name`` without case and separators: the form two spellings of one name share."""
    return _SEPARATORS.sub("", name.casefold())


def _words(name: str) -> list[str]:
    """``name``'s words: cut at separators, a lower-case letter before a capital and a letter beside a digit
    (``Org-Arg2``: ``Org``, ``Arg``, ``2``; ``PersonArg``: ``Person``, ``Arg``; ``Täter-Arg``: ``Täter``, ``Arg``)."""
    words: list[str] = []
    for part in _SEPARATORS.split(name):
        start = 0
        for k in range(1, len(part)):
            a, b = part[k - 1], part[k]
            if (a.islower() and b.isupper()) or (a.isdigit() != b.isdigit()):
                words.append(part[start:k])
                start = k
        words += [part[start:]] if part else []
    return words


def _last_part(name: str) -> str:
    """The last part of a dotted or coloned type name (``Conflict.Attack`` -> ``Attack``)."""
    return _TYPE_PARTS.split(name)[-1]


def _index(pairs: list[tuple[str, str]]) -> dict[str, str]:
    """{key of a given name: the schema's name}; a key two schema names share maps to AMBIGUOUS."""
    out: dict[str, str] = {}
    for given, ours in pairs:
        k = name_key(given)
        out[k] = ours if out.get(k, ours) == ours else AMBIGUOUS
    return out


@dataclass
class SchemaNames:
    """Maps a file's names to the schema's (``label``, ``event_type``, ``role``), counting what it changed
    (``mapped``) and what had no match (``unmatched``), by kind: "entity label", "event type", "role"."""

    schema: Schema
    mapped: Counter[tuple[str, str, str]] = field(default_factory=Counter)  # (kind, theirs, ours)
    unmatched: Counter[tuple[str, str]] = field(default_factory=Counter)  # (kind, theirs)
    given: Counter[tuple[str, str, str]] = field(default_factory=Counter)  # ``mapped`` as given_spellings last saw it
    told: dict[str, str] = field(default_factory=dict)  # the document's own record: {its label or type: the schema's}
    told_roles: dict[str, str] = field(default_factory=dict)  # {its role: the schema's}

    def __post_init__(self) -> None:
        s = self.schema
        self._labels = _index(
            [(e.name, e.name) for e in s.entities] + [(a, e.name) for e in s.entities for a in e.aliases]
        )
        type_names = [(t.name, t.name) for t in s.events] + [(a, t.name) for t in s.events for a in t.aliases]
        self._types = _index(type_names)
        aliases = dict(s.role_aliases)
        self._roles = {
            t.name: _index(
                [(r.name, r.name) for r in t.roles] + [(a, r.name) for r in t.roles for a in aliases.get(r.name, ())]
            )
            for t in s.events
        }

    def _type_of(self, name: str) -> str | None:
        """The schema's event type a span's label spells (AMBIGUOUS: two of them), by the whole name, else by the
        last part of a dotted or coloned one (``Conflict.Attack`` for ``Attack``); None: none."""
        ours = self._types.get(name_key(name))
        last = _last_part(name)
        return ours if ours is not None or last == name else self._types.get(name_key(last))

    def tell(self, meta: Any) -> None:
        """The spellings a document's file records of the schema's names it was exported from (``meta``: a task's
        ``data``, a doccano line; ``GivenSpellings.of_meta``: our export writes ``schema_matched`` there, brat's
        ``Attack`` for the news schema's ``Conflict:Attack``): each is the schema's name again for this document's
        labels and roles, where the schema has that name and not the spelling itself. A bare ``Attack`` the rule
        keeps a label (``region``) is then the event type its own file says it is; the next document tells its own."""
        if not isinstance(meta, dict) or not any(k in meta for k in SPELLING_KEYS):  # no record: nothing to look at
            self.told, self.told_roles = {}, {}
            return
        kept = GivenSpellings.of_meta(meta)
        s = self.schema
        self.told = {
            theirs: ours
            for ours, theirs in kept.labels.items()
            if (s.label(ours) or s.event_type(ours)) and not (s.label(theirs) or s.event_type(theirs))
        }
        self.told_roles = {theirs: ours for ours, theirs in kept.roles.items() if theirs != ours}

    def _match(self, kind: str, name: str, exact: bool, index: dict[str, str]) -> str:
        if exact:
            return name
        ours = index.get(name_key(name), AMBIGUOUS)
        if ours == AMBIGUOUS:
            self.unmatched[(kind, name)] += 1
            return name
        self.mapped[(kind, name, ours)] += 1
        return ours

    def label(self, name: str) -> str:
        return self._match("entity label", name, self.schema.label(name) is not None, self._labels)

    def event_type(self, name: str) -> str:
        return self._match("event type", name, self.schema.event_type(name) is not None, self._types)

    def declared_type(self, name: str) -> str | None:
        """The schema's event type that an event type a file declares as one (brat's annotation.conf) spells: by its
        whole name (``Conflict.Attack``), else the one schema type whose last part it is (brat's ``Attack``, a leaf
        under ``Conflict``, for ``Conflict:Attack``: declared an event type, it is no entity label); None: none, or
        two. Not counted (``notes`` is for the names of annotations)."""
        ours = self._types.get(name_key(name))
        if ours is None and _last_part(name) == name:
            leaves = {n for n in self.schema.event_type_names if name_key(_last_part(n)) == name_key(name)}
            ours = leaves.pop() if len(leaves) == 1 else None
        return ours or None

    def declared_label(self, name: str) -> str | None:
        """The schema's entity label that an entity type a file declares (brat's annotation.conf) names: by its whole
        name or an alias (``Person``, ``PER``; ACE's ``Organization`` for ``ORG``, the news schema's alias), never by
        a label that begins it (``Personnel`` is not ``PERSON``, INCEpTION's ``TimexTmeDat`` not ``TIME``: session 22);
        None: none, or two. Not counted."""
        return self._labels.get(name_key(name)) or None

    def declared_role(self, event_type: str, name: str) -> str | None:
        """The role of the schema's ``event_type`` that a role a file declares for it names: by its whole name or an
        alias, else the one role its leading words name (brat's news tutorial marks its roles apart from its entity
        types: ``Person-Arg`` for ``Person``, ``Org-Arg2`` for ``Org``; a word ends at a separator, a case change or a
        digit: ``Placement`` is not ``Place``); None: none, or two. Not counted."""
        index = self._roles.get(event_type, {})
        ours = index.get(name_key(name))
        if ours is None:
            words = _words(name)
            leading = {name_key("".join(words[:k])) for k in range(1, len(words))}
            found = {r for k, r in index.items() if r and k in leading}
            ours = found.pop() if len(found) == 1 else None
        return ours or None

    def region(self, name: str) -> str:
        """A labelled span's label (doccano's, Label Studio's, Prodigy's, a training line's): the schema's entity label
        or, where it names one, its event type (the span a trigger); a name that spells one of each is kept."""
        s = self.schema
        if s.label(name) is not None or s.event_type(name) is not None:
            return name
        if name in self.told:  # the document's file says which of the schema's names it spells
            ours = self.told[name]
            self.mapped[("entity label" if s.label(ours) is not None else "event type", name, ours)] += 1
            return ours
        found = [x for x in (self._labels.get(name_key(name)), self._type_of(name)) if x is not None]
        if len(found) != 1 or found[0] == AMBIGUOUS:
            self.unmatched[("label", name)] += 1
            return name
        kind = "entity label" if s.label(found[0]) is not None else "event type"
        self.mapped[(kind, name, found[0])] += 1
        return found[0]

    def role(self, event_type: str, name: str) -> str:
        """A role of ``event_type`` (the schema's name of it, as ``event_type()`` gave it)."""
        etype = self.schema.event_type(event_type)
        if etype is None:  # the type had no match: its roles keep their names (and are not counted again)
            return name
        told = self.told_roles.get(name)
        if told is not None and etype.role(name) is None and etype.role(told) is not None:
            self.mapped[(f"role of {event_type}", name, told)] += 1
            return told
        return self._match(f"role of {event_type}", name, etype.role(name) is not None, self._roles[event_type])

    def notes(self, where: str) -> list[str]:
        """What was renamed, one line: "a.json: names matched to the schema's (news): Conflict.Attack ->
        Conflict:Attack (3), PER -> PERSON (12)" (a role renamed alike in several event types counted together)."""
        totals: Counter[tuple[str, str]] = Counter()
        for (_, theirs, ours), n in self.mapped.items():
            totals[(theirs, ours)] += n
        if not totals:
            return []
        said = ", ".join(f"{theirs} -> {ours} ({n})" for (theirs, ours), n in sorted(totals.items()))
        return [f"{where}: names matched to the schema's ({self.schema.name}): {said}"]

    def unmatched_notes(self, where: str, told: bool = False) -> list[str]:
        """What had no match, one line: kept as it is (a schema that lacks it then refuses or is told, as the
        reader's rule is). ``told``: the names go on into a schema told from the file, which ``schema_match`` matches
        by the declared names' rule: those it matches (DyGIE++'s ``Meet``, ``Contact:Meet``) are said there, not here."""
        declared = {"event type": self.declared_type, "entity label": self.declared_label}
        left = {
            (kind, theirs): n
            for (kind, theirs), n in self.unmatched.items()
            if not (told and kind in declared and declared[kind](theirs))
        }
        if not left:
            return []
        said = "; ".join(f"{kind} {theirs} ({n})" for (kind, theirs), n in sorted(left.items()))
        return [f"{where}: no match in the schema ({self.schema.name}), kept as they are: {said}"]


@dataclass
class AliasNames:
    """The schema's names as its first aliases (``PERSON`` -> ``PER``, ``Conflict:Attack`` -> ``Conflict.Attack``,
    ``Time`` -> ``Time-Within``), for a writer asked for the other tool's names; a name without an alias stays as it
    is, as does one whose first alias is itself (the news schema's ``ORG``, whose other aliases are the words it
    abbreviates). ``chosen`` counts the names written for one with several aliases (``PRODUCT`` -> ``VEH`` though
    ``WEA`` is one too), for the writer to report."""

    schema: Schema
    chosen: Counter[tuple[str, str, tuple[str, ...]]] = field(default_factory=Counter)  # (ours, written, all aliases)

    def __post_init__(self) -> None:
        s = self.schema
        self._labels = {e.name: e.aliases for e in s.entities if e.aliases}
        self._types = {t.name: t.aliases for t in s.events if t.aliases}
        self._roles = {name: names for name, names in s.role_aliases if names}

    def _first(self, name: str, table: dict[str, tuple[str, ...]]) -> str:
        aliases = table.get(name)
        if not aliases:
            return name
        if len(aliases) > 1 and aliases[0] != name:  # a name listed first is written as itself: no choice to say
            self.chosen[(name, aliases[0], aliases)] += 1
        return aliases[0]

    def label(self, name: str) -> str:
        return self._first(name, self._labels)

    def event_type(self, name: str) -> str:
        return self._first(name, self._types)

    def role(self, name: str) -> str:
        return self._first(name, self._roles)

    def notes(self) -> list[str]:
        """One line a name written as the first of several aliases: "PRODUCT written as VEH (12; its aliases: VEH,
        WEA)"."""
        return [
            f"{ours} written as {written} ({n}; its aliases: {', '.join(aliases)})"
            for (ours, written, aliases), n in sorted(self.chosen.items())
        ]


def given_spellings(names: SchemaNames | None) -> dict[str, dict[str, str]]:
    """The file's own spellings of the schema's names ``names`` matched so far, for a reader to keep in a document's
    shape (the dict it keeps of how the file was written: ``meta["label_studio_task"]``, ``meta["doccano_form"]``,
    ``meta["prodigy"]``) and the export to write them back: ``labels`` (``PERSON`` -> ``PER``, ``Conflict:Attack`` ->
    ``Conflict.Attack``) and ``roles`` (``Attacker`` -> ``attacker``); one spelling a name, the first the document
    gave: those matched since the reader last asked (a reader asks once a document, after reading it), so a
    document keeps its own, not those of the file's other documents (a file of several sources' documents wrote
    ``Conflict:Attack`` in one, ``Conflict.Attack`` in another); nothing matched: {}."""
    if names is None:
        return {}
    labels: dict[str, str] = {}
    roles: dict[str, str] = {}
    for key, count in names.mapped.items():
        if count > names.given[key]:
            kind, theirs, ours = key
            (roles if kind.startswith("role of ") else labels).setdefault(ours, theirs)
    names.given = Counter(names.mapped)
    return {k: v for k, v in (("labels", labels), ("roles", roles)) if v}


@dataclass
class GivenSpellings:
    """The spellings ``given_spellings`` gave a reader to keep with a document, for a writer: ``label`` (an entity label or event type)
    and ``role`` give the file's own spelling of a schema's name, a name it did not spell another way as it is."""

    labels: dict[str, str] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, shape: Any) -> GivenSpellings:
        """What ``shape`` (a document's kept shape, whatever it holds; not a dict: nothing) keeps."""
        got = shape if isinstance(shape, dict) else {}
        return cls(
            *(
                {str(k): v for k, v in x.items() if isinstance(v, str)} if isinstance(x, dict) else {}
                for x in (got.get("labels"), got.get("roles"))
            )
        )

    @classmethod
    def of_meta(cls, meta: Any) -> GivenSpellings:
        """The spellings the reader that brought a document in kept in its meta (``meta``), whichever format it came
        from (``SPELLING_KEYS``; a key's first spelling of a name wins): every writer that names labels span by span
        writes a document's labels as its own file spelt them (``PER`` from a Label Studio task goes out as ``PER`` to
        the Hugging Face tokens or CoNLL too)."""
        got = cls()
        for key in SPELLING_KEYS if isinstance(meta, dict) else ():
            shape = meta.get(key)
            if not isinstance(shape, dict) or ("labels" not in shape and "roles" not in shape):
                continue  # no spellings kept there (most keys of most documents): nothing to build
            kept = cls.of(shape)
            for ours, theirs in kept.labels.items():
                got.labels.setdefault(ours, theirs)
            for ours, theirs in kept.roles.items():
                got.roles.setdefault(ours, theirs)
        return got

    def label(self, name: str) -> str:
        return self.labels.get(name, name)

    def role(self, name: str) -> str:
        return self.roles.get(name, name)


Spell = Callable[[str], str]


def spelt_schema(schema: Schema, labels: dict[str, list[str]], roles: dict[str, list[str]]) -> Schema:
    """``schema`` under the names an export wrote (a file that declares its types beside the annotations: brat's
    annotation.conf): each entity label and event type as the spellings ``labels`` gives it (one entry each; the
    schema's own name where none, or where it was written so), each role as ``roles`` gives it, role labels too. A
    role written two ways is required in neither (either fills it: brat would want both of an event)."""
    from dataclasses import replace

    def names(name: str, table: dict[str, list[str]]) -> list[str]:
        return table.get(name) or [name]

    def multiplicity(role: Role) -> str:
        if len(names(role.name, roles)) < 2:
            return role.multiplicity
        return unrequired_multiplicity(role)

    entities = tuple(replace(e, name=n) for e in schema.entities for n in names(e.name, labels))
    events = tuple(
        replace(
            t,
            name=n,
            roles=tuple(
                replace(
                    r,
                    name=rn,
                    labels=tuple(x for lab in r.labels for x in names(lab, labels)),
                    multiplicity=multiplicity(r),
                )
                for r in t.roles
                for rn in names(r.name, roles)
            ),
        )
        for t in schema.events
        for n in names(t.name, labels)
    )
    return replace(schema, entities=entities, events=events)


def written_names(meta: Any, aliases: AliasNames | None = None, file_names: bool = True) -> tuple[Spell, Spell, Spell]:
    """How a writer names one document's (entity labels, event types, roles): each name's first alias where the
    ``names=aliases`` option asks (``aliases``), else as the file the document came from spelt them
    (``GivenSpellings.of_meta``; the schema's where it spelt them so, or the document was annotated here), or the
    schema's own where ``file_names`` is off (``names=schema``)."""
    if aliases is not None:
        return aliases.label, aliases.event_type, aliases.role
    if not file_names:
        return str, str, str
    spelt = GivenSpellings.of_meta(meta)
    return spelt.label, spelt.label, spelt.role


def has_spellings(meta_json: str | None) -> bool:
    """Whether a document's meta as stored (JSON text) may keep spellings (a key of ``SPELLING_KEYS`` in it): a
    quick test before parsing it."""
    return bool(meta_json) and any(f'"{key}"' in meta_json for key in SPELLING_KEYS)  # type: ignore[operator]
