"""``annotator sets``: the project's annotation sets listed, one renamed (``--rename OLD NEW``) or dropped
(``--drop NAME``), through ``annotator.teams.set_names``."""

from __future__ import annotations

import argparse
import json

from annotator.cli_common import open_project
from annotator.wording import counted


def cmd_sets(args: argparse.Namespace) -> int:
    from annotator.teams.set_names import drop_set, rename_set, set_list

    with open_project(args, create=False) as project:
        if args.rename is None and args.drop is None:
            sets = set_list(project)
            if args.json:
                print(json.dumps({"sets": [s.to_data() for s in sets]}, ensure_ascii=False))
                return 0
            width = max(len(s.name) for s in sets)
            for s in sets:
                merged = f"; merged from {', '.join(s.merged_from)}" if s.merged_from else ""
                print(
                    f"{s.name:<{width}}  {counted(s.documents, 'document')}, {counted(s.entities, 'entity', 'entities')}, "
                    f"{counted(s.events, 'event')}{merged}"
                )
            return 0
        change = rename_set(project, *args.rename) if args.rename else drop_set(project, args.drop)
    counts = f"{counted(change.entities, 'entity', 'entities')}, {counted(change.events, 'event')}"
    if change.already is not None:  # a second run of the same command: done before, exit 0
        done = f"renamed {change.new_name!r}" if change.new_name is not None else "dropped"
        line = f"set {change.name!r} was {done} already (at {change.already}); nothing was changed"
    elif change.new_name is not None:
        line = f"set {change.name!r} renamed {change.new_name!r}: {counts}"
        line += f", the records of {counted(len(change.documents), 'document')}" if change.documents else ""
        line += f", {counted(change.decisions, 'adjudication decision')}" if change.decisions else ""
    else:
        line = f"set {change.name!r} dropped: {counts} deleted"
        line += f", the records of {counted(len(change.documents), 'document')}" if change.documents else ""
    if args.json:
        data = {
            "annotation_set": change.name,
            "new_name": change.new_name,
            "entities": change.entities,
            "events": change.events,
            "documents": change.documents,
            "decisions": change.decisions,
            "already": change.already,
            "summary": line,
        }
        print(json.dumps(data, ensure_ascii=False))
    else:
        print(line)
    return 0
