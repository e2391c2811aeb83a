"""Bring documents (and ready-made annotations) into a project: what a reader made (``IncomingDocument``) is
checked against the schema's rules and stored, each batch in one transaction. The readers are in
``annotator.formats`` (the simple .txt and .jsonl inputs in ``formats.plain``); files and folders told apart by
name and content are imported by ``formats.loading.import_paths``."""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Sequence

import orjson


from annotator.answers_onto import apply_answers
from annotator.categories import known_categories, remember_categories
from annotator.db import EVENT_COLUMNS, is_score, span_row
from annotator.errors import ImportFileError, LegacyEncodingError
from annotator.import_rows import PreparedDocument, incoming_event_row, prepare_document, sound_noun_heads
from annotator.incoming import IncomingDocument, IncomingEntity, IncomingEvent  # noqa: F401 (the readers take them from here)
from annotator.textcheck import BOM, first_surrogate, printable
from annotator.text_encoding import given_encoding, marked_encoding, utf32_hint
from annotator.wording import counted
from annotator.model import STATES, STATUSES
from annotator.set_meta import META_KEY, OWN_META
from annotator.rules import ALLOWED_WHILE_WORKING, event_breaches, event_type_breach, label_breach
from annotator.schema import Schema
from annotator.store import Project, now

BATCH = 500
MAX_TEXT_CHARS = 20_000_000  # 20 M characters: larger texts are refused with this limit named
MAX_FILE_CHARS = 200_000_000  # a JSON/JSONL file of many documents (each still under MAX_TEXT_CHARS)


