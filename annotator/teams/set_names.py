"""An annotation set renamed or dropped (``annotator sets``): a copy merged under a wrong name (``root``, the engineer
who had worked in it before handing it out) stayed under it for good, and a set merged by mistake was counted in
every agreement and export. Each is one transaction with one change-log row; the final set ``main`` is neither."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import orjson

from annotator.errors import AnnotatorError
from annotator.model import DEFAULT_SET, PROJECT_WIDE
from annotator.set_status import documents_by_status, finished_count
from annotator.store import Project, now
from annotator.teams.differences import DECISIONS_KEY, REOPENED_KEY, differences
from annotator.teams.sets import (
    META_KEY,
    annotator_sets,
    annotators_by_document,
    check_sets,
)
from annotator.wording import counted


@dataclass(frozen=True)
class SetInfo:
    """One set as ``annotator sets`` lists it."""

    name: str
    documents: int
    entities: int
    events: int
    merged_from: tuple[str, ...] = ()  # the files it was merged from (their paths as recorded)
    # the documents its annotator worked on (``sets.covered_documents``: her status not new, or a decision of hers),
    # those agreement compares and adjudication offers; main's in a team's project those the reviewer settled
    # (``reviewer_documents``), in a project without annotators' sets the documents not new (``WORKED_ON``)
    worked_on: int = 0
    # the documents it marked annotated or reviewed (its file's statuses for a merged set, the project's for ``main``),
    # as ``stats --set`` counts them (``set_status.documents_by_status``)
    finished: int = 0

    def to_data(self) -> dict[str, Any]:
        return {**self.__dict__, "merged_from": list(self.merged_from)}


@dataclass
class SetChange:
    """What a rename or a drop did."""

    name: str
    new_name: str | None  # None: dropped
    entities: int = 0
    events: int = 0
    documents: list[str] = field(default_factory=list)  # whose merge record of the set was renamed or taken off
    decisions: int = 0  # adjudication decisions carried to the new name
    already: str | None = None  # the same rename or drop was done before (when, as logged): nothing was changed

    def summary(self) -> str:
        """What was done in one line, as ``annotator sets`` prints it and the app's Annotation sets window says it."""
        if self.already is not None:  # a second run of the same command: done before
            done = f"renamed {self.new_name!r}" if self.new_name is not None else "dropped"
            return f"set {self.name!r} was {done} already (at {self.already}); nothing was changed"
        counts = f"{counted(self.entities, 'entity', 'entities')}, {counted(self.events, 'event')}"
        records = f", the records of {counted(len(self.documents), 'document')}" if self.documents else ""
        if self.new_name is None:
            return f"set {self.name!r} dropped: {counts} deleted{records}"
        decisions = f", {counted(self.decisions, 'adjudication decision')}" if self.decisions else ""
        return f"set {self.name!r} renamed {self.new_name!r}: {counts}{records}{decisions}"


SET_DOCUMENTS = (
    f"The documents a set holds: for {DEFAULT_SET!r} every document of the project (its statuses are the project's; "
    "an export takes them all); for a set merged from an annotator's file the documents of that file (her statuses); "
    "for another set the documents it has annotations in"
)
WORKED_ON = (
    "For an annotator's set the documents she worked on (her status not new, or a decision of hers), those agreement "
    "compares and Review > Adjudicate offers; for "
    f"{DEFAULT_SET!r} in a project with annotators' sets the documents the reviewer worked on (a decision in it, an "
    "adjudication decision, or marked reviewed: not a status the copies were handed out with); in a project without "
    "them its documents not new"
)


def set_list(project: Project) -> list[SetInfo]:
    """Every set of the project, ``main`` first, with its counts and the files it was merged from. A set's documents
    (``SET_DOCUMENTS``) are those it has statuses or annotations in: ``main``'s are every document (the project's
    statuses are its own: ``export`` and ``stats`` take them all; until session 33 it was counted by its rows, 0 in a
    team's file never pre-annotated), a merged set's those of its file, as ``stats --set`` counts them."""
    counts = project.db.set_row_counts()
    names = [DEFAULT_SET] + [n for n in annotator_sets(project) if n != DEFAULT_SET]
    worked = Counter(n for names_there in annotators_by_document(project).values() for n in names_there)
    if len(names) > 1:  # a team's project: main is the reviewer's (its statuses may be those the copies were made with)
        worked[DEFAULT_SET] = len(reviewer_documents(project))
    else:  # main is the one annotator's work
        worked[DEFAULT_SET] = project.db.document_count() - project.db.documents_by_status().get("new", 0)
    out = []
    for n in names:
        documents, entities, events = counts.get(n, (0, 0, 0))
        if n == DEFAULT_SET:
            documents = project.db.document_count()
        # a merged set: the documents of its file and those it finished, as stats --set counts them
        by_status, own = documents_by_status(project, n)
        sources = tuple(row[2] for row in project.db.merge_sources(n))
        out.append(
            SetInfo(
                n,
                sum(by_status.values()) if own else documents,
                entities,
                events,
                merged_from=sources,
                worked_on=worked[n],
                finished=finished_count(by_status),
            )
        )
    return out


