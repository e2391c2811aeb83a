"""Bring annotators' project files into one project, each as its own annotation set, matched by text hash."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import orjson

from annotator.errors import AnnotatorError
from annotator.model import DEFAULT_SET
from annotator.store import Project, now
from annotator.teams.sets import META_KEY

ANNOTATION_TABLES = ("entities", "events")


@dataclass
class SourceReport:
    """What merging one source file did."""

    path: str
    annotation_set: str
    added_documents: list[str] = field(default_factory=list)  # names of documents new to the target
    matched_documents: list[str] = field(default_factory=list)  # names of documents the target already had
    replaced_documents: list[str] = field(default_factory=list)  # documents whose set was replaced (merged before)
    entities: int = 0
    events: int = 0
    arguments: int = 0
    comments: int = 0

    def summary(self) -> str:
        s = (
            f"{self.path} -> set {self.annotation_set!r}: {len(self.added_documents) + len(self.matched_documents)} "
            f"documents ({len(self.added_documents)} new to the project, {len(self.matched_documents)} matched by text), "
            f"{self.entities} entities, {self.events} events, {self.arguments} arguments, {self.comments} comments"
        )
        if self.replaced_documents:
            s += (
                f"; set {self.annotation_set!r} already had annotations for {len(self.replaced_documents)} of these "
                "documents: they were replaced, not duplicated"
            )
        return s


@dataclass
class MergeReport:
    sources: list[SourceReport] = field(default_factory=list)

    def summary(self) -> str:
        return "\n".join(s.summary() for s in self.sources)


def source_annotator(source: Project, source_set: str = DEFAULT_SET) -> str | None:
    """The most common ``annotator`` of the set's entity, event and argument rows (ties: alphabetical)."""
    counts: Counter[str] = Counter()
    conn = source.db.conn
    for sql in (
        "SELECT annotator, count(*) FROM entities WHERE annotation_set = ? AND annotator IS NOT NULL GROUP BY annotator",
        "SELECT annotator, count(*) FROM events WHERE annotation_set = ? AND annotator IS NOT NULL GROUP BY annotator",
        "SELECT a.annotator, count(*) FROM arguments a JOIN events v ON v.id = a.event_id "
        "WHERE v.annotation_set = ? AND a.annotator IS NOT NULL GROUP BY a.annotator",
    ):
        for name, n in conn.execute(sql, (source_set,)):
            if name.strip():
                counts[name] += n
    if not counts:
        return None
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def _open_source(path: Path) -> Project:
    if not path.exists():
        raise AnnotatorError(f"{path}: no such project file")
    return Project(path, create=False, read_only=True)


def _document_hashes(project: Project) -> dict[str, int]:
    return {sha: i for i, sha in project.db.conn.execute("SELECT id, sha256 FROM documents")}


def _check_schema(target: Project, source: Project, source_set: str, path: Path) -> None:
    conn = source.db.conn
    labels = {r[0] for r in conn.execute("SELECT DISTINCT label FROM entities WHERE annotation_set = ?", (source_set,))}
    missing = sorted(x for x in labels if target.schema.label(x) is None)
    if missing:
        raise AnnotatorError(f"{path}: labels not in the target's schema: {', '.join(missing)}; nothing was merged")
    types = {r[0] for r in conn.execute("SELECT DISTINCT type FROM events WHERE annotation_set = ?", (source_set,))}
    missing = sorted(x for x in types if target.schema.event_type(x) is None)
    if missing:
        raise AnnotatorError(f"{path}: event types not in the target's schema: {', '.join(missing)}; nothing was merged")


def _set_name(source: Project, path: Path, given: str | None, source_set: str) -> str:
    name = given or source_annotator(source, source_set) or path.stem
    name = name.strip()
    if not name:
        raise AnnotatorError(f"{path}: cannot name its annotation set; give one with --as NAME")
    if name == DEFAULT_SET:
        raise AnnotatorError(
            f"{path}: its annotation set would be named {DEFAULT_SET!r}, the project's final set; give another name with --as NAME"
        )
    return name


