"""The pytest plugin of bench/inner_loop.py (loaded with ``-p inner_loop_plugin``, in every xdist worker too): each
test's CPU by phase, its main thread's time asleep, the collection's CPU; written at the session's end as
``<INNER_LOOP_RECORDS>/<worker>.json``. It records and asserts nothing."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any, Iterator

import pytest

_tests: list[dict[str, Any]] = []  # one a test: node id, CPU by phase, the whole run's CPU, wall, asleep
_phases: dict[str, float] = {}  # the current test's CPU by phase
_process: dict[str, float] = {}  # the collection's CPU, the CPU at its end


def _thread_times() -> tuple[float, float]:
    """Seconds this thread has run on a CPU and waited for one (``/proc/thread-self/schedstat``); the rest of the
    wall it spent asleep (an event loop's wait, a child process, a lock, a sleep). (0, 0) where there is no such file."""
    try:
        with open("/proc/thread-self/schedstat") as f:
            ran, waited, _ = f.read().split()
    except OSError:
        return 0.0, 0.0
    return int(ran) / 1e9, int(waited) / 1e9


def _phase(name: str) -> Iterator[None]:
    start = time.process_time()
    yield
    _phases[name] = time.process_time() - start


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Iterator[None]:
    yield from _phase("setup")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    yield from _phase("call")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    yield from _phase("teardown")


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    _phases.clear()
    wall, cpu, (ran, waited) = time.perf_counter(), time.process_time(), _thread_times()
    yield
    ran2, waited2 = _thread_times()
    wall = time.perf_counter() - wall
    asleep = wall - (ran2 - ran) - (waited2 - waited) if ran2 else 0.0
    _tests.append({"id": item.nodeid, "cpu": time.process_time() - cpu, "wall": wall, "asleep": asleep, **_phases})


@pytest.hookimpl(hookwrapper=True)
def pytest_collection(session: pytest.Session) -> Iterator[None]:
    start = time.process_time()
    yield
    _process["collection"] = time.process_time() - start
    _process["collected_at"] = time.process_time()


def pytest_sessionfinish(session: pytest.Session) -> None:
    folder = os.environ.get("INNER_LOOP_RECORDS")
    if not folder:
        return
    name = os.environ.get("PYTEST_XDIST_WORKER", "controller")
    record = {"process": {**_process, "cpu": time.process_time()}, "tests": _tests}
    Path(folder, f"{name}.json").write_text(json.dumps(record), encoding="utf-8")
