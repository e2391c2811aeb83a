"""What the per-user index of where a project's side files are (``whereabouts``, session 15) costs: at a journal's
start (the first edit kept in a stretch: one symbolic link made, and renamed into place), and at each read-write open
and close (the open's note of where its log is, the look for a log a killed process left under another name, the
look for journals; the close's removal of its note).

Five measures, in the same run, beside the project (``--where``, default a temporary folder), ``--others`` entries of
other files in the index:

- a journal's start and finish with its entry (``KeptJournal.start`` as the app calls it);
- the limit: the same start with the entry left out (as before session 15);
- a read-write open and close of the project (``api.open_project``) with the index;
- the limit: the same open and close with the index's steps left out (and the CPU time of both);
- the index's steps of an open and a close alone (the look for a left log, the note, its removal), 20x as many tries;
- (session 16) a pruning of the index (``whereabouts.prune``: every entry judged, none of them to go: live journals
  and live processes' opens), the check whether one is due (``prune_if_due`` within the hour: one ``stat``), and the
  limit: a bare listing of the index's folder; 20x as many tries.

Prints the median and 90th percentile of ``--runs`` tries each; asserts nothing.
Run: nice .venv/bin/python bench/whereabouts.py [--runs N] [--others N] [--where FOLDER]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace
from typing import Iterator

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator import api, file_logs, fileid, kept_journal, whereabouts  # noqa: E402
from annotator.store import Project  # noqa: E402


def summary(seconds: list[float]) -> str:
    seconds = sorted(seconds)
    return f"{statistics.median(seconds) * 1e3:.3f} / {seconds[int(len(seconds) * 0.9) - 1] * 1e3:.3f} ms"


@contextmanager
def without_index(on: bool) -> Iterator[None]:
    """The index's steps made no-ops (``on`` False): the code as before session 15."""
    saved = (
        whereabouts.note_journal,
        file_logs.take_left_log,
        file_logs.opened_for_writing,
        file_logs.closed_for_writing,
    )
    if not on:
        whereabouts.note_journal = lambda *a: False  # type: ignore[assignment]
        file_logs.take_left_log = lambda *a: None  # type: ignore[assignment]
        file_logs.opened_for_writing = lambda *a: None  # type: ignore[assignment]
        file_logs.closed_for_writing = lambda *a: None  # type: ignore[assignment]
    try:
        yield
    finally:
        (
            whereabouts.note_journal,
            file_logs.take_left_log,
            file_logs.opened_for_writing,
            file_logs.closed_for_writing,
        ) = saved


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--others", type=int, default=20)
    ap.add_argument("--where", type=Path, default=None)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="whereabouts-") as state, tempfile.TemporaryDirectory(dir=args.where) as at:
        os.environ["ANNOTATOR_STATE_DIR"] = state
        measure(Path(at), args.runs, args.others)


def measure(folder: Path, runs: int, others: int) -> None:
    for k in range(others):  # other files' live journals and opens (pid 1's: alive, so a pruning keeps them)
        (folder / f"other{k}.annotator-kept").write_text("{}\n")
        whereabouts.note_journal((1, 10_000 + k), uuid.uuid4().hex, folder / f"other{k}.annotator-kept")
        whereabouts._note(f"o-1-{20_000 + k}-1", folder / f"other{k}.annotator")
    path = folder / "p.annotator"
    Project(path, annotator="a").close()

    def start(on: bool) -> float:
        with Project(path, annotator="a") as project, without_index(on):
            t = time.perf_counter()
            journal = kept_journal.KeptJournal.start(project)
            took = time.perf_counter() - t
            journal.finish()
        return took

    def open_close(on: bool) -> float:
        with without_index(on):
            t, c = time.perf_counter(), time.process_time()
            api.open_project(path, write=True).close()
            results["open cpu" if on else "open0 cpu"].append(time.process_time() - c)
            return time.perf_counter() - t

    results: dict[str, list[float]] = {
        "start": [],
        "start0": [],
        "open": [],
        "open0": [],
        "open cpu": [],
        "open0 cpu": [],
    }
    for _ in range(runs):
        results["start"].append(start(True))
        results["start0"].append(start(False))
        results["open"].append(open_close(True))
        results["open0"].append(open_close(False))
    opened = SimpleNamespace(path=path, identity=fileid.identity(path))  # the project, closed (as before its open)
    steps = []
    for _ in range(runs * 20):  # the index's own steps at an open and a close, alone
        t = time.perf_counter()
        file_logs.take_left_log(path)
        file_logs.opened_for_writing(opened)  # type: ignore[arg-type]
        whereabouts.forget_open(opened.identity)
        steps.append(time.perf_counter() - t)
    pruning, due, bare = [], [], []
    for _ in range(runs * 20):
        t = time.perf_counter()
        gone = whereabouts.prune()
        pruning.append(time.perf_counter() - t)
        assert not gone, gone
        t = time.perf_counter()
        whereabouts.prune_if_due()
        due.append(time.perf_counter() - t)
        t = time.perf_counter()
        with os.scandir(whereabouts.folder()) as listing:
            [e.name for e in listing]
        bare.append(time.perf_counter() - t)
    print(f"a journal's start with its entry (median / p90): {summary(results['start'])}")
    print(f"the limit, the start without it:                  {summary(results['start0'])}")
    print(f"a read-write open and close with the index:       {summary(results['open'])}")
    print(f"the limit, the open and close without it:         {summary(results['open0'])}")
    print(f"the index's steps of an open and close, alone:     {summary(steps)}")
    print(f"a pruning of the index, {2 * others} entries kept:   {summary(pruning)}")
    print(f"the check whether a pruning is due:                {summary(due)}")
    print(f"the limit, a bare listing of the index's folder:   {summary(bare)}")
    print(
        f"the same two in CPU time:                          {summary(results['open cpu'])}, {summary(results['open0 cpu'])}"
    )


if __name__ == "__main__":
    main()
