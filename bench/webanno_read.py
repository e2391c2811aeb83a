"""Reading WebAnno TSV back: the reader on a folder our export wrote, against the limit measured in the same run.

    nice .venv/bin/python bench/webanno_read.py [--docs 1000] [--runs 2]

Takes bench/formats.py's cached project (built when missing: ~540 tokens, 50 entities and 3 events a document), exports
it as WebAnno TSV and as brat into temporary folders, then times, per run: ``read_webanno`` (the reader alone: parse,
rebuild the text, check every token, resolve ids and links, check against the schema), brat's reader on the same
documents for reference, and the limit: reading the same files' bytes, decoding them and splitting them into lines and
tab fields, the floor of any reader of this format. Wall and CPU seconds; our CPU time's ratio to the limit's.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from formats import build  # noqa: E402  (bench/formats.py: the same cached project)

from annotator.formats import readers, writers  # noqa: E402
from annotator.store import Project  # noqa: E402
from cpu_timing import timed  # noqa: E402  (a call's result, wall and CPU seconds)


def floor(folder: Path) -> int:
    rows = 0
    for f in sorted(folder.rglob("*.tsv")):
        rows += sum(len(line.split("\t")) > 1 for line in f.read_bytes().decode("utf-8").split("\n"))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=2)
    args = ap.parse_args(argv)
    cached = Path(tempfile.gettempdir()) / f"annotator-bench-formats-{args.docs}.annotator"
    if not cached.exists():
        build(cached, args.docs)
    project = Project(cached, annotator="bench", read_only=True)
    out = Path(tempfile.mkdtemp(prefix="bench-webanno-read-"))
    try:
        writers()["webanno"](project, out / "webanno")
        writers()["brat"](project, out / "brat")
        size = sum(f.stat().st_size for f in (out / "webanno").rglob("*.tsv")) / 1e6
        print(f"{args.docs} documents, {size:.1f} MB of WebAnno TSV")
        for run in range(1, args.runs + 1):
            got, w, c = timed(lambda: readers()["webanno"](out / "webanno", schema=project.schema))
            rows, lw, lc = timed(lambda: floor(out / "webanno"))
            _, bw, bc = timed(lambda: readers()["brat"](out / "brat", schema=project.schema))
            ents = sum(len(d.entities) for d in got.documents)
            evs = sum(len(d.events) for d in got.documents)
            print(
                f"run {run}: webanno read {w:.2f} s ({c:.2f} s CPU; {len(got.documents)} documents, {ents:,} entities, "
                f"{evs:,} events); limit (bytes read, decoded, {rows:,} rows split) {lw:.2f} s ({lc:.2f} s CPU), "
                f"ours {c / lc:.1f}x CPU; brat read of the same {bw:.2f} s ({bc:.2f} s CPU)",
                flush=True,
            )
    finally:
        shutil.rmtree(out)
        project.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