@dataclass
class ImportReport:
    imported: list[tuple[str, int]] = field(default_factory=list)  # (name, document id)
    duplicates: list[tuple[str, int]] = field(default_factory=list)  # (name, id of the document it repeats)
    # (name, id): duplicates whose annotations the project's set lacks (a colleague's export of the same texts), not
    # imported: ``--set NAME`` brings them in as a set of their own
    not_brought: list[tuple[str, int]] = field(default_factory=list)
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
    # (name, id): a document already in the project given a person's answers to its task (Prodigy's) as decisions
    answered: list[tuple[str, int]] = field(default_factory=list)
    left_undecided: int = 0  # suggestions of those documents that the answers do not hold (left as they were)
    arguments_removed: int = 0  # arguments of those documents' events that the answers took out (their relation)
    # documents already in the project whose file, an input of the same text says, began with a byte order mark
    boms_recorded: int = 0
    # (name stored, id, name in the input): a document of a new text under the name of one the project held (a file
    # changed since its import, imported again), stored beside it under a free name (``free_name``)
    renamed: list[tuple[str, int, str]] = field(default_factory=list)
    # (name stored, id, name in the input): a document whose name (a JSONL line's id) the input gave an earlier
    # document of another text too, stored under a free name (``free_name``)
    named_twice: list[tuple[str, int, str]] = field(default_factory=list)
    # (name, how many): documents whose entities or triggers began or ended inside a grapheme cluster (an emoji and
    # its modifier, a flag, a letter and its accent), each widened to the cluster's edges, the text as it came
    widened: list[tuple[str, int]] = field(default_factory=list)

    def merge(self, other: "ImportReport") -> None:
        self.imported += other.imported
        self.duplicates += other.duplicates
        self.not_brought += other.not_brought
        self.annotated += other.annotated
        self.skipped += other.skipped
        self.entities += other.entities
        self.events += other.events
        self.arguments_left_out += other.arguments_left_out
        self.in_sets += other.in_sets
        self.answered += other.answered
        self.left_undecided += other.left_undecided
        self.arguments_removed += other.arguments_removed
        self.boms_recorded += other.boms_recorded
        self.renamed += other.renamed
        self.named_twice += other.named_twice
        self.widened += other.widened

    def to_data(self) -> dict[str, Any]:
        """The report as ``import --json`` prints it (docs/command-line.md lists the keys)."""
        return {
            "imported": [{"name": n, "id": i} for n, i in self.imported],
            "renamed": [{"name": n, "id": i, "name_in_input": was} for n, i, was in self.renamed],
            "named_twice": [{"name": n, "id": i, "name_in_input": was} for n, i, was in self.named_twice],
            "annotated": [{"name": n, "id": i} for n, i in self.annotated],
            "answered": [{"name": n, "id": i} for n, i in self.answered],
            "duplicates": [{"name": n, "duplicate_of": i} for n, i in self.duplicates],
            "not_brought": [{"name": n, "duplicate_of": i} for n, i in self.not_brought],
            "skipped": [{"path": p, "reason": r} for p, r in self.skipped],
            "entities": self.entities,
            "events": self.events,
            "arguments_left_out": self.arguments_left_out,
            "widened": [{"name": n, "spans": k} for n, k in self.widened],
            "summary": self.summary(),
        }

    def summary(self) -> str:
        parts = [f"{len(self.imported):,} imported"]
        if self.renamed:
            shown = "; ".join(f"{was} stored as {n}" for n, _, was in self.renamed[:3])
            more = f"; {len(self.renamed) - 3:,} more" if len(self.renamed) > 3 else ""
            parts[0] += (
                f" ({len(self.renamed):,} named as a document the project holds, its text different: {shown}{more}; "
                "the one held keeps its text and annotations)"
            )
        if self.named_twice:
            shown = "; ".join(f"{was} stored as {n}" for n, _, was in self.named_twice[:3])
            more = f"; {len(self.named_twice) - 3:,} more" if len(self.named_twice) > 3 else ""
            parts[0] += (
                f" ({len(self.named_twice):,} named as another document of the input before it, its text different: "
                f"{shown}{more})"
            )
        if self.entities or self.events:
            parts.append(f"{counted(self.entities, 'entity', 'entities')}, {counted(self.events, 'event')}")
        if self.annotated:
            parts.append(f"{len(self.annotated)} annotated (already in the project)")
        if self.answered:
            parts.append(
                f"{counted(len(self.answered), 'document')} answered (the answers' decisions onto the documents they "
                f"came from; {counted(self.left_undecided, 'suggestion')} they do not hold left undecided"
                + (
                    f"; {counted(self.arguments_removed, 'argument')} they took out removed)"
                    if self.arguments_removed
                    else ")"
                )
            )
        if self.in_sets:
            sets = sorted({s for _, _, s in self.in_sets})
            parts.append(
                f"{counted(len(self.in_sets), 'annotation')} in annotators' own sets ({', '.join(sets[:5])}"
                f"{', ...' if len(sets) > 5 else ''})"
            )
        parts.append(f"{counted(len(self.duplicates), 'duplicate')} skipped")
        if self.not_brought:
            parts[-1] += f" ({len(self.not_brought):,} with {NOT_BROUGHT}, not imported: {BRING_THEM})"
        if self.boms_recorded:
            parts.append(
                f"a byte order mark recorded on {counted(self.boms_recorded, 'document')} already in the project (the "
                "input says its file began with one)"
            )
        parts.append(f"{counted(len(self.skipped), 'file')} skipped")
        if self.arguments_left_out:
            parts.append(
                f"{counted(self.arguments_left_out, 'argument')} of suggested events left out (its entity was "
                "rejected on the document)"
            )
        if self.widened:
            shown = "; ".join(f"{k:,} in {n}" for n, k in self.widened[:3])
            more = f"; {len(self.widened) - 3:,} more documents" if len(self.widened) > 3 else ""
            total = sum(k for _, k in self.widened)
            parts.append(
                f"{counted(total, 'span')} widened to whole characters ({shown}{more}: it began or ended inside one, "
                "an emoji and its modifier, a flag, a letter and its accent; the text kept as it came)"
            )
        return ", ".join(parts)


