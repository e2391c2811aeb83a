"""The benches' timing of a call: CPU seconds per call, the best of several repeats (``cpu_per_call``, ``least_cpu``),
and one call's wall and CPU seconds beside its result (``timed``). Shared by the small benches."""

from __future__ import annotations

import time
from typing import Callable, TypeVar

T = TypeVar("T")


def cpu_per_call(fn: Callable[[], object], tries: int, repeats: int) -> float:
    """The least CPU time (user + system of this process) one call took, over ``repeats`` runs of ``tries`` calls."""
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        for _ in range(tries):
            fn()
        best = min(best, (time.process_time() - start) / tries)
    return best


def least_cpu(fn: Callable[[], object], runs: int) -> float:
    """The least CPU seconds (user + system of this process) of ``runs`` calls of ``fn``."""
    best = float("inf")
    for _ in range(runs):
        t = time.process_time()
        fn()
        best = min(best, time.process_time() - t)
    return best


def timed(fn: Callable[[], T]) -> tuple[T, float, float]:
    """``fn()``'s result, and the wall and CPU seconds the one call took."""
    t0, c0 = time.perf_counter(), time.process_time()
    got = fn()
    return got, time.perf_counter() - t0, time.process_time() - c0
