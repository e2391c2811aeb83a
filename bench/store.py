"""Store benchmarks: import of 10,000 documents, JSON export of 10,000 documents with 500,000 spans, edit latency.

Prints figures; asserts nothing. Run: nice .venv/bin/python bench/store.py [--docs N] [--spans-per-doc N] [--edits N]
The project files go to a temporary folder on the same disk as the system temp dir (set TMPDIR to choose).
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator import edits, exporting  # noqa: E402
from annotator.formats.project_json import write_json, write_jsonl  # noqa: E402
from annotator.importing import IncomingDocument, import_documents  # noqa: E402
from annotator.formats.loading import import_paths  # noqa: E402
from annotator.store import Project, now  # noqa: E402

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
LABELS = ["PERSON", "ORG", "GPE", "DATE", "NORP", "MONEY", "CARDINAL", "LOC"]


def seed_sentences() -> list[str]:
    out = []
    for f in sorted(SEEDS.glob("*.txt")):
        for line in f.read_text(encoding="utf-8").splitlines():
            out.extend(s.strip() + "." for s in line.split(". ") if len(s.split()) > 3)
    return out


def make_texts(n: int, words: int, rng: random.Random) -> list[str]:
    sentences = seed_sentences()
    texts = []
    for i in range(n):
        parts, count = [f"Report {i}."], 2
        while count < words:
            s = rng.choice(sentences)
            parts.append(s)
            count += len(s.split())
        texts.append(" ".join(parts))
    return texts


def bench_import(folder: Path, texts: list[str]) -> None:
    # from memory (the import_documents path every reader ends in)
    with Project(folder / "import_mem.annotator", annotator="bench") as p:
        docs = [IncomingDocument(text=t, name=f"doc{i:05}.txt") for i, t in enumerate(texts)]
        t0 = time.perf_counter()
        report = import_documents(p, docs)
        dt = time.perf_counter() - t0
    mb = sum(len(t.encode()) for t in texts) / 1e6
    print(
        f"import (import_documents)  {len(report.imported):>6} documents in {dt:6.2f} s: "
        f"{len(report.imported) / dt:8.0f} documents/s, {mb / dt:6.1f} MB/s"
    )
    # from .txt files on disk (the `annotator import FOLDER` path)
    src = folder / "txt"
    src.mkdir()
    for i, t in enumerate(texts):
        (src / f"doc{i:05}.txt").write_text(t, encoding="utf-8")
    with Project(folder / "import_files.annotator", annotator="bench") as p:
        t0 = time.perf_counter()
        report = import_paths(p, [src])
        dt = time.perf_counter() - t0
    print(
        f"import (.txt folder)       {len(report.imported):>6} documents in {dt:6.2f} s: "
        f"{len(report.imported) / dt:8.0f} documents/s, {mb / dt:6.1f} MB/s"
    )


def bench_export(folder: Path, texts: list[str], spans_per_doc: int, rng: random.Random) -> None:
    path = folder / "export.annotator"
    with Project(path, annotator="bench") as p:
        import_documents(p, [IncomingDocument(text=t, name=f"doc{i:05}.txt") for i, t in enumerate(texts)])
        t = now()
        with p.transaction() as conn:
            rows = []
            for doc_id, text in conn.execute("SELECT id, text FROM documents").fetchall():
                for _ in range(spans_per_doc):
                    s = rng.randrange(0, len(text) - 20)
                    rows.append(
                        (doc_id, s, s + rng.randint(3, 20), rng.choice(LABELS), "suggested", "spacy:bench@1", t, t)
                    )
            conn.executemany(
                "INSERT INTO entities (document_id, start, end, label, state, source, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
        n_spans = len(rows)
        p.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        out = folder / "export.json"
        synced = []
        real_fsync = exporting.os.fsync

        def timed_fsync(fd: int) -> None:
            t = time.perf_counter()
            real_fsync(fd)
            synced.append(time.perf_counter() - t)

        exporting.os.fsync = timed_fsync
        best = best_jsonl = limit = one_query = None
        out_jsonl = folder / "export.jsonl"
        try:
            for _ in range(3):  # the machine is shared: keep the best of three, export and limit alternating
                synced.clear()
                t0, c0, m0 = time.perf_counter(), time.process_time(), time.thread_time()
                report = write_json(p, out, states=("suggested", "accepted", "added"))
                dt, cpu, main = time.perf_counter() - t0, time.process_time() - c0, time.thread_time() - m0
                if best is None or dt < best[0]:
                    best = (dt, cpu, sum(synced), main)
                t0, c0 = time.perf_counter(), time.process_time()
                write_jsonl(p, out_jsonl, states=("suggested", "accepted", "added"))
                dt, cpu = time.perf_counter() - t0, time.process_time() - c0
                if best_jsonl is None or dt < best_jsonl[0]:
                    best_jsonl = (dt, cpu)
                lim = bench_export_limit(path, folder, out.stat().st_size)
                limit = lim if limit is None else (min(limit[0], lim[0]), min(limit[1], lim[1]), min(limit[2], lim[2]))
                one = bench_export_one_query(path, folder, p.annotation_set)
                one_query = one if one_query is None or one[0] < one_query[0] else one_query
        finally:
            exporting.os.fsync = real_fsync
    dt, cpu, fsync, main = best
    mb = out.stat().st_size / 1e6
    total = limit[0] + limit[1]
    print(
        f"export json  {report.documents} documents, {n_spans} spans, {mb:.1f} MB in {dt:.2f} s wall "
        f"({fsync:.2f} s of it fsync), {cpu:.2f} s CPU (all threads): {mb / dt:6.1f} MB/s wall, "
        f"{mb / (dt - fsync):6.1f} MB/s before fsync; {n_spans / dt:,.0f} spans/s (target >= 150 MB/s)"
    )
    bound = max(main, cpu / 2) + fsync
    print(
        f"  CPU: {main:.2f} s in the calling thread (joining and writing: the part no other thread can take), "
        f"{cpu - main:.2f} s in the reader threads; two free cores would need at least max({main:.2f}, {cpu:.2f} / 2)"
        f" + fsync = {bound:.2f} s ({mb / bound:.0f} MB/s; a bound from this run's CPU times, not a wall time)"
    )
    print(
        f"  limit, same run: a plain SELECT of the same rows (documents, then entities in export order, one "
        f"thread) {limit[0]:.2f} s ({limit[2]:.2f} s CPU) + a write of the same {mb:.1f} MB with fsync "
        f"{limit[1]:.2f} s = {total:.2f} s ({mb / total:.1f} MB/s): the export takes {dt / total:.2f}x that "
        f"(CPU: {cpu / (limit[2]):.2f}x the SELECT's)"
    )
    jl, jl_cpu = best_jsonl
    jl_mb = out_jsonl.stat().st_size / 1e6
    print(
        f"export jsonl (same writer, same run) {jl_mb:.1f} MB in {jl:.2f} s wall, {jl_cpu:.2f} s CPU: "
        f"{jl_mb / jl:6.1f} MB/s wall; {jl / total:.2f}x the limit above"
    )
    oq, oq_cpu, oq_mb = one_query
    print(
        f"  the issue's limit, same run: SQLite builds each document's whole JSON in one query (json_object, "
        f"json_group_array of its entities in export order, texts by substr) and the rows are written with fsync, "
        f"one thread: {oq_mb:.1f} MB in {oq:.2f} s ({oq_cpu:.2f} s CPU), {oq_mb / oq:.1f} MB/s: the export takes "
        f"{dt / oq:.2f}x that"
    )


def bench_export_limit(path: Path, folder: Path, size: int) -> tuple[float, float, float]:
    """What the export cannot beat: reading the same rows and writing the same bytes (wall, wall, read CPU)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    t0, c0 = time.perf_counter(), time.process_time()
    conn.execute("SELECT id, name, text, sha256, status, meta FROM documents ORDER BY id").fetchall()
    conn.execute(
        "SELECT id, document_id, start, end, label, state, source, annotator FROM entities "
        "ORDER BY document_id, start, end, id"
    ).fetchall()
    read, read_cpu = time.perf_counter() - t0, time.process_time() - c0
    conn.close()
    chunk = b"x" * (1 << 20)
    t0 = time.perf_counter()
    with open(folder / "limit.bin", "wb") as fh:
        for _ in range(size >> 20):
            fh.write(chunk)
        fh.write(chunk[: size & ((1 << 20) - 1)])
        fh.flush()
        exporting.os.fsync(fh.fileno())
    return read, time.perf_counter() - t0, read_cpu


