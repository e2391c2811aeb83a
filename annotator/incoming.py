"""What a reader made of a file, before it is checked and stored: ``IncomingDocument`` with its entities and
events (keys of the input's own), the type both ``importing`` (check and store) and ``import_rows`` (the rows made
before the write lock) take."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class IncomingEntity:
    key: Any
    start: int
    end: int
    label: str
    state: str = "accepted"
    source: str = "import"
    annotator: str | None = None
    score: float | None = None  # a suggester's confidence where the input gives one (a prediction's score)
    edited: bool = False  # a person changed it after it was made (the project's JSON says so since version 4)


@dataclass
class IncomingEvent:
    type: str
    trigger_start: int
    trigger_end: int
    attributes: dict[str, str] = field(default_factory=dict)
    arguments: list[tuple[str, Any]] = field(default_factory=list)  # (role, entity key)
    annotator: str | None = None
    fill_defaults: bool = True  # False where the input says an attribute it lacks has no value (brat)
    state: str = "accepted"  # as for entities: what an import brings was decided, unless it says otherwise
    source: str = "import"
    score: float | None = None
    alternatives: list[str] = field(default_factory=list)
    edited: bool = False  # as for entities


@dataclass
class IncomingDocument:
    """A document as a reader produced it, before it is stored."""

    text: str
    name: str
    meta: dict[str, Any] = field(default_factory=dict)
    status: str = "new"
    bom: bool = False
    source_path: str | None = None
    source_line: int | None = None  # where in source_path the document starts, for messages
    entities: list[IncomingEntity] = field(default_factory=list)
    events: list[IncomingEvent] = field(default_factory=list)
    comments: list[dict[str, Any]] = field(default_factory=list)
    annotation_set: str | None = None
    keep_annotators: bool = False  # True for exports read back: a missing annotator stays missing
    # the input's own tokens (starts, ends, sentence-start token indices) where it has them (CoNLL, a DocBin), stored
    # as pre-annotation stores its own, so the token exports cut the text as the input did; pipeline ``tokens_source``
    tokens: tuple[list[int], list[int], list[int]] | None = None
    tokens_source: str = "import"
    # the parse's noun heads stored with those tokens (``tokens.noun_heads``: [[start, end], ...]) where the input
    # carries them (the project's own JSON and JSONL exports, session 33); the role keys offer them
    noun_heads: list[tuple[int, int]] | None = None
    # the version of the rules that found them (``tokens.heads_version``, ``nlp.NOUN_HEADS_VERSION``): None where the
    # input does not say (an export before session 42: heads of rules older than the versions, said as such)
    heads_version: int | None = None
    # a document a reader rebuilt from tokens, matched to the stored one it came from (formats.onto_stored): its
    # annotations go onto that document even where its set has some, as suggestions of what it lacks
    onto_stored: bool = False
    # a person's answers to this document's task in another tool (Prodigy's accept): onto a stored document of the same
    # text whose set has annotations they are decisions there (``answers_onto``), not a duplicate
    answered: bool = False
    # what of ``meta`` is the work of whoever made this file (its kept relations, brat's kept lines, ...:
    # ``set_meta_kept.imported_own``): where its annotations go onto a stored document of the same text in a set that
    # had none (``import --set bob`` of a colleague's export), kept in that set's record, as hers (session 40)
    own_meta: dict[str, Any] | None = None
