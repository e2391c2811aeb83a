"""SIGKILL a process in the middle of a long series of edits, again and again, and check the file each time."""

from __future__ import annotations

import random
import time

import pytest

from annotator.formats.loading import import_paths
from annotator.store import Project
from reliability_settings import scaled
from reliability_support import (
    ROOT,
    ForkServer,
    assert_edits_durable,
    assert_no_half_edit,
    assert_sound,
    connect,
    read_side_log,
)

KILLS = scaled(60)  # RELIABILITY_SCALE=9: 540 kills


@pytest.fixture
def edit_project(tmp_path):
    path = tmp_path / "crash.annotator"
    with Project(path, annotator="setup") as p:
        report = import_paths(p, [ROOT / "seeds"])
        assert report.imported
    return path


@pytest.mark.slow  # SIGKILL batches (~15 s)
def test_sigkill_during_edits(edit_project, tmp_path, figures):
    rng = random.Random(20240605)
    server = ForkServer(tmp_path / "worker.err")
    claimed = unlogged = compared = refused = 0
    kinds: dict[str, int] = {}
    started = time.monotonic()
    try:
        for round_ in range(KILLS):
            log = tmp_path / f"edits.{round_}.log"
            conn = connect(edit_project)
            before = conn.execute("SELECT coalesce(max(id), 0) FROM change_log").fetchone()[0]
            conn.close()
            pid = server.start({"task": "edits", "project": str(edit_project), "log": str(log), "seed": round_})
            end = server.kill_after_lines(pid, log, rng.randint(3, 60), rng.uniform(0, 0.02))
            assert end["signal"] == 9, (
                f"the worker ended by itself: {end}; {(tmp_path / 'worker.err').read_text()[-3000:]}"
            )

            lines = read_side_log(log)
            claims = [c for c in lines if "action" in c]
            refused += sum(1 for c in lines if "refused" in c)
            conn = connect(edit_project)
            try:
                assert_sound(conn)
                assert_edits_durable(conn, claims)
                compared = assert_no_half_edit(conn)
                after = conn.execute("SELECT coalesce(max(id), 0) FROM change_log").fetchone()[0]
            finally:
                conn.close()
            last_claimed = max([before] + [c["log_id"] for c in claims if c.get("log_id")])
            # at most the one edit that committed after the last log line and before the kill
            assert after - last_claimed in (0, 1), (before, last_claimed, after)
            unlogged += after - last_claimed
            claimed += sum(1 for c in claims if c.get("log_id"))
            for c in claims:
                kinds[c["action"]] = kinds.get(c["action"], 0) + 1
    finally:
        server.close()
    assert claimed > KILLS, "too few edits ran between kills to mean anything"
    for needed in ("add_entity", "add_event", "add_argument", "undo", "redo", "delete_entity", "status", "categories"):
        assert kinds.get(needed), f"no {needed} edit ran"
    figures.update(
        kills=KILLS,
        edits_returned_and_checked=claimed,
        committed_but_unlogged_at_kill=unlogged,
        refused_edits=refused,
        rows_compared_last_round=compared,
        kinds=len(kinds),
        seconds=round(time.monotonic() - started, 1),
    )