def plan_merge(
    sources: Sequence[str | Path], names: Sequence[str | None] | None = None, source_set: str = DEFAULT_SET
) -> list[tuple[Path, str]]:
    """Decide each source's set name, refusing two sources that would share one set name on shared documents."""
    paths = [Path(p) for p in sources]
    given = list(names or [])
    if len(given) > len(paths):
        raise AnnotatorError(f"{len(given)} set names given (--as) for {len(paths)} source files")
    given += [None] * (len(paths) - len(given))
    if len({p.resolve() for p in paths}) != len(paths):
        raise AnnotatorError("the same source file is given twice")
    plan: list[tuple[Path, str]] = []
    hashes: dict[str, tuple[Path, set[str]]] = {}
    for path, name in zip(paths, given):
        with _open_source(path) as src:
            set_name = _set_name(src, path, name, source_set)
            docs = set(_document_hashes(src))
        if set_name in hashes:
            other, other_docs = hashes[set_name]
            shared = docs & other_docs
            if shared:
                raise AnnotatorError(
                    f"{other} and {path} would both become annotation set {set_name!r} and share {len(shared)} "
                    "document(s); name them apart with --as NAME (one per source); nothing was merged"
                )
            other_docs |= docs
        else:
            hashes[set_name] = (path, docs)
        plan.append((path, set_name))
    return plan


def _delete_set_rows(target: Project, doc_id: int, set_name: str) -> int:
    conn = target.db.conn
    conn.execute(
        "DELETE FROM arguments WHERE event_id IN (SELECT id FROM events WHERE document_id = ? AND annotation_set = ?)",
        (doc_id, set_name),
    )
    # arguments of the target's other sets never point at this set's entities (the core refuses that)
    n = conn.execute("DELETE FROM events WHERE document_id = ? AND annotation_set = ?", (doc_id, set_name)).rowcount
    n += conn.execute("DELETE FROM entities WHERE document_id = ? AND annotation_set = ?", (doc_id, set_name)).rowcount
    return n


