"""Hypothesis settings and the figures record shared by the reliability tests (imported by name, not via conftest)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# the reliability tests' hypothesis settings (applied per test: ``@settings(RELIABLE, max_examples=...)``), so the
# same inputs run on every machine and CI run; HYPOTHESIS_EXPLORE=1 draws new ones instead
RELIABLE = settings(
    derandomize=not os.environ.get("HYPOTHESIS_EXPLORE"),
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large],
)

FIGURES: dict[str, dict] = {}

# RELIABILITY_SCALE=N multiplies the kill rounds and fuzz examples (the figures in docs/reliability.md name the
# scale they were measured at); the default keeps the suite's run time
SCALE = max(1, int(os.environ.get("RELIABILITY_SCALE", "1")))


def scaled(n: int) -> int:
    return n * SCALE
