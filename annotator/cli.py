"""The ``annotator`` command: run what ``cli_parser`` parses (each command calls the library), print clear one-line
errors with the exit code a script can test."""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import functools
import sys
from pathlib import Path
from typing import Any, Sequence

from annotator.errors import AnnotatorError, DamagedTextError, OptionError, TrainingCancelled
from annotator.cli_common import (
    READ_ONLY,
    refused_data,
    refused_file_data,
    SigtermAsInterrupt,
    Interrupted,
    UsageError,
    in_stages,
    open_project,
    print_json,
    progress_bar,
    streams_given,
    write_kept_edits_of,
    stop_asked,
    stopping_at_cancel_points,
    terminated,
)
from annotator.cli_export import cmd_export
from annotator.cli_finish import cmd_accept, cmd_status
from annotator.cli_reject import cmd_reject
from annotator.cli_import import cmd_import
from annotator.cli_sets import cmd_sets
from annotator.cli_parser import build_parser
from annotator.wording import counted, were


EXIT_OK, EXIT_USER_ERROR, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130  # as the README states
EXIT_PIPE_CLOSED = 141  # the reader of the output went away (`| head`): what a shell reports for SIGPIPE
EXIT_TERMINATED = 143  # SIGTERM: what a shell reports for a process it ended (`timeout` says 124 itself)


def cmd_init(args: argparse.Namespace) -> int:
    path = Path(args.project)
    if path.is_dir():
        raise AnnotatorError(
            f"{path}: is a folder; name the project file to create in it (e.g. {path / 'news.annotator'})"
        )
    from annotator.project_file import unfinished_init

    if path.exists() and path.stat().st_size > 0 and not unfinished_init(path):
        raise AnnotatorError(f"{path}: already exists; nothing was changed")
    with open_project(args) as project:
        print(
            f"created {path} with schema {project.schema.name!r} "
            f"({counted(len(project.schema.entities), 'label')}, {counted(len(project.schema.events), 'event type')})"
        )
    return 0


def cmd_preannotate(args: argparse.Namespace) -> int:
    from annotator import api
    from annotator.lease import PreannotationRunning, host_name

    if args.model and args.model_version:
        raise UsageError(
            "--model and --model-version do not go together (--model original is the shipped pipeline, "
            "--model-version N a trained one)"
        )
    if args.tokens_only and args.only_new:
        raise UsageError(
            "--tokens-only and --only-new do not go together (--tokens-only takes the documents without tokens)"
        )
    with open_project(args, create=False) as project, contextlib.ExitStack() as stack:
        if args.take_over:
            _take_over(project)
        saved = {"done": 0, "of": ""}
        bars: list[Any] = []  # drawn from the first batch on: under the 'loading ...' line, not above it

        def progress(done: int, total: int) -> None:  # called after each batch's commit
            if not bars:
                bars.append(stack.enter_context(progress_bar(total, "preannotate")))
            bars[0].update(done - bars[0].n)
            saved.update(done=done, of=f" of {total:,}")

        try:
            report = api.preannotate(
                project,
                model=args.model,
                version=args.model_version,
                only_new=args.only_new,
                finished=args.finished,
                tokens_only=args.tokens_only,
                progress=progress,
                batch_size=args.batch_size,
                n_process=args.n_process,
                loading=lambda what: print(f"loading {what} ...", file=sys.stderr),
                warning=lambda text: print(f"annotator: warning: {text}", file=sys.stderr),
            )
        except PreannotationRunning as exc:
            if exc.host == host_name():
                raise
            raise AnnotatorError(f"{exc}, or with --take-over if it has stopped without a word") from None
        except KeyboardInterrupt:
            done = saved["done"]
            what = f"{done:,}{saved['of']} documents" if saved["of"] else counted(done, "document")
            raise Interrupted(
                f"{what} {were(done)} pre-annotated and saved, in whole batches; run it again with --only-new to do "
                "the rest"
            ) from None
    more = " (--finished pre-annotates them too)" if report.kept_finished else ""
    if args.json:
        print_json({**report.to_data(), "summary": f"{report.pipeline}: {report.summary()}{more}"})
        return 0
    print(f"{report.pipeline}: {report.summary()}{more}")
    return 0


def _take_over(project: Any) -> None:
    """``preannotate --take-over``: the lease of another machine's run let go (said on stderr); a live run of this
    machine refused."""
    from annotator.lease import host_name, running, take_over

    other = running(project)
    if other is None:
        print(
            "no pre-annotation run to take over (none holds this project): pre-annotating as without --take-over",
            file=sys.stderr,
        )
        return
    if other.host == host_name():
        raise AnnotatorError(
            f"pre-annotation is running on this machine ({other.where()}) and its process is alive; nothing was "
            "started: --take-over takes over only another machine's run"
        )
    if take_over(project, other):
        print(
            f"took over from the pre-annotation of pid {other.pid} on {other.host} (last seen at {other.seen()})",
            file=sys.stderr,
        )


