"""Reliability suite set-up: a fixed hypothesis profile and a record of the figures each test measured.

Figures (kills survived, inputs fuzzed, cases) are printed at the end of the run and, when
``RELIABILITY_FIGURES`` names a file, written there as JSON (docs/reliability.md quotes them).
"""

from __future__ import annotations

import os
from pathlib import Path

import orjson
import pytest
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


@pytest.fixture
def figures(request):
    """A dict the test fills with its figures; reported under the test's name."""
    out: dict = {}
    yield out
    if out:
        FIGURES[request.node.name] = out


def pytest_terminal_summary(terminalreporter):
    if not FIGURES:
        return
    terminalreporter.section("reliability figures")
    for name, figs in FIGURES.items():
        terminalreporter.write_line(f"{name}: " + ", ".join(f"{k}={v}" for k, v in figs.items()))
    target = os.environ.get("RELIABILITY_FIGURES")
    if target:
        Path(target).write_bytes(orjson.dumps(FIGURES, option=orjson.OPT_INDENT_2))
