"""How long a merge holds the target project's write lock (every other program's edit waits that long).

A source project of --docs documents (default 5,000; two entities, an event with two arguments and a comment each)
is merged into a new target; the lock is held from ``BEGIN IMMEDIATE`` to the end of ``COMMIT`` of each source's
transaction (``Project.transaction``, timed around). Run it in two checkouts to compare code (the figures in
docs/reliability.md: this tree and the one before session 12, alternating, in the same run). Prints figures;
asserts nothing. Run: nice .venv/bin/python bench/merge_lock.py [--docs N] [--runs N]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator import edits  # noqa: E402
from annotator.importing import IncomingDocument, IncomingEntity, IncomingEvent, import_documents  # noqa: E402
from annotator.store import Project  # noqa: E402
from annotator.teams.merge import merge_projects  # noqa: E402
from import_lock import lock_timer  # noqa: E402  (one owner: import_lock.py)

WORDS = ["Rebels", "attacked", "a", "convoy", "near", "Kabul", "while", "Maria", "Lopez", "met", "officials", "in"]


def make_source(path: Path, n: int) -> None:
    docs = []
    for k in range(n):
        # texts far apart (the near-duplicate check before the merge compares every pair of close names/texts)
        text = f"Rebels attacked a convoy near Kabul. Report {k}: " + " ".join(
            WORDS[(k * 7 + i) % 12] for i in range(30)
        )
        docs.append(
            IncomingDocument(
                text,
                f"doc-{k:06}-{hash(text) % 99991}.txt",
                entities=[IncomingEntity(1, 0, 6, "PERSON"), IncomingEntity(2, 30, 35, "GPE")],
                events=[IncomingEvent("Conflict:Attack", 7, 15, arguments=[("Attacker", 1), ("Place", 2)])],
            )
        )
    with Project(path, annotator="alice") as p:
        import_documents(p, docs)
        for doc_id in p.document_ids()[:: max(1, n // 200)]:
            edits.add_comment(p, doc_id, "checked")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=5_000)
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--source", type=Path, help="a source made by an earlier run (same --docs) to reuse")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-merge-lock-") as tmp:
        folder = Path(tmp)
        source = args.source or folder / "alice.annotator"
        if not source.exists():
            make_source(source, args.docs)
        for run in range(1, args.runs + 1):
            held: list[float] = []
            with Project(folder / f"team{run}.annotator", annotator="lead") as target, lock_timer(held):
                t0 = time.perf_counter()
                merge_projects(target, [source])
                total = time.perf_counter() - t0
            print(f"run {run}: {args.docs:,} documents merged in {total:.1f} s, the lock held {max(held):.2f} s")


if __name__ == "__main__":
    main()
