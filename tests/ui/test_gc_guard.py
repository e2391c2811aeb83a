"""The cyclic garbage collector never runs in a worker thread (it can free the GUI thread's Qt objects there)."""

from __future__ import annotations

import gc
import sys
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


def test_no_automatic_collection_while_a_worker_runs_though_a_library_turns_the_collector_on(qtbot):
    """spaCy turns the collector on again in every model it loads (``srsly.msgpack_loads``: ``gc.disable()``, the
    unpacking, ``gc.enable()``). Until session 43 automatic collection was then on for the rest of a worker's run, in
    its thread and in the GUI thread's event loop at any allocation (a CI run died of a segmentation fault in such a
    collection while a training worker loaded spaCy): each collection comes from the GUI thread's timer now."""
    srsly = __import__("pytest").importorskip("srsly")
    Worker("unused.annotator")  # making a worker installs the guard
    automatic: list[str] = []
    running = threading.Event()  # set inside the worker's run: automatic collection is off from then on

    def seen(phase: str, info: dict) -> None:
        if phase == "start" and running.is_set():
            frame, timer = sys._getframe(1), False
            while frame is not None and not timer:  # asked for by the guard's timer (``check``) or not
                timer = frame.f_code is gc_guard.GuiThreadCollector.check.__code__
                frame = frame.f_back
            if not timer:
                automatic.append(threading.current_thread().name)

    def worker_run() -> None:  # as Worker.run wraps its work, which loads a model
        with gc_guard.no_collection_here():
            running.set()
            srsly.msgpack_loads(srsly.msgpack_dumps({"lemma": {"was": "be"}}))
            for _ in range(50_000):
                _Cycle()
            running.clear()

    gc.callbacks.append(seen)
    try:
        t = threading.Thread(target=worker_run, name="worker")
        t.start()
        # the GUI thread's loop runs and allocates meanwhile, as in the app
        qtbot.waitUntil(lambda: bool([_Cycle() for _ in range(100)]) and not t.is_alive(), timeout=HANG_GUARD_MS)
        t.join()
    finally:
        gc.callbacks.remove(seen)
    assert automatic == []  # on main: ~10 collections, in both threads
    qtbot.waitUntil(lambda: gc.isenabled() and gc.get_threshold()[0] > 0, timeout=HANG_GUARD_MS)  # on again after


def test_the_merge_preview_s_thread_never_collects(qtbot, monkeypatch):
    """File > Merge annotators' files… reads the files chosen in a plain thread of its own (``SourcesRead``) for the
    dialog's preview: the collector ran there as in any thread (each file's change log read whole), where it can
    free the GUI thread's Qt objects; it runs as a worker does now."""
    from PySide6.QtCore import QObject

    from annotator.teams import merge_preview
    from ui.merge_files import SourcesRead

    def churned(path: str) -> str:  # a file's reading: many new objects, some in cycles
        for _ in range(50_000):
            _Cycle()
        return path

    monkeypatch.setattr(merge_preview, "read_source", churned)
    owner = QObject()
    relay, got, threads = SourcesRead(owner), [], []
    relay.read.connect(got.append)

    def seen(phase: str, info: dict) -> None:
        if phase == "start":
            threads.append(threading.current_thread().name)

    gc.callbacks.append(seen)
    try:
        t = threading.Thread(target=relay.read_all, args=(["a.annotator"],), name="preview")
        t.start()
        qtbot.waitUntil(lambda: bool(got), timeout=HANG_GUARD_MS)
        t.join()
    finally:
        gc.callbacks.remove(seen)
    assert got == [["a.annotator"]]
    assert "preview" not in threads  # on main: collected there ~10 times


def test_a_deleted_panel_s_item_models_go_with_it(qtbot):
    """The document list's, entity list's and event list's models were made without a parent: a window closed and
    deleted left them alive, owned by Python, in its garbage, and the cyclic collector deleted them (their C++ side,
    Qt's destructors) inside some later collection (9 of each in the garbage a CI run's crashing test met). They are
    their panel's children now, deleted with it by Qt."""
    import shiboken6

    from ui.panels.documents import DocumentPanel
    from ui.panels.entities import EntityPanel
    from ui.panels.events import EventPanel

    panels = [DocumentPanel(), EntityPanel(), EventPanel()]
    models = [panels[0].model, panels[0].proxy, panels[1].model, panels[2].model]
    for panel in panels:
        panel.deleteLater()
    qtbot.waitUntil(lambda: not any(shiboken6.isValid(p) for p in panels), timeout=HANG_GUARD_MS)
    assert [type(m).__name__ for m in models if shiboken6.isValid(m)] == []  # on main: the four, alive
