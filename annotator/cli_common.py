"""What the commands of ``annotator`` share: the errors the command line itself raises (a usage error, Ctrl+C with
what was kept), the project a command opens (and the notes about it), progress bars on a terminal, ``--option``."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import signal
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator, Sequence

from annotator.errors import AnnotatorError, NoProjectFileError, ProjectFileError

if TYPE_CHECKING:  # pragma: no cover: tqdm and the store load when a command runs
    from tqdm import tqdm

    from annotator.store import Project

READ_ONLY = "nothing was changed (it only reads the project)"


class UsageError(AnnotatorError):
    """The command line itself is wrong (options that do not go together, a value of the wrong form): exit 2,
    like argparse's own usage errors; nothing ran."""


def _kind_of(exc: BaseException) -> str:
    """An error's class name as a --json ``kind``: ``TrainingRunning`` -> ``training_running``; the plain
    ``AnnotatorError`` (a refusal with no class of its own) -> ``error``."""
    if type(exc) is AnnotatorError:
        return "error"
    return re.sub(r"(?<!^)(?=[A-Z])", "_", type(exc).__name__.removesuffix("Error")).lower()


def refused_data(exc: AnnotatorError, command: str = "train") -> dict[str, Any]:
    """What a command's ``--json`` prints when it is refused (another training running, too few finished documents,
    no project file, a damaged file): ``refused`` true, ``kind`` (the error's kind, ``TrainingRunning`` ->
    ``training_running``), ``reason`` (the line stderr shows after ``annotator: error:``); ``train``'s has ``version``
    null too, as its report's ``version``."""
    said: dict[str, Any] = {"refused": True, "kind": _kind_of(exc), "reason": str(exc)}
    if command == "train":
        said["version"] = None
    return said


def refused_file_data(exc: OSError, reason: str, command: str) -> dict[str, Any]:
    """``refused_data`` for a file the user named that cannot be read or written (``file_not_found``,
    ``permission``, ``is_a_directory``, ``os`` for another)."""
    return refused_data(AnnotatorError(reason), command) | {"kind": _kind_of(exc) if type(exc) is not OSError else "os"}


def print_json(data: Any, *, indented: bool = False) -> None:
    """A command's result (``--json``) on standard output, the one way the command line prints JSON: characters
    beyond ASCII as they are (the stream is UTF-8), on one line, or ``indented`` by two (the reports a person reads
    too: ``stats``, ``check``, ``agreement``, ``merge``, ``import``, ``models``)."""
    print(json.dumps(data, ensure_ascii=False, indent=2 if indented else None))


class Interrupted(KeyboardInterrupt):
    """Ctrl+C, with what the command had saved by then (``said``, printed after 'interrupted; ')."""

    def __init__(self, said: str) -> None:
        super().__init__(said)
        self.said = said


