"""Edits made while another program holds the project's write lock: kept in order, written once it is free.

SQLite lets one connection write at a time. Another program's long write (an import of a large file, a merge: one
transaction each, so a file lands whole or not at all) held the app's edit in ``BEGIN IMMEDIATE`` for up to the
10 s busy timeout, with the window frozen, and then refused it. Here an edit waits only ``first_wait_ms`` (long
enough for another program's ordinary edit or batch to finish); if the lock is still held it is kept, and every
later edit is kept behind it, so they land in the order they were made. ``retry`` tries them again without
waiting at all (the app calls it from a timer), and ``drain`` waits for them (closing the project). Each write is
whatever the caller passes (the app: a command making one core edit), run under ``Project.lock_wait``; a write that
fails for any reason but the lock is done with (its error is returned to the caller), never tried again.
"""

from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass
from typing import Callable, Generic, TypeVar

from annotator.errors import AnnotatorError, BusyError
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


class WriteQueue(Generic[K]):
    """The edits kept while another program writes, oldest first."""

    def __init__(self, first_wait_ms: int = FIRST_WAIT_MS) -> None:
        self.first_wait_ms = first_wait_ms
        self._kept: deque[Kept[K]] = deque()
        self.last_busy: BusyError | None = None  # what the last try that found the lock held said

    def __len__(self) -> int:
        return len(self._kept)

    def keys(self) -> list[K]:
        return [k.key for k in self._kept]

    def waiting_since(self) -> float | None:
        """time.monotonic() when the oldest kept edit was made (None: nothing kept)."""
        return self._kept[0].since if self._kept else None

    def submit(self, project: Project, key: K, write: Callable[[], T]) -> tuple[bool, T | None]:
        """Write now if the lock is free within ``first_wait_ms`` and nothing is kept before it: (True, what the
        write returned); else keep it for ``retry``: (False, None)."""
        if not self._kept:
            try:
                with project.lock_wait(self.first_wait_ms):
                    return True, write()
            except BusyError as exc:
                self.last_busy = exc
        self._kept.append(Kept(key, write, time.monotonic()))
        return False, None

    def retry(self, project: Project, wait_ms: int = 0, budget_s: float | None = None) -> list[tuple[K, object]]:
        """Write the kept edits, oldest first, until one finds the lock held again (it stays, with those after it) or
        ``budget_s`` is spent (at least one is tried: each write waits for the disk, and 60 kept edits written at once
        held the app's window 1.2 s); the (key, result) of each one written, or (key, its AnnotatorError) for one
        refused for another reason (a rule, a change elsewhere), in order. Any other exception is raised, its edit
        done with."""
        done: list[tuple[K, object]] = []
        end = None if budget_s is None else time.monotonic() + budget_s
        while self._kept and (end is None or not done or time.monotonic() < end):
            head = self._kept[0]
            try:
                with project.lock_wait(wait_ms):
                    result: object = head.write()
            except BusyError as exc:
                self.last_busy = exc
                break
            except AnnotatorError as exc:
                result = exc
            except BaseException:
                self._kept.popleft()
                raise
            self._kept.popleft()
            done.append((head.key, result))
        return done

    def drain(self, project: Project, timeout_s: float, wait_ms: int = 200) -> list[tuple[K, object]]:
        """Retry until every kept edit is written or ``timeout_s`` passed (a close waits for them); as ``retry``."""
        end = time.monotonic() + timeout_s
        done = self.retry(project)
        while self._kept and time.monotonic() < end:
            done += self.retry(project, wait_ms)
        return done

    def take_last(self) -> K | None:
        """Forget the newest kept edit, never written (undo before it landed); its key, or None."""
        return self._kept.pop().key if self._kept else None

    def clear(self) -> list[K]:
        """Forget every kept edit (the project closes without them: the caller said so); their keys."""
        keys = self.keys()
        self._kept.clear()
        return keys
