"""Copying one document's annotation set from a source project into the target (inside the caller's transaction)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from pathlib import Path

import orjson

from annotator.formats.set_meta_kept import OWN, imported_own
from annotator.categories import document_categories
from annotator.wording import counted, first_named
from annotator.db import EVENT_COLUMNS as DB_EVENT_COLUMNS
from annotator.store import Project, now
from annotator.teams.merge_categories import CategoryDifference, brought, carry_categories
from annotator.teams.merge_checks import NearTwin
from annotator.teams.model_quality import model_spans
from annotator.teams.provenance import carry_suggestions
from annotator.teams.sets import META_KEY

# every column of an event but its id, document and set (events are suggestions too: state, source, score, ...):
# the data-access layer's list, so a new column is copied by merge without a second list to update
EVENT_COLUMNS = tuple(c for c in DB_EVENT_COLUMNS if c not in ("document_id", "annotation_set"))


@dataclass
class SourceReport:
    """What merging one source file did."""

    path: str
    annotation_set: str
    added_documents: list[str] = field(default_factory=list)  # names of documents new to the target
    matched_documents: list[str] = field(default_factory=list)  # names of documents the target already had
    replaced_documents: list[str] = field(default_factory=list)  # documents whose set was replaced (merged before)
    kept_documents: list[str] = field(default_factory=list)  # left as another file of the set had them (--combine)
    kept_from: list[str] = field(default_factory=list)  # the files those came from
    near_duplicates: list[NearTwin] = field(default_factory=list)  # added documents almost like one already there
    categories_added: list[str] = field(default_factory=list)  # categories new to the project's list
    categories_taken: list[str] = field(default_factory=list)  # documents the target had that took hers
    categories_removed: list[str] = field(default_factory=list)  # documents that only lost hers of an earlier merge
    category_differences: list[CategoryDifference] = field(default_factory=list)  # the document's kept
    schema_kept: str | None = None  # the brat configuration kept with the schema: "taken", "differs" or None
    schema_adopted: str | None = None  # the source's schema, taken by a target without documents (its name)
    entities: int = 0
    events: int = 0
    arguments: int = 0
    comments: int = 0
    # the annotators of the file's rows with their counts, the set named after the first (no --as given); said where
    # there are several: a copy the engineer worked in before handing it to bob was named after the engineer
    named_after: list[tuple[str, int]] = field(default_factory=list)
    decisions: str = ""  # what the set did to adjudication decisions (``merge_decisions``): kept, open again
    reopened: int = 0  # of them, the items open again (said in ``decisions``)

    def to_data(self) -> dict[str, Any]:
        """What ``merge --json`` writes of the source (docs/command-line.md)."""
        return {
            "path": self.path,
            "annotation_set": self.annotation_set,
            "documents": len(self.added_documents) + len(self.matched_documents),
            "added_documents": list(self.added_documents),
            "matched_documents": list(self.matched_documents),
            "replaced_documents": list(self.replaced_documents),
            "kept_documents": list(self.kept_documents),
            "entities": self.entities,
            "events": self.events,
            "arguments": self.arguments,
            "comments": self.comments,
            "named_after": [{"annotator": who, "rows": n} for who, n in self.named_after],
            "categories_added": list(self.categories_added),
            "near_duplicates": [twin.describe() for twin in self.near_duplicates],
            "schema_adopted": self.schema_adopted,
            "adjudication_decisions": self.decisions,
        }

    def summary(self, rename: str = "--as NAME names the set otherwise") -> str:
        """What the source did, one fact a line (a terminal's width for the counts; the names of documents, five at
        most, after them): the line of the file and its set, then indented lines. ``rename``: how the set of a file
        of several annotators is named otherwise (the command line's --as; the app's dialog says its own)."""
        copied = len(self.added_documents) + len(self.matched_documents)
        s = (
            f"{self.path} -> set {self.annotation_set!r}: {counted(copied, 'document')} "
            f"({len(self.added_documents)} new to the project, {len(self.matched_documents)} matched by text)"
            f"\n  {counted(self.entities, 'entity', 'entities')}, {counted(self.events, 'event')}, "
            f"{counted(self.arguments, 'argument')}, {counted(self.comments, 'comment')}"
        )
        if len(self.named_after) > 1 and self.named_after[0][0] == self.annotation_set:
            (top, n), others = self.named_after[0], self.named_after[1:]
            rest = first_named([f"{who} {k:,}" for who, k in others], 3)
            s += (
                f"\n  named after the annotator of most of its rows, {top} ({n:,} of "
                f"{n + sum(k for _, k in others):,}; {rest}): {rename}"
            )
        if self.replaced_documents:
            s += (
                f"\n  {len(self.replaced_documents)} replaced the set's earlier version of the same "
                f"{'document' if len(self.replaced_documents) == 1 else 'documents'} "
                "(replaced, not duplicated)"
            )
        if self.kept_documents:
            s += (
                f"\n  {len(self.kept_documents)} kept as merged from {', '.join(sorted(set(self.kept_from)))} "
                f"(not worked on in this file: {_names(self.kept_documents)})"
            )
        if self.decisions:
            s += f"\n  {self.decisions}"
        if self.categories_added:
            s += f"\n  {counted(len(self.categories_added), 'category', 'categories')} added to the project's list ({', '.join(self.categories_added)})"
        if self.categories_taken:
            s += (
                f"\n  categories taken onto {counted(len(self.categories_taken), 'document')} ({_names(self.categories_taken)}: "
                "they had none, or this file's of an earlier merge)"
            )
        if self.categories_removed:
            s += (
                f"\n  categories taken off {counted(len(self.categories_removed), 'document')} "
                f"({_names(self.categories_removed)}: this file's of an earlier merge, which it no longer gives)"
            )
        for twin in self.near_duplicates:
            s += f"\n  note: {twin.describe()}"
        for d in self.category_differences[:_SAID]:
            s += (
                f"\n  note: document {d.document!r}: {self.annotation_set}'s categories ({', '.join(d.theirs)}) differ "
                f"from the project's ({', '.join(d.ours)}); the project's kept, {self.annotation_set}'s kept with the set: "
                "Review > Adjudicate settles them"
            )
        if len(self.category_differences) > _SAID:
            rest = [d.document for d in self.category_differences[_SAID:]]
            s += f"\n  note: and {counted(len(rest), 'more document')} whose categories differ ({_names(rest)})"
        if self.schema_adopted is not None:
            s += (
                f"\n  note: the project had no document: it now uses this file's schema {self.schema_adopted!r} "
                "(and the brat configuration kept with it), as an import into it would"
            )
        if self.schema_kept == "taken":
            s += "\n  note: the brat configuration kept with its schema (relation types, entity attributes) taken too"
        elif self.schema_kept == "differs":
            s += (
                "\n  note: its brat configuration kept with the schema (relation types, entity attributes) differs "
                "from the project's: the project's kept"
            )
        return s


_SAID = 5  # documents named one a line; the rest in one


def _names(names: list[str]) -> str:
    return ", ".join(sorted(names)[:_SAID]) + (", ..." if len(names) > _SAID else "")


def delete_set_rows(target: Project, doc_id: int, set_name: str) -> int:
    return target.db.delete_set_rows(doc_id, set_name)


@dataclass
class SourceDocument:
    """What merging a source document writes, read from the source before the target's write lock is taken (a
    source of 20,000 documents held the target's lock 20 s while it was read document by document)."""

    row: tuple  # (id, name, text, sha256, status, meta, bom, source_path) in the source
    tokens: tuple | None  # (pipeline, starts, ends, sentence_starts, noun_heads, heads_version)
    model: list[tuple[int, int, str, str]]  # the model's original suggestions (model_spans)
    entities: list[tuple]  # (source id, ENTITY_COLUMNS[2:] ...)
    events: list[tuple]  # (source id, EVENT_COLUMNS ...)
    arguments: list[tuple]  # (source event id, role, source entity id, annotator, created_at)
    comments: list[tuple]  # (author, text, created_at)