def cmd_train(args: argparse.Namespace) -> int:
    from annotator import kept_reading
    from annotator.learn.options import TrainOptions
    from annotator.learn.train import train_project

    options = TrainOptions(
        statuses=tuple(args.status),
        base=args.base,
        ner_epochs=args.ner_epochs,
        event_epochs=args.event_epochs,
        seed=args.seed,
        make_default=True if args.make_default else None,
    )
    with open_project(args, create=False) as project, progress_bar(None, "train", "step") as bar:
        project.check_writable()  # said before the kept edits: what stops it first
        # decisions a stopped app kept that this open could not write (another user's journal): a model trained
        # without them would miss them silently (kept_reading.refuse_left; the app's training asks the same)
        kept_reading.refuse_left(project, kept_reading.TRAIN_AGAIN)
        try:
            with stopping_at_cancel_points():  # SIGTERM or Ctrl+C: the training stops at its next step
                report = train_project(project, options, progress=in_stages(bar), cancelled=stop_asked)
        except TrainingCancelled:
            if stop_asked():
                raise KeyboardInterrupt from None  # said as for any command: "no model version was made"
            raise
    if args.json:
        print_json(report.to_data())
        return 0
    print(report.summary())
    return 0


def cmd_models(args: argparse.Namespace) -> int:
    from annotator.learn.report import format_versions
    from annotator.learn.versions import (
        ORIGINAL,
        default_version,
        left_behind_message,
        list_versions,
        set_default,
        training_running,
    )

    with open_project(args, create=False) as project:
        if args.attach is not None:
            from annotator.learn.kept_models import attach

            number = attach(project, args.attach)
            print(
                f"{args.attach}: attached as version {number} (not the default: 'annotator models {project.path} --default {number}')"
            )
        if args.default is not None:
            set_default(project, None if args.default == ORIGINAL else _version_number(args.default))
        infos = list_versions(project)
        if args.json:
            print_json(
                [
                    {
                        "version": v.version,
                        "default": v.default,
                        "present": v.present,
                        "created": v.created,
                        "documents": v.documents,
                        "manifest": v.manifest,
                    }
                    for v in infos
                ],
                indented=True,
            )
        else:
            print(format_versions(infos, default_version(project) is None))
        note = left_behind_message(project)
        training = training_running(project)
    if note:
        print(f"annotator: warning: {note}", file=sys.stderr)
    if training:  # a script polling for the version: it comes when that run ends
        print(
            f"annotator: note: a training of this project is running ({training}): its version is listed when it ends",
            file=sys.stderr,
        )
    return 0


def _version_number(text: str) -> int:
    if not text.isdigit():
        from annotator.closest import did_you_mean

        close = did_you_mean(text, ["original"])  # `--default orignal`: the word meant offered, as for any choice
        raise UsageError(f"--default takes a version number or 'original', not {text!r}{close}")
    return int(text)


def cmd_stats(args: argparse.Namespace) -> int:
    from annotator.stats import format_stats, project_stats

    if getattr(args, "model", False):
        from annotator.teams.model_quality import format_model_quality, model_quality

        with open_project(args, create=False, reads_set=True) as project:
            result = model_quality(project, args.set or "main")
        if args.json:
            print_json(result, indented=True)
        else:
            print(format_model_quality(result))
        return 0
    from annotator.role_heads import older_heads_said

    with open_project(args, create=False, reads_set=True) as project:
        stats = project_stats(project, args.set)
        older = older_heads_said(project, f"annotator preannotate {project.path}")
    if args.json:
        print_json(stats, indented=True)
    else:
        print(format_stats(stats))
    if older:  # the role keys of those documents offer what older rules found (session 41)
        print(f"annotator: note: {older}", file=sys.stderr)
    return 0