def streams_given() -> None:
    """A process started with its standard output or error closed (``>&-``, ``2>&-``: a daemon's or cron's start) has
    ``sys.stdout`` or ``sys.stderr`` None, on which the command line's flush, its progress bar and an export's
    ``sys.stdout.buffer`` ended in a traceback (with stderr closed, unseen: exit 1, nothing exported). Each becomes the
    null device, marked (``stdout_closed``): what a command writes there goes nowhere, as ``print`` leaves it."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            stream = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (the process's own, open to its end)
            stream.closed_at_start = True  # type: ignore[attr-defined]
            setattr(sys, name, stream)


def stdout_closed() -> bool:
    """Whether the process started with its standard output closed (``stdout_given``): nothing can be written there."""
    return bool(getattr(sys.stdout, "closed_at_start", False))


def progress_bar(total: int | None, desc: str, unit: str = "doc") -> "tqdm":
    """A progress bar on stderr when it is a terminal (never into pipes and CI logs); use it in a ``with``."""
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit=unit, file=sys.stderr, disable=not sys.stderr.isatty())


def in_stages(bar: Any) -> Callable[[str, int, int], None]:
    """A ``progress(what, done, of)`` for a command that goes through stages (train's steps, merge's files): the bar
    says the stage and its count."""

    def progress(message: str, done: int, total: int) -> None:
        bar.set_description(message[:40])
        bar.total = total
        bar.n = done
        bar.refresh()

    return progress


def annotator_name(args: argparse.Namespace) -> str:
    if args.annotator:
        from annotator.textcheck import has_surrogate, printable

        if has_surrogate(args.annotator):  # bytes the terminal sent that are not UTF-8 (e.g. a Latin-1 terminal)
            raise AnnotatorError(
                f"--annotator '{printable(args.annotator)}': not valid UTF-8 text (is the terminal set to another "
                "encoding?); give the name in UTF-8; nothing was changed"
            )
        return args.annotator
    from annotator.users import login_name

    return login_name()


def swapped_import(args: argparse.Namespace, exc: ProjectFileError) -> ProjectFileError:
    """``exc`` with the order ``import`` takes, when what it was given as the project is a folder or another kind of
    file (session 31, a new user: ``annotator import corpus/ news.annotator`` said only "corpus: is a folder, not a
    project file")."""
    project = Path(args.project)
    if getattr(args, "command", None) != "import" or project.suffix.lower() == ".annotator" or not project.exists():
        return exc
    return ProjectFileError(
        f"{exc}; the project file comes first, then what to import: annotator import PROJECT.annotator {args.project}"
    )


def open_project(
    args: argparse.Namespace, create: bool = True, reads_set: bool = False, unread_refused: str | None = None
) -> "Project":
    """The project of ``args``; ``reads_set``: a command that only reads ``--set`` refuses a set the project does
    not have (it would read an empty one); import and preannotate make the set they are given. ``unread_refused``: a
    command that hands the project on refuses it, in one line ending so, when it was read without another user's
    saved changes (``Project.log_unread``); the others say so in a note."""
    from annotator import kept_replay
    from annotator.schema import load_schema
    from annotator.store import Project

    schema = load_schema(args.schema) if getattr(args, "schema", None) else None
    try:
        project = Project(args.project, create=create, schema=schema, annotator=annotator_name(args))
    except NoProjectFileError as exc:  # a newcomer's first command on a project not made yet: say how one is made
        raise NoProjectFileError(f"{exc} (check the name; `annotator init` or `annotator import` makes one)") from None
    except ProjectFileError as exc:
        raise swapped_import(args, exc) from None
    if project.upgraded is not None:  # it was done without a word: a NAME.vN.bak beside it, older versions locked out
        print(f"annotator: note: {project.upgraded.summary(project.path.name)}", file=sys.stderr)
    if project.read_from is not None:  # an older file it cannot upgrade where it is: read from an upgraded copy
        print(f"annotator: note: {project.read_from.summary(project.path.name)}", file=sys.stderr)
    if project.log_unread is not None:  # another user's saved changes in a log this user cannot read: not counted
        if unread_refused is not None:
            project.close()
            project.refuse_unread_log(unread_refused)
        print(f"annotator: note: {project.path.name}: {project.log_unread}", file=sys.stderr)
    kept = kept_replay.replay(project)  # edits the app kept while another program wrote, and was killed before saving
    if not project.read_only:
        from annotator.learn.versions import remove_killed_runs_folders

        remove_killed_runs_folders(project)  # a killed training's half-written model folder
    if kept is not None and (said := kept.summary()):
        print(f"annotator: note: {said}", file=sys.stderr)
    if schema is not None and project.schema.to_data() != schema.to_data():  # an existing project: not ignored
        if project.document_ids():
            name = project.schema.name
            project.close()
            raise AnnotatorError(
                f"{args.project}: --schema is for a new project; this one already has documents on schema {name!r}: "
                "nothing was imported"
            )
        # a project without documents takes it, as it takes a brat annotation.conf; the user's, kept by the inputs
        project.set_schema(schema, given=True)
        print(f"annotator: note: the project now uses the schema {schema.name!r} from {args.schema}", file=sys.stderr)
    if getattr(args, "set", None):
        if reads_set:
            from annotator.teams.sets import check_sets

            try:
                check_sets(project, [args.set])
            except AnnotatorError:
                project.close()
                raise
        project.annotation_set = args.set
    return project


def write_kept_edits_of(paths: Sequence[str | Path], again: str, refused: str, running_ok: bool = False) -> None:
    """Before projects are read as their files hold them (``merge``'s sources, read-only), the edits an app kept for
    each and was killed before saving are written into it, as every command's open of it does; said in a note each.
    One that cannot be written there refuses the command in one line: what to do, then ``again`` ("merge it"), then
    ``refused`` ("nothing was merged"); ``running_ok``: a live program's journal is passed over (``export``)."""
    from annotator import kept_reading

    for path in paths:
        try:
            kept = kept_reading.write_before_reading(Path(path), again, running_ok)
        except kept_reading.KeptEditsLeft as exc:
            raise AnnotatorError(f"{exc}; {refused}") from None
        if kept:
            print(f"annotator: note: {Path(path).name}: {kept}", file=sys.stderr)


def split_option(text: str) -> tuple[str, str]:
    if "=" not in text:
        raise UsageError(f"--option takes KEY=VALUE, not {text!r}")
    k, v = text.split("=", 1)
    return k.strip(), v.strip()


# SIGTERM came (SigtermAsInterrupt's handler, or ``stopping_at_cancel_points``'s); a stop asked (that, or Ctrl+C
# inside ``stopping_at_cancel_points``)
_TERMINATED = threading.Event()
_STOP_ASKED = threading.Event()


def terminated() -> bool:
    """SIGTERM came while a command ran."""
    return _TERMINATED.is_set()


def stop_asked() -> bool:
    """SIGTERM or Ctrl+C came inside ``stopping_at_cancel_points``: the work stops at its next cancel point."""
    return _STOP_ASKED.is_set()


@contextlib.contextmanager
def stopping_at_cancel_points() -> Iterator[None]:
    """Within, SIGTERM and Ctrl+C only ask the work to stop (``stop_asked``), which it looks at between its steps.
    A KeyboardInterrupt raised at whatever line was running (Python's way, and SigtermAsInterrupt's) landed inside
    imports on CI: swallowed in a module lock's weakref callback (the training went on and made a version, exit 0),
    turned into a RuntimeError in a class's ``__set_name__`` (exit 1, a traceback), or raised again at exit (-2)."""
    if threading.current_thread() is not threading.main_thread():  # Python runs handlers in the main thread only
        yield
        return

    def ask(signum: int, frame: Any) -> None:
        if signum == signal.SIGTERM:
            _TERMINATED.set()
        _STOP_ASKED.set()

    _STOP_ASKED.clear()
    before = {sig: signal.signal(sig, ask) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for sig, handler in before.items():
            signal.signal(sig, handler if handler is not None else signal.SIG_DFL)


class SigtermAsInterrupt:
    """While a command runs, SIGTERM (`timeout`, `docker stop`, a CI job cancelled, a plain `kill`) stops it as Ctrl+C
    does: what it had saved is kept and said, a training's half-made model folder and a pre-annotation's lease go,
    where Python's default ended the process on the spot without a word (exit -15). ``got`` says whether it came.
    Installed in the main thread alone (where Python runs signal handlers); the handler before is put back after."""

    def __init__(self) -> None:
        self.got = False
        self._installed = False
        self._before: Any = None

    def _stop(self, signum: int, frame: Any) -> None:
        self.got = True
        _TERMINATED.set()
        raise KeyboardInterrupt

    def __enter__(self) -> SigtermAsInterrupt:
        _TERMINATED.clear()
        if threading.current_thread() is threading.main_thread():
            self._before = signal.signal(signal.SIGTERM, self._stop)
            self._installed = True
        return self

    def __exit__(self, *exc: object) -> None:
        if self._installed:
            signal.signal(signal.SIGTERM, self._before if self._before is not None else signal.SIG_DFL)


def check_which(args: argparse.Namespace, narrowed_by: Sequence[str] = ()) -> None:
    """``accept`` and ``reject`` given one way of choosing (``--docs``, ``--all``, or ``--ids`` / ``--event-ids``), the
    ids without the options that narrow a document's suggestions (``narrowed_by``, as given: "--labels"): a
    ``UsageError`` otherwise, before the project is opened."""
    by_id = args.ids is not None or args.event_ids is not None
    ways = [w for w, given in (("--docs", args.docs is not None), ("--all", args.all), ("--ids", by_id)) if given]
    if len(ways) != 1:
        raise UsageError(
            "one of --docs, --all, or --ids / --event-ids is required"
            if not ways
            else f"{' and '.join(ways)} do not go together: choose the documents or the suggestions by id"
        )
    if by_id and narrowed_by:
        raise UsageError(f"--ids and --event-ids choose the suggestions themselves: not with {', '.join(narrowed_by)}")


def chosen_or_named(
    args: argparse.Namespace, project: Project
) -> tuple[list[int], dict[int, tuple[list[int], list[int]]] | None]:
    """The documents ``accept`` or ``reject`` works on (``check_which`` passed), and the suggestions chosen by id by
    document (None with ``--docs`` or ``--all``; an id not in the set refused, ``edits_flow.chosen_suggestions``)."""
    from annotator.edits_flow import chosen_suggestions

    if args.ids is None and args.event_ids is None:
        return (project.document_ids() if args.all else project.documents_named(args.docs)), None
    chosen = chosen_suggestions(project, args.ids or (), args.event_ids or ())
    return list(chosen), chosen
