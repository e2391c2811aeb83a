"""A person's answers to a document's task in another tool (Prodigy's ``accept``), imported into the project the task
came from: decisions on the stored document of the same text, not a duplicate of it.

The answer holds what the person kept and added: an entity of the same span and label that is a suggestion (or
rejected) there is accepted, an event of the same type and trigger too (with the suggestions filling its roles, as
accepting it in the app does: ``decisions.accept_events``; the whole answer one edit in the change log);
what the document lacks comes in as the answer gives it (its state and source), an event's missing arguments onto
its entities; an argument of an event the answer holds whose entity the answer holds too but not the argument (the
relation taken out in Prodigy, the span left) is removed. A suggestion the answer does not hold is left undecided and counted: the task may have gone out
without it (``--states accepted added``), so its absence is no rejection. The document's status rises to the
answer's (``annotated``), never falls (a reviewed document stays reviewed).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from annotator.db import argument_row, span_row
from annotator.import_rows import incoming_event_row
from annotator.decisions import accept_events
from annotator.incoming import IncomingDocument
from annotator.model import STATUSES
from annotator.recorder import EditRecorder, run_edit
from annotator.store import Project

DECIDED = ("accepted", "added")
UNDECIDED_OR_REJECTED = ("suggested", "rejected")


@dataclass
class Applied:
    """What an answer changed on its document."""

    accepted: int = 0  # entities and events accepted there
    added: int = 0  # entities and events the document lacked
    arguments: int = 0  # arguments added to events it had
    removed: int = 0  # arguments of events it had that the answer took out (their entity held, the relation gone)
    left_undecided: int = 0  # suggestions of the document the answer does not hold

    @property
    def changed(self) -> bool:
        return bool(self.accepted or self.added or self.arguments or self.removed)


def apply_answers(project: Project, doc: IncomingDocument, doc_id: int, aset: str, at: str) -> Applied:
    """``doc``'s decisions onto the stored document ``doc_id`` (its set ``aset``): one edit (``import_answers``) in
    the caller's transaction, as the app's Accept makes it (``decisions.accept_events``: an event with the
    suggestions filling its roles)."""
    got = Applied()

    def body(rec: EditRecorder) -> None:
        stored: dict[tuple[int, int, str], Any] = {}
        for e in project.entities(doc_id, aset):
            stored.setdefault((e.start, e.end, e.label), e)
        ids: dict[Any, int] = {}
        for e in doc.entities:
            have = stored.get((e.start, e.end, e.label))
            if have is None:
                who = e.annotator or project.annotator
                ids[e.key] = rec.insert(
                    "entities",
                    span_row(doc_id, aset, e.start, e.end, e.label, e.state, e.source, who, score=e.score, at=at),
                )
                got.added += 1
                continue
            ids[e.key] = have.id
            if e.state in DECIDED and have.state in UNDECIDED_OR_REJECTED:
                rec.update("entities", have.id, {"state": "accepted", "annotator": project.annotator, "updated_at": at})
                got.accepted += 1
        events = {(v.type, v.trigger_start, v.trigger_end): v for v in project.events(doc_id, aset)}
        accept: list[int] = []
        for v in doc.events:
            wanted = [(role, ids[key]) for role, key in v.arguments if key in ids]
            have = events.get((v.type, v.trigger_start, v.trigger_end))
            if have is None:
                defaults = project.schema.default_attributes()
                row = incoming_event_row(v, doc_id, aset, defaults, v.annotator or project.annotator, v.state, at)
                event_id = rec.insert("events", row)
                for r, i in wanted:
                    rec.insert("arguments", argument_row(event_id, r, i, project.annotator))
                got.added += 1
                continue
            there = {(a.role, a.entity_id) for a in have.arguments}
            held = set(ids.values())
            for a in have.arguments:  # shown with its entity, taken out of the answer: she removed it
                if a.entity_id in held and (a.role, a.entity_id) not in wanted:
                    rec.delete("arguments", a.id)
                    got.removed += 1
            for r, i in [(r, i) for r, i in wanted if (r, i) not in there]:
                rec.insert("arguments", argument_row(have.id, r, i, project.annotator))
                got.arguments += 1
            if v.state in DECIDED and have.state in UNDECIDED_OR_REJECTED:
                accept.append(have.id)
        accept_events(rec, accept)
        got.accepted += len(accept)
        status = project.document(doc_id).status
        if got.changed and doc.status in STATUSES and STATUSES.index(doc.status) > STATUSES.index(status):
            rec.update("documents", doc_id, {"status": doc.status, "updated_at": at})
        if got.changed:
            rec.touch_document()

    run_edit(project, "import_answers", doc_id, body)
    got.left_undecided = sum(e.state == "suggested" for e in project.entities(doc_id, aset)) + sum(
        v.state == "suggested" for v in project.events(doc_id, aset)
    )
    return got
