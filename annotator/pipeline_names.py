"""Pre-annotation in a project whose schema names the pipeline's labels and the ACE types otherwise: one that adopted
an ACE brat corpus's annotation.conf (``PER``, ``Attack``, ``Time-Within``). spaCy's English pipelines label with
OntoNotes' names and the rule-based event suggester knows the news schema's ACE types, so such a project skipped every
``PERSON`` ("labels not in the schema skipped") and got no event suggestions (its types list no trigger words).

The news schema (``default_schema``: the pipeline's labels, its ACE types with their trigger words) is matched to the
project's by the alias table every reader uses (``schema_names.SchemaNames``: ``PERSON``'s alias ``PER``,
``Conflict:Attack`` for a declared ``Attack``, ``Time-Within`` for ``Time``; the names a conf declares, as brat's news
tutorial spells them: ``Organization`` for ``ORG``, ``Org-Arg`` for ``Org``); the pipeline's entities are written under
the project's labels, and the suggester runs on the news schema with its suggestions renamed to the project's types,
roles and labels (what has no match is left out)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Iterable, Sequence

from annotator.formats.schema_names import SchemaNames
from annotator.schema import Schema, default_schema
from annotator.suggest.amounts import AMOUNT_LABELS
from annotator.suggest.types import ArgumentSuggestion, EventSuggester, EventSuggestion


PLACE_LABELS = frozenset(("GPE", "LOC", "FAC"))  # the pipeline's labels of places (spaCy's English)
TIME_LABELS = frozenset(("DATE", "TIME"))  # its labels of times
CLOCK_LABEL = "TIME"  # its label of a part of a day or the clock ("Saturday morning", "10:30 a.m.")


@dataclass(frozen=True)
class LabelKinds:
    """The pipeline's kinds of label as a project's schema spells them: ``places`` (``GPE``, ``LOC``, ``FAC``),
    ``times`` (``DATE``, ``TIME``), ``amounts`` (``MONEY``, ``QUANTITY``...: ``amounts.AMOUNT_LABELS``) and ``clock``
    (``TIME``); spaCy's own names by default (the news schema's). What the role keys read a role's labels with
    (``keyflow.role_candidates``, ``kin_fits``, ``label_for_span``)."""

    places: frozenset[str] = PLACE_LABELS
    times: frozenset[str] = TIME_LABELS
    amounts: frozenset[str] = AMOUNT_LABELS
    clock: str = CLOCK_LABEL


SPACY_KINDS = LabelKinds()


@lru_cache(maxsize=8)
def label_kinds(schema: Schema | None) -> LabelKinds:
    """The pipeline's kinds of label in ``schema``'s names (``Place`` for ``GPE``, ``LOC`` and ``FAC`` where the schema
    aliases them so); spaCy's own without a schema."""
    return SPACY_KINDS if schema is None else AdoptedNames(schema, default_schema()).kinds()


@dataclass
class AdoptedNames:
    """The news schema's (``base``) names as the project's schema (``schema``) spells them: ``labels`` (``PERSON`` ->
    ``PER``), ``types`` (``Conflict:Attack`` -> ``Attack``), ``roles`` ((``Conflict:Attack``, ``Time``) ->
    ``Time-Within``); a name the project has as it is is left out of the tables."""

    schema: Schema
    base: Schema
    labels: dict[str, str] = field(default_factory=dict)
    types: dict[str, str] = field(default_factory=dict)
    roles: dict[tuple[str, str], str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        ours = SchemaNames(self.schema)
        theirs = SchemaNames(self.base)
        for e in self.base.entities:
            if self.schema.label(e.name) is None:
                found = {ours.label(n) for n in (e.name, *e.aliases)} & set(self.schema.label_names)
                if not found:  # a name the conf spells in full (brat's tutorial: Organization for ORG)
                    found = {n for n in self.schema.label_names if theirs.declared_label(n) == e.name}
                if len(found) == 1:
                    self.labels[e.name] = found.pop()
        for t in self.schema.events:
            b = theirs.declared_type(t.name)
            base_type = self.base.event_type(b) if b else None
            if base_type is None:
                continue
            self.types[base_type.name] = t.name
            for r in t.roles:  # Time-Within for Time; a role marked apart, brat's tutorial's Org-Arg for Org
                role = theirs.declared_role(base_type.name, r.name)
                if role is not None and base_type.role(role) is not None:
                    self.roles[(base_type.name, role)] = r.name

    def label(self, name: str) -> str:
        """The project's label for the pipeline's ``name`` (itself when the project has it or none matches)."""
        return self.labels.get(name, name)

    def labels_for(self, names: Iterable[str]) -> frozenset[str]:
        """The project's labels for the pipeline's ``names`` (``GPE`` and ``LOC`` as one ``Place``): what a check of
        the pipeline's labels reads in the project's (``store_parsed``'s places for ``writer.held_for_arguments``)."""
        return frozenset(self.label(n) for n in names)

    def kinds(self) -> LabelKinds:
        """The pipeline's kinds of label (places, times, amounts, the clock's) in the project's labels."""
        return LabelKinds(
            self.labels_for(PLACE_LABELS),
            self.labels_for(TIME_LABELS),
            self.labels_for(AMOUNT_LABELS),
            self.label(CLOCK_LABEL),
        )

    def unlabel(self, name: str) -> str:
        """The pipeline's label for the project's ``name``, for the suggester (itself when none)."""
        return next((b for b, ours in self.labels.items() if ours == name), name)

    @property
    def suggests_events(self) -> bool:
        """Whether the suggester should run on the news schema: the project's event types list no trigger words and
        some are the news schema's."""
        return bool(self.types) and not any(t.triggers for t in self.schema.events)


@dataclass
class RenamedSuggester:
    """``inner`` (a suggester of the news schema) with its suggestions in the project's names (``names``)."""

    inner: EventSuggester
    names: AdoptedNames

    @property
    def source(self) -> str:
        return self.inner.source

    def suggest(self, doc: Any, entities: Sequence[tuple[int, int, str]]) -> list[EventSuggestion]:
        n = self.names
        got = self.inner.suggest(doc, [(s, e, n.unlabel(label)) for s, e, label in entities])
        out = []
        for sug in got:
            if sug.type not in n.types:
                continue
            args = tuple(
                ArgumentSuggestion(n.roles[(sug.type, a.role)], a.start, a.end, n.label(a.label), a.score)
                for a in sug.arguments
                if (sug.type, a.role) in n.roles and self.names.schema.label(n.label(a.label)) is not None
            )
            alternatives = tuple(n.types[x] for x in sug.alternatives if x in n.types)
            out.append(replace(sug, type=n.types[sug.type], arguments=args, alternatives=alternatives))
        return out
