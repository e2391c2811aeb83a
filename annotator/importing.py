"""Bring documents (and ready-made annotations) into a project: what a reader made (``IncomingDocument``) is
checked against the schema's rules and stored, each batch in one transaction. The readers are in
``annotator.formats`` (the simple .txt and .jsonl inputs in ``formats.plain``); files and folders told apart by
name and content are imported by ``formats.loading.import_paths``."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

import orjson

from annotator.db import event_row, is_score, span_row
from annotator.errors import ImportFileError
from annotator.textcheck import first_surrogate, printable
from annotator.wording import counted
from annotator.model import STATES, STATUSES
from annotator.rules import ALLOWED_WHILE_WORKING, event_breaches, event_type_breach, label_breach
from annotator.schema import Schema
from annotator.store import Project, now

BATCH = 500
MAX_TEXT_CHARS = 20_000_000  # 20 M characters: larger texts are refused with this limit named
MAX_FILE_CHARS = 200_000_000  # a JSON/JSONL file of many documents (each still under MAX_TEXT_CHARS)
BOM = "\ufeff"


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
    # a document a reader rebuilt from tokens, matched to the stored one it came from (formats.onto_stored): its
    # annotations go onto that document even where its set has some, as suggestions of what it lacks
    onto_stored: bool = False


@dataclass
class ImportReport:
    imported: list[tuple[str, int]] = field(default_factory=list)  # (name, document id)
    duplicates: list[tuple[str, int]] = field(default_factory=list)  # (name, id of the document it repeats)
    # (name, id): a document already in the project whose annotation set had nothing, given the input's annotations
    annotated: list[tuple[str, int]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    entities: int = 0
    events: int = 0
    # arguments of events that came onto a stored document, left out because their entity was rejected there
    arguments_left_out: int = 0
    # (name, document id, set): an annotator's annotations of a document in a set of their own (a Label Studio task
    # that several annotators annotated), stored with the document or onto it
    in_sets: list[tuple[str, int, str]] = field(default_factory=list)

    def merge(self, other: "ImportReport") -> None:
        self.imported += other.imported
        self.duplicates += other.duplicates
        self.annotated += other.annotated
        self.skipped += other.skipped
        self.entities += other.entities
        self.events += other.events
        self.arguments_left_out += other.arguments_left_out
        self.in_sets += other.in_sets

    def to_data(self) -> dict[str, Any]:
        """The report as ``import --json`` prints it (docs/command-line.md lists the keys)."""
        return {
            "imported": [{"name": n, "id": i} for n, i in self.imported],
            "annotated": [{"name": n, "id": i} for n, i in self.annotated],
            "duplicates": [{"name": n, "duplicate_of": i} for n, i in self.duplicates],
            "skipped": [{"path": p, "reason": r} for p, r in self.skipped],
            "entities": self.entities,
            "events": self.events,
            "arguments_left_out": self.arguments_left_out,
            "summary": self.summary(),
        }

    def summary(self) -> str:
        parts = [f"{len(self.imported)} imported"]
        if self.entities or self.events:
            parts.append(f"{counted(self.entities, 'entity', 'entities')}, {counted(self.events, 'event')}")
        if self.annotated:
            parts.append(f"{len(self.annotated)} annotated (already in the project)")
        if self.in_sets:
            sets = sorted({s for _, _, s in self.in_sets})
            parts.append(
                f"{counted(len(self.in_sets), 'annotation')} in annotators' own sets ({', '.join(sets[:5])}"
                f"{', ...' if len(sets) > 5 else ''})"
            )
        parts.append(f"{counted(len(self.duplicates), 'duplicate')} skipped")
        parts.append(f"{counted(len(self.skipped), 'file')} skipped")
        if self.arguments_left_out:
            parts.append(
                f"{counted(self.arguments_left_out, 'argument')} of suggested events left out (its entity was "
                "rejected on the document)"
            )
        return ", ".join(parts)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def decode_text(data: bytes, path: str, limit: int = MAX_TEXT_CHARS) -> tuple[str, bool]:
    """Strict UTF-8; returns (text, had_bom). Raises ImportFileError for binary or invalid input."""
    if not data:
        raise ImportFileError(path, "empty file")
    if b"\x00" in data[:65536]:
        raise ImportFileError(path, "binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ImportFileError(path, f"not valid UTF-8 (byte {exc.start}: {exc.reason})", line) from None
    bom = text.startswith(BOM)
    if bom:
        text = text[1:]
    if not text:
        raise ImportFileError(path, "empty file")
    if len(text) > limit:
        raise ImportFileError(path, f"too large: {len(text):,} characters (the limit is {limit:,})")
    return text, bom


def check_document(project: Project, doc: IncomingDocument, where: str) -> None:
    """Check an incoming document's annotations against the project's schema before anything is stored."""
    check_incoming(project.schema, doc, where, doc.source_line)


def check_incoming(schema: Schema, doc: IncomingDocument, where: str, line: int | None = None) -> None:
    """Refuse a document that breaks the schema's rules (``annotator.rules``) with an ImportFileError naming
    ``where`` and ``line``; what is allowed while working (``rules.ALLOWED_WHILE_WORKING``) comes in and is
    reported by validation."""

    def refuse(reason: str) -> None:
        raise ImportFileError(where, f"document {doc.name!r}: {reason}", line)

    where = printable(where)
    doc.name = printable(doc.name)  # a file name that is not UTF-8 is kept readable, not lost
    if doc.source_path is not None:
        doc.source_path = printable(doc.source_path)
    for what, value in (
        ("text", doc.text),
        ("metadata", doc.meta),
        ("comments", doc.comments),
        ("annotation set", doc.annotation_set),
    ):
        found = first_surrogate(value)
        if found:
            refuse(f"the {what} holds a lone surrogate at {found}: not valid Unicode text")

    if len(doc.text) > MAX_TEXT_CHARS:
        raise ImportFileError(
            where,
            f"document {doc.name!r} is too large: {len(doc.text):,} characters (the limit is {MAX_TEXT_CHARS:,})",
            line,
        )
    if doc.status not in STATUSES:
        refuse(f"unknown status {doc.status!r}")
    fillers: dict[Any, tuple[str, str]] = {}
    for e in doc.entities:
        if not (0 <= e.start < e.end <= len(doc.text)):
            refuse(f"entity offsets {e.start}, {e.end} outside the text")
        if (b := label_breach(schema, e.label)) is not None:
            refuse(b.message)
        if e.state not in STATES:
            refuse(f"unknown entity state {e.state!r}")
        if e.score is not None and not is_score(e.score):
            refuse(f"entity [{e.start}, {e.end}) has score {e.score!r}, not a finite number")
        fillers[e.key] = (e.label, e.state)
    for v in doc.events:
        if (b := event_type_breach(schema, v.type)) is not None:
            refuse(b.message)
        if not (0 <= v.trigger_start < v.trigger_end <= len(doc.text)):
            refuse("trigger offsets outside the text")
        if v.state not in STATES:
            refuse(f"unknown event state {v.state!r}")
        if v.score is not None and not is_score(v.score):
            refuse(f"event {v.type} [{v.trigger_start}, {v.trigger_end}) has score {v.score!r}, not a finite number")
        for role, key in v.arguments:
            if key not in fillers:
                refuse(f"argument {role} points at unknown entity {key!r}")
        for b in event_breaches(schema, v.type, v.attributes, v.arguments, fillers):
            if b.kind not in ALLOWED_WHILE_WORKING:
                refuse(b.message)


def _set_is_empty(project: Project, doc_id: int, aset: str) -> bool:
    """Whether the document has no entity and no event in the annotation set."""
    return not project.db.conn.execute(
        "SELECT 1 FROM entities WHERE document_id = ? AND annotation_set = ? UNION ALL "
        "SELECT 1 FROM events WHERE document_id = ? AND annotation_set = ? LIMIT 1",
        (doc_id, aset, doc_id, aset),
    ).fetchone()


def free_name(project: Project, name: str) -> str:
    """``name``, or the first of "name (2)", "name (3)", ... that no document of the project has: two inputs of
    one name (two Label Studio tasks of one id, a.txt from two folders) stay apart and traceable to their input."""

    def taken(n: str) -> bool:
        return project.db.conn.execute("SELECT 1 FROM documents WHERE name = ? LIMIT 1", (n,)).fetchone() is not None

    if not taken(name):
        return name
    k = 2
    while taken(f"{name} ({k})"):
        k += 1
    return f"{name} ({k})"


def store_documents(project: Project, docs: list[IncomingDocument], report: ImportReport) -> None:
    """Store documents with their annotations in the current transaction. A document whose text is already in the
    project is a duplicate (reported, not stored again), except that its annotations go onto that document when its
    annotation set has none there yet (another set of a team's project, exported and imported set by set)."""
    conn = project.db.conn
    t = now()
    for doc in docs:
        digest = sha256_text(doc.text)
        aset = doc.annotation_set or project.annotation_set
        dup = conn.execute("SELECT id FROM documents WHERE sha256 = ?", (digest,)).fetchone()
        if dup and doc.onto_stored and (doc.entities or doc.events) and not _set_is_empty(project, dup[0], aset):
            if _store_what_it_lacks(project, doc, dup[0], aset, t, report):
                _log_import(project, doc, dup[0], digest, t, "import_annotations")
                report.annotated.append((doc.name, dup[0]))
            else:  # it had everything: as a duplicate
                report.duplicates.append((doc.name, dup[0]))
            continue
        if dup and (not (doc.entities or doc.events) or not _set_is_empty(project, dup[0], aset)):
            # an annotator's set of an input already counted (a Label Studio task's other annotations): one input
            if doc.annotation_set is None or all(i != dup[0] for _, i in report.duplicates):
                report.duplicates.append((doc.name, dup[0]))
            continue
        if dup:
            _store_annotations(project, doc, dup[0], aset, t)
            had = {(c[0], c[1]) for c in conn.execute("SELECT author, text FROM comments WHERE document_id = ?", dup)}
            _store_comments(project, dup[0], [c for c in doc.comments if (c.get("author"), c["text"]) not in had], t)
            _log_import(project, doc, dup[0], digest, t, "import_annotations")
            if doc.annotation_set is not None:  # an annotator's set of a document this import brings (or had)
                report.in_sets.append((doc.name, dup[0], aset))
            else:
                report.annotated.append((doc.name, dup[0]))
            report.entities += len(doc.entities)
            report.events += len(doc.events)
            continue
        doc.name = free_name(project, doc.name)
        cur = conn.execute(
            "INSERT INTO documents (name, text, sha256, status, meta, bom, source_path, imported_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                doc.name,
                doc.text,
                digest,
                doc.status,
                orjson.dumps(doc.meta).decode(),
                int(doc.bom),
                doc.source_path,
                t,
                t,
            ),
        )
        doc_id = int(cur.lastrowid)
        _store_annotations(project, doc, doc_id, aset, t)
        _store_comments(project, doc_id, doc.comments, t)
        _store_tokens(project, doc, doc_id)
        _log_import(project, doc, doc_id, digest, t, "import_document")
        report.imported.append((doc.name, doc_id))
        if doc.annotation_set is not None and (doc.entities or doc.events):
            report.in_sets.append((doc.name, doc_id, aset))
        report.entities += len(doc.entities)
        report.events += len(doc.events)


