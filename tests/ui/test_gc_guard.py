"""The cyclic garbage collector never runs in a worker thread (it can free the GUI thread's Qt objects there)."""

from __future__ import annotations

import gc
import threading

from ui import gc_guard
from ui.workers import Worker
from ui_support import HANG_GUARD_MS


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_collection_happens_on_the_gui_thread_only_while_workers_run(qtbot):
    Worker("unused.annotator")  # making a worker installs the guard
    threads: list[int] = []

    def seen(phase: str, info: dict) -> None:
        if phase == "start":
            threads.append(threading.get_ident())

    gc.callbacks.append(seen)
    try:

        def churn() -> None:  # what a worker opening a project or parsing does: many new objects, some in cycles
            for _ in range(200_000):
                _Cycle()

        def worker_run() -> None:  # as Worker.run wraps its work
            with gc_guard.no_collection_here():
                churn()

        t = threading.Thread(target=worker_run)
        t.start()
        qtbot.waitUntil(lambda: not t.is_alive(), timeout=HANG_GUARD_MS)  # the GUI thread's loop runs, as in the app
        t.join()
        qtbot.waitUntil(lambda: threading.main_thread().ident in threads and gc.isenabled(), timeout=20_000)
    finally:
        gc.callbacks.remove(seen)
    assert set(threads) == {threading.main_thread().ident}  # never in the worker


def test_the_start_is_left_out_of_later_collections_and_what_follows_is_still_collected():
    import weakref

    gc.collect()
    before = gc.get_freeze_count()
    try:
        gc_guard.freeze_start()
        assert gc.get_freeze_count() > before  # the start's objects: no full collection walks them again
        cycle = _Cycle()
        gone = weakref.ref(cycle)
        del cycle
        gc.collect()
        assert gone() is None  # a cycle made after the start is collected as before
    finally:
        gc.unfreeze()
        if before:  # the test process froze its start (tests/conftest.py): frozen again, as the tests after expect
            gc.freeze()
