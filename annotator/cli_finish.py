"""The commands that finish documents: ``annotator accept`` (the undecided suggestions taken, as the app's Accept all
suggestions does) and ``annotator status`` (documents marked new, in progress, annotated or reviewed), each with the
line it prints or, with ``--json``, one JSON document on standard output (docs/command-line.md)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from annotator.cli_common import Interrupted, check_which, chosen_or_named, open_project, print_json
from annotator.model import FINISHED
from annotator.wording import counted, were


def cmd_status(args: argparse.Namespace) -> int:
    """Set the status of the documents named (or all) in one transaction; say how many changed and, for a finished
    status, the suggestions nobody decided in the documents it marked."""
    from annotator.edits import set_statuses
    from annotator.formats.records import undecided_counts

    with open_project(args, create=False) as project:
        ids = project.document_ids() if args.all else project.documents_named(args.docs)
        changes = set_statuses(project, ids, args.status)
        finished = args.status in FINISHED
        undecided = undecided_counts(project, [args.status], documents=ids) if finished else (0, 0)  # these alone
        marked = sorted({i for change in changes for i in change.ids("documents")})
        names = {i: project.document(i).name for i in marked} if args.json else {}
    already = len(ids) - len(changes)
    summary = f"{counted(len(changes), 'document')} marked {args.status}" + (
        f" ({already:,} already {were(already)})" if already else ""
    )
    if args.json:
        data = {
            "status": args.status,
            "documents": len(ids),
            "marked": [{"name": names[i], "id": i} for i in marked],
            "already": already,
            "undecided": {"entities": undecided[0], "events": undecided[1]},
            "summary": summary,
        }
        print_json(data)
    else:
        print(summary)
    if any(undecided):  # marked done with nobody's decision on them: training would find nothing to learn there
        print(
            f"note: the documents marked {args.status} hold {undecided[0]:,} entity and {undecided[1]:,} event "
            "suggestions nobody decided; `annotator train` learns from decisions only (`annotator accept` with the "
            "same documents accepts them, as Ctrl+Shift+A does in the app)",
            file=sys.stderr,
        )
    return 0


def cmd_accept(args: argparse.Namespace) -> int:
    """Accept the undecided suggestions of documents, entities and events alike (the app's Accept all suggestions,
    ``edits_flow.accept_rest``); with ``--min-score`` the entity suggestions scored at least that much (the app's
    Accept suggestions scored at least…); each document is one edit in the change log."""
    from annotator.edits import accept_all
    from annotator.edits_flow import accept_rest, decide_chosen

    check_which(args, ["--min-score"] if args.min_score is not None else [])
    with open_project(args, create=False, reads_set=True) as project:
        ids, chosen = chosen_or_named(args, project)
        accepted = events = left = unscored = done = 0
        try:
            for doc_id in ids:
                if chosen is not None:  # the suggestions a script chose by id
                    change = decide_chosen(project, doc_id, "accepted", *chosen[doc_id])
                    events += len(change.ids("events"))
                elif args.min_score is None:
                    change = accept_rest(project, doc_id)
                    events += len(change.ids("events"))
                else:
                    change = accept_all(project, doc_id, min_score=args.min_score)
                accepted += len(change.ids("entities"))
                done += 1
                undecided = [e for e in project.entities(doc_id) if e.state == "suggested"]
                left += len(undecided)
                unscored += sum(e.score is None for e in undecided)
        except KeyboardInterrupt:  # each document is one edit: the ones done are saved whole, the rest untouched
            raise Interrupted(
                f"{done:,} of {counted(len(ids), 'document')} done and saved, each whole "
                f"({_accepted(accepted, events)} accepted); run the same command again to do the rest "
                "(what is decided stays as it is)"
            ) from None
    n = len(ids)
    scored = f" scored at least {args.min_score:g}" if args.min_score is not None else ""
    if accepted or events or left:
        summary = (
            f"{_accepted(accepted, events)}{scored} accepted in {counted(n, 'document')}"
            + (f"; {left:,} left undecided" if left else "")
            + (_unscored(unscored, left) if scored and unscored else "")
        )
    else:  # a second run: it said "0 entity suggestions accepted", as if the events had not been looked at
        summary = f"nothing left to accept in {counted(n, 'document')}"
    if args.json:
        data: dict[str, Any] = {
            "documents": n,
            "entities": accepted,
            "events": events,
            "left_undecided": left,
            "unscored": unscored,
            "min_score": args.min_score,
            "ids": args.ids,
            "event_ids": args.event_ids,
            "summary": summary,
        }
        print_json(data)
    else:
        print(summary)
    return 0


def _accepted(entities: int, events: int) -> str:
    """What ``accept`` accepted: "12 entity suggestions", with "and 3 event suggestions" where it took events."""
    return counted(entities, "entity suggestion") + (f" and {counted(events, 'event suggestion')}" if events else "")


def _unscored(unscored: int, left: int) -> str:
    """Why ``accept --min-score`` left suggestions that have no score: spaCy's ``ner`` gives none."""
    which = "none of them scored" if unscored == left else f"{unscored:,} of them with no score"
    return f", {which} (their suggester gives no score: accept without --min-score takes them)"
