"""Pre-annotation throughput: `preannotate()` (what `annotator preannotate` runs) against raw `nlp.pipe`.

Both use the same loaded pipeline and the same batch size, in the same run, over the same documents: news-like
texts of about 500 words made by shuffling the seed documents' sentences (so NER finds real entities).
Prints words per second and the ratio (target >= 0.85). Asserts nothing.

Run: nice .venv/bin/python bench/preannotate.py [--docs 2000] [--words 500] [--batch-size 64] [--model NAME]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator.importing import IncomingDocument, import_documents  # noqa: E402
from annotator.nlp import load_pipeline  # noqa: E402
from annotator.preannotate import PreannotateReport, preannotate  # noqa: E402
from annotator.store import Project  # noqa: E402

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def sentences() -> list[str]:
    out = []
    for f in sorted(SEEDS.glob("*.txt")):
        for para in f.read_text(encoding="utf-8").splitlines():
            out.extend(s.strip() + ("" if s.strip().endswith(".") else ".") for s in para.split(". ") if len(s.split()) > 3)
    return out


def make_texts(n: int, words: int, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    pool = sentences()
    texts = []
    for i in range(n):
        paras, count = [], 0
        while count < words:
            para = " ".join(rng.sample(pool, k=min(4, len(pool))))
            paras.append(para)
            count += len(para.split())
        texts.append(f"Dispatch {i}\n\n" + "\n".join(paras))
    return texts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--words", type=int, default=500)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--model", default=None)
    ap.add_argument("--rounds", type=int, default=8, help="slices the two runs alternate over")
    ap.add_argument("--profile", action="store_true", help="profile the preannotate() run and print the top entries")
    args = ap.parse_args()

    texts = make_texts(args.docs, args.words)
    n_words = sum(len(t.split()) for t in texts)
    pipe = load_pipeline(args.model)
    print(f"{len(texts)} documents, {n_words:,} words (~{n_words // len(texts)} a document); pipeline {pipe.source} "
          f"{pipe.nlp.pipe_names}, batch size {args.batch_size}")
    list(pipe.nlp.pipe(texts[:32], batch_size=args.batch_size))  # warm up both paths alike

    with tempfile.TemporaryDirectory(prefix="annotator-bench-") as tmp:
        with Project(Path(tmp) / "bench.annotator", annotator="bench") as project:
            import_documents(project, [IncomingDocument(text=t, name=f"d{i:05}") for i, t in enumerate(texts)])

            # alternate the two over slices, so a busy shared machine slows both alike
            ids = project.document_ids()
            raw = raw_cpu = ours = ours_cpu = 0.0
            n_ents = 0
            report = PreannotateReport()
            profiler = cProfile.Profile() if args.profile else None
            step = max(args.batch_size, len(texts) // args.rounds)
            for k, first in enumerate(range(0, len(texts), step)):
                part, part_ids = texts[first : first + step], ids[first : first + step]
                for which in (("raw", "ours") if k % 2 == 0 else ("ours", "raw")):
                    t0, c0 = time.perf_counter(), time.process_time()
                    if which == "raw":
                        n_ents += sum(len(doc.ents) for doc in pipe.nlp.pipe(part, batch_size=args.batch_size))
                        raw += time.perf_counter() - t0
                        raw_cpu += time.process_time() - c0
                    else:
                        if profiler:
                            profiler.enable()
                        r = preannotate(project, pipe, doc_ids=part_ids, batch_size=args.batch_size)
                        if profiler:
                            profiler.disable()
                        ours += time.perf_counter() - t0
                        ours_cpu += time.process_time() - c0
                        report.documents += r.documents
                        report.words += r.words
            stored = project.db.conn.execute("SELECT count(*) FROM entities").fetchone()[0]

    print(f"raw nlp.pipe:   {raw:7.1f} s wall {raw_cpu:7.1f} s CPU  {n_words / raw:8,.0f} words/s  ({n_ents:,} entities)")
    print(f"preannotate():  {ours:7.1f} s wall {ours_cpu:7.1f} s CPU  {n_words / ours:8,.0f} words/s  ({stored:,} suggestions "
          f"and {report.words:,} tokens stored, {report.documents} documents)")
    print(f"ratio preannotate / raw spaCy: {raw / ours:.3f} wall, {raw_cpu / ours_cpu:.3f} CPU (target >= 0.85)")
    if profiler:
        pstats.Stats(profiler).sort_stats("tottime").print_stats(30)


if __name__ == "__main__":
    main()
