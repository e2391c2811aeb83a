"""What the document list pays to show which documents wait for adjudication (``teams.sets.annotators_by_document``)
on a team's project: --docs documents (default 1,500) imported, copied to alice and bob, alice working on two in
three (a label each) and bob on one in two, both merged. Prints the time of ``annotators_by_document`` and, as the
limit in the same run, of ``Project.document_summaries`` (the list's own read of every row), each the best of
--repeat, and the SQL statements each ran. Prints figures; asserts nothing.
Run: nice .venv/bin/python bench/doc_list_adjudication.py [--docs N] [--repeat R]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator import edits  # noqa: E402
from annotator.importing import IncomingDocument, import_documents  # noqa: E402
from annotator.store import Project  # noqa: E402
from annotator.teams.merge import merge_projects  # noqa: E402
from annotator.teams.sets import annotators_by_document  # noqa: E402


def build(folder: Path, n: int) -> Path:
    team = folder / "team.annotator"
    docs = [
        IncomingDocument(f"Story {k}: rebels attacked a convoy near Kabul on day {k}.", f"story-{k:05}.txt")
        for k in range(n)
    ]
    with Project(team, annotator="lead") as p:
        import_documents(p, docs)
    for name, every in (("alice", 3), ("bob", 2)):
        path = folder / f"{name}.annotator"
        shutil.copy(team, path)
        with Project(path, create=False, annotator=name) as p:
            for k, doc_id in enumerate(p.document_ids()):
                if name == "bob" and k % every == 0 or name == "alice" and k % every != 0:
                    start = len(f"Story {k}: rebels attacked a convoy near ")  # Kabul
                    edits.add_entity(p, doc_id, start, start + 5, "GPE")
    with Project(team, create=False, annotator="rita") as p:
        merge_projects(p, [folder / "alice.annotator", folder / "bob.annotator"])
    return team


def best(p: Project, work: Callable[[], Any], repeat: int) -> tuple[float, int, Any]:
    times, seen = [], []
    for _ in range(repeat):
        seen.clear()
        p.db.conn.set_trace_callback(seen.append)
        t = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - t)
        p.db.conn.set_trace_callback(None)
    return min(times), len(seen), result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=1500)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        team = build(Path(tmp), args.docs)
        print(f"built and merged {args.docs:,} documents in {time.perf_counter() - t:.1f} s")
        with Project(team, create=False) as p:
            s, q, rows = best(p, p.document_summaries, args.repeat)
            print(
                f"document_summaries (the list's rows, the limit): {s * 1000:.1f} ms, {q} statements, {len(rows):,} rows"
            )
            s, q, found = best(p, lambda: annotators_by_document(p), args.repeat)
            print(
                f"annotators_by_document: {s * 1000:.1f} ms, {q} statements, {len(found):,} documents with annotators' work"
            )


if __name__ == "__main__":
    main()