def _insert_event(
    project: Project, doc_id: int, aset: str, v: IncomingEvent, annotator: str | None, state: str, t: str
) -> int:
    """An incoming event's row (its attributes over the schema's defaults when it asks for them), in ``state``."""
    attrs = {**(project.schema.default_attributes() if v.fill_defaults else {}), **v.attributes}
    row = event_row(
        doc_id,
        aset,
        v.type,
        v.trigger_start,
        v.trigger_end,
        attrs,
        annotator,
        state=state,
        source=v.source,
        score=v.score,
        alternatives=v.alternatives,
        at=t,
    )
    return project.db.insert_event(row)


def _store_annotations(project: Project, doc: IncomingDocument, doc_id: int, aset: str, t: str) -> None:
    """The document's entities and events (with their arguments) in the annotation set."""

    def who(name: str | None) -> str | None:
        return name if doc.keep_annotators else (name or project.annotator)

    ids = {}
    for e in doc.entities:
        ids[e.key] = project.db.insert_span(
            span_row(doc_id, aset, e.start, e.end, e.label, e.state, e.source, who(e.annotator), score=e.score, at=t)
        )
    for v in doc.events:
        event_id = _insert_event(project, doc_id, aset, v, who(v.annotator), v.state, t)
        project.db.insert_arguments((event_id, role, ids[key], who(v.annotator), t) for role, key in v.arguments)