def cmd_categories(args: argparse.Namespace) -> int:
    """List the project's categories with the documents each applies to, or take one off the list (``--remove``)."""
    from annotator.categories import category_counts
    from annotator.edits import remove_category
    from annotator.errors import CategoryInUse

    if args.from_documents and not args.remove:
        raise UsageError("--from-documents goes with --remove NAME")
    with open_project(args, create=False) as project:
        if args.remove is None:
            counts = category_counts(project)
            if not counts:
                print("the project has no category")
            width = max((len(c) for c in counts), default=0)
            for name, n in counts.items():
                print(f"{name:<{width}}  {counted(n, 'document')}")
            return 0
        try:
            change = remove_category(project, args.remove, from_documents=args.from_documents)
        except CategoryInUse as exc:
            raise AnnotatorError(f"{exc}: add --from-documents") from None
    taken = len(change.ids("documents"))
    print(
        f"category {args.remove.strip()!r} removed" + (f", and taken off {counted(taken, 'document')}" if taken else "")
    )
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from annotator.validation import validate

    found: list[dict[str, Any]] = []
    with open_project(args, create=False, reads_set=True) as project:
        ids = project.document_ids()
        done = 0
        with progress_bar(len(ids), "validate") as bar:
            try:
                for doc_id in ids:
                    problems = validate(project, doc_id, args.set)
                    if problems:
                        name = project.document(doc_id).name
                        for p in problems:
                            found.append({"document": doc_id, "name": name, **dataclasses.asdict(p)})
                            if not args.json:
                                bar.write(f"{name} (document {doc_id}): {p.message}", file=sys.stdout)
                    done += 1
                    bar.update()
            except KeyboardInterrupt:
                listed = "" if args.json or not found else f" (the {counted(len(found), 'problem')} above are theirs)"
                raise Interrupted(f"{READ_ONLY}; {done:,} of {counted(len(ids), 'document')} checked{listed}") from None
    if args.json:
        print_json({"problems": found}, indented=True)
    else:
        print(counted(len(found), "problem") if found else "no problems")
    return 1 if found else 0


def cmd_agree(args: argparse.Namespace) -> int:
    from annotator.teams.agreement import agreement, format_agreement

    if args.sets and len(set(args.sets)) < 2:  # the command line itself: exit 2, before the project is opened
        raise UsageError(
            f"--sets names one annotation set ({args.sets[0]}); agreement compares two or more: name another, or "
            "leave --sets out for every set but main"
        )
    with open_project(args, create=False) as project, progress_bar(None, "agree") as bar:
        scored = {"done": 0, "of": 0}

        def progress(done: int, total: int) -> None:
            bar.total = total
            bar.update(done - bar.n)
            scored.update(done=done, of=total)

        try:
            result = agreement(project, args.sets, progress=progress)
        except KeyboardInterrupt:
            done = (
                f"{scored['done']:,} of {counted(scored['of'], 'document')} scored (a document counts once for each "
                "pair of sets)"
                if scored["of"]
                else "no document was scored yet"
            )
            raise Interrupted(f"{READ_ONLY}; {done}, no score printed") from None
    if args.json:
        print_json(result, indented=True)
    else:
        print(format_agreement(result))
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    from annotator.teams.merge import merge_projects

    merged: list[str] = []
    reports: list[Any] = []  # each source's report, for --json
    # the sources are read as their files hold them: edits an app kept for one and never saved are written into it
    # first (as this command's open of the target does for the target), or the merge is refused
    write_kept_edits_of(args.sources, "merge it", "nothing was merged")
    with (
        open_project(args) as project,
        progress_bar(None, "merge") as bar,
    ):  # every source is checked before any is written

        def on_source(source) -> None:  # type: ignore[no-untyped-def]
            out = sys.stderr if args.json else sys.stdout  # with --json stdout is the JSON alone
            bar.write(source.summary(), file=out)  # each is reported when done, above the bar
            out.flush()
            merged.append(source.path)
            reports.append(source)

        try:
            merge_projects(
                project,
                args.sources,
                args.names,
                combine=args.combine,
                replace=args.replace,
                on_source=on_source,
                progress=in_stages(bar),
            )
        except KeyboardInterrupt:  # each source is one transaction: the ones reported are kept whole
            if not merged:
                raise Interrupted("nothing was merged (no source file was written into the project)") from None
            rest = [s for s in args.sources if str(Path(s)) not in merged]
            raise Interrupted(
                f"{counted(len(merged), 'source file')} of {len(args.sources)} merged and saved, each whole "
                f"({', '.join(merged)}); {', '.join(rest)} not: merge {'it' if len(rest) == 1 else 'them'} again to "
                "finish"
            ) from None
    if args.json:
        print_json({"sources": [r.to_data() for r in reports]}, indented=True)
    return 0


def _no_display() -> str | None:
    """Why the app cannot open a window here (Linux without X11 or Wayland), else None: Qt would abort the process
    (exit 134) with lines that suggest reinstalling it."""
    import os

    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "no display to open the app on (neither DISPLAY nor WAYLAND_DISPLAY is set): run it in a desktop session "
        "(or ssh -X); every other command works without one"
    )


def cmd_gui(args: argparse.Namespace) -> int:
    if (why := _no_display()) is not None:
        raise AnnotatorError(why)
    try:
        from ui.app import main as gui_main
    except ImportError as exc:
        raise AnnotatorError(f"the desktop app is not available: {exc}") from None
    argv = [args.project] if args.project else []
    if args.annotator:
        argv += ["--annotator", args.annotator]
    if args.model:
        argv += ["--model", args.model]
    return gui_main(argv)


