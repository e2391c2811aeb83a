"""Garbage collection on the GUI thread only.

Python's cyclic collector runs in whichever thread happens to allocate when a threshold is crossed. Run from a
worker thread, it can free Qt wrappers that belong to the GUI thread and crash the process (seen here: a segfault
"Garbage-collecting" inside a worker opening the project while the GUI thread showed a dialog). So automatic
collection is turned off while a worker runs (and only then), and the GUI thread collects on a timer with the
interpreter's own thresholds — the approach pyqtgraph's GarbageCollector takes (written out here: it is ten lines, and pyqtgraph
is not a dependency). Reference counting still frees everything that is not in a cycle, at once, in any thread.
"""

from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from typing import Iterator

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    """Turns automatic collection off and collects, generation by generation, on the GUI thread's timer."""

    def __init__(self, parent: QObject, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(interval_ms)

    def check(self) -> None:
        counts = gc.get_count()
        if counts[0] > self.thresholds[0]:
            generation = 0
            if counts[1] > self.thresholds[1]:
                generation = 2 if counts[2] > self.thresholds[2] else 1
            gc.collect(generation)
        with _lock:
            if _running == 0 and not gc.isenabled():
                gc.enable()  # turned back on here, on the GUI thread: never by a worker on its way out


def install() -> GuiThreadCollector | None:
    """The GUI thread's collector, once per application (call it on the GUI thread); None without an application."""
    app = QCoreApplication.instance()
    if app is None:
        return None
    collector = app.findChild(GuiThreadCollector)
    if collector is None:
        collector = GuiThreadCollector(app)
    return collector


_lock = threading.Lock()
_running = 0


def freeze_start() -> None:
    """Once the window is up: what start-up made (modules, classes, the window's Qt wrappers, all long-lived) is
    left out of every later collection (``gc.freeze``). A full collection, which an open of a long document sets
    off about every other time, then walks only what came after the start: ~2 ms instead of ~20-25 ms with the
    100,000-word document (bench/gui.py). Reference counting still frees those objects when they go."""
    gc.freeze()


@contextmanager
def no_collection_here() -> Iterator[None]:
    """Around a worker's run: automatic collection off; the GUI thread's collector turns it on again once no worker
    runs (so that no collection starts in this thread as it ends)."""
    global _running
    with _lock:
        _running += 1
        gc.disable()
    try:
        yield
    finally:
        with _lock:
            _running -= 1
