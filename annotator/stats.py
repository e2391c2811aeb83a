"""Counts over a project: documents by status, entities by label and state, events by type and state, the undecided
suggestions that carry a score."""

from __future__ import annotations

from typing import Any


from annotator.learn.decision_prior import LEAST_REJECTED, types_nobody_keeps
from annotator.wording import counted
from annotator.model import DEFAULT_SET
from annotator.set_status import documents_by_status
from annotator.store import Project


def project_stats(project: Project, annotation_set: str | None = None) -> dict[str, Any]:
    db = project.db
    s = annotation_set or project.annotation_set
    # the set's own statuses (merged from an annotator's file), over the documents it has; else the project's
    by_status, own = documents_by_status(project, s)
    statuses_of = "set" if own else "project"
    outside = db.document_count() - sum(by_status.values()) if own else 0
    entities: dict[str, dict[str, int]] = {}
    for label, state, n in db.entities_by_label_and_state(s):
        entities.setdefault(label, {})[state] = n
    events_by_type: dict[str, dict[str, int]] = {}
    for type_, state, n in db.events_by_type_and_state(s):
        events_by_type.setdefault(type_, {})[state] = n
    events_by_state: dict[str, int] = {}
    for states in events_by_type.values():
        for state, n in states.items():
            events_by_state[state] = events_by_state.get(state, 0) + n
    scored = db.scored_suggestions(s)  # undecided suggestions that carry their suggester's score
    arguments = db.argument_count(s)
    runs = db.pipeline_runs(last=5)
    return {
        "documents": sum(by_status.values()),
        "documents_by_status": by_status,
        "entities_by_label": entities,
        "entities": sum(sum(v.values()) for v in entities.values()),
        "events_by_type": {t: sum(v.values()) for t, v in events_by_type.items()},
        "events_by_type_and_state": events_by_type,
        "events_by_state": dict(sorted(events_by_state.items())),
        "events": sum(events_by_state.values()),
        "arguments": arguments,
        "scored_suggestions": scored,  # {"entities": n, "events": m}: undecided ones with a score
        "annotation_set": s,
        "statuses_of": statuses_of,  # "set": the set's own statuses; "project": the project's (one per document)
        "documents_outside_set": outside,  # with statuses_of "set": documents the set's file did not have
        "pipeline_runs": runs,
        # event types nobody kept: pre-annotation no longer suggests them (learn.decision_prior)
        "event_types_not_suggested": sorted(
            types_nobody_keeps(
                (t, v.get("accepted", 0) + v.get("added", 0), v.get("rejected", 0)) for t, v in events_by_type.items()
            )
        ),
    }


def format_stats(stats: dict[str, Any]) -> str:
    lines = [f"documents: {stats['documents']:,}"]
    if stats.get("statuses_of") == "set":
        lines[0] += f" (statuses of set {stats['annotation_set']!r}, as in the file it was merged from" + (
            f"; {counted(stats['documents_outside_set'], 'other document')} of the project "
            f"{'is' if stats['documents_outside_set'] == 1 else 'are'} not in it)"
            if stats.get("documents_outside_set")
            else ")"
        )
    elif stats.get("annotation_set", DEFAULT_SET) != DEFAULT_SET:
        lines[0] += f" (statuses are per project: set {stats['annotation_set']!r} records none of its own)"
    for k, v in stats["documents_by_status"].items():
        lines.append(f"  {k:<12} {v:,}")
    lines.append(f"entities: {stats['entities']:,}")
    for label, states in stats["entities_by_label"].items():
        lines.append(f"  {label:<12} " + ", ".join(f"{st} {n:,}" for st, n in states.items()))
    by_state = ", ".join(f"{st} {n:,}" for st, n in stats["events_by_state"].items())
    lines.append(
        f"events: {stats['events']:,}"
        + (f" ({by_state})" if by_state else "")
        + f" (arguments: {stats['arguments']:,})"
    )
    for t, states in stats["events_by_type_and_state"].items():
        lines.append(f"  {t:<32} " + ", ".join(f"{st} {n:,}" for st, n in states.items()))
    scored = stats.get("scored_suggestions") or {}
    if any(scored.values()):
        lines.append(
            f"undecided suggestions with a score: {counted(scored.get('entities', 0), 'entity', 'entities')}, "
            f"{counted(scored.get('events', 0), 'event')}"
        )
    if stats.get("event_types_not_suggested"):
        lines.append(
            f"event types nobody kept (rejected {LEAST_REJECTED} times or more, none accepted or added), no longer "
            "suggested by pre-annotation: " + ", ".join(stats["event_types_not_suggested"])
        )
    for r in stats["pipeline_runs"][:1]:
        lines.append(
            f"last pre-annotation: {r['pipeline']} {r['version']} at {r['finished_at']} ({counted(r['documents'], 'document')})"
        )
    return "\n".join(lines)
