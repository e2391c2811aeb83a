"""Bring annotators' project files into one project, each as its own annotation set, matched by text hash.

Every source is read and checked before anything is written: names, the target's schema, arguments, and
which file each document of a set came from (see ``provenance``). A set's document merged from one file
is replaced only by that same file (later on), unless the caller says ``replace`` (this file wins) or
``combine`` (each document from the file it was worked on in). Then each source is written in one
transaction and reported as it is done.
"""

from __future__ import annotations

from collections import Counter
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

import orjson

from annotator.categories import project_categories, remember_categories
from annotator.errors import AnnotatorError, SetHeldElsewhere, WentInAsAnotherSet
from annotator.formats.common import SCHEMA_KEPT, schema_kept
from annotator.model import DEFAULT_SET
from annotator.rules import schema_covers
from annotator.store import Project, now
from annotator.schema_given import schema_open
from annotator.teams.merge_checks import TwinIndex, check_source, project_twin_index
from annotator.teams.merge_categories import carry_schema_kept
from annotator.teams.merge_copy import SourceReport, copy_document, read_source_document
from annotator.teams.merge_decisions import carry_decisions, decided_before
from annotator.teams.provenance import (
    continues,
    file_history,
    fork,
    save_source_record,
    source_records,
    went_in_as_another_set,
    worked_since,
)
from annotator.teams.sets import META_KEY
from annotator.wording import counted, were

__all__ = ["MergeReport", "SourceReport", "merge_projects", "source_annotator"]

ANNOTATION_TABLES = ("entities", "events")


@dataclass
class MergeReport:
    sources: list[SourceReport] = field(default_factory=list)

    def summary(self) -> str:
        return "\n".join(s.summary() for s in self.sources)


def annotators_of(source: Project, source_set: str = DEFAULT_SET) -> list[tuple[str, int]]:
    """The ``annotator``s of the set's entity, event and argument rows with their counts, the most common first (ties:
    alphabetical)."""
    counts: Counter[str] = Counter()
    for name, n in source.db.annotator_counts(source_set):
        if name.strip():
            counts[name] += n
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def source_annotator(source: Project, source_set: str = DEFAULT_SET) -> str | None:
    """The most common ``annotator`` of the set's entity, event and argument rows (ties: alphabetical)."""
    found = annotators_of(source, source_set)
    return found[0][0] if found else None


def _open_source(path: Path, stack: ExitStack) -> Project:
    """The source read-only; a file of an older format is read from an upgraded copy (``Project(read_only=True)``:
    the file is not touched)."""
    if not path.exists():
        raise AnnotatorError(f"{path}: no such project file")
    project = Project(path, create=False, read_only=True)
    stack.callback(project.close)
    project.refuse_unread_log("merge it then (or as that user); nothing was merged")  # its set would lack them
    return project


def _set_name(source: Project, path: Path, given: str | None, source_set: str) -> str:
    """The set the file goes into: ``given``, else its annotator's, else its name's stem; refused when it is none or
    the final set."""
    name = given or source_annotator(source, source_set) or path.stem
    name = name.strip()
    if not name:
        raise AnnotatorError(f"{path}: cannot name its annotation set; give one with --as NAME")
    if name == DEFAULT_SET:
        raise AnnotatorError(
            f"{path}: its annotation set would be named {DEFAULT_SET!r}, the project's final set; give another name with --as NAME"
        )
    return name


@dataclass
class _Plan:
    """One source as read and decided before writing: what happens to each of its documents."""

    path: Path
    project: Project
    set_name: str
    history: bytes
    docs: list[tuple]  # (id, name, sha256, status) of the source's documents
    actions: dict[str, str] = field(default_factory=dict)  # sha256 -> "copy" or "keep"
    record_id: int | None = None  # the merge_sources row this file continues
    report: SourceReport | None = None
    adopt_schema: bool = False  # the target has no document and its schema lacks this source's: takes it