def _store_what_it_lacks(
    project: Project, doc: IncomingDocument, doc_id: int, aset: str, t: str, report: ImportReport
) -> bool:
    """A matched document's annotations onto a stored document whose set has some: what it lacks comes in as
    suggestions (their source and score as the input gave them); what it has, in any state (a rejected suggestion
    is not offered again), is left as it is: an entity of the same span and label, an event of the same type whose
    trigger overlaps (a token format keeps one trigger token). A new event's argument points at the document's
    entity of its span and label where there is one; where that entity was rejected the argument is left out
    (counted in the report). Returns whether anything was added."""
    have: dict[tuple[int, int, str], tuple[int, bool]] = {}  # span and label -> (entity id, rejected), kept first
    for e in project.entities(doc_id, aset):
        if have.get((e.start, e.end, e.label), (0, True))[1]:
            have[(e.start, e.end, e.label)] = (e.id, e.state == "rejected")
    triggers = [(v.type, v.trigger_start, v.trigger_end) for v in project.events(doc_id, aset)]
    ids: dict[Any, tuple[int, bool]] = {}
    before = (report.entities, report.events)
    for e in doc.entities:
        known = have.get((e.start, e.end, e.label))
        if known is None:
            row = span_row(
                doc_id, aset, e.start, e.end, e.label, "suggested", e.source, project.annotator, score=e.score, at=t
            )
            known = have[(e.start, e.end, e.label)] = (project.db.insert_span(row), False)
            report.entities += 1
        ids[e.key] = known
    for v in doc.events:
        if any(ty == v.type and s < v.trigger_end and v.trigger_start < e for ty, s, e in triggers):
            continue
        event_id = _insert_event(project, doc_id, aset, v, project.annotator, "suggested", t)
        triggers.append((v.type, v.trigger_start, v.trigger_end))
        fillers = [(role, ids[key][0]) for role, key in v.arguments if not ids[key][1]]
        report.arguments_left_out += len(v.arguments) - len(fillers)
        project.db.insert_arguments((event_id, role, entity_id, project.annotator, t) for role, entity_id in fillers)
        report.events += 1
    return (report.entities, report.events) != before


