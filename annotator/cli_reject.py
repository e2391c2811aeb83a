"""``annotator reject``: the undecided suggestions of documents rejected, all of them or those of some entity labels
and event types (``edits_flow.reject_rest``), each document one edit in the change log; the line it prints or, with
``--json``, one JSON document on standard output (docs/command-line.md). The counterpart of ``accept``: a script that
finishes documents as an annotator would rejects what it does not want, then accepts the rest."""

from __future__ import annotations

import argparse
from typing import Any, Callable

from annotator.cli_common import Interrupted, check_which, chosen_or_named, open_project, print_json
from annotator.errors import AnnotatorError
from annotator.model import Change
from annotator.store import Project
from annotator.wording import counted


def add_reject_parser(
    sub: Any, parents: list[argparse.ArgumentParser], which_documents: Callable[[argparse.ArgumentParser], None]
) -> None:
    """The ``reject`` subcommand's options (``which_documents``: ``--docs NAME ...``, ``--all``, or ``--ids`` and
    ``--event-ids``, as accept's)."""
    p = sub.add_parser(
        "reject",
        parents=parents,
        help="reject the undecided entity and event suggestions of documents (or those of some labels and types)",
        description="Reject the entity and event suggestions nobody decided on yet, each document one edit in the "
        "change log: as pressing X on each in the app (a rejected event loses its arguments and the suggestions made "
        "only to fill them; pre-annotation does not suggest a rejected span or event again). With --labels only the "
        "entity suggestions of those labels, with --types only the event suggestions of those types. Decided "
        "suggestions stay as they are; `annotator accept` then takes the rest. With --ids and --event-ids exactly the "
        "suggestions a script chose, by the ids of the export's records.",
    )
    p.add_argument("project", help="an existing project file")
    which_documents(p)
    p.add_argument(
        "--labels",
        nargs="+",
        metavar="LABEL",
        help="only the entity suggestions of these labels (default: every one; with --types alone: none)",
    )
    p.add_argument(
        "--types",
        nargs="+",
        metavar="TYPE",
        help="only the event suggestions of these types, e.g. Life:Injure (default: every one; with --labels alone: "
        "none)",
    )
    p.add_argument("--json", action="store_true", help="the counts rejected and left, as JSON (default: a line)")


def cmd_reject(args: argparse.Namespace) -> int:
    """Reject the undecided suggestions of the documents named (or all), one edit a document; say how many."""
    from annotator.edits_flow import decide_chosen, reject_rest

    check_which(args, [x for x, given in (("--labels", args.labels), ("--types", args.types)) if given is not None])
    with open_project(args, create=False, reads_set=True) as project:
        _check_kinds(project, args.labels, args.types)
        ids, chosen = chosen_or_named(args, project)
        entities = events = done = 0
        try:
            for doc_id in ids:
                if chosen is not None:  # the suggestions a script chose by id
                    change = decide_chosen(project, doc_id, "rejected", *chosen[doc_id])
                else:
                    change = reject_rest(project, doc_id, labels=args.labels, types=args.types)
                entities += _rejected_rows(change, "entities")
                events += _rejected_rows(change, "events")
                done += 1
        except KeyboardInterrupt:  # each document is one edit: the ones done are saved whole, the rest untouched
            raise Interrupted(
                f"{done:,} of {counted(len(ids), 'document')} done and saved, each whole "
                f"({_rejected(entities, events)} rejected); run the same command again to do the rest "
                "(what is decided stays as it is)"
            ) from None
        left_entities = sum(1 for i in ids for e in project.entities(i) if e.state == "suggested")
        left_events = sum(1 for i in ids for e in project.events(i) if e.state == "suggested")
    n = len(ids)
    if entities or events:
        summary = f"{_rejected(entities, events)} rejected in {counted(n, 'document')}"
    else:
        summary = f"nothing to reject in {counted(n, 'document')}" + (
            " of those labels and types" if args.labels or args.types else ""
        )
    if left_entities or left_events:
        summary += f"; {_left(left_entities, left_events)} left undecided"
    if args.json:
        data = {
            "documents": n,
            "entities": entities,
            "events": events,
            "left_undecided": {"entities": left_entities, "events": left_events},
            "labels": args.labels,
            "types": args.types,
            "ids": args.ids,
            "event_ids": args.event_ids,
            "summary": summary,
        }
        print_json(data)
    else:
        print(summary)
    return 0


def _check_kinds(project: Project, labels: list[str] | None, types: list[str] | None) -> None:
    """Refuse, before anything is changed, a label or event type the project's schema does not have."""
    schema = project.schema
    unknown_labels = [label for label in labels or () if schema.label(label) is None]
    unknown_types = [t for t in types or () if schema.event_type(t) is None]
    if unknown_labels or unknown_types:
        parts = []
        if unknown_labels:
            parts.append(f"labels not in the schema '{schema.name}': {', '.join(unknown_labels)}")
        if unknown_types:
            parts.append(f"event types not in it: {', '.join(unknown_types)}")
        raise AnnotatorError("; ".join(parts) + " (annotator stats lists the project's); nothing was changed")


def _rejected_rows(change: Change, table: str) -> int:
    """How many rows of ``table`` the change left rejected (a filler made for a rejected event alone is deleted)."""
    return sum(1 for r in change.rows if r.table == table and r.after is not None and r.after["state"] == "rejected")


def _rejected(entities: int, events: int) -> str:
    """What ``reject`` rejected: "12 entity suggestions", with "and 3 event suggestions" where it took events."""
    if entities and not events:
        return counted(entities, "entity suggestion")
    if events and not entities:
        return counted(events, "event suggestion")
    return f"{counted(entities, 'entity suggestion')} and {counted(events, 'event suggestion')}"


def _left(entities: int, events: int) -> str:
    """The suggestions still undecided: "3 entity and 1 event suggestions", one kind alone where the other is 0."""
    if not events:
        return counted(entities, "entity suggestion")
    if not entities:
        return counted(events, "event suggestion")
    return f"{entities:,} entity and {events:,} event suggestions"
