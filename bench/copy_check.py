"""What the look for a file copied over an open project costs a write (``Project._check_copied_over``, ``filemark``).

Each write transaction looks at the file three times: before BEGIN (``check_still_here``) and, since session 11, before
COMMIT (a copy during a long transaction) and after it (the commit's own checkpoint). While the file has not changed on disk that is one ``stat()``; after
a checkpoint (the file changed) the file alone is read and the -shm's checkpoint counts (``walindex``) once.

Prints, from one run: the look on an unchanged file (mean of many), the look after a checkpoint by another connection
(the file read alone), the -shm read alone, and the limit measured in the same run: one edit (``add_comment``, one
transaction with its fsync) on the same project, wall and CPU, median of ``--edits``. Asserts nothing.
Run: nice .venv/bin/python bench/copy_check.py [--docs N] [--edits N] [--looks N]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator import edits, walindex  # noqa: E402
from annotator.importing import IncomingDocument, import_documents  # noqa: E402
from annotator.store import Project  # noqa: E402


def timed(fn, n: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Mean wall and CPU seconds of ``fn()`` over ``n`` calls."""
    w, c = time.perf_counter(), time.process_time()
    for _ in range(n):
        fn()
    return (time.perf_counter() - w) / n, (time.process_time() - c) / n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--edits", type=int, default=200)
    ap.add_argument("--looks", type=int, default=20000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-copy-check-") as folder:
        path = Path(folder) / "p.annotator"
        with Project(path, annotator="bench") as p:
            texts = [f"Report {k}: Maria Lopez met officials in Paris and Berlin. " * 20 for k in range(args.docs)]
            import_documents(p, [IncomingDocument(t, f"d{k}.txt") for k, t in enumerate(texts)])
            p.write_log_into_file()
            p.check_still_here()
            size = path.stat().st_size
            walls, cpus = [], []
            for k in range(args.edits):
                w, c = time.perf_counter(), time.process_time()
                edits.add_comment(p, 1 + k % args.docs, f"comment {k}")
                walls.append(time.perf_counter() - w)
                cpus.append(time.process_time() - c)
            edit_wall, edit_cpu = statistics.median(walls), statistics.median(cpus)
            p.write_log_into_file()
            look_wall, look_cpu = timed(p._check_copied_over, args.looks)  # the file unchanged: one stat
            shm_wall, shm_cpu = timed(lambda: walindex.checkpoints(path), 2000)
            changed = []
            for k in range(20):  # another connection commits and writes its log into the file: the slow path
                other = sqlite3.connect(path, isolation_level=None, timeout=10)
                other.execute("UPDATE documents SET name = name WHERE id = ?", (1 + k,))
                other.execute("PRAGMA wal_checkpoint(PASSIVE)")
                other.close()
                w = time.perf_counter()
                p._check_copied_over()
                changed.append(time.perf_counter() - w)
            assert p.stopped is None
        print(
            f"project: {args.docs:,} documents, {size / 1e6:.1f} MB; {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}"
        )
        print(
            f"limit, one edit (add_comment, median of {args.edits}): {edit_wall * 1e3:.2f} ms wall, {edit_cpu * 1e3:.3f} ms CPU"
        )
        print(
            f"the look, file unchanged (mean of {args.looks:,}): {look_wall * 1e6:.1f} us wall, {look_cpu * 1e6:.1f} us CPU "
            f"= {look_wall / edit_wall:.2%} of an edit's wall time, {look_cpu / edit_cpu:.2%} of its CPU; a write makes three"
        )
        print(
            f"the -shm's checkpoint counts read (mean of 2,000): {shm_wall * 1e6:.1f} us wall, {shm_cpu * 1e6:.1f} us CPU"
        )
        print(
            f"the look after another connection's checkpoint (file read alone, median of 20): "
            f"{statistics.median(changed) * 1e3:.2f} ms wall (max {max(changed) * 1e3:.2f} ms)"
        )


if __name__ == "__main__":
    main()
