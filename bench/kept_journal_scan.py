"""What a read-write open pays to find journals kept for its file under another name (``kept_journal.kept_elsewhere``,
session 14): one listing of the project's folder, and the first line of each file named like a journal.

A folder holding the project, ``--files`` other files (texts an import came from) and ``--journals`` journals of other
projects (``other<k>.annotator-kept``, each a real journal of another file). Three ways, in the same run:

- the look: ``kept_elsewhere`` for the project;
- the limit: a bare ``os.scandir`` of the folder, names only (what any look by name must do at least);
- the whole open: ``api.open_project(write=True)`` (which does the look among the rest).

Prints the median and 90th percentile of ``--runs`` tries each; asserts nothing.
Run: nice .venv/bin/python bench/kept_journal_scan.py [--files N] [--journals N] [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator import api, edits, fileid, kept_journal  # noqa: E402
from annotator.importing import IncomingDocument, import_documents  # noqa: E402
from annotator.store import Project  # noqa: E402


def timed(fn, runs: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        seconds.append(time.perf_counter() - start)
    seconds.sort()
    return statistics.median(seconds), seconds[int(len(seconds) * 0.9) - 1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=10000)
    ap.add_argument("--journals", type=int, default=20)
    ap.add_argument("--runs", type=int, default=30)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "p.annotator"
        with Project(path, annotator="ann") as project:
            import_documents(project, [IncomingDocument("Paris is in France.", "a.txt")])
        for k in range(args.files):
            (folder / f"text{k:05d}.txt").write_text("A text.", encoding="utf-8")
        for k in range(args.journals):
            with Project(folder / f"other{k}.annotator", annotator="ann") as other:
                import_documents(other, [IncomingDocument("Rome.", "b.txt")])
                journal = kept_journal.KeptJournal.start(other)
                journal.append(kept_journal.record(other, edits.add_comment, (1, "kept"), {}))
                journal.close()
        ident = fileid.identity(path)

        def bare() -> None:
            with os.scandir(folder) as entries:
                for _ in entries:
                    pass

        def look() -> None:
            assert kept_journal.kept_elsewhere(path, ident) == []

        def whole_open() -> None:
            with api.open_project(path, write=True):
                pass

        print(f"a folder of {args.files + args.journals * 2 + 1} files, {args.journals} other projects' journals")
        for name, fn in (
            ("the look (kept_elsewhere)", look),
            ("the limit: a bare scandir", bare),
            ("the whole open", whole_open),
        ):
            median, p90 = timed(fn, args.runs)
            print(f"{name:<28} median {median * 1000:8.2f} ms   p90 {p90 * 1000:8.2f} ms")


if __name__ == "__main__":
    main()
