"""Problems that are allowed while working but must be settled before review (per document).

The rules themselves live in ``annotator.rules``; this module reports every breach of them, with the event and
entity it concerns.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.rules import cut_character_breach, event_breaches, label_breach, undecided_breaches
from annotator.store import Project


@dataclass(frozen=True)
class Problem:
    # the kind of breach (annotator.rules): missing_role, too_many, wrong_label, rejected_argument, undecided_argument,
    # unknown_label, unknown_type, unknown_role, bad_attribute, already_fills, cut_character
    kind: str
    message: str
    event_id: int | None = None
    entity_id: int | None = None
    role: str | None = None
    detail: str = ""  # the breach alone, without the ids of ``message`` (the app names the words instead)


def validate(
    project: Project, doc_id: int, annotation_set: str | None = None, accepting: bool = False
) -> list[Problem]:
    """Everything in one document that breaks the schema's rules; with ``accepting``, as it would once its undecided
    suggestions are accepted (Mark reviewed's "Accept the rest": a suggested event without its required role was
    reviewed unreported, undecided when the problems were listed)."""

    def decided(state: str) -> str:
        return "accepted" if accepting and state == "suggested" else state

    schema = project.schema
    problems: list[Problem] = []
    text = project.document(doc_id).text
    entities = {e.id: e for e in project.entities(doc_id, annotation_set)}
    for e in entities.values():
        cut = None if e.state == "rejected" else cut_character_breach(text, e.start, e.end)
        for b in (label_breach(schema, e.label), cut):
            if b is not None:
                where = f"entity {e.id} {_words(text, e.start, e.end)}"
                problems.append(Problem(b.kind, f"{where}: {b.message}", entity_id=e.id, detail=b.message))
    fillers = {e.id: (e.label, decided(e.state)) for e in entities.values()}
    for v in project.events(doc_id, annotation_set):
        if decided(v.state) in ("rejected", "suggested"):  # not annotation (yet): settled by deciding on it
            continue
        where = f"event {v.id} ({v.type}) {_words(text, v.trigger_start, v.trigger_end)}"
        cut = cut_character_breach(text, v.trigger_start, v.trigger_end)
        if cut is not None:
            problems.append(Problem(cut.kind, f"{where}: the trigger {cut.message}", v.id, detail=cut.message))
        arguments = [(a.role, a.entity_id) for a in v.arguments]
        for b in event_breaches(schema, v.type, v.attributes, arguments, fillers) + undecided_breaches(
            v.type, decided(v.state), arguments, fillers
        ):
            problems.append(Problem(b.kind, f"{where}: {b.message}", v.id, b.filler, b.role, b.message))
    return problems


def lacking_roles_on_accepting(project: Project, doc_id: int, annotation_set: str | None = None) -> list[Problem]:
    """What accepting the document's undecided suggestions would leave without a required role: the
    ``missing_role`` problems of ``validate(accepting=True)`` whose event is a suggestion now (Ctrl+Enter's
    question names them before its "Accept the rest" accepts them)."""
    suggested = {v.id for v in project.events(doc_id, annotation_set) if v.state == "suggested"}
    return [
        p
        for p in validate(project, doc_id, annotation_set, accepting=True)
        if p.kind == "missing_role" and p.event_id in suggested
    ]


def _words(text: str, start: int, end: int) -> str:
    """The words of a span and where they are, for a message read without the app ("event 74 (Contact:Meet):"
    named no words): “conference” [882, 892)."""
    words = " ".join(text[start:end].split())
    return f"“{words[:60]}{'…' if len(words) > 60 else ''}” [{start}, {end})"
