"""Export speed of every format: 10,000 documents of ~500 words, 50 entities and 3 events each.

    nice .venv/bin/python bench/formats.py [--docs 10000] [--formats spacy,brat,json+tokens=no,...] [--rebuild] [--bom-every N]

The project is built once (store_documents in one transaction, tokens stored as pre-annotation would)
and cached under /tmp; each format is written to a temporary folder and removed afterwards.
Prints documents/s and MB/s (output size / wall time) per format, CPU seconds including child processes, and
for the project's JSON and JSONL the limit measured in the same run (reading their rows, writing the same bytes); for
spacy the limit measured in the same run (the writer's deflate of the same msgpack bytes, one core); for the
token-line formats (DyGIE++, OneIE, WikiEvents, OmniEvent, Hugging Face) the same run's reading of the same records and tokens,
nothing written (``records_with_tokens``, what each of them does before it writes a byte).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator.formats import writers  # noqa: E402
from annotator.importing import ImportReport, IncomingDocument, IncomingEntity, IncomingEvent, store_documents  # noqa: E402
from annotator.errors import ProjectFileError  # noqa: E402
from annotator.store import Project  # noqa: E402

WORDS = (
    "the government said on monday that officials would meet again after talks in the capital broke down "
    "over a dispute about funding for the new program while protesters gathered outside parliament"
).split()
LABELS = ["PERSON", "ORG", "GPE", "DATE", "CARDINAL", "NORP", "MONEY", "LOC"]


def make_document(k: int, rng: random.Random) -> tuple[IncomingDocument, list[int], list[int], list[int]]:
    parts, starts, ends, sents = [], [], [], []
    pos, n = 0, 0
    while n < 500:
        sents.append(len(starts))
        for j in range(rng.randint(12, 25)):
            w = rng.choice(WORDS).capitalize() if j == 0 else rng.choice(WORDS)
            parts.append(w + " ")
            starts.append(pos)
            ends.append(pos + len(w))
            pos += len(w) + 1
            n += 1
        parts[-1] = parts[-1][:-1]
        pos -= 1
        parts.append(". ")
        starts.append(pos)
        ends.append(pos + 1)
        pos += 2
    text = "".join(parts).rstrip() + f" ({k})"
    starts.append(len(text) - len(f"({k})"))
    ends.append(len(text))
    ents, used = [], set()
    for i in sorted(rng.sample(range(0, len(starts) - 4, 10), 50)):
        length = rng.randint(1, 3)
        label = LABELS[len(ents) % len(LABELS)]
        ents.append(IncomingEntity(len(ents), starts[i], ends[i + length - 1], label))
        used.update(range(i, i + length))
    persons = [e.key for e in ents if e.label == "PERSON"]
    places = [e.key for e in ents if e.label == "GPE"]
    events = []
    free = [i for i in range(len(starts)) if i not in used]
    for t in rng.sample(free, 3):
        events.append(
            IncomingEvent(
                "Life:Die", starts[t], ends[t], {}, [("Victim", rng.choice(persons)), ("Place", rng.choice(places))]
            )
        )
    doc = IncomingDocument(
        text=text, name=f"doc-{k:05d}.txt", status=rng.choice(["annotated", "reviewed"]), entities=ents, events=events
    )
    return doc, starts, ends, sents


def build(path: Path, n: int, bom_every: int = 0) -> None:
    path.unlink(missing_ok=True)
    rng = random.Random(0)
    project = Project(path, annotator="bench", synchronous="OFF")
    t0 = time.perf_counter()
    with project.transaction():
        docs, toks = [], []
        for k in range(n):
            d, s, e, ss = make_document(k, rng)
            docs.append(d)
            toks.append((s, e, ss))
        report = ImportReport()
        store_documents(project, docs, report)
        project.db.conn.executemany(
            "INSERT INTO tokens (document_id, pipeline, starts, ends, sentence_starts) VALUES (?, 'bench', ?, ?, ?)",
            [
                (doc_id, orjson.dumps(s).decode(), orjson.dumps(e).decode(), orjson.dumps(ss).decode())
                for (_, doc_id), (s, e, ss) in zip(report.imported, toks)
            ],
        )
        if bom_every:  # documents whose file began with a byte order mark (the JSON says so: format version 5)
            project.db.conn.execute("UPDATE documents SET bom = 1 WHERE id % ? = 0", (bom_every,))
    project.close()
    print(f"built {n} documents in {time.perf_counter() - t0:.1f} s: {path}", file=sys.stderr)


def size(p: Path) -> int:
    return sum(f.stat().st_size for f in p.rglob("*") if f.is_file()) if p.is_dir() else p.stat().st_size


def cpu_time() -> float:
    """CPU seconds of this process and of its children that have ended (the spaCy export's second process)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def brat_limit(target: Path, dt: float, cpu: float) -> str:
    """The same run's limit for a folder export (brat, WebAnno TSV): writing the same files (their bytes already in memory) into a new folder, one
    ``write_bytes`` each, the floor of any writer of a folder of small files; our wall and CPU time's ratios to it."""
    files = [(f.relative_to(target), f.read_bytes()) for f in sorted(target.rglob("*")) if f.is_file()]
    dest = Path(tempfile.mkdtemp(prefix="bench-brat-limit-"))
    try:
        t0, c0 = time.perf_counter(), time.process_time()
        for rel, data in files:
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            (dest / rel).write_bytes(data)
        w, wc = time.perf_counter() - t0, time.process_time() - c0
    finally:
        shutil.rmtree(dest)
    return (
        f"writing the same {len(files):,} files: {w:.2f} s ({wc:.2f} s CPU); ours {dt / w:.1f}x wall, "
        f"{cpu / wc:.1f}x CPU"
    )


def json_limit(project: Project, target: Path, dt: float, cpu: float) -> str:
    """The same run's limit for the project's JSON and JSONL: reading the rows they are made of (every document's
    columns, every entity's, one query each, nothing rendered) and writing the same bytes (already in memory) to a
    new file with one write and an fsync, as the export's file is synced; our wall and CPU time's ratios to it."""
    conn = project.db.conn
    data = target.read_bytes()
    dest = target.with_suffix(".limit")
    t0, c0 = time.perf_counter(), time.process_time()
    docs = conn.execute("SELECT id, name, text, sha256, status, meta, bom FROM documents").fetchall()
    ents = conn.execute(
        "SELECT id, document_id, start, end, label, state, source, annotator, edited, score FROM entities"
    ).fetchall()
    with open(dest, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    w, wc = time.perf_counter() - t0, time.process_time() - c0
    dest.unlink()
    return (
        f"reading the same {len(docs):,} documents' and {len(ents):,} entities' rows and writing the same bytes: "
        f"{w:.2f} s ({wc:.2f} s CPU); ours {dt / w:.1f}x wall, {cpu / wc:.1f}x CPU"
    )


TOKEN_LINES = ("dygiepp", "oneie", "wikievents", "omnievent", "hf")  # written by ``writing.write_per_part``


def records_limit(project: Project, dt: float, cpu: float) -> str:
    """The same run's limit for a token-line export: reading every record with its tokens and writing nothing."""
    from annotator.formats.writing import FormatExportReport, records_with_tokens
    from annotator.formats.records import ExportRequest

    t0, c0 = time.perf_counter(), time.process_time()
    n = sum(1 for _ in records_with_tokens(project, ExportRequest(), FormatExportReport()))
    w, wc = time.perf_counter() - t0, time.process_time() - c0
    return f"reading the same {n:,} records and tokens: {w:.2f} s ({wc:.2f} s CPU); ours {dt / w:.1f}x wall, {cpu / wc:.1f}x CPU"


def limit(fmt: str, target: Path, mb: float, dt: float, cpu: float, project: Project | None = None) -> str:
    """The same run's limit for the spaCy DocBin: compressing the same msgpack bytes with the writer's deflate
    (zlib-ng at its level) on one core, the floor of any writer of this file; printed as MB/s of output and our
    wall and CPU time's ratios to its wall and CPU time (CPU is the steadier on a loaded machine); and stdlib
    zlib -1 (the writer's deflate before zlib-ng) of the same bytes, for reference."""
    if fmt in ("brat", "webanno"):
        return brat_limit(target, dt, cpu)
    if fmt in ("json", "jsonl") and project is not None:
        return json_limit(project, target, dt, cpu)
    if fmt in TOKEN_LINES and project is not None:
        return records_limit(project, dt, cpu)
    if fmt != "spacy":
        return ""
    import zlib

    from annotator.formats import docbin_stream

    files = [f for f in (target.parent.rglob("*.spacy"))]
    raw = [zlib.decompress(f.read_bytes()) for f in files]
    t0, c0 = time.perf_counter(), time.process_time()
    for r in raw:
        docbin_stream.zlib.compress(r, docbin_stream.LEVEL)
    z, zc = time.perf_counter() - t0, time.process_time() - c0
    t0, c0 = time.perf_counter(), time.process_time()
    for r in raw:
        zlib.compress(r, 1)
    z1, z1c = time.perf_counter() - t0, time.process_time() - c0
    return (
        f"{docbin_stream.zlib.__name__} -{docbin_stream.LEVEL} of the same {sum(map(len, raw)) / 1e6:.0f} MB "
        f"msgpack: {z:.2f} s ({zc:.2f} s CPU) = {mb / z:.1f} MB/s; ours {dt / z:.1f}x wall, {cpu / zc:.1f}x CPU "
        f"(zlib -1: {z1:.2f} s, {z1c:.2f} s CPU; ours {dt / z1:.1f}x wall, {cpu / z1c:.1f}x CPU)"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--formats", default="jsonl,spacy,brat,prodigy,dygiepp,conll")
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--bom-every", type=int, default=0, help="mark every Nth document as read with a BOM")
    args = ap.parse_args(argv)
    bom = f"-bom{args.bom_every}" if args.bom_every else ""
    cached = Path(tempfile.gettempdir()) / f"annotator-bench-formats-{args.docs}{bom}.annotator"
    if args.rebuild or not cached.exists():
        build(cached, args.docs, args.bom_every)
    try:
        project = Project(cached, annotator="bench", read_only=True)
    except ProjectFileError:  # built by an older tree (a migration since): build it again
        build(cached, args.docs, args.bom_every)
        project = Project(cached, annotator="bench", read_only=True)
    words = sum(len(orjson.loads(r[0])) for r in project.db.conn.execute("SELECT starts FROM tokens"))
    ents = project.db.conn.execute("SELECT count(*) FROM entities").fetchone()[0]
    evs = project.db.conn.execute("SELECT count(*) FROM events").fetchone()[0]
    print(f"{args.docs} documents, {words:,} tokens, {ents:,} entities, {evs:,} events")
    print(f"{'format':10} {'seconds':>8} {'CPU s':>8} {'docs/s':>8} {'MB':>8} {'MB/s':>7} {'MB/CPU s':>9}  limit")
    table = writers()
    if "spacy" in args.formats.split(","):
        import spacy  # loaded before the clock starts: the app and the command line pay it once, not per export

        spacy.blank("en")
    for item in args.formats.split(","):
        fmt, _, given = item.partition("+")  # json+tokens=no: the format with an export option
        options = dict(o.split("=", 1) for o in given.split("+") if o)
        out_dir = Path(tempfile.mkdtemp(prefix=f"bench-{fmt}-"))
        target = out_dir / ("brat" if fmt == "brat" else f"out.{fmt}")
        t0, c0 = time.perf_counter(), cpu_time()
        report = table[fmt](project, target, options=options)
        dt, cpu = time.perf_counter() - t0, cpu_time() - c0
        mb = size(target) / 1e6
        print(
            f"{item:10} {dt:8.1f} {cpu:8.1f} {report.documents / dt:8.0f} {mb:8.1f} {mb / dt:7.1f} {mb / cpu:9.1f}"
            f"  {limit(fmt, target, mb, dt, cpu, project)}",
            flush=True,
        )
        shutil.rmtree(out_dir)
    project.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
