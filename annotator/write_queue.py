"""Edits made while another program holds the project's write lock: kept in order, written once it is free.

SQLite lets one connection write at a time. Another program's long write (an import of a large file, a merge: one
transaction each, so a file lands whole or not at all) held the app's edit in ``BEGIN IMMEDIATE`` for up to the
10 s busy timeout, with the window frozen, and then refused it. Here an edit waits only ``first_wait_ms`` (long
enough for another program's ordinary edit or batch to finish); if the lock is still held it is kept, and every
later edit is kept behind it, so they land in the order they were made. ``retry`` tries them again without
waiting at all (the app calls it from a timer), and ``drain`` waits for them (closing the project). Each write is
whatever the caller passes (the app: a command making one core edit), run under ``Project.lock_wait``; a write that
fails for any reason but the lock is done with (its error is returned to the caller), never tried again.

A kept edit given with its ``record`` (``kept_journal.record``) is durable at once: one fsynced line of the
project's journal of kept edits, replayed by the next open if this program dies before it lands; its landing writes
the journal's mark in its own transaction, so a replay never makes it twice. The journal goes when nothing is kept.
A kept edit that finds the file renamed or moved when it lands (editing stops: ``ProjectMovedError``) stays kept, its
journal moved beside the file, for the open of its new name; one that finds the file replaced or deleted is refused.
"""

from __future__ import annotations

import time
from collections import deque
from pathlib import Path
from dataclasses import dataclass
from contextlib import nullcontext
from functools import partial
from typing import Any, Callable, ContextManager, Generic, TypeVar

from annotator import kept_messages
from annotator.errors import AnnotatorError, BusyError, ProjectMovedError, SaveError
from annotator.kept_journal import KeptJournal
from annotator.kept_replay import replay
from annotator.kept_lines import NotJournaled, as_who_kept, title_of
from annotator.store import Project

T = TypeVar("T")
K = TypeVar("K")

FIRST_WAIT_MS = 100  # an edit waits this long for another program's write before it is kept for later
RETRY_MS = 150  # how often the app tries kept edits again (each try waits for nothing)
RETRY_BUDGET_S = 0.1  # and for how long at most it writes them, one after another, before the window goes on


@dataclass
class Kept(Generic[K]):
    key: K  # what the caller knows the write by (the app: its command)
    write: Callable[[], object]
    since: float  # time.monotonic() when it was kept
    seq: int | None = None  # its line in the journal (None: kept in memory only)


