"""Tests share one QApplication per process: a test that changes its look must not change the tests after it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent


@pytest.mark.slow
def test_the_dark_palette_tests_pass_after_the_app_s_main_ran_in_the_same_process(tmp_path):
    """``ui.app.main`` run in-process (the start's test) applies the app's style and keeps the light palette as the
    system's; a dark palette test after it in the same process got the light palette back (the session 17 flaky test:
    it failed when xdist gave the two to one process, passed alone). Run in this order in one pytest process."""
    tests = [
        f"{HERE / 'test_outside_and_workers.py'}::test_main_opens_project_without_asking_name",
        f"{HERE / 'test_qa_session10.py'}::test_under_a_dark_palette_the_text_is_light_on_dark_and_its_marks_stand_out",
        f"{HERE / 'test_qa_session10.py'}::test_under_a_dark_palette_the_event_editor_reads",
    ]
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", *tests],
        capture_output=True,
        text=True,
        cwd=HERE.parent.parent,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=600,
    )
    assert run.returncode == 0, run.stdout[-3000:]
    assert "3 passed" in run.stdout
