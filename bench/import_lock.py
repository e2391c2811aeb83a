"""How long an import holds the project's write lock (every other program's edit waits that long).

A JSONL of --docs documents (default 40,000, about 10 MB; every other one with two entities) is imported three ways
into new projects, in the same run:

- now: ``import_paths`` as the command line and the app call it (the rows made before ``BEGIN IMMEDIATE``);
- before: the same documents stored with their rows made inside the transaction (what ``store_documents`` did until
  session 12);
- the limit: the bare inserts of the same rows (documents, entities, change log), already made, one ``executemany``
  each, in one transaction: no look-up, no Python per row.

The lock is held from ``BEGIN IMMEDIATE`` to the end of ``COMMIT`` (``Project.transaction``, timed around). Prints
figures; asserts nothing. Run: nice .venv/bin/python bench/import_lock.py [--docs N] [--runs N]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator.db import ENTITY_COLUMNS  # noqa: E402
from annotator.formats.input_paths import read_any  # noqa: E402
from annotator.formats.loading import import_paths  # noqa: E402
from annotator.importing import ImportReport, check_document, prepare_documents, store_documents  # noqa: E402
from annotator.store import Project  # noqa: E402

WORDS = "the minister said that troops attacked the city of Paris on Monday while talks went on in Geneva".split()


def write_corpus(path: Path, n: int, rng: random.Random) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            text = f"Report {i}. " + " ".join(rng.choice(WORDS) for _ in range(40))
            ents = [{"start": 0, "end": 6, "label": "ORG"}, {"start": 7, "end": len(str(i)) + 7, "label": "CARDINAL"}]
            fh.write(
                orjson.dumps(
                    {"name": f"doc{i:05}", "text": text, "meta": {"n": i}, "entities": ents if i % 2 else []}
                ).decode()
                + "\n"
            )


@contextmanager
def lock_timer(held: list[float]) -> Iterator[None]:
    """Time every ``Project.transaction`` (the write lock: BEGIN IMMEDIATE ... COMMIT) while the block runs."""
    real = Project.transaction

    @contextmanager
    def timed(self: Project) -> Iterator[Any]:
        t0 = time.perf_counter()
        with real(self) as conn:
            yield conn
        held.append(time.perf_counter() - t0)

    Project.transaction = timed  # type: ignore[method-assign]
    try:
        yield
    finally:
        Project.transaction = real  # type: ignore[method-assign]


def run_now(folder: Path, corpus: Path) -> tuple[float, float]:
    held: list[float] = []
    with Project(folder / "now.annotator", annotator="bench") as p, lock_timer(held):
        t0 = time.perf_counter()
        import_paths(p, [corpus])
        return time.perf_counter() - t0, max(held)


def run_before(folder: Path, corpus: Path) -> tuple[float, float]:
    held: list[float] = []
    with Project(folder / "before.annotator", annotator="bench") as p, lock_timer(held):
        t0 = time.perf_counter()
        docs = read_any(corpus)
        for d in docs:
            check_document(p, d, str(corpus))
        with p.transaction():
            store_documents(p, docs, ImportReport())  # raw documents: their rows made under the lock
        return time.perf_counter() - t0, max(held)


def run_limit(folder: Path, corpus: Path) -> float:
    """The bare inserts of the rows the import makes, made beforehand."""
    with Project(folder / "limit.annotator", annotator="bench") as p:
        docs = read_any(corpus)
        prepared = prepare_documents(p, docs)
        doc_rows, span_rows, log_rows = [], [], []
        for k, pd in enumerate(prepared, start=1):  # ids as a new project gives them
            d = pd.doc
            doc_rows.append((k, d.name, d.text, pd.digest, d.status, pd.meta, int(d.bom), d.source_path, pd.at, pd.at))
            span_rows += pd.entity_rows(k)
            log_rows.append(pd.log_row(k, "import_document", p.annotator))
        cols = ", ".join(f"[{c}]" for c in ENTITY_COLUMNS)
        conn = p.db.conn
        t0 = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(
            "INSERT INTO documents (id, name, text, sha256, status, meta, bom, source_path, imported_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            doc_rows,
        )
        conn.executemany(f"INSERT INTO entities ({cols}) VALUES ({', '.join('?' * len(ENTITY_COLUMNS))})", span_rows)
        conn.executemany(
            "INSERT INTO change_log (at, annotator, document_id, action, rows) VALUES (?, ?, ?, ?, ?)", log_rows
        )
        conn.execute("COMMIT")
        return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=40_000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-import-lock-") as tmp:
        folder = Path(tmp)
        corpus = folder / "corpus.jsonl"
        write_corpus(corpus, args.docs, random.Random(12))
        print(f"{args.docs:,} documents, {corpus.stat().st_size / 1e6:.1f} MB of JSONL")
        rows = []
        for run in range(1, args.runs + 1):
            for f in folder.glob("*.annotator*"):
                f.unlink()
            b_total, b_held = run_before(folder, corpus)
            n_total, n_held = run_now(folder, corpus)
            limit = run_limit(folder, corpus)
            rows.append((b_held, n_held, limit))
            print(
                f"run {run}: lock held before {b_held:.2f} s (import {b_total:.1f} s), now {n_held:.2f} s "
                f"(import {n_total:.1f} s), the bare inserts {limit:.2f} s"
            )
        med = [statistics.median(c) for c in zip(*rows)]
        print(f"median: before {med[0]:.2f} s, now {med[1]:.2f} s, the limit {med[2]:.2f} s")


if __name__ == "__main__":
    main()