def decode_text(data: bytes, path: str, limit: int = MAX_TEXT_CHARS, nuls_kept: bool = False) -> tuple[str, bool]:
    """Strict UTF-8, or the encoding the import was told (``text_encoding.reading_in``: ``--encoding cp1252``);
    returns (text, had_bom). Raises ImportFileError for binary or invalid input, naming the first bad byte's line.
    ``nuls_kept``: a few NUL characters in a UTF-8 text (``stray_nuls``) are read as the text's own, for a file whose
    offsets count them (brat's ``.txt``, WebAnno TSV, CoNLL: our exports of a text that holds one, session 34)."""
    if not data:
        raise ImportFileError(path, "empty file")
    encoding = given_encoding() or marked_encoding(data)  # UTF-16 with its mark is read so (session 29)
    if encoding is None and b"\x00" in data[:65536] and not (nuls_kept and stray_nuls(data, path) is not None):
        at = data.index(b"\x00")
        why = stray_nuls(data, path) or "binary file (contains NUL bytes)" + utf32_hint(data)
        raise ImportFileError(path, why, stray_line(data, at))
    try:
        text = data.decode(encoding or "utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].decode(encoding or "utf-8", "replace").count("\n") + 1
        shown = "UTF-8" if encoding is None else encoding
        if encoding is not None and given_encoding() is None:
            shown += " (its byte order mark says so)"
        reason = f"not valid {shown} (byte {exc.start}: {exc.reason})"
        word = legacy_word(data, exc.start) if encoding is None else None
        if word is not None:
            hint = (
                f"; it reads as Windows-1252 (Latin-1) text, “{printable(word)}”: import it with --encoding cp1252, or "
                f"save it as UTF-8 first, e.g. iconv -f cp1252 -t utf-8 {shlex.quote(path)} > NEW.txt"
            )
            raise LegacyEncodingError(path, reason + hint, line, "cp1252", word) from None
        raise ImportFileError(path, reason, line) from None
    if encoding is not None and "\x00" in text[:65536]:  # UTF-16's bytes hold NULs; its text does not
        raise ImportFileError(path, f"binary file (contains NUL characters read as {encoding})" + utf32_hint(data))
    bom = text.startswith(BOM)
    if bom:
        text = text[1:]
    if not text:
        raise ImportFileError(path, "empty file")
    if len(text) > limit:
        raise ImportFileError(path, f"too large: {len(text):,} characters (the limit is {limit:,})")
    return text, bom


def stray_nuls(data: bytes, path: str) -> str | None:
    """Why a UTF-8 text with a few NUL bytes in it (a scrape's, a tool's stray padding) is refused, and how to take
    them out; None for a file whose NULs are more than 16 and one byte in a hundred, or whose rest is not UTF-8 (a binary
    file, or UTF-16 without its mark, stays one). It said "binary file (contains NUL bytes)" of a news text with two
    (session 32)."""
    n = data.count(b"\x00")
    if n > max(16, len(data) // 100):
        return None
    try:
        data.replace(b"\x00", b"").decode("utf-8")
    except UnicodeDecodeError:
        return None
    first = data.index(b"\x00")
    return (
        f"a UTF-8 text with {counted(n, 'NUL byte')} in it (the first at byte {first:,}), which no text "
        f"holds: take them out first, e.g. tr -d '\\000' < {shlex.quote(path)} > NEW.txt"
    )


def stray_line(data: bytes, at: int) -> int | None:
    """The line of byte ``at`` of a UTF-8 text with stray NUL bytes (None for a binary file: no line to name)."""
    return data.count(b"\n", 0, at) + 1 if stray_nuls(data, "") is not None else None


def legacy_word(data: bytes, at: int) -> str | None:
    """The word at byte ``at`` of a text that is not UTF-8, as it reads in Windows-1252 (Latin-1 with the curly quotes,
    the dash and the euro of Windows' editors and exports), for saying how to read it; None when the text does not
    read so (the bytes Windows-1252 leaves undefined, or control characters other than line breaks and tabs). It said
    only "not valid UTF-8 (byte 3: invalid continuation byte)" (session 28: a corpus's older files, "Café" in their
    first words)."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    if any(c < " " and c not in "\r\n\t\f" for c in text):
        return None
    start = max(data.rfind(b" ", 0, at), data.rfind(b"\n", 0, at)) + 1
    return data[start : start + 40].split(None, 1)[0].decode("cp1252")


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


NOT_BROUGHT = "decisions the project's set lacks"  # a duplicate's, not imported (``ImportReport.not_brought``)
BRING_THEM = "`annotator import --set NAME` keeps them as a set of their own, to compare and adjudicate"


def _brings_more(project: Project, doc: IncomingDocument, doc_id: int, aset: str) -> bool:
    """The input decided an entity or event (offsets, label or type, state) as the project's set ``aset`` of the same
    document has not: a colleague's export of the same texts, whose work a duplicate skips (the project's own export
    brings nothing more; suggestions nobody decided are no one's work)."""
    came = [(e.start, e.end, e.label, e.state) for e in doc.entities if e.state != "suggested"]
    if came and not set(came) <= {(e.start, e.end, e.label, e.state) for e in project.entities(doc_id, aset)}:
        return True
    events = [(v.type, v.trigger_start, v.trigger_end, v.state) for v in doc.events if v.state != "suggested"]
    return bool(events) and not set(events) <= {
        (v.type, v.trigger_start, v.trigger_end, v.state) for v in project.events(doc_id, aset)
    }


def _keep_in_set_record(project: Project, doc_id: int, aset: str, own: dict[str, Any]) -> None:
    """The input's own part of its meta (``IncomingDocument.own_meta``: its relations, brat's kept lines) kept in the
    record of the set ``aset`` its annotations went into on the stored document ``doc_id`` (the exports of that set
    write them, ``set_meta_kept.with_own_meta``); in the current transaction. Until session 40 they were dropped
    without a word and that set's exports wrote the document's (another annotator's)."""
    meta = orjson.loads(project.db.document_meta(doc_id) or "{}")
    records = meta.setdefault(META_KEY, {})
    record = records.get(aset) if isinstance(records.get(aset), dict) else {"source": "import"}
    record[OWN_META] = {**(record.get(OWN_META) or {}), **own}
    records[aset] = record
    project.db.set_document_meta(doc_id, orjson.dumps(meta).decode())


def _set_is_empty(project: Project, doc_id: int, aset: str) -> bool:
    """Whether the document has no entity and no event in the annotation set."""
    return aset not in project.db.sets_with_rows(doc_id)


def free_name(project: Project, name: str) -> str:
    """``name``, or the first of "name (2)", "name (3)", ... that no document of the project has: two inputs of
    one name (two Label Studio tasks of one id, a.txt from two folders) stay apart and traceable to their input."""

    taken = project.db.has_document_named
    if not taken(name):
        return name
    k = 2
    while taken(f"{name} ({k})"):
        k += 1
    return f"{name} ({k})"


def prepare_documents(
    project: Project, docs: Iterable[IncomingDocument], schema: Schema | None = None
) -> list[PreparedDocument]:
    """The rows of checked documents, made before the write lock (``import_rows``); ``schema``: the one they are
    stored under when the import brings its own (default: the project's)."""
    t = now()
    defaults = (schema or project.schema).default_attributes()
    return [prepare_document(d, defaults, project.annotator, project.annotation_set, t) for d in docs]


def store_documents(
    project: Project, docs: Sequence[IncomingDocument | PreparedDocument], report: ImportReport
) -> None:
    """Store documents with their annotations in the current transaction. A document whose text is already in the
    project is a duplicate (reported, not stored again), except that its annotations go onto that document when its
    annotation set has none there yet (another set of a team's project, exported and imported set by set).

    ``docs`` are best prepared before the transaction (``prepare_documents``): the lock then covers only what needs
    the file, a look-up of the batch's texts and names and the inserts."""
    db = project.db
    prepared = [d if isinstance(d, PreparedDocument) else prepare_documents(project, [d])[0] for d in docs]
    # the categories the input knows join the project's list (offered by the app even once no document has them)
    remember_categories(
        project, [c for p in prepared if isinstance(p.doc.meta, dict) for c in known_categories(p.doc.meta)]
    )
    known = db.ids_of_digests(p.digest for p in prepared)
    names = db.names_taken(p.doc.name for p in prepared)
    held_names = set(names)  # the names of documents stored before this batch (a clash with one is said)
    # the names this import stored in its earlier batches: a clash with one is the input's own (a JSONL's id twice)
    ours = {n for n, _ in report.imported}
    logs: list[tuple[Any, ...]] = []
    for p in prepared:
        doc, digest, aset, t = p.doc, p.digest, p.annotation_set, p.at
        if p.widened:
            report.widened.append((doc.name, p.widened))
        dup_id = known.get(digest)
        if dup_id is not None and doc.bom and db.mark_bom(dup_id):
            # a JSON export of version 5 onto the document an older one brought without it, say: the mark is kept
            report.boms_recorded += 1
        if dup_id is not None and doc.answered and not _set_is_empty(project, dup_id, aset):
            applied = apply_answers(project, doc, dup_id, aset, t)
            if applied.changed:
                logs.append(p.log_row(dup_id, "import_answers", project.annotator))
                report.answered.append((doc.name, dup_id))
                report.left_undecided += applied.left_undecided
                report.arguments_removed += applied.removed
            else:  # every decision was there already
                report.duplicates.append((doc.name, dup_id))
            continue
        if (
            dup_id is not None
            and doc.onto_stored
            and (doc.entities or doc.events)
            and not _set_is_empty(project, dup_id, aset)
        ):
            if _store_what_it_lacks(project, doc, dup_id, aset, t, report):
                logs.append(p.log_row(dup_id, "import_annotations", project.annotator))
                report.annotated.append((doc.name, dup_id))
            else:  # it had everything: as a duplicate
                report.duplicates.append((doc.name, dup_id))
            continue
        if dup_id is not None and (not (doc.entities or doc.events) or not _set_is_empty(project, dup_id, aset)):
            # an annotator's set of an input already counted (a Label Studio task's other annotations): one input
            if doc.annotation_set is None or all(i != dup_id for _, i in report.duplicates):
                report.duplicates.append((doc.name, dup_id))
                if doc.annotation_set is None and _brings_more(project, doc, dup_id, aset):
                    report.not_brought.append((doc.name, dup_id))
            continue
        if dup_id is not None:
            _store_annotations(project, p, dup_id)
            if doc.annotation_set is None and doc.own_meta is not None:
                _keep_in_set_record(project, dup_id, aset, doc.own_meta)
            had = {(c[0], c[1]) for c in db.comment_texts(dup_id)}
            db.insert_comments(
                p.comment_rows(dup_id, [c for c in doc.comments if (c.get("author"), c["text"]) not in had])
            )
            logs.append(p.log_row(dup_id, "import_annotations", project.annotator))
            if doc.annotation_set is not None:  # an annotator's set of a document this import brings (or had)
                report.in_sets.append((doc.name, dup_id, aset))
            else:
                report.annotated.append((doc.name, dup_id))
            report.entities += len(doc.entities)
            report.events += len(doc.events)
            continue
        was, clash = doc.name, None
        if doc.name in names:
            was, doc.name = doc.name, free_name(project, doc.name)
            clash = report.renamed if was in held_names and was not in ours else report.named_twice
        names.add(doc.name)
        doc_id = db.insert_document(doc.name, doc.text, digest, doc.status, p.meta, int(doc.bom), doc.source_path, t)
        known[digest] = doc_id
        _store_annotations(project, p, doc_id)
        db.insert_comments(p.comment_rows(doc_id))
        if p.tokens is not None:
            db.insert_tokens(
                doc_id, doc.tokens_source, *p.tokens, noun_heads=sound_noun_heads(doc), heads_version=doc.heads_version
            )
        logs.append(p.log_row(doc_id, "import_document", project.annotator))
        report.imported.append((doc.name, doc_id))
        if clash is not None:
            clash.append((doc.name, doc_id, was))
        if doc.annotation_set is not None and (doc.entities or doc.events):
            report.in_sets.append((doc.name, doc_id, aset))
        report.entities += len(doc.entities)
        report.events += len(doc.events)
    db.log_changes(logs)


def _insert_event(
    project: Project, doc_id: int, aset: str, v: IncomingEvent, annotator: str | None, state: str, t: str
) -> int:
    """An incoming event stored in ``state`` (its row: ``import_rows.incoming_event_row``, as a new document's)."""
    defaults = project.schema.default_attributes()
    return project.db.insert_event(incoming_event_row(v, doc_id, aset, defaults, annotator, state, t))


_EVENT_ANNOTATOR = EVENT_COLUMNS.index("annotator")


def _store_annotations(project: Project, p: PreparedDocument, doc_id: int) -> None:
    """The document's entities and events (with their arguments) in its annotation set: the entities at once where
    no argument needs their ids."""
    db = project.db
    rows = p.entity_rows(doc_id)
    ids: list[int] = []
    if rows and not any(v.arguments for v in p.events):
        db.insert_spans_values(rows)
    elif rows:
        ids = [db.insert_span_values(row) for row in rows]
    for v in p.events:
        event_id = db.insert_event_values([doc_id, *v.values[1:]])
        if v.arguments:
            who = v.values[_EVENT_ANNOTATOR]
            db.insert_arguments((event_id, role, ids[k], who, p.at) for role, k in v.arguments)


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
        prepared = prepare_documents(project, pending)  # before the lock: it covers the inserts only
        with project.transaction():
            store_documents(project, prepared, report)
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
