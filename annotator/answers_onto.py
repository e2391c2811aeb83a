"""A person's answers to a document's task in another tool (Prodigy's ``accept``), imported into the project the task
came from: decisions on the stored document of the same text, not a duplicate of it.

The answer holds what the person kept and added: an entity of the same span and label that is a suggestion (or
rejected) there is accepted, an event of the same type and trigger too (with the suggestions filling its roles, as
accepting it in the app does: ``edits.accept_entity``, ``edits.accept_event``, each one edit in the change log);
what the document lacks comes in as the answer gives it (its state and source), an event's missing arguments onto
its entities. A suggestion the answer does not hold is left undecided and counted: the task may have gone out
without it (``--states accepted added``), so its absence is no rejection. The document's status rises to the
answer's (``annotated``), never falls (a reviewed document stays reviewed).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from annotator import edits
from annotator.db import event_row, span_row
from annotator.incoming import IncomingDocument
from annotator.model import STATUSES
from annotator.store import Project

DECIDED = ("accepted", "added")
UNDECIDED_OR_REJECTED = ("suggested", "rejected")


@dataclass
class Applied:
    """What an answer changed on its document."""

    accepted: int = 0  # entities and events accepted there
    added: int = 0  # entities and events the document lacked
    arguments: int = 0  # arguments added to events it had
    left_undecided: int = 0  # suggestions of the document the answer does not hold

    @property
    def changed(self) -> bool:
        return bool(self.accepted or self.added or self.arguments)


def apply_answers(project: Project, doc: IncomingDocument, doc_id: int, aset: str, at: str) -> Applied:
    """``doc``'s decisions onto the stored document ``doc_id`` (its set ``aset``), in the caller's transaction."""
    got = Applied()
    stored: dict[tuple[int, int, str], Any] = {}
    for e in project.entities(doc_id, aset):
        stored.setdefault((e.start, e.end, e.label), e)
    ids: dict[Any, int] = {}
    for e in doc.entities:
        have = stored.get((e.start, e.end, e.label))
        if have is None:
            row = span_row(
                doc_id, aset, e.start, e.end, e.label, e.state, e.source, e.annotator or project.annotator,
                score=e.score, at=at,
            )  # fmt: skip
            ids[e.key] = project.db.insert_span(row)
            got.added += 1
            continue
        ids[e.key] = have.id
        if e.state in DECIDED and have.state in UNDECIDED_OR_REJECTED:
            edits.accept_entity(project, have.id)
            got.accepted += 1
    events = {(v.type, v.trigger_start, v.trigger_end): v for v in project.events(doc_id, aset)}
    for v in doc.events:
        wanted = [(role, ids[key]) for role, key in v.arguments if key in ids]
        have = events.get((v.type, v.trigger_start, v.trigger_end))
        if have is None:
            attrs = {**project.schema.default_attributes(), **v.attributes} if v.fill_defaults else dict(v.attributes)
            row = event_row(
                doc_id, aset, v.type, v.trigger_start, v.trigger_end, attrs, v.annotator or project.annotator,
                state=v.state, source=v.source, score=v.score, alternatives=v.alternatives, at=at,
            )  # fmt: skip
            event_id = project.db.insert_event(row)
            project.db.insert_arguments((event_id, r, i, project.annotator, at) for r, i in wanted)
            got.added += 1
            continue
        there = {(a.role, a.entity_id) for a in have.arguments}
        missing = [(r, i) for r, i in wanted if (r, i) not in there]
        project.db.insert_arguments((have.id, r, i, project.annotator, at) for r, i in missing)
        got.arguments += len(missing)
        if v.state in DECIDED and have.state in UNDECIDED_OR_REJECTED:
            edits.accept_event(project, have.id)
            got.accepted += 1
    got.left_undecided = sum(e.state == "suggested" for e in project.entities(doc_id, aset)) + sum(
        v.state == "suggested" for v in project.events(doc_id, aset)
    )
    status = project.document(doc_id).status
    if doc.status in STATUSES and STATUSES.index(doc.status) > STATUSES.index(status) and got.changed:
        edits.set_status(project, doc_id, doc.status)
    return got