def read_source_document(src: Project, src_id: int, source_set: str) -> SourceDocument:
    """A source document's rows in ``source_set``, for ``copy_document``."""
    db = src.db
    row = db.document_row(src_id)
    tokens = db.token_row(src_id)
    # copied whole: the annotator's own bookkeeping (edited, timestamps) comes along
    entities = db.entity_rows_in_set(src_id, source_set)
    events = db.event_rows_in_set(src_id, source_set)
    arguments = db.argument_rows_in_set(src_id, source_set)
    comments = db.comment_texts(src_id)
    # what the model first suggested, read from the source's change log, which stays in the source
    model = model_spans(src, src_id, source_set)
    return SourceDocument(tuple(row), tokens, model, entities, events, arguments, comments)


def copy_document(
    target: Project,
    source: SourceDocument,
    target_doc_id: int | None,
    set_name: str,
    path: Path,
    record_id: int,
    report: SourceReport,
) -> None:
    """Copy a source document's set (``read_source_document``) into ``target`` as ``set_name`` (the document too when
    ``target_doc_id`` is None), with the model's original suggestions, and log it, in the caller's transaction."""
    db = target.db
    src_id, name, text, sha, status, meta_json, bom, source_path = source.row
    t = now()
    record = {
        "source": str(path),
        "source_document_id": src_id,
        "status": status,
        "merged_at": t,
        "merge_source": record_id,
    }
    new_document = target_doc_id is None
    if new_document:
        meta = orjson.loads(meta_json or "{}")
        meta.pop("adjudication", None)
        meta.pop("adjudication_reopened", None)  # (differences.REOPENED_KEY) the source's own review's trace
        meta.pop("adjudication_dropped", None)  # (differences.DROPPED_KEY) so
        brought(meta, record)  # its categories are hers
        meta[META_KEY] = {set_name: record}
        doc_id = db.insert_document(name, text, sha, "new", orjson.dumps(meta).decode(), bom, source_path, t)
        report.added_documents.append(name)
        replaced = 0
    else:
        doc_id = target_doc_id
        meta = orjson.loads(db.document_meta(doc_id) or "{}")
        earlier = (meta.get(META_KEY) or {}).get(set_name)
        replaced = delete_set_rows(target, doc_id, set_name)
        if replaced or earlier is not None:
            report.replaced_documents.append(name)
        source_meta = orjson.loads(meta_json or "{}")
        ours = document_categories(meta)
        meta, differs = carry_categories(meta, source_meta, record, earlier)
        if differs:
            report.category_differences.append(
                CategoryDifference(name, tuple(document_categories(source_meta)), tuple(ours))
            )
        elif set(now_has := document_categories(meta)) - set(ours):
            report.categories_taken.append(name)
        elif set(ours) - set(now_has):  # her file took them off (she removed the category she had given)
            report.categories_removed.append(name)
        record[OWN] = imported_own(source_meta)  # her brat lines, relations: her set's (session 40: the first file's)
        meta.setdefault(META_KEY, {})[set_name] = record
        db.set_document_meta(doc_id, orjson.dumps(meta).decode())
        report.matched_documents.append(name)
    # tokens: the same text has the same tokens; copy them where the target has none
    tok = source.tokens
    if tok and (new_document or not db.has_tokens(doc_id)):
        db.insert_tokens(doc_id, *tok[:4], noun_heads=tok[4], heads_version=tok[5])
    elif tok and tok[4]:  # the parse's noun heads (the role keys offer them) where the same tokens lack them
        db.add_noun_heads(doc_id, tok[1], tok[2], tok[4], tok[5])
    carry_suggestions(target, doc_id, set_name, source.model)
    entity_ids: dict[int, int] = {}
    for r in source.entities:
        entity_ids[r[0]] = target.db.insert_span_values((doc_id, set_name, *r[1:]))
    event_ids: dict[int, int] = {}
    for r in source.events:
        event_ids[r[0]] = target.db.insert_event(
            dict(zip(("document_id", "annotation_set", *EVENT_COLUMNS), (doc_id, set_name, *r[1:])))
        )
    # every argument's entity is in this document and set (checked before anything was written)
    arguments = target.db.insert_arguments(
        [
            (event_ids[event_id], role, entity_ids[entity_id], annotator, created)
            for event_id, role, entity_id, annotator, created in source.arguments
        ]
    )
    comments = 0
    for author, ctext, created in source.comments:
        if not new_document and db.has_comment(doc_id, author, ctext, created):
            continue  # merged before: comments are kept once
        db.insert_comments([(doc_id, author, ctext, created)])
        comments += 1
    log = {
        **record,
        "annotation_set": set_name,
        "sha256": sha,
        "new_document": new_document,
        "replaced_rows": replaced,
        "entities": {str(k): v for k, v in entity_ids.items()},
        "events": {str(k): v for k, v in event_ids.items()},
        "arguments": arguments,
        "comments": comments,
    }
    db.log_changes([(t, target.annotator, doc_id, "merge", orjson.dumps(log).decode())])
    report.entities += len(entity_ids)
    report.events += len(event_ids)
    report.arguments += arguments
    report.comments += comments