ONE_QUERY = (
    "SELECT json_object('id', d.id, 'name', d.name, 'text', d.text, 'sha256', d.sha256, 'status', d.status,"
    " 'meta', json(coalesce(d.meta, '{}')), 'entities', (SELECT json_group_array(json(j)) FROM ("
    "   SELECT json_object('id', e.id, 'start', e.start, 'end', e.end, 'label', e.label,"
    "     'text', substr(d.text, e.start + 1, e.end - e.start), 'state', e.state, 'source', e.source,"
    "     'annotator', e.annotator) AS j"
    "   FROM entities e WHERE e.document_id = d.id AND e.annotation_set = ? ORDER BY e.start, e.end, e.id)),"
    " 'events', json_array(), 'comments', json_array()) FROM documents d ORDER BY d.id"
)


def bench_export_one_query(path: Path, folder: Path, annotation_set: str) -> tuple[float, float, float]:
    """The issue's limit: each document's JSON built by SQLite in one query, the rows written (wall, CPU, MB)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    t0, c0 = time.perf_counter(), time.process_time()
    with open(folder / "one_query.jsonl", "wb") as fh:
        for (line,) in conn.execute(ONE_QUERY, (annotation_set,)):
            fh.write(line.encode())
            fh.write(b"\n")
        fh.flush()
        exporting.os.fsync(fh.fileno())
        size = fh.tell()
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    conn.close()
    return dt, cpu, size / 1e6


def bare_commits(path: Path, n: int) -> list[float]:
    """The limit of an edit's commit: ``n`` bare SQLite INSERT + COMMIT of one small row into a new file at
    ``path``, with a project's settings (WAL, synchronous=FULL: an fsync each); the seconds of each."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER, b INTEGER, label TEXT)")
    times = []
    for i in range(n):
        t0 = time.perf_counter()
        conn.execute("BEGIN")
        conn.execute("INSERT INTO t (a, b, label) VALUES (?, ?, ?)", (i, i + 5, "PERSON"))
        conn.execute("COMMIT")
        times.append(time.perf_counter() - t0)
    conn.close()
    return times


