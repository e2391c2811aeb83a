"""pytest-qt's bot with a prompt ``waitUntil``: the condition asked again after 1 ms of the event loop, then 2, 4, 8
and every 10 ms, where pytest-qt's asks every 10 ms from the first. Most waits of the GUI tests are for work the
event loop does at once (a paint, the side panels' zero-time timers, a queued signal): each such wait took 10 ms of
idle wall time (1,334 of them in ``tests/ui``, ~13 s of a run on one process), now 1-3 ms. What is waited for
and the callback's forms are pytest-qt's; the time-out is a guard against a hang, no bound on speed: 20 s by default
(pytest-qt's 5 s until session 36, a bound a loaded machine can break)."""

from __future__ import annotations

import time
from typing import Callable, Optional

from pytestqt.qtbot import QtBot

FIRST_MS = 1
LAST_MS = 10  # pytest-qt's own interval: a wait for something slow polls no more often than it did
WAIT_MS = 20_000  # how long a wait waits by default before it fails: a guard against a hang (a pass costs no more)


class PromptBot(QtBot):
    def waitUntil(self, callback: Callable[[], Optional[bool]], *, timeout: int = WAIT_MS) -> None:  # noqa: N802
        """As ``QtBot.waitUntil`` (``callback`` returns None, True or False, or raises AssertionError), the event
        loop run between two asks for 1, 2, 4, 8 ms, then 10 ms each."""
        __tracebackhide__ = True
        start = time.monotonic()
        step = FIRST_MS

        def timed_out() -> bool:
            return (time.monotonic() - start) * 1000 > timeout

        message = f"waitUntil timed out in {timeout} milliseconds"
        while True:
            try:
                result = callback()
            except AssertionError as e:
                if timed_out():
                    raise TimeoutError(message) from e
            else:
                if result not in (None, True, False):
                    raise ValueError(f"waitUntil() callback must return None, True or False, returned {result!r}")
                if result is None or result:
                    return
                if timed_out():
                    raise TimeoutError(message)
            self.wait(step)
            step = min(LAST_MS, step * 2)