class WriteQueue(Generic[K]):
    """The edits kept while another program writes, oldest first."""

    def __init__(self, first_wait_ms: int | None = None) -> None:
        self.first_wait_ms = FIRST_WAIT_MS if first_wait_ms is None else first_wait_ms  # the module's, read now
        self._kept: deque[Kept[K]] = deque()
        self.last_busy: BusyError | None = None  # what the last try that found the lock held said
        # why the oldest kept edit could not be saved at its last try (a SaveError, or the file renamed: ProjectMovedError)
        self.last_failure: SaveError | ProjectMovedError | None = None
        self._journal: KeptJournal | None = None
        self.journaled = 0  # of the edits the last ``clear`` forgot, those the journal holds for the next open
        self.journal_problem: str | None = None  # why the kept edits are in memory only (a full disk, ...)

    def __len__(self) -> int:
        return len(self._kept)

    def keys(self) -> list[K]:
        return [k.key for k in self._kept]

    def waiting_since(self) -> float | None:
        """time.monotonic() when the oldest kept edit was made (None: nothing kept)."""
        return self._kept[0].since if self._kept else None

    def submit(
        self, project: Project, key: K, write: Callable[[], T], record: Callable[[], dict[str, Any]] | None = None
    ) -> tuple[bool, T | None]:
        """Write now if the lock is free within ``first_wait_ms`` and nothing is kept before it: (True, what the
        write returned); else keep it for ``retry`` (False, None), what ``record()`` gives (``kept_journal.record``)
        in the journal before it returns."""
        if not self._kept:
            try:
                with project.lock_wait(self.first_wait_ms):
                    return True, write()
            except BusyError as exc:
                self.last_busy = exc
        self._kept.append(Kept(key, write, time.monotonic(), self._journaled(project, record)))
        return False, None

    def _journaled(self, project: Project, record: Callable[[], dict[str, Any]] | None) -> int | None:
        """The journal line of a new kept edit, or None: no record, or one kept before it is in memory only (a
        replay must not write it without that one), or the journal could not be written (said in
        ``journal_problem``)."""
        if record is None or any(k.seq is None for k in self._kept):
            if record is None and not self._kept:
                self.journal_problem = None
            return None
        try:
            line = record()
            if self._journal is None:
                self._journal = KeptJournal.start(project)
            seq = self._journal.append(line)
        except (OSError, NotJournaled) as exc:
            self.journal_problem = kept_messages.journal_not_written(exc)
            return None
        self.journal_problem = None
        return seq

    def _done_with(self, kept: Kept[K], landed: bool) -> None:
        """``kept`` will never be tried again: its line is skipped unless it landed; the journal goes once nothing is
        kept."""
        try:
            if self._journal is not None and not landed and kept.seq is not None and self._kept:
                self._journal.skip(kept.seq)
            if self._journal is not None and not self._kept:
                self._journal.finish()
                self._journal = None
        except OSError as exc:  # the next open would make an edit taken back: said here
            self.journal_problem = kept_messages.journal_not_updated(exc)
            return
        if all(k.seq is not None for k in self._kept):  # those in memory only are gone
            self.journal_problem = None

    def _landing(self, project: Project, kept: Kept[K]) -> ContextManager[None]:
        if kept.seq is None or self._journal is None:
            return nullcontext()
        return project.riding(self._journal.mark(kept.seq))

    def retry(self, project: Project, wait_ms: int = 0, budget_s: float | None = None) -> list[tuple[K, object]]:
        """Write the kept edits, oldest first, until one finds the lock held again (it stays, with those after it) or
        ``budget_s`` is spent (at least one is tried: each write waits for the disk, and 60 kept edits written at once
        held the app's window 1.2 s) or one could not be saved (``SaveError``: a full disk, a file turned read-only;
        it stays at the head, in ``last_failure``, and is tried again); the (key, result) of each one written, or
        (key, its AnnotatorError) for one refused for another reason (a rule, a change elsewhere), in order. Any other
        exception is raised, its edit done with."""
        done: list[tuple[K, object]] = []
        end = None if budget_s is None else time.monotonic() + budget_s
        while self._kept and (end is None or not done or time.monotonic() < end):
            head = self._kept[0]
            try:
                with project.lock_wait(wait_ms), self._landing(project, head):
                    result: object = head.write()
            except BusyError as exc:
                self.last_busy = exc
                break
            except SaveError as exc:  # a full disk, a file turned read-only: kept, in its place, tried again
                self.last_failure = exc
                break
            except ProjectMovedError as exc:
                if exc.file_now is not None:  # the file itself under another name: its edits wait for its next open
                    self.last_failure = exc
                    self._follow(Path(exc.file_now))
                    break
                result = exc  # replaced or deleted: refused, as any edit then is
            except AnnotatorError as exc:
                result = exc
            except BaseException:
                self._kept.popleft()
                self._done_with(head, landed=False)
                raise
            self._kept.popleft()
            self.last_failure = None
            # False: the caller's write said it changed nothing (the app's command: refused, and said so itself)
            self._done_with(head, landed=not isinstance(result, AnnotatorError) and result is not False)
            done.append((head.key, result))
        return done

    def _follow(self, file_now: Path) -> None:
        """The journal goes beside the file it is kept for, at its new name (``KeptJournal.follow``); if it cannot, it
        stays where it was (the open of a file renamed in its own folder finds it there too)."""
        if self._journal is None:
            return
        try:
            self._journal.follow(file_now)
        except OSError as exc:
            self.journal_problem = kept_messages.journal_not_moved(file_now.name, exc)

    def drain(self, project: Project, timeout_s: float, wait_ms: int = 200) -> list[tuple[K, object]]:
        """Retry until every kept edit is written, one could not be saved, or ``timeout_s`` passed (a close waits for
        them); as ``retry``."""
        end = time.monotonic() + timeout_s
        done = self.retry(project)
        while self._kept and self.last_failure is None and time.monotonic() < end:
            done += self.retry(project, wait_ms)
        return done

    def adopt(self, journal: KeptJournal, writes: list[tuple[K, Callable[[], object], int]]) -> None:
        """Take over a journal a killed run left whose edits still wait for another program (``kept_replay.replay``
        with ``adopt``): its (key, write, line) go before every edit kept from now on, in the same journal."""
        if self._kept or self._journal is not None:
            raise ValueError("adopt() is for a queue with nothing kept")
        self._journal = journal
        now = time.monotonic()
        self._kept.extend(Kept(key, write, now, seq) for key, write, seq in writes)
        if not self._kept:
            journal.finish()
            self._journal = None

    def take_over(
        self,
        project: Project,
        make: Callable[[dict[str, Any]], K],
        run: Callable[[K], object],
        wait_ms: int | None = None,
    ) -> bool:
        """What a run killed while another program wrote had kept (its journal, ``kept_replay.replay``): written
        now, or, while that program still writes, adopted here as made now, before any new edit; True then.
        ``make`` turns a journal line into its key (the app: the command; ``NotJournaled``: the line is skipped, said
        in the replay's notes); ``run`` writes a key, under the name of the person who kept it."""
        found = replay(project, wait_ms=self.first_wait_ms if wait_ms is None else wait_ms, adopt=True)
        if found is None or found.waiting is None:
            return False
        journal, lines = found.waiting
        kept: list[tuple[K, Callable[[], object], int]] = []
        for line in lines:
            try:
                key = make(line)
            except NotJournaled as exc:
                found.notes.append(kept_messages.replay_refused(title_of(line), exc))
                try:
                    journal.skip(int(line["seq"]))
                except OSError:  # a full disk: not made either way; the next open says it again
                    pass
                continue
            kept.append((key, partial(_as_who_kept, project, line, run, key), int(line["seq"])))
        self.adopt(journal, kept)
        return True

    def take_last(self) -> K | None:
        """Forget the newest kept edit, never written (undo before it landed): its journal line skipped; its key, or
        None."""
        if not self._kept:
            return None
        kept = self._kept.pop()
        if not self._kept:
            self.last_failure = None
        self._done_with(kept, landed=False)
        return kept.key

    def clear(self) -> list[K]:
        """Forget every kept edit (the project closes without them: the caller said so); their keys. Those in the
        journal stay there: the next open of the project writes them (``journaled`` says how many)."""
        keys = self.keys()
        self.journaled = sum(k.seq is not None for k in self._kept)
        self._kept.clear()
        self.last_failure = None
        if self._journal is not None:
            self._journal.close()
            self._journal = None
        return keys