def bench_edit_latency(folder: Path, n: int) -> None:
    with Project(folder / "edits.annotator", annotator="bench", synchronous="FULL") as p:
        report = import_documents(
            p, [IncomingDocument(text="Sergey Lavrov met Antony Blinken in Moscow. " * 20, name="d")]
        )
        doc = report.imported[0][1]
        edits.add_entity(p, doc, 0, 6, "PERSON")  # the first edit also moves the status: leave it out
        times = []
        for i in range(n):
            s = (i * 7) % 800
            t0 = time.perf_counter()
            edits.add_entity(p, doc, s, s + 5, "PERSON")
            times.append(time.perf_counter() - t0)
        log_rows = p.db.conn.execute("SELECT count(*) FROM change_log WHERE action = 'add_entity'").fetchone()[0]
    bare = bare_commits(folder / "bare.db", n)
    med, bmed = statistics.median(times) * 1000, statistics.median(bare) * 1000
    p95 = sorted(times)[int(0.95 * len(times))] * 1000
    print(
        f"edit latency  add_entity + change-log row, synchronous=FULL, WAL: median {med:.3f} ms, p95 {p95:.3f} ms "
        f"over {n} edits ({log_rows} log rows) (target < 1 ms)"
    )
    print(
        f"              bare sqlite INSERT + COMMIT, same settings:          median {bmed:.3f} ms "
        f"(the edit costs {med / bmed:.1f}x a bare commit)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--words", type=int, default=500)
    ap.add_argument("--spans-per-doc", type=int, default=50)
    ap.add_argument("--edits", type=int, default=1000)
    ap.add_argument("--skip", nargs="*", default=[], choices=["import", "export", "edits"])
    args = ap.parse_args()
    rng = random.Random(7)
    texts = make_texts(args.docs, args.words, rng)
    print(
        f"{len(texts)} documents of ~{args.words} words ({sum(map(len, texts)) / 1e6:.1f} M characters); "
        f"SQLite {sqlite3.sqlite_version}, Python {sys.version.split()[0]}"
    )
    with tempfile.TemporaryDirectory(prefix="annotator-bench-") as tmp:
        folder = Path(tmp)
        if "import" not in args.skip:
            bench_import(folder, texts)
        if "export" not in args.skip:
            bench_export(folder, texts, args.spans_per_doc, rng)
        if "edits" not in args.skip:
            bench_edit_latency(folder, args.edits)


if __name__ == "__main__":
    main()