def _copy_document(
    target: Project, src: Project, src_doc: tuple, target_doc_id: int | None, set_name: str, source_set: str,
    path: Path, report: SourceReport,
) -> None:
    conn = target.db.conn
    sconn = src.db.conn
    src_id, name, text, sha, status, meta_json, bom, source_path = src_doc
    t = now()
    record = {"source": str(path), "source_document_id": src_id, "status": status, "merged_at": t}
    new_document = target_doc_id is None
    if new_document:
        meta = orjson.loads(meta_json or "{}")
        meta.pop("adjudication", None)
        meta[META_KEY] = {set_name: record}
        cur = conn.execute(
            "INSERT INTO documents (name, text, sha256, status, meta, bom, source_path, imported_at, updated_at) "
            "VALUES (?, ?, ?, 'new', ?, ?, ?, ?, ?)",
            (name, text, sha, orjson.dumps(meta).decode(), bom, source_path, t, t),
        )
        doc_id = int(cur.lastrowid)
        report.added_documents.append(name)
        replaced = 0
    else:
        doc_id = target_doc_id
        meta = orjson.loads(conn.execute("SELECT meta FROM documents WHERE id = ?", (doc_id,)).fetchone()[0] or "{}")
        was_merged = set_name in (meta.get(META_KEY) or {})
        replaced = _delete_set_rows(target, doc_id, set_name)
        if replaced or was_merged:
            report.replaced_documents.append(name)
        meta.setdefault(META_KEY, {})[set_name] = record
        conn.execute("UPDATE documents SET meta = ? WHERE id = ?", (orjson.dumps(meta).decode(), doc_id))
        report.matched_documents.append(name)
    # tokens: the same text has the same tokens; copy them where the target has none
    tok = sconn.execute("SELECT pipeline, starts, ends, sentence_starts FROM tokens WHERE document_id = ?", (src_id,)).fetchone()
    if tok and conn.execute("SELECT 1 FROM tokens WHERE document_id = ?", (doc_id,)).fetchone() is None:
        conn.execute(
            "INSERT INTO tokens (document_id, pipeline, starts, ends, sentence_starts) VALUES (?, ?, ?, ?, ?)", (doc_id, *tok)
        )
    entity_ids: dict[int, int] = {}
    for r in sconn.execute(
        "SELECT id, start, end, label, state, source, annotator, edited, created_at, updated_at FROM entities "
        "WHERE document_id = ? AND annotation_set = ? ORDER BY id",
        (src_id, source_set),
    ).fetchall():
        c = conn.execute(
            "INSERT INTO entities (document_id, annotation_set, start, end, label, state, source, annotator, edited, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc_id, set_name, *r[1:]),
        )
        entity_ids[r[0]] = int(c.lastrowid)
    event_ids: dict[int, int] = {}
    for r in sconn.execute(
        "SELECT id, type, trigger_start, trigger_end, attributes, annotator, created_at, updated_at FROM events "
        "WHERE document_id = ? AND annotation_set = ? ORDER BY id",
        (src_id, source_set),
    ).fetchall():
        c = conn.execute(
            "INSERT INTO events (document_id, annotation_set, type, trigger_start, trigger_end, attributes, annotator, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc_id, set_name, *r[1:]),
        )
        event_ids[r[0]] = int(c.lastrowid)
    arguments = 0
    for event_id, role, entity_id, annotator, created in sconn.execute(
        "SELECT a.event_id, a.role, a.entity_id, a.annotator, a.created_at FROM arguments a JOIN events v "
        "ON v.id = a.event_id WHERE v.document_id = ? AND v.annotation_set = ? ORDER BY a.id",
        (src_id, source_set),
    ).fetchall():
        if entity_id not in entity_ids:
            raise AnnotatorError(
                f"{path}: document {name!r}: an argument points at entity {entity_id} of another document or set; "
                "nothing was merged from this file"
            )
        conn.execute(
            "INSERT INTO arguments (event_id, role, entity_id, annotator, created_at) VALUES (?, ?, ?, ?, ?)",
            (event_ids[event_id], role, entity_ids[entity_id], annotator, created),
        )
        arguments += 1
    comments = 0
    for author, ctext, created in sconn.execute(
        "SELECT author, text, created_at FROM comments WHERE document_id = ? ORDER BY id", (src_id,)
    ).fetchall():
        if conn.execute(
            "SELECT 1 FROM comments WHERE document_id = ? AND author IS ? AND text = ? AND created_at IS ?",
            (doc_id, author, ctext, created),
        ).fetchone():
            continue  # merged before: comments are kept once
        conn.execute(
            "INSERT INTO comments (document_id, author, text, created_at) VALUES (?, ?, ?, ?)", (doc_id, author, ctext, created)
        )
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
    conn.execute(
        "INSERT INTO change_log (at, annotator, document_id, action, rows) VALUES (?, ?, ?, 'merge', ?)",
        (t, target.annotator, doc_id, orjson.dumps(log).decode()),
    )
    report.entities += len(entity_ids)
    report.events += len(event_ids)
    report.arguments += arguments
    report.comments += comments


def merge_source(target: Project, path: str | Path, set_name: str, source_set: str = DEFAULT_SET) -> SourceReport:
    """Copy one source file's documents and ``source_set`` into ``target`` as set ``set_name``: one transaction."""
    path = Path(path)
    if target.path.resolve() == path.resolve():
        raise AnnotatorError(f"{path}: cannot merge a project into itself")
    report = SourceReport(str(path), set_name)
    with _open_source(path) as src:
        _check_schema(target, src, source_set, path)
        docs = src.db.conn.execute(
            "SELECT id, name, text, sha256, status, meta, bom, source_path FROM documents ORDER BY id"
        ).fetchall()
        with target.transaction():
            known = _document_hashes(target)
            for d in docs:
                _copy_document(target, src, d, known.get(d[3]), set_name, source_set, path, report)
    return report


def merge_projects(
    target: Project, sources: Sequence[str | Path], names: Sequence[str | None] | None = None, source_set: str = DEFAULT_SET
) -> MergeReport:
    """Merge each source file into ``target`` as its own annotation set (see ``plan_merge`` for the names)."""
    plan = plan_merge(sources, names, source_set)
    report = MergeReport()
    for path, set_name in plan:
        report.sources.append(merge_source(target, path, set_name, source_set))
    return report
