"""The pre-annotation lease: one pre-annotation of a project at a time, across processes and within one.

The write lock is held only while a batch is stored, so nothing told the app's pre-annotation of new documents that
``annotator preannotate`` was running on the same file (round 11, docs/reliability.md): both parsed the same
documents, doubling the CPU, the later one's writes replacing the former's suggestions. A run takes the lease (one
row of ``preannotation_lease``, migration 9) in its own short transaction before its first document, renews its
heartbeat at each stored batch and, at most every ``RENEW_EVERY`` seconds, between groups of pieces, and lets it go
at its end, on a cancel or an error too. A second run that finds a live lease is refused (``PreannotationRunning``);
a lease whose pid is gone on this host, or whose heartbeat is older than ``STALE_AFTER``, is taken over.
"""

from __future__ import annotations

import os
import platform
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path

from annotator.child_process import process_alive
from annotator.db import now
from annotator.errors import AnnotatorError, BusyError
from annotator.fileid import process_has_open
from annotator.store import Project

STALE_AFTER = timedelta(minutes=10)  # a heartbeat older than this: a run stopped without a word (a kill, a sleep)
RENEW_EVERY = 30.0  # seconds between heartbeats written between groups of pieces (a stored batch renews it too)


class PreannotationRunning(AnnotatorError):
    """Another pre-annotation holds the project's lease (``pid`` on ``host`` since ``started``, its last sign of life
    ``heartbeat``, UTC ISO; ``token`` the run's: ``take_over`` lets that lease go and no other)."""

    def __init__(self, pid: int, host: str, started: str, heartbeat: str = "", token: str = "") -> None:
        self.pid, self.host, self.started, self.heartbeat, self.token = pid, host, started, heartbeat, token
        super().__init__(
            f"pre-annotation is already running on this project ({self.where()}); "
            "nothing was started: run it again when that one has finished"
        )

    def where(self) -> str:
        """ "pid N on HOST since HH:MM", and when it was last seen when that is a later minute: a run that stopped
        without a word on another machine is told by a heartbeat that stays behind."""
        since, seen = _clock(self.started), self.seen()
        return f"pid {self.pid} on {self.host} since {since}" + (f", last seen at {seen}" if seen != since else "")

    def seen(self) -> str:
        """When the run was last seen (its heartbeat, else its start) as this machine's HH:MM."""
        return _clock(self.heartbeat or self.started)

    def silent_for(self, at: datetime) -> timedelta:
        """How long before ``at`` (UTC) the run was last heard from (its heartbeat; its start when unreadable)."""
        for stamp in (self.heartbeat, self.started):
            try:
                return at - datetime.fromisoformat(stamp)
            except ValueError:
                continue
        return timedelta(0)


def _clock(at: str) -> str:
    """``at`` (the file's UTC timestamp) as this machine's HH:MM; as stored when it cannot be read."""
    try:
        return datetime.fromisoformat(at).astimezone().strftime("%H:%M")
    except ValueError:
        return at


def host_name() -> str:
    return platform.node() or "this machine"  # the host name (no socket import: test_no_code_from_input)


def is_live(row: tuple[int, str, str, str, str], host: str, at: datetime, path: str | Path | None = None) -> bool:
    """A lease row (pid, host, started, heartbeat, token) whose run may still be going at ``at``; with ``path``, the
    project file the row was read from: a process of this host that does not have it open runs on another file (the
    row came with a copy made while that run went on: the copy's app waited for suggestions that run never writes)."""
    pid, their_host, _, heartbeat, _ = row
    if their_host == host and (not process_alive(pid) or (path is not None and process_has_open(pid, path) is False)):
        return False
    try:
        beat = datetime.fromisoformat(heartbeat)
    except ValueError:
        return False
    return at - beat <= STALE_AFTER


def running(project: Project) -> PreannotationRunning | None:
    """The live run holding the lease, as the error a new run would meet; None when there is none (a read of one
    row: the app asks it before its pre-annotation of new documents)."""
    row = project.db.lease_row()
    if row is not None and is_live(row, host_name(), datetime.fromisoformat(now()), project.path):
        return PreannotationRunning(*row)
    return None


def check_free(project: Project) -> None:
    """Raise ``PreannotationRunning`` when a live run holds the lease (asked before seconds of loading a pipeline;
    ``held`` takes it)."""
    if (other := running(project)) is not None:
        raise other


def take_over(project: Project, theirs: PreannotationRunning) -> bool:
    """Let the lease ``theirs`` names go, asked by a person who knows that run has stopped (a machine asleep or off,
    a program killed on another host: its heartbeat would free it only after ``STALE_AFTER``). One short transaction;
    False when the lease is no longer that run's (it ended, or another run holds it now: nothing is let go)."""
    with project.transaction():
        row = project.db.lease_row()
        if row is None or row[4] != theirs.token:
            return False
        project.db.drop_lease(theirs.token)
    return True


class Lease:
    """A lease held by this run: ``beat`` renews its heartbeat."""

    def __init__(self, project: Project, token: str) -> None:
        self.project, self.token = project, token
        self._last = time.monotonic()

    def beat_in_transaction(self) -> None:
        """Renew the heartbeat inside the open transaction (a stored batch's)."""
        self.project.db.renew_lease(self.token, now())
        self._last = time.monotonic()

    def beat(self) -> None:
        """Renew the heartbeat in a transaction of its own, at most every ``RENEW_EVERY`` seconds; another program
        writing just then skips it (the next one, or the next batch, renews it)."""
        if time.monotonic() - self._last < RENEW_EVERY:
            return
        try:
            with self.project.transaction():
                self.beat_in_transaction()
        except BusyError:
            self._last = time.monotonic()


@contextmanager
def held(project: Project) -> Iterator[Lease]:
    """Take the lease (its own short transaction), yield it, let it go at the end, a cancel or an error; a live
    lease of another run is ``PreannotationRunning``. A read-only project is refused by its transaction, nothing
    written."""
    token = uuid.uuid4().hex
    host = host_name()
    with project.transaction():
        row = project.db.lease_row()
        at = now()
        if row is not None and is_live(row, host, datetime.fromisoformat(at), project.path):
            raise PreannotationRunning(*row)
        project.db.put_lease(os.getpid(), host, at, token)
    try:
        yield Lease(project, token)
    finally:
        try:
            with project.transaction():
                project.db.drop_lease(token)
        except AnnotatorError:  # the file gone or locked: the pid's end (or the heartbeat's age) frees it
            pass
