"""A project about to be read as its file holds it (``merge``'s sources, opened read-only): the edits a program kept
for it and was killed before saving (``kept_journal``) are written into it first, as the person's open of it would,
or the read is refused in one line that says what to do; read as they were, they were left out silently."""

from __future__ import annotations

import os
from pathlib import Path

from annotator import file_logs, fileid, kept_messages, opencheck
from annotator.errors import AnnotatorError
from annotator.kept_journal import pending, unreadable, unwritable
from annotator.kept_replay import held as _held, not_landed, replay
from annotator.kept_lines import NotJournaled
from annotator.store import Project

TRAIN_AGAIN = (
    "train on it; nothing was trained"  # what ``refuse_left`` tells a training to do (the command's, the app's)
)


class KeptEditsLeft(AnnotatorError):
    """Edits kept for a project that a read of it as its file holds would miss, and that cannot be written into it
    here (``write_before_reading``)."""


def _not_landed(project: Project, paths: list[Path]) -> int:
    """How many edits of the journals at ``paths`` are neither landed nor taken back."""
    n = 0
    for path in paths:
        try:
            n += not_landed(project, path)
        except (OSError, NotJournaled):
            continue
    return n


def write_before_reading(path: Path, again: str, running_ok: bool = False) -> str | None:
    """Write into the project at ``path`` the edits a program killed before saving them kept for it (as the person's
    next open would), before it is read as its file holds it (``merge`` reads its sources read-only, and missed them
    silently); what was written (``Replay.summary``), or None when nothing was kept for it. Raises ``KeptEditsLeft``,
    one line ending in what to do and then ``again`` ("merge it"), when some cannot be written here: a program still
    running holds them, the file cannot be written by this user, a journal this user cannot read, another program is
    writing to it, a damaged line. The same for the edits a program killed after the file was renamed or moved had
    saved under its old name (its log there, which a read-write open takes: ``file_logs.take_left_log``).
    ``running_ok``: a journal a live program holds is passed over (``export``: the file as it is at that moment, as
    with any program's edits not saved yet; ``merge`` refuses the source)."""
    ident = fileid.identity(path)
    log = file_logs.take_left_log(path, look_only=True)  # saved under a name it had, by a program killed since

    def left_now() -> list[Path]:
        return [p for p in pending(path, ident) if not (running_ok and _held(p))]

    if not left_now() and log is None:
        return None
    try:
        project = Project(path, create=False)  # a read-write open takes such a log (``file_logs.take_left_log``)
    except AnnotatorError as exc:
        raise KeptEditsLeft(kept_messages.not_opened_to_write_kept(path, exc)) from None
    try:
        done = replay(project)
        left = left_now()
        n = _not_landed(project, left)
        why = project.read_only_reason if project.read_only else None
    finally:
        project.close()
    if log is not None and os.path.lexists(log):
        raise KeptEditsLeft(kept_messages.left_log_not_written(path, log, why or "another program uses it", again))
    took = kept_messages.left_log_written(log) if log is not None else None
    refusal = _refusal(path, left, n, why, done.notes if done is not None else [], again)
    if refusal is not None:
        raise refusal
    said = [x for x in (took, done.summary() if done is not None else None) if x]
    return "; ".join(said) or None


def _refusal(
    path: Path, left: list[Path], n: int, why: str | None, notes: list[str], again: str
) -> KeptEditsLeft | None:
    """Why the ``n`` edits of the journals ``left`` (no live program's, unless passed over) are not in the project
    at ``path`` and what to do, then ``again``; None when there is nothing left out (``n`` 0 and every journal
    readable). ``why``: the project opened read-only; ``notes``: its open's replay's."""
    hidden = [(p, bad) for p in left if (bad := unreadable(p)) is not None]
    if hidden:
        names = ", ".join(p.name for p, _ in hidden)
        return KeptEditsLeft(kept_messages.kept_unreadable(path, names, hidden[0][1], again))
    if not left or not n:
        return None
    names = ", ".join(p.name for p in left)
    if why is not None:
        return KeptEditsLeft(kept_messages.kept_cannot_be_written_here(path, n, names, why, again))
    if any(_held(p) for p in left):
        return KeptEditsLeft(kept_messages.kept_by_a_running_program(path, n, names, again))
    locked = [(p, bad) for p in left if (bad := unwritable(p)) is not None]
    if locked:
        owner = opencheck.owner_name(locked[0][0])
        return KeptEditsLeft(kept_messages.kept_unwritable(path, n, names, locked[0][1], owner, again))
    return KeptEditsLeft(kept_messages.kept_not_written(path, n, notes, again))


def refuse_left(project: Project, again: str) -> None:
    """Raise ``KeptEditsLeft`` (what to do, then ``again``) when edits a stopped program kept for the open
    ``project`` are not in it: its open could not write them (a journal this user cannot read or write, another
    program writing, a full disk, opened read-only). For work that must have every decision (``train``: a model
    trained without them, silently). A live program's journal is passed over: its edits are its own, not saved yet."""
    left = [p for p in pending(project.path, project.identity) if not _held(p)]
    if not left:
        return
    why = project.read_only_reason or "opened read-only" if project.read_only else None
    notes = project.kept_replay.notes if project.kept_replay is not None else []
    refusal = _refusal(project.path, left, _not_landed(project, left), why, notes, again)
    if refusal is not None:
        raise refusal