def write_when_free(
    project: Project,
    write: Callable[[], T],
    stop: Callable[[], bool],
    waiting: Callable[[BusyError], None] | None = None,
) -> T:
    """``write()`` made as soon as another program's write is done, for work in a worker thread (which may wait; the
    window's own edits are kept instead, ``WriteQueue``): tried as a kept edit is, first for ``FIRST_WAIT_MS`` and
    then again and again, each try waiting ``RETRY_MS``, until it lands or ``stop()`` (the worker cancelled, the
    window closing) says to give up: the last ``BusyError`` is raised then, nothing written. ``waiting`` is told once,
    when the first try found the lock held. A refusal for any other reason is raised as it comes."""
    queue: WriteQueue[None] = WriteQueue()
    done, result = queue.submit(project, None, write)
    if done:
        return result  # type: ignore[return-value]
    if waiting is not None and queue.last_busy is not None:
        waiting(queue.last_busy)
    while True:
        if stop():
            queue.clear()
            assert queue.last_busy is not None
            raise queue.last_busy
        for _key, landed in queue.retry(project, wait_ms=RETRY_MS):
            if isinstance(landed, AnnotatorError):
                raise landed
            return landed  # type: ignore[return-value]
        if queue.last_failure is not None:  # not a lock: a full disk, a file turned read-only
            failure = queue.last_failure
            queue.clear()
            raise failure


def _as_who_kept(project: Project, line: dict[str, Any], run: Callable[[K], object], key: K) -> object:
    with as_who_kept(project, line):  # their name on it, as had it landed before the kill
        return run(key)