def reviewer_documents(project: Project) -> set[int]:
    """The documents a team's reviewer worked on (``main``'s "worked on" in a project with annotators' sets): a
    decision in ``main`` (anything but an undecided suggestion: what adjudication takes lands there, and so does an
    edit of hers), an adjudication decision (taking an annotator's "nothing" leaves none in ``main``), or marked
    reviewed. Not a status alone: a team's file keeps the statuses its copies were handed out with (the lead's pass,
    an import's), and until session 34 ``main`` counted every document not new as the reviewer's."""
    ids = project.db.documents_with_decisions(DEFAULT_SET) | set(project.document_ids(status=["reviewed"]))
    for doc_id, meta in project.db.document_metas(containing=DECISIONS_KEY):
        if (orjson.loads(meta or "{}") or {}).get(DECISIONS_KEY):
            ids.add(doc_id)
    return ids


def _check_name(project: Project, name: str, what: str) -> None:
    check_sets(project, [name])
    if name == DEFAULT_SET:
        raise AnnotatorError(
            f"the final set {DEFAULT_SET!r} cannot be {what} (it is the project's own); nothing was changed"
        )


def rename_set(project: Project, old: str, new: str) -> SetChange:
    """Name set ``old`` ``new`` everywhere it is kept: its rows, the documents' merge records of it (with the status
    her file had), the record of the files it was merged from (so merging that file again replaces it under the new
    name), and the adjudication decisions that named it (settled items stay settled)."""
    new = new.strip()
    if (when := _done_before(project, old, new)) is not None:  # a script run twice: done, not an error
        return SetChange(old, new, already=when)
    _check_name(project, old, "renamed")
    if not new:
        raise AnnotatorError("a set's new name cannot be empty; nothing was changed")
    if new == DEFAULT_SET:
        raise AnnotatorError(
            f"a set cannot be named {DEFAULT_SET!r}, the project's final set (Review > Adjudicate settles a set into "
            "it); nothing was changed"
        )
    if new == old:  # a script run twice, say
        raise AnnotatorError(f"set {old!r} has that name already; nothing was changed")
    if new in annotator_sets(project, include_main=True):
        raise AnnotatorError(
            f"the project has a set {new!r} already: renaming {old!r} to it would mix two sets' work (drop one of "
            "them first); nothing was changed"
        )
    change = SetChange(old, new)
    with project.transaction():
        metas = _metas_naming(project, old)
        before = {
            d: differences(project, d) for d, meta in metas.items() if meta.get(DECISIONS_KEY) or meta.get(REOPENED_KEY)
        }
        change.entities, change.events = project.db.rename_set_rows(old, new)
        for doc_id, meta in metas.items():
            sets = meta.get(META_KEY)
            if isinstance(sets, dict) and old in sets:
                meta[META_KEY] = {new if k == old else k: v for k, v in sets.items()}
                change.documents.append(project.document(doc_id).name)
                project.db.set_document_meta(doc_id, orjson.dumps(meta).decode())
        for doc_id, was in before.items():  # the items' ids under the new name, read as the document now is
            change.decisions += _carry_decisions(project, doc_id, metas[doc_id], was, old, new)
            project.db.set_document_meta(doc_id, orjson.dumps(metas[doc_id]).decode())
        _log(project, "rename set", {"annotation_set": old, "new_name": new, "documents": len(change.documents)})
    return change


