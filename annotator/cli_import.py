"""``annotator import``: files, folders and standard input through ``annotator.api.import_files``; what was not kept,
noted, skipped and read otherwise said on stderr, the summary (or ``--json``) on stdout."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from annotator.cli_common import Interrupted, UsageError, open_project, print_json, progress_bar, split_option
from annotator.cli_parser import LISTED
from annotator.cli_usage import OWN_FORMATS
from annotator.errors import AnnotatorError, OptionError, ValidationError
from annotator.wording import counted


STANDARD_INPUT = "standard input"  # what messages call the file ``-`` was saved to


def cmd_import(args: argparse.Namespace) -> int:
    from annotator.formats.stdin_spool import STDIN, stdin_spooled
    from annotator.text_encoding import reading_in

    if args.paths.count(STDIN) > 1:
        raise UsageError("- (standard input) can be read once; give it once")
    if STDIN in args.paths and sys.stdin.isatty():
        raise UsageError("- reads documents from standard input, which is a terminal here: pipe them in")
    piped, args.spool = STDIN in args.paths, ""
    own = args.format if args.format in OWN_FORMATS else None  # -f json: the project's own files, read as without -f
    args.format = None if own else args.format
    try:
        # in the encoding given, which tells standard input's kind too (its first line read in it)
        with (
            reading_in(args.encoding),
            stdin_spooled(args.paths, sys.stdin.buffer, args.format or own) as (
                args.paths,
                args.spool,
            ),
        ):
            if own:
                own_kind_only(args.paths, own, args.spool)
            if not args.format and (getattr(args, "options", None) or getattr(args, "skip_bad", False)):
                args.format = _told_format(args.paths)
            try:
                return _import_format(args) if args.format else _import_paths(args)
            except (UsageError, OptionError):
                raise
            except AnnotatorError as exc:
                if not args.spool:
                    raise
                raise AnnotatorError(_shown(str(exc), args.spool)) from None
    except KeyboardInterrupt:
        if piped and not args.spool:  # the pipe was not read to its end: nothing was stored
            raise Interrupted(
                "nothing was imported: standard input was still being read (it is read to its end before anything "
                "is imported)"
            ) from None
        raise


def own_kind_only(paths: list[str], kind: str, spool: str = "") -> None:
    """``import -f json`` (``jsonl``, ``txt``: the project's own files, ``OWN_FORMATS``): every file given, and every
    file of a folder given, must end in ``.json``; else one line naming the first that does not, before anything is
    read (the files are read as without ``-f``, each by its ending and content)."""
    from annotator.formats.input_paths import expand_paths

    what = {"json": "the project's JSON export", "jsonl": "JSONL, one document a line", "txt": "plain texts"}[kind]
    for path in expand_paths(paths):
        if path.exists() and path.suffix.lower() != f".{kind}":  # a missing one: the import names it
            raise AnnotatorError(
                f"{_shown(str(path), spool)}: --format {kind} reads .{kind} files ({what}), and this one ends in "
                f"{path.suffix or 'no suffix'}; leave --format out to tell each file by its ending and content; "
                "nothing was imported"
            )


def _import_interrupted(saved: str, spool: str, again: str) -> Interrupted:
    """Ctrl+C in an import: what was ``saved``, then how to finish: ``again`` (run it again), or, when it read
    standard input (which a pipe cannot give twice), the file its content is kept in (``stdin_spooled``)."""
    if not spool:
        return Interrupted(f"{saved}; {again}")
    return Interrupted(
        f"{saved}; what standard input gave is kept in {spool}: to finish, run the import again with that file in "
        "place of -"
    )


def _told_format(paths: list[str]) -> str | None:
    """The one format every file of ``paths`` is told to be by its name or content, for options given without
    ``--format`` (``annotator import P eng.train --option column=3``: "--option goes with --format" was the
    answer); None when they are told to be several or none (``_import_paths`` then says what options go with)."""
    from annotator.formats.detect import detect_format
    from annotator.formats.input_paths import expand_paths
    from annotator.formats.registry import shown_name

    told = {detect_format(p) if p.exists() else None for p in expand_paths(paths)}
    if len(told) != 1 or None in told:
        return None
    (fmt,) = told
    print(f"read as {shown_name(fmt)} (told from the files), as --format {fmt} reads them", file=sys.stderr)
    return fmt


def _shown(line: str, spool: str) -> str:
    """``line`` with the file standard input was saved to called standard input."""
    return line.replace(spool, STANDARD_INPUT) if spool else line


def _read_as(fmt: str, path: str) -> str:
    """What the reader ``fmt`` read ``path`` as, for the "read as" line: the registry's name for it, but spaCy's Docs
    as ``Doc.to_json()`` writes them under a JSON name, which the registry's ending alone calls v2's training file."""
    from annotator.formats.registry import read_as_name
    from annotator.formats.spacy_doc_json import first_is_doc_json

    if fmt == "spacy" and Path(path).suffix.lower() in (".json", ".jsonl") and first_is_doc_json(Path(path)):
        return "spaCy Docs (Doc.to_json)"
    return read_as_name(fmt, path)


def _import_paths(args: argparse.Namespace) -> int:
    from annotator import api
    from annotator.formats.input_paths import expand_paths

    api.check_import(None, _import_options(args), getattr(args, "skip_bad", False))  # before the project is opened
    choices = _choices(args)
    with open_project(args) as project, progress_bar(len(list(expand_paths(args.paths))), "import", "file") as bar:

        def progress(done: int, total: int, path: str) -> None:
            bar.update(done - bar.n)

        before = len(project.document_ids())
        try:
            report = api.import_files(
                project, args.paths, batch=args.batch, progress=progress, encoding=args.encoding, **choices
            )
        except KeyboardInterrupt:  # every batch before it is stored (files whole), the one under way is not
            saved = len(project.document_ids()) - before
            raise _import_interrupted(
                f"{counted(saved, 'document')} imported before it {'is' if saved == 1 else 'are'} saved, each file "
                "whole",
                args.spool,
                "run the same import again to finish (what is there already is skipped as a duplicate)",
            ) from None
    every, spool = args.verbose, args.spool
    read_as = [f"{path}: read as {_read_as(fmt, path)}" for path, fmt in getattr(report, "formats", [])]
    _tell("read as", read_as, every, spool)
    _tell_import_report(report, every, spool)
    _tell("skipped", [f"skipped {reason}" for _, reason in report.skipped], every, spool)
    _print_import_result(report, args)
    # exit 1 when every file was skipped: one whose texts the project holds was read, not skipped (a second run of
    # the same import over a folder with a file always refused exited 1 where the first exited 0)
    found = report.imported or report.duplicates or report.annotated or report.answered
    return 0 if found or not report.skipped else 1


def _print_import_result(report: Any, args: argparse.Namespace) -> None:
    """The summary line on stdout, or with ``--json`` the report as JSON; the file standard input was saved to is
    called standard input in either."""
    if not getattr(args, "json", False):
        print(report.summary())
        return

    def shown(value: Any) -> Any:
        if isinstance(value, str):
            return _shown(value, args.spool)
        if isinstance(value, list):
            return [shown(v) for v in value]
        if isinstance(value, dict):
            return {k: shown(v) for k, v in value.items()}
        return value

    print_json(shown(report.to_data()), indented=True)


def _tell(kind: str, lines: list[str], every: bool, spool: str = "") -> None:
    """Print ``lines`` (of one ``kind``) to stderr: the first LISTED, then how many more (a big file can give
    thousands); ``spool``: the file standard input was saved to, called so."""
    shown = lines if every or len(lines) <= LISTED else lines[:LISTED]
    for line in shown:
        print(_shown(line, spool), file=sys.stderr)
    if len(shown) < len(lines):
        print(f"... and {len(lines) - len(shown):,} more '{kind}' lines (--verbose lists them all)", file=sys.stderr)


def _tell_import_report(report: Any, every: bool, spool: str = "") -> None:
    """What an import did not keep, how it read things, and the documents it already had."""
    _tell("not kept", [f"not kept: {w}" for w in getattr(report, "warnings", [])], every, spool)
    _tell("note", [f"note: {n}" for n in getattr(report, "notes", [])], every, spool)
    from annotator.importing import BRING_THEM, NOT_BROUGHT

    more = set(getattr(report, "not_brought", []))
    dups = [
        f"duplicate: {n} has the same text as document {d}; not imported again"
        + (f", nor its {NOT_BROUGHT} ({BRING_THEM})" if (n, d) in more else "")
        for n, d in report.duplicates
    ]
    _tell("duplicate", dups, every, spool)


def _import_format(args: argparse.Namespace) -> int:
    """``import --format NAME``: read everything with that reader, then store it all or nothing."""
    from annotator import api

    options = _import_options(args)
    api.check_import(args.format, options, args.skip_bad)  # before the project is opened (or made)
    choices = _choices(args)
    from annotator.formats.format_inputs import format_inputs

    files = len(format_inputs(args.format, args.paths))  # a folder's files; an empty folder refused before the project
    with open_project(args) as project, progress_bar(files, "read", "file") as bar:

        def progress(done: int, total: int, path: str) -> None:
            bar.update(done - bar.n)

        try:
            report = api.import_files(
                project,
                args.paths,
                format=args.format,
                options=options,
                skip_bad=args.skip_bad,
                progress=progress,
                encoding=args.encoding,
                **choices,
            )
        except KeyboardInterrupt:  # read whole, then stored in one transaction: nothing of it is there
            raise _import_interrupted(
                "nothing was imported (with --format everything is stored in one step, at the end)",
                args.spool,
                "run the same import again",
            ) from None
    _tell_import_report(report, args.verbose, args.spool)
    _print_import_result(report, args)
    return 0


def _choices(args: argparse.Namespace) -> dict[str, Any]:
    """``--add-types`` and ``--map`` as ``api.import_files`` takes them (a bad --map is a usage error)."""
    from annotator.formats.schema_choices import parse_maps

    try:
        mapped = parse_maps(getattr(args, "maps", None) or [])
    except ValidationError as exc:
        raise UsageError(str(exc)) from None
    return {"add_types": getattr(args, "add_types", False), "mapped": mapped}


def _import_options(args: argparse.Namespace) -> dict[str, str]:
    return dict(split_option(o) for o in getattr(args, "options", None) or [])