@dataclass
class SetOwner:
    """Where a set's version of one document came from."""

    path: str
    history: bytes | None  # None: not known (merged by an older annotator, or made in the target itself)
    source_document_id: int | None
    record_id: int | None = None
    plan: _Plan | None = None  # an earlier source of the same merge

    def same_file(self, plan: _Plan) -> bool:
        return self.same_source(plan.history, plan.path)

    def same_source(self, history: bytes, path: Path) -> bool:
        """Whether the file of ``history`` at ``path`` is the one this version came from (maybe further on)."""
        if self.history is not None and continues(self.history, history):
            return True
        if self.history is not None and self.history:
            return False  # a history that does not go on from the recorded one: another file
        return self.source_document_id is not None and Path(self.path).resolve() == path.resolve()


def target_owners(target: Project, set_name: str) -> dict[str, SetOwner]:
    """Where each of the set's documents (by its text's sha256) came from: the file merged, or the target itself."""
    records = source_records(target, set_name)
    owners: dict[str, SetOwner] = {}
    digests = target.db.document_digests()
    for doc_id, meta in target.db.document_metas(containing=set_name):
        sha = digests[doc_id]
        rec = (orjson.loads(meta or "{}").get(META_KEY) or {}).get(set_name)
        if rec is None:
            continue
        known = records.get(rec.get("merge_source"))
        owners[sha] = SetOwner(
            known.path if known else str(rec.get("source")),
            known.history if known else None,
            rec.get("source_document_id"),
            known.id if known else None,
        )
    for sha in target.db.digests_in_set(set_name):
        owners.setdefault(sha, SetOwner(f"{target.path} itself", None, None))
    return owners


def _refusal(plan: _Plan, owner: SetOwner, docs: list[str], combine: bool) -> SetHeldElsewhere:
    names = ", ".join(sorted(docs)[:5]) + (", ..." if len(docs) > 5 else "")
    facts = (str(plan.path), plan.set_name, owner.path, sorted(docs))
    keep_apart = f"--as NAME to keep {plan.path.name} as an annotation set of its own (then adjudicate)"
    if combine:
        return SetHeldElsewhere(
            f"{plan.path}: set {plan.set_name!r} cannot be combined: {counted(len(docs), 'document')} {were(len(docs))} worked on both in this "
            f"file and in {owner.path}, or it cannot be told for the earlier file ({names}); use --replace to let this "
            f"file's version win, or {keep_apart}; nothing was merged",
            *facts,
        )
    if owner.plan is not None:
        return SetHeldElsewhere(
            f"{owner.path} and {plan.path} would both become annotation set {plan.set_name!r} and share "
            f"{counted(len(docs), 'document')} ({names}); use --combine to take each document from the file it was worked on in, --replace "
            f"to let the later file win, or --as NAME (one per source) to name them apart; nothing was merged",
            *facts,
        )
    return SetHeldElsewhere(
        f"{plan.path}: set {plan.set_name!r} already holds {len(docs)} of its documents merged from another file, "
        f"{owner.path} ({names}); merging would replace that work. Use --combine to take each document from the file it "
        f"was worked on in, --replace to let this file's version win, or {keep_apart}; nothing was merged",
        *facts,
    )


def _decide(plan: _Plan, owners: dict[str, SetOwner], combine: bool, replace: bool) -> None:
    """Fill ``plan.actions``; refuse (before anything is written) where the set's documents came from another file."""
    conflicts: dict[str, tuple[SetOwner, list[str]]] = {}
    for src_id, name, sha, _status in plan.docs:
        owner = owners.get(sha)
        action = "copy"
        if owner is not None and owner.same_file(plan):
            plan.record_id = plan.record_id or owner.record_id
        elif owner is not None and not replace:
            if not combine:
                conflicts.setdefault(owner.path, (owner, []))[1].append(name)
                continue
            start = fork(owner.history, plan.history) if owner.history is not None else 0
            mine = worked_since(plan.history, start, src_id)
            theirs = owner.history is None or worked_since(owner.history, start, owner.source_document_id or 0)
            if not mine:
                action = "keep"
            elif theirs:
                conflicts.setdefault(owner.path, (owner, []))[1].append(name)
                continue
        plan.actions[sha] = action
        if action == "copy":
            owners[sha] = SetOwner(str(plan.path), plan.history, src_id, plan=plan)
    if conflicts:
        owner, docs = next(iter(conflicts.values()))
        raise _refusal(plan, owner, docs, combine)


