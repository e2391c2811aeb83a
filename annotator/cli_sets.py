"""``annotator sets``: the project's annotation sets listed, one renamed (``--rename OLD NEW``) or dropped
(``--drop NAME``), through ``annotator.teams.set_names``."""

from __future__ import annotations

import argparse

from annotator.cli_common import open_project, print_json
from annotator.wording import counted


def cmd_sets(args: argparse.Namespace) -> int:
    from annotator.teams.set_names import drop_set, rename_set, set_list

    with open_project(args, create=False) as project:
        if args.rename is None and args.drop is None:
            sets = set_list(project)
            if args.json:
                print_json({"sets": [s.to_data() for s in sets]})
                return 0
            width = max(len(s.name) for s in sets)
            for s in sets:
                merged = f"; merged from {', '.join(s.merged_from)}" if s.merged_from else ""
                print(
                    f"{s.name:<{width}}  {counted(s.documents, 'document')} ({s.worked_on:,} worked on), "
                    f"{counted(s.entities, 'entity', 'entities')}, "
                    f"{counted(s.events, 'event')}{merged}"
                )
            return 0
        change = rename_set(project, *args.rename) if args.rename else drop_set(project, args.drop)
    line = change.summary()
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
        print_json(data)
    else:
        print(line)
    return 0
