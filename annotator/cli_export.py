"""``annotator export``: a format told from ``--format`` or the output's name, written through
``annotator.api.export`` to a file, a folder or standard output; the summary, and a note when undecided suggestions
went into a training format."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from annotator.cli_common import (
    Interrupted,
    UsageError,
    open_project,
    print_json,
    progress_bar,
    split_option,
    stdout_closed,
    write_kept_edits_of,
)
from annotator.wording import counted, first_named


def cmd_export(args: argparse.Namespace) -> int:
    from annotator import api
    from annotator.exporting import STDOUT, StreamCut, written_to_stream
    from annotator.formats import FORMATS
    from annotator.formats.records import (
        partly_decided,
        spelling_mix,
        spelling_notes,
        undecided_counts,
        undecided_only,
    )
    from annotator.formats.registry import export_format_for, shown_name
    from annotator.model import FINISHED
    from annotator.set_status import selected_ids

    told = ""
    if args.format is None:  # told from the output's name: 'corpus.conll' wrote JSON under that name
        args.format = export_format_for(args.output) or "json"
        told = f" as {shown_name(args.format)} (told from its name)" if export_format_for(args.output) else ""
        if not told and args.output != STDOUT:  # 'train.oneie', 'corpus.iob': JSON under that name, without a word
            ending = Path(args.output).suffix
            told = (
                " as JSON, the default ("
                + (f"the ending {ending!r} tells no format" if ending else "a name without an ending tells no format")
                + "; --format names one)"
            )
    options = dict(split_option(o) for o in args.options or [])
    to_stdout = args.output == STDOUT
    record = FORMATS.get(args.format)  # an unknown one is api.export's to refuse
    if to_stdout and stdout_closed():
        raise UsageError("-o - writes to standard output, which is closed (>&-): name a file; nothing was written")
    if to_stdout and record is not None and record.folder:
        raise UsageError(f"-o - (standard output) takes a one-file format; {args.format} writes a folder: name one")
    if to_stdout and record is not None and record.binary and sys.stdout.isatty():
        raise UsageError(
            f"{args.format} writes binary data, not onto a terminal: redirect it (-o - > out{record.suffix}) "
            "or name a file"
        )
    if to_stdout and args.json:
        raise UsageError(
            "--json writes what was exported to standard output, where -o - writes the export: name a file"
        )
    if to_stdout and "split" in options:
        raise UsageError("-o - (standard output) is one file; --option split writes one file per part: name one")
    # edits an app kept for the project and was killed before saving are written first (as the open below does when
    # it can write the file); where they cannot be (a colleague's file, read-only here) the export is refused: it
    # would lack them without a word. A live app's kept edits are its own: the file is exported as it is now
    write_kept_edits_of([args.project], "export it", "nothing was written", running_ok=True)
    with open_project(args, create=False, reads_set=True, unread_refused=api.EXPORT_UNREAD) as project:
        named = (
            project.documents_named(args.docs, "nothing was written") if args.docs else None
        )  # unknown names: refused, nothing written
        with progress_bar(len(selected_ids(project, args.status, args.set, named)), "export") as bar:

            def progress(done: int) -> None:
                bar.update(done - bar.n)

            def write(out: Path | str):  # type: ignore[no-untyped-def]
                return api.export(
                    project,
                    out,
                    args.format,
                    states=args.states or api.EXPORTED_STATES,
                    statuses=args.status,
                    annotation_set=args.set,
                    options=options,
                    progress=progress,
                    documents=named,
                )

            beside: list[str] = []  # files an export writes beside its output (Label Studio's config): not to stdout
            if to_stdout:  # the export whole, then its bytes; the summary goes to stderr, out of the data's way
                try:
                    report = written_to_stream(write, record.suffix if record else "", sys.stdout.buffer)
                    written = getattr(report, "files", [])
                    stem = Path(written[0]).stem if written else ""  # the spool's name, said as NAME
                    beside, report.files = [f"NAME{Path(f).name[len(stem) :]}" for f in written[1:]], []
                except StreamCut as cut:  # Ctrl+C during the copy: part of it went down the pipe
                    raise Interrupted(
                        f"the export ({cut.total:,} bytes, whole) was going to standard output: what its reader got "
                        "is cut short; run it again"
                    ) from None
            else:
                report = write(args.output)
            undecided = undecided_counts(project, args.status, args.set, named) if args.states is None else (0, 0)
            untouched = undecided_only(project, args.states, args.status, args.set, named) if args.states else []
            partly = partly_decided(project, args.states, args.status, args.set, named) if args.states else []
            mixed = spelling_mix(project, args.status, args.set, named) if record is not None and record.spelt else {}
            set_note = set_status_note(project, args.status, args.set, named)
            outside_note = outside_set_note(project, args.set, named)
    files = getattr(report, "files", None)  # a split export writes one file per part, never ``--output`` itself
    notes = []
    if beside:  # standard output holds the one file: what goes beside it is not written
        notes.append(
            f"standard output holds the export's one file: {', '.join(beside)}, written beside a file NAME"
            f"{record.suffix if record else ''}, was not; export to a file to have it"
        )
    # an entity-only format (CoNLL, Hugging Face) left the events out, and said so: its note counts no event
    entities_only = record is not None and record.entities_only
    undecided = (undecided[0], 0) if entities_only else undecided
    if any(undecided) and not (record is not None and record.undecided_apart):  # kept apart: JSON, Label Studio
        what = (
            f"{counted(undecided[0], 'entity suggestion')} nobody decided {'is' if undecided[0] == 1 else 'are'}"
            if entities_only
            else f"{undecided[0]:,} entity and {undecided[1]:,} event suggestions nobody decided are"
        )
        notes.append(
            f"{what} in it, where a training tool takes them for annotations (--states accepted added leaves them out)"
        )
    if untouched:  # a training tool takes them for texts without any name or event
        finished_only = bool(args.status) and set(args.status) <= set(FINISHED)  # no --status would leave them out
        notes.append(
            f"{len(untouched):,} of the {counted(report.documents, 'document')} written "
            f"hold{'s' if len(untouched) == 1 else ''} suggestions nobody decided and nothing in the states asked for "
            f"({first_named(untouched, 3)}): written without them, as texts without any entity or event, which a "
            "training tool takes for texts that have none "
            + (
                "(marked finished with nobody's decision on them: `annotator accept --docs` with these documents "
                "accepts them, `annotator status in_progress` sends them back)"
                if finished_only
                else "(--status annotated reviewed writes the finished documents only)"
            )
        )
    if partly:  # the undecided spans beside the decided ones go out as text without a name
        notes.append(
            f"{len(partly):,} of the {counted(report.documents, 'document')} written {'is' if len(partly) == 1 else 'are'} "
            f"not finished and hold{'s' if len(partly) == 1 else ''} suggestions nobody decided beside the ones in the "
            f"states asked for ({first_named(partly, 3)}): written with their decided ones only, the rest of each "
            "text as text without any entity or event (--status annotated reviewed writes the finished documents only)"
        )
    notes += spelling_notes(mixed)  # one label two ways in one file: a tagger trained on it learns two classes
    notes += [set_note] if set_note else []
    notes += [outside_note] if outside_note else []
    if args.json:
        print_json(export_data(args.output, args.format, files, report, notes))
    elif to_stdout:  # the summary out of the data's way
        print(f"wrote standard output{told}: {report.summary()}", file=sys.stderr)
    elif files:
        print(f"wrote {', '.join(files)}{told}: {report.summary(with_files=False)}")
    else:
        print(f"wrote {args.output}{told}: {report.summary()}")
    for line in notes:
        print(f"note: {line}", file=sys.stderr)
    return 0


def set_status_note(
    project: Any, statuses: list[str] | None, annotation_set: str | None, documents: list[int] | None = None
) -> str | None:
    """``--status`` of a set merged from an annotator's file selects by the statuses her file had (``stats --set``
    counts those): where the project's statuses would select other documents (of ``documents`` where given), which
    ones, said."""
    from annotator.set_status import by_set_status, outside_set

    by_set = by_set_status(project, statuses, annotation_set)
    if by_set is None or not statuses:
        return None
    chosen, project_has = set(by_set), set(project.document_ids(statuses)) - set(outside_set(project, annotation_set))
    if documents is not None:
        chosen, project_has = chosen & set(documents), project_has & set(documents)
    added, left = sorted(chosen - project_has), sorted(project_has - chosen)
    if not added and not left:
        return None
    wanted = " or ".join(statuses)
    aset = annotation_set or project.annotation_set
    said = f"--status selects set {aset!r}'s documents by the statuses of the file it was merged from"
    parts = []
    if added:
        names = [project.document(d).name for d in added[:3]] + [""] * max(0, len(added) - 3)  # first_named counts
        parts.append(
            f"{counted(len(added), 'document')} {wanted} there and not in the project "
            f"{'is' if len(added) == 1 else 'are'} in this export ({first_named(names, 3)})"
        )
    if left:
        parts.append(
            f"{counted(len(left), 'document')} {wanted} in the project and not there "
            f"{'is' if len(left) == 1 else 'are'} not"
        )
    return said + ": " + ", ".join(parts) + " (stats --set counts the set's statuses)"


def outside_set_note(project: Any, annotation_set: str | None, documents: list[int] | None = None) -> str | None:
    """The documents of the project (of ``documents`` where given) a set merged from an annotator's file leaves out of
    its export, named: her file did not have them (imported after her copy was made), so nothing of hers is in them."""
    from annotator.set_status import outside_set

    outside = outside_set(project, annotation_set, documents)
    if not outside:
        return None
    names = [project.document(d).name for d in outside[:3]] + [""] * max(0, len(outside) - 3)  # first_named counts
    one = len(outside) == 1
    return (
        f"set {annotation_set or project.annotation_set!r} holds the documents of the file it was merged from: "
        f"{counted(len(outside), 'document')} of the project {'was' if one else 'were'} not in that file and "
        f"{'is' if one else 'are'} not in this export ({first_named(names, 3)}) (stats --set counts the set's documents)"
    )


def export_data(output: str, fmt: str, files: list[str] | None, report: Any, notes: list[str]) -> dict[str, Any]:
    """``export --json``'s document (docs/command-line.md lists the keys)."""
    from annotator.formats.problem_place import placed

    problems = getattr(report, "problems", [])
    places = getattr(report, "places", None) or [{}] * len(problems)
    return {
        "output": output,
        "format": fmt,
        "files": list(files) if files else [output],
        "documents": report.documents,
        "entities": report.entities,
        "events": report.events,
        "bytes": report.bytes,
        "arguments_left_out": len(report.dropped_arguments),
        # each with where it lies (document id and name, label, start, end; None where the writer gives none)
        "problems": [{"kind": k, "message": m, **placed(at)} for (k, m), at in zip(problems, places)],
        "notes": notes,
        "summary": report.summary(with_files=False) if files else report.summary(),
    }