def drop_set(project: Project, name: str) -> SetChange:
    """Delete set ``name``: its entities, events and arguments, the documents' merge records of it and the record of
    the files it was merged from (merging such a file again makes the set anew). A set that took part in an
    adjudication is refused: its decisions were made between it and the others, which would show unsettled."""
    if (when := _done_before(project, name, None)) is not None:  # a script run twice: done, not an error
        return SetChange(name, None, already=when)
    _check_name(project, name, "dropped")
    change = SetChange(name, None)
    with project.transaction():
        metas = _metas_naming(project, name)
        settled = [project.document(d).name for d, meta in metas.items() if _decided_with(meta, project, d, name)]
        if settled:
            raise AnnotatorError(
                f"set {name!r} took part in the adjudication of {len(settled):,} document"
                f"{'' if len(settled) == 1 else 's'} ({', '.join(settled[:3])}{' …' if len(settled) > 3 else ''}): "
                "dropping it would leave the items settled there unsettled; nothing was changed"
            )
        change.entities, change.events = project.db.delete_set(name)
        for doc_id, meta in metas.items():
            sets = meta.get(META_KEY)
            if isinstance(sets, dict) and name in sets:
                del sets[name]
                if not sets:
                    del meta[META_KEY]
                change.documents.append(project.document(doc_id).name)
                project.db.set_document_meta(doc_id, orjson.dumps(meta).decode())
        _log(project, "drop set", {"annotation_set": name, "entities": change.entities, "events": change.events})
    return change


def _done_before(project: Project, name: str, new: str | None) -> str | None:
    """When set ``name`` is gone and the project's latest rename or drop of it was this one (a rename to ``new``,
    which is a set still; ``new`` None: a drop), the time it was logged; else None (a name never a set, a typo,
    stays refused)."""
    sets = annotator_sets(project, include_main=True)
    if name in sets or (new is not None and new not in sets):
        return None
    for row in reversed(project.change_log(PROJECT_WIDE)):
        if row["action"] not in ("rename set", "drop set"):
            continue
        what = row["rows"] if isinstance(row["rows"], dict) else {}
        if name not in (what.get("annotation_set"), what.get("new_name")):
            continue
        done = what.get("annotation_set") == name and (
            row["action"] == "drop set" if new is None else what.get("new_name") == new
        )
        return str(row["at"]) if done else None
    return None


def _metas_naming(project: Project, name: str) -> dict[int, dict[str, Any]]:
    """The documents' metadata (read) that may name set ``name``: a merge record of it, or adjudication decisions."""
    out = {}
    for doc_id, raw in project.db.document_metas():
        if raw and (name in raw):
            meta = orjson.loads(raw)
            if isinstance(meta, dict):
                out[doc_id] = meta
    return out


def _decided_with(meta: dict[str, Any], project: Project, doc_id: int, name: str) -> bool:
    decided = meta.get(DECISIONS_KEY)
    if not decided:
        return False
    return any(d.decision and any(n == name for n, _ in d.options) for d in differences(project, doc_id))


def _carry_decisions(project: Project, doc_id: int, meta: dict[str, Any], before: list, old: str, new: str) -> int:
    """The adjudication decisions of ``doc_id`` keyed by its differences' ids as they were with set ``old``, keyed
    by the same items' ids under ``new`` (an id is made from the sets' names), a decision taking ``old`` taking
    ``new``; so the traces of the decisions a merge opened again (``REOPENED_KEY``, whose ``reopened_by`` may name
    ``old`` too: until session 37 a rename left them under the old ids, and the item read as never decided); how many
    decisions were carried."""

    def key(kind: str, options: Any) -> frozenset:
        return frozenset((kind, n, o) for n, o in options)

    seen: Counter = Counter()
    old_ids = {}
    for d in before:
        k = key(d.kind, [(new if n == old else n, o) for n, o in d.options])
        seen[k] += 1
        old_ids[(k, seen[k])] = d.id
    seen.clear()
    new_ids = {}
    for d in differences(project, doc_id):
        k = key(d.kind, d.options)
        seen[k] += 1
        was = old_ids.get((k, seen[k]))
        if was is not None:
            new_ids[was] = d.id
    carried = 0
    for meta_key in (DECISIONS_KEY, REOPENED_KEY):
        records = meta.get(meta_key) or {}
        moved = {}
        for was, record in records.items():
            if was in new_ids:
                moved[new_ids[was]] = _renamed(record, old, new)
        if meta_key == DECISIONS_KEY:
            carried = len(moved)
        if records or moved:
            meta[meta_key] = {**{k: v for k, v in records.items() if k not in new_ids}, **moved}
    return carried


def _renamed(record: dict[str, Any], old: str, new: str) -> dict[str, Any]:
    """A decision (or its trace) with set ``old`` named ``new`` where it names a set."""
    out = dict(record)
    for field_name in ("take", "reopened_by"):
        if out.get(field_name) == old:
            out[field_name] = new
    return out


def _log(project: Project, action: str, what: dict[str, Any]) -> None:
    """One change-log row of the project (document 0, as a category's removal), by the person running it."""
    project.db.log_changes([(now(), project.annotator, PROJECT_WIDE, action, orjson.dumps(what).decode())])