def _store_tokens(project: Project, doc: IncomingDocument, doc_id: int) -> None:
    """The input's own tokens, when they are sound (sorted, apart, inside the text); else the fallback is used."""
    if doc.tokens is None:
        return
    starts, ends, sents = doc.tokens
    sound = len(starts) == len(ends) > 0 and all(0 <= s < e <= len(doc.text) for s, e in zip(starts, ends))
    sound = sound and all(e <= s for e, s in zip(ends, starts[1:])) and all(0 <= k < len(starts) for k in sents)
    if sound:
        project.db.conn.execute(
            "INSERT INTO tokens (document_id, pipeline, starts, ends, sentence_starts) VALUES (?, ?, ?, ?, ?)",
            (doc_id, doc.tokens_source, *(orjson.dumps(x).decode() for x in (starts, ends, sents or [0]))),
        )


def _store_comments(project: Project, doc_id: int, comments: list[dict[str, Any]], t: str) -> None:
    for cm in comments:
        project.db.conn.execute(
            "INSERT INTO comments (document_id, author, text, created_at) VALUES (?, ?, ?, ?)",
            (doc_id, cm.get("author"), cm["text"], cm.get("created_at") or t),
        )


def _log_import(project: Project, doc: IncomingDocument, doc_id: int, digest: str, t: str, action: str) -> None:
    project.db.conn.execute(
        "INSERT INTO change_log (at, annotator, document_id, action, rows) VALUES (?, ?, ?, ?, ?)",
        (
            t,
            project.annotator,
            doc_id,
            action,
            orjson.dumps(
                {
                    "name": doc.name,
                    "sha256": digest,
                    "source_path": doc.source_path,
                    "entities": len(doc.entities),
                    "events": len(doc.events),
                }
            ).decode(),
        ),
    )


def import_documents(
    project: Project,
    docs: Iterable[IncomingDocument],
    where: str = "<input>",
    batch: int = BATCH,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
    """Check and store documents in transactions of ``batch``."""
    report = ImportReport()
    pending: list[IncomingDocument] = []

    def flush() -> None:
        with project.transaction():
            store_documents(project, pending, report)
        if progress:
            progress(len(pending))
        pending.clear()

    for doc in docs:
        check_document(project, doc, doc.source_path or where)
        pending.append(doc)
        if len(pending) >= batch:
            flush()
            if cancelled and cancelled():
                return report
    if pending:
        flush()
    return report