def _refuse_another_name(target: Project, plan: _Plan) -> None:
    """Refuse a file that went in as another set at an earlier merge (the same file, maybe further on): a second
    set of the same work would count it twice in agreement and exports. Merged again under the same name it
    replaces that set's earlier version of its documents, as merging the same file again always has."""
    earlier = went_in_as_another_set(target, plan.set_name, plan.history)
    if earlier is None:
        return
    record, docs = earlier
    names = ", ".join(sorted(docs)[:5]) + (", ..." if len(docs) > 5 else "")
    raise WentInAsAnotherSet(
        f"{plan.path}: this file went in as set {record.annotation_set!r} at an earlier merge (from {record.path}; "
        f"{counted(len(docs), 'document')}: {names}); merging it as {plan.set_name!r} too would count the same work "
        f"twice. Merge it as {record.annotation_set!r} (--as {record.annotation_set}) to bring that set up to date, "
        f"or name that set {plan.set_name!r} first (annotator sets {target.path} --rename {record.annotation_set} "
        f"{plan.set_name}); nothing was merged",
        str(plan.path),
        plan.set_name,
        record.annotation_set,
        str(record.path),
        sorted(docs),
    )


def merge_projects(
    target: Project,
    sources: Sequence[str | Path],
    names: Sequence[str | None] | None = None,
    source_set: str = DEFAULT_SET,
    *,
    combine: bool = False,
    replace: bool = False,
    on_source: Callable[[SourceReport], None] | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> MergeReport:
    """Merge each source file into ``target`` as its own annotation set (named by ``names``, else by its annotator).

    Everything is checked first; then each source is written in one transaction and passed to ``on_source``.
    ``progress(what, documents done, of)`` as each source's documents are checked (the target's texts are read
    once, as the stage ``index <target>``, at the first document it does not have), then written."""
    step = progress or (lambda what, done, total: None)
    if combine and replace:
        raise AnnotatorError("--combine and --replace exclude each other: choose one")
    paths = [Path(p) for p in sources]
    given = list(names or [])
    if len(given) > len(paths):
        raise AnnotatorError(f"{counted(len(given), 'set name')} given (--as) for {counted(len(paths), 'source file')}")
    given += [None] * (len(paths) - len(given))
    if len({p.resolve() for p in paths}) != len(paths):
        raise AnnotatorError("the same source file is given twice")
    report = MergeReport()
    with ExitStack() as stack:
        plans: list[_Plan] = []
        owners_by_set: dict[str, dict[str, SetOwner]] = {}
        known = set(target.db.document_digests().values())
        pending_texts: dict[object, str] = {}
        twins: TwinIndex | None = None  # read at the first document the target does not have (every text of it)
        # a target without documents takes the schema of a source its own does not cover (with the brat configuration
        # kept with it), as an import into such a project takes a file's: a team's new file merged into; one whose
        # schema the user gave (init --schema) keeps it, as an import keeps it (schema_given: the one rule)
        schema, adoptable = target.schema, schema_open(target)
        for path, name in zip(paths, given):
            if target.path.resolve() == path.resolve():
                raise AnnotatorError(f"{path}: cannot merge a project into itself")
            src = _open_source(path, stack)
            set_name = _set_name(src, path, name, source_set)
            adopt = adoptable and not schema_covers(schema, src.schema)
            if adopt:
                schema, adoptable = src.schema, False
            check_source(src, source_set, schema, path)
            docs = src.db.document_list()
            plan = _Plan(path, src, set_name, file_history(src), docs, report=SourceReport(str(path), set_name))
            if name is None:  # named after the file's most common annotator: said where it has others
                plan.report.named_after = annotators_of(src, source_set)
            plan.adopt_schema = adopt
            _refuse_another_name(target, plan)
            if set_name not in owners_by_set:
                owners_by_set[set_name] = target_owners(target, set_name)
            _decide(plan, owners_by_set[set_name], combine, replace)
            for done, (src_id, doc_name, sha, _) in enumerate(docs, start=1):
                step(f"check {path.name}", done, len(docs))
                if sha in known:
                    continue
                text = src.db.document_text(src_id)
                if twins is None:  # said as a stage of its own: 100,000 texts take a while
                    twins = project_twin_index(
                        target, pending_texts, lambda done, of: step(f"index {target.path.name}", done, of)
                    )
                twin = twins.near(doc_name, text)
                if twin is not None:
                    plan.report.near_duplicates.append(twin)
                key = ("pending", sha)
                pending_texts[key] = text
                twins.add_text(key, doc_name, text)
                known.add(sha)
            plans.append(plan)
        for plan in plans:
            report.sources.append(_write(target, plan, source_set, step))
            if on_source is not None:
                on_source(plan.report)
    return report


def _write(target: Project, plan: _Plan, source_set: str, step: Callable[[str, int, int], None]) -> SourceReport:
    rep = plan.report
    assert rep is not None
    # the source's rows are read before the target's write lock: it covers the writes only
    categories = project_categories(plan.project)  # its list (kept when unused): offered in the target too
    kept = schema_kept(plan.project)  # the brat configuration kept with its schema
    sources = {}
    for done, (src_id, _name, sha, _) in enumerate(plan.docs, start=1):
        step(f"read {plan.path.name}", done, len(plan.docs))
        if plan.actions.get(sha) != "keep":
            sources[src_id] = read_source_document(plan.project, src_id, source_set)
    old_schema = target.schema
    try:
        with target.transaction():
            _write_source(target, plan, sources, categories, kept, step)
    except BaseException:
        target.schema = old_schema  # a schema taken in the transaction rolled back: the one in use is the file's
        raise
    return rep


def _write_source(
    target: Project,
    plan: _Plan,
    sources: dict,
    categories: list[str],
    kept: dict,
    step: Callable[[str, int, int], None],
) -> None:
    """``_write``'s part inside the target's write transaction."""
    rep = plan.report
    assert rep is not None
    if plan.adopt_schema:
        target.set_schema(plan.project.schema)
        target.db.set_project_value(SCHEMA_KEPT, orjson.dumps(kept).decode("utf-8"))
        rep.schema_adopted = plan.project.schema.name
    plan.record_id = save_source_record(target, plan.record_id, plan.set_name, plan.path, plan.history, now())
    offered = set(project_categories(target))
    remember_categories(target, categories)
    rep.categories_added = [c for c in categories if c not in offered]
    rep.schema_kept = carry_schema_kept(target, kept)
    here = {sha: i for i, sha in target.db.document_digests().items()}
    kept_from = {}
    owners = target_owners(target, plan.set_name)
    copied = {here[sha] for _, _, sha, _ in plan.docs if sha in here and plan.actions.get(sha) != "keep"}
    adjudicated = decided_before(target, plan.set_name, copied)  # the items as settled, to carry the decisions
    for done, (src_id, name, sha, _) in enumerate(plan.docs, start=1):
        step(f"merge {plan.path.name}", done, len(plan.docs))
        if plan.actions.get(sha) == "keep":
            rep.kept_documents.append(name)
            kept_from[owners[sha].path] = True
            continue
        copy_document(target, sources[src_id], here.get(sha), plan.set_name, plan.path, plan.record_id, rep)
    rep.kept_from = list(kept_from)
    carried = carry_decisions(target, plan.set_name, adjudicated)
    rep.decisions, rep.reopened = carried.summary(plan.set_name), sum(carried.reopened.values())
