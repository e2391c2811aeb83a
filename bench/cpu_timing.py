"""CPU seconds per call of a function, the best of several repeats (shared by the small benches)."""

from __future__ import annotations

import time
from typing import Callable


def cpu_per_call(fn: Callable[[], object], tries: int, repeats: int) -> float:
    """The least CPU time (user + system of this process) one call took, over ``repeats`` runs of ``tries`` calls."""
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        for _ in range(tries):
            fn()
        best = min(best, (time.process_time() - start) / tries)
    return best