def _pipe_closed() -> int:
    """The output's reader went away (``annotator stats p | head``): stop quietly, as other command-line tools do
    (Python would otherwise report the failed flush of stdout again at exit)."""
    import os

    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return EXIT_PIPE_CLOSED


COMMANDS = {  # what each subcommand runs (cli_parser builds the command line itself)
    "init": cmd_init,
    "import": cmd_import,
    "preannotate": cmd_preannotate,
    "train": cmd_train,
    "models": cmd_models,
    "export": cmd_export,
    "stats": cmd_stats,
    "status": cmd_status,
    "categories": cmd_categories,
    "accept": cmd_accept,
    "reject": cmd_reject,
    "validate": cmd_validate,
    "agree": cmd_agree,
    "merge": cmd_merge,
    "sets": cmd_sets,
    "gui": cmd_gui,
}


@functools.cache
def _parser() -> argparse.ArgumentParser:
    """The command line's parser, built once a process (3 ms): its options, choices and defaults are constants, none
    read from the environment or a file, and parsing leaves it as it was. A process that calls ``main`` more than
    once (the tests: ~800 calls in the inner loop) built it at each call."""
    return build_parser()


def _refusal_as_json(args: argparse.Namespace, said: dict[str, Any]) -> None:
    """A command run with ``--json`` that is refused prints one object saying why on standard output (a script reads
    no JSON at all otherwise; session 35 gave ``train`` one, the other commands printed nothing)."""
    if getattr(args, "json", False):
        print_json(said)
        sys.stdout.flush()


def main(argv: Sequence[str] | None = None) -> int:
    streams_given()  # a standard output or error closed at the start (>&-, 2>&-) is the null device, not None
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help (0) or a usage error (2), already printed
        return exc.code if isinstance(exc.code, int) else 2
    made = _would_create(args)
    done = False
    sigterm = SigtermAsInterrupt()
    try:
        # a stored text whose bytes are not UTF-8, wherever read; SIGTERM as Ctrl+C (the app: Qt's own loop)
        with DamagedTextError.raised_for(args.project), sigterm if args.command != "gui" else contextlib.nullcontext():
            code = int(COMMANDS[args.command](args) or EXIT_OK)
        done = code == EXIT_OK
        sys.stdout.flush()  # here, not at exit, so a closed pipe is handled below
        return code
    except BrokenPipeError:
        return _pipe_closed()
    except (UsageError, OptionError) as exc:  # the command line itself (an option a format does not take: as import)
        print(f"annotator: error: {exc} (see: annotator {args.command} --help)", file=sys.stderr)
        return EXIT_USAGE
    except AnnotatorError as exc:
        print(f"annotator: error: {exc}", file=sys.stderr)
        _refusal_as_json(args, refused_data(exc, args.command))
        return EXIT_USER_ERROR
    except OSError as exc:  # a file the user named cannot be read or written
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"annotator: error: {where}{exc.strerror or exc}", file=sys.stderr)
        _refusal_as_json(args, refused_file_data(exc, f"{where}{exc.strerror or exc}", args.command))
        return EXIT_USER_ERROR
    except KeyboardInterrupt as exc:
        said = getattr(exc, "said", None) or INTERRUPTED.get(args.command, "every finished step is saved")
        if sigterm.got or terminated():  # `timeout`, `docker stop`, a CI job cancelled: what was kept, as for Ctrl+C
            print(f"annotator: terminated (SIGTERM); {said}", file=sys.stderr)
            return EXIT_TERMINATED
        print(f"annotator: interrupted; {said}", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        if not done and made is not None:  # a failed command leaves no new file behind
            from annotator.project_file import remove_if_empty

            remove_if_empty(made)


INTERRUPTED = {  # what Ctrl+C left, where "every finished step is saved" is not it
    "export": "nothing was written (an export is written whole or not at all; one there before is as it was)",
    "train": "no model version was made",
    "stats": READ_ONLY,
    "validate": READ_ONLY,
    "agree": READ_ONLY,
    "status": "no status was changed, or every one asked (they are set in one transaction): `annotator stats` says "
    "which",
    "models": "the default model is as it was, or as asked (it is set in one step): `annotator models PROJECT` says "
    "which",
    "init": "the project file is made in one step: run the same init again (a file it left unfinished is taken over)",
    "merge": "nothing was merged (no source file was written into the project)",  # before merge_projects began
}


def _would_create(args: argparse.Namespace) -> Path | None:
    """The project file an ``import`` or ``merge`` is about to create (None when it exists, or for other commands)."""
    path = Path(args.project) if args.command in ("import", "merge") and getattr(args, "project", None) else None
    return path if path is not None and not path.exists() else None


if __name__ == "__main__":
    raise SystemExit(main())
