"""What making a kept edit durable costs: one fsynced line of the project's journal of kept edits.

Another program holds the write lock (``BEGIN IMMEDIATE`` on a second connection); ``--edits`` comments are kept by
``WriteQueue.submit`` (``first_wait_ms=0``: no wait, only the keeping), then the lock is let go and they land
(``retry``). Three ways, in the same run, on the same folder:

- journaled: as the app keeps them now (``kept_journal.record`` and one ``write`` + ``fdatasync`` each; a landing
  also writes the journal's mark in its transaction);
- memory only: as until session 13 (no record given);
- the limit: a bare append of a line of the same size to a file beside the project, ``write`` + ``fdatasync``.

Prints the median and 90th percentile per kept edit; asserts nothing.
Run: nice .venv/bin/python bench/kept_journal.py [--edits N] [--runs N]
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator import edits, kept_journal  # noqa: E402
from annotator.importing import IncomingDocument, import_documents  # noqa: E402
from annotator.store import Project  # noqa: E402
from annotator.write_queue import WriteQueue  # noqa: E402


def keep_and_land(folder: Path, n: int, journaled: bool) -> tuple[list[float], list[float]]:
    """Seconds of each submit (kept) and of each landing (retry of one)."""
    path = folder / f"p{int(journaled)}.annotator"
    with Project(path, annotator="ann") as project:
        import_documents(project, [IncomingDocument("Paris is in France.", "a.txt")])
        queue: WriteQueue[int] = WriteQueue(first_wait_ms=0)
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        kept = []
        for i in range(n):
            text = f"comment number {i} made while another program writes"

            def write(text: str = text) -> object:
                return edits.add_comment(project, 1, text)

            def line(text: str = text) -> dict:
                return kept_journal.record(project, edits.add_comment, (1, text), {})

            t = time.perf_counter()
            done, _ = queue.submit(project, i, write, line if journaled else None)
            kept.append(time.perf_counter() - t)
            assert not done
        other.execute("ROLLBACK")
        other.close()
        landed = []
        while len(queue):
            t = time.perf_counter()
            queue.retry(project, budget_s=0)
            landed.append(time.perf_counter() - t)
    return kept, landed


def bare_appends(folder: Path, n: int, size: int) -> list[float]:
    fd = os.open(folder / "bare.log", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    data = b"x" * (size - 1) + b"\n"
    out = []
    try:
        for _ in range(n):
            t = time.perf_counter()
            os.write(fd, data)
            os.fdatasync(fd)
            out.append(time.perf_counter() - t)
    finally:
        os.close(fd)
    return out


def ms(xs: list[float]) -> str:
    q = statistics.quantiles(xs, n=10)
    return f"median {statistics.median(xs) * 1000:.3f} ms, p90 {q[-1] * 1000:.3f} ms"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--edits", type=int, default=200)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--folder", help="where the projects go (default: a temporary folder)")
    a = ap.parse_args()
    with Project(Path(tempfile.mkdtemp()) / "size.annotator", annotator="ann") as p:
        size = len(orjson.dumps({"seq": 1, **kept_journal.record(p, edits.add_comment, (1, "c" * 52), {})})) + 1
    print(f"{a.edits} kept edits a run; a journal line is {size} bytes; load {os.getloadavg()[0]:.1f}")
    for run in range(1, a.runs + 1):
        with tempfile.TemporaryDirectory(dir=a.folder) as tmp:
            folder = Path(tmp)
            kept_j, land_j = keep_and_land(folder, a.edits, journaled=True)
            kept_m, land_m = keep_and_land(folder, a.edits, journaled=False)
            bare = bare_appends(folder, a.edits, size)
        print(f"run {run}:")
        print(f"  keep, journaled:   {ms(kept_j)} (the first, which makes the journal: {kept_j[0] * 1000:.2f} ms)")
        print(f"  keep, memory only: {ms(kept_m)}")
        print(f"  the limit (bare fsynced append of {size} bytes): {ms(bare)}")
        print(f"  land, journaled:   {ms(land_j)}")
        print(f"  land, memory only: {ms(land_m)}")


if __name__ == "__main__":
    main()
