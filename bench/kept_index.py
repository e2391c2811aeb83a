"""What the per-user index of journals (``kept_index``, session 15) costs: at a journal's start (the first edit kept in
a stretch: one symbolic link made, and renamed into place) and at each read-write open (one listing of the index's
folder, which holds only live journals).

Three measures, in the same run, beside the project (``--where``, default a temporary folder):

- a journal's start and finish with its entry (``KeptJournal.start`` as the app calls it);
- the limit: the same start with the index's entry left out (as before session 15);
- the open's look: ``kept_index.named`` for the project (``--others`` entries of other files in the index).

Prints the median and 90th percentile of ``--runs`` tries each; asserts nothing.
Run: nice .venv/bin/python bench/kept_index.py [--runs N] [--others N] [--where FOLDER]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator import kept_index, kept_journal  # noqa: E402
from annotator.store import Project  # noqa: E402


def summary(seconds: list[float]) -> str:
    seconds = sorted(seconds)
    return f"{statistics.median(seconds) * 1e3:.3f} / {seconds[int(len(seconds) * 0.9) - 1] * 1e3:.3f} ms"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--others", type=int, default=20)
    ap.add_argument("--where", type=Path, default=None)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="kept-index-") as state, tempfile.TemporaryDirectory(dir=args.where) as at:
        os.environ["ANNOTATOR_STATE_DIR"] = state
        measure(Path(at), args.runs, args.others)


def measure(folder: Path, runs: int, others: int) -> None:
    for k in range(others):  # other files' live journals
        kept_index.note((1, 10_000 + k), uuid.uuid4().hex, folder / f"other{k}.annotator-kept")
    with Project(folder / "p.annotator", annotator="a") as project:
        noted = kept_index.note

        def start(with_entry: bool) -> float:
            kept_index.note = noted if with_entry else (lambda *a: False)  # type: ignore[assignment]
            try:
                t = time.perf_counter()
                journal = kept_journal.KeptJournal.start(project)
                took = time.perf_counter() - t
                journal.finish()
                return took
            finally:
                kept_index.note = noted  # type: ignore[assignment]

        with_entry, limit, look = [], [], []
        for _ in range(runs):
            with_entry.append(start(True))
            limit.append(start(False))
            t = time.perf_counter()
            kept_index.named(project.identity)
            look.append(time.perf_counter() - t)
    print(f"a journal's start with its entry (median / p90): {summary(with_entry)}")
    print(f"the limit, the start without it:                  {summary(limit)}")
    print(f"the open's look ({others} other entries):          {summary(look)}")


if __name__ == "__main__":
    main()
