"""Garbage collection on the GUI thread only.

Python's cyclic collector runs in whichever thread happens to allocate when a threshold is crossed. Run from a
worker thread, it can free Qt wrappers that belong to the GUI thread and crash the process (seen here: a segfault
"Garbage-collecting" inside a worker opening the project while the GUI thread showed a dialog). So automatic
collection is turned off while a worker runs (and only then), and the GUI thread collects on a timer with the
interpreter's own thresholds — the approach pyqtgraph's GarbageCollector takes (written out here: it is ten lines, and pyqtgraph
is not a dependency). Reference counting still frees everything that is not in a cycle, at once, in any thread.

Off means the youngest generation's threshold at 0 as well as ``gc.disable()``: a library may turn the collector on
again behind our back, and spaCy does in every model it loads (``srsly.msgpack_loads``, the lemmatizer's lookups, the
vocabulary: ``gc.disable()`` then ``gc.enable()`` around each unpacking). Until session 43 that turned automatic
collection on in the middle of a worker's run: in the worker's thread and in the GUI thread's event loop at any
allocation (a CI run died of a segmentation fault in such a collection, docs/reliability.md, "Session 43"). A
threshold of 0 stops automatic collection whatever ``gc.isenabled()`` says; no library sets thresholds.
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
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(interval_ms)

    @property
    def thresholds(self) -> tuple[int, int, int]:
        """The interpreter's thresholds, as they were before a worker's run turned automatic collection off."""
        with _lock:
            return _kept if _kept is not None else gc.get_threshold()

    def check(self) -> None:
        counts, thresholds = gc.get_count(), self.thresholds
        if counts[0] > thresholds[0]:
            generation = 0
            if counts[1] > thresholds[1]:
                generation = 2 if counts[2] > thresholds[2] else 1
            gc.collect(generation)
        with _lock:
            if _running == 0:  # turned back on here, on the GUI thread: never by a worker on its way out
                _automatic_on()


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
_kept: tuple[int, int, int] | None = None  # the thresholds while automatic collection is off (``_automatic_off``)


def _automatic_off() -> None:
    """No automatic collection in any thread (under ``_lock``): disabled, and the youngest threshold 0, which a
    library's ``gc.enable()`` leaves as it is."""
    global _kept
    if _kept is None:
        _kept = gc.get_threshold()
        gc.set_threshold(0, *_kept[1:])
    gc.disable()


def _automatic_on() -> None:
    """Automatic collection as before ``_automatic_off`` (under ``_lock``, on the GUI thread)."""
    global _kept
    if _kept is not None:
        gc.set_threshold(*_kept)
        _kept = None
    if not gc.isenabled():
        gc.enable()


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
        _automatic_off()
    try:
        yield
    finally:
        with _lock:
            _running -= 1
