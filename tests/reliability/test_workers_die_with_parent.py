"""Issue 9, point 10: a killed pre-annotation with --n-process 2 leaves no spaCy worker running."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

RUN = r"""
import sys
from annotator.importing import IncomingDocument, import_documents
from annotator.nlp import blank_pipeline_with_patterns
from annotator.preannotate import preannotate
from annotator.store import Project
p = Project(sys.argv[1], annotator="t")
import_documents(p, [IncomingDocument(f"Document {i}: Maria Lopez met officials in Paris. " * 40, f"{i}.txt")
                     for i in range(3000)])
pipe = blank_pipeline_with_patterns([{"label": "GPE", "pattern": "Paris"}])
said = []
def progress(done, total):
    if not said:
        said.append(1)
        print("started", flush=True)
preannotate(p, pipe, n_process=2, batch_size=2, progress=progress, suggest_events=False)
"""


def children(pid: int) -> set[int]:
    out: set[int] = set()
    task = Path(f"/proc/{pid}/task")
    for t in task.iterdir() if task.exists() else []:
        try:
            out |= {int(x) for x in (t / "children").read_text().split()}
        except OSError:
            pass
    return out


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.slow  # spaCy worker processes (~7 s)
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc to find the workers")
def test_killed_preannotation_leaves_no_worker(tmp_path):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.Popen(
        [sys.executable, "-c", RUN, str(tmp_path / "p.annotator")],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout.readline().strip() == "started", proc.stderr.read()[-2000:]
        workers = children(proc.pid)
        assert len(workers) >= 2, workers
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        deadline = time.monotonic() + 120  # a hang's guard, no bound on speed: they poll their parent (lifeline)
        while any(alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        left = [w for w in workers if alive(w)]
    finally:
        for w in children(proc.pid) | locals().get("workers", set()):
            try:
                os.kill(w, signal.SIGKILL)
            except OSError:
                pass
    assert not left, f"{len(left)} spaCy workers still running after their parent was killed"


IDLE_WORKER = r"""
import multiprocessing, os, time
from annotator.lifeline import Lifeline
lifeline = Lifeline(os.getpid())  # as the pipeline holds it
worker = multiprocessing.get_context("fork").Process(target=time.sleep, args=(3600,))  # no Doc ever comes to it
worker.start()
print(worker.pid, flush=True)
time.sleep(3600)
"""


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc to see the worker")
def test_a_worker_that_had_no_document_yet_ends_with_its_parent():
    """spaCy's worker waits on its queue for its first batch, and the lifeline began to watch the parent at the first
    Doc it passed: a worker whose batch had not reached it when the parent was killed (under load: the batch still in
    the parent's queue feeder, killed with it) waited for ever (the test above, once at a load of 18, session 36). A
    worker forked from the process that made the lifeline watches from its start."""
    assert not _worker_outlives_its_killed_parent(IDLE_WORKER), (
        "a worker that had no Doc yet outlived its killed parent"
    )


LATE_WORKER = r"""
import multiprocessing, multiprocessing.util, os, time
from annotator.lifeline import Lifeline
parent = os.getpid()
class Late:
    "Holds the child's after-fork hooks until its parent is gone: the load that let the kill come first."
def wait_for_the_kill(late):
    while os.getppid() == parent:
        time.sleep(0.01)
late = Late()
multiprocessing.util.register_after_fork(late, wait_for_the_kill)  # runs before the lifeline's (registered later)
lifeline = Lifeline(os.getpid())
worker = multiprocessing.get_context("fork").Process(target=time.sleep, args=(3600,))
worker.start()
print(worker.pid, flush=True)
time.sleep(3600)
"""


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc to see the worker")
def test_a_worker_whose_parent_was_killed_before_its_start_ends():
    """The race the CI met at a load of 15-20 (session 36): the parent killed before the forked worker ran its
    after-fork hooks; the worker, whose parent was already someone else, did not watch and slept for ever."""
    assert not _worker_outlives_its_killed_parent(LATE_WORKER), (
        "a worker whose parent was killed before its start outlived it"
    )


def _worker_outlives_its_killed_parent(script: str) -> bool:
    """Run ``script`` (it prints its worker's pid), kill it, and say whether the worker is still alive after a
    minute (a hang's guard, no bound on speed: the lifeline polls its parent)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.Popen([sys.executable, "-c", script], env=env, stdout=subprocess.PIPE, text=True)
    worker = int(proc.stdout.readline())  # type: ignore[union-attr]
    try:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        deadline = time.monotonic() + 60
        while alive(worker) and time.monotonic() < deadline:
            time.sleep(0.1)
        return alive(worker)
    finally:
        try:
            os.kill(worker, signal.SIGKILL)
        except OSError:
            pass
