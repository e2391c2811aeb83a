"""DyGIE++ import speed: the project's own export read back into a new project, and onto the project it came from
(every document matched to its stored one by doc_key, offsets mapped onto the stored text: formats.onto_stored).

    nice .venv/bin/python bench/dygiepp_import.py [--docs 2000] [--runs 2]

The project is bench/formats.py's (~500 words, 50 entities and 3 events a document, cached under /tmp). Prints wall
and CPU seconds of each import, and the limit measured in the same run: parsing the file's lines with orjson alone,
the floor of any reader of it.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from annotator.errors import ProjectFileError  # noqa: E402
from annotator.formats import writers  # noqa: E402
from annotator.formats.loading import import_format  # noqa: E402
from annotator.store import Project  # noqa: E402
from cpu_timing import timed  # noqa: E402  (a call's result, wall and CPU seconds)
from formats import build  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=2)
    args = ap.parse_args(argv)
    cached = Path(tempfile.gettempdir()) / f"annotator-bench-formats-{args.docs}.annotator"
    try:
        Project(cached, annotator="bench", read_only=True).close()
    except ProjectFileError:  # missing, or built by an older tree
        build(cached, args.docs)
    work = Path(tempfile.mkdtemp(prefix="bench-dygiepp-import-"))
    try:
        out = work / "export.jsonl"
        with Project(cached, annotator="bench", read_only=True) as project:
            writers()["dygiepp"](project, out)
        mb = out.stat().st_size / 1e6
        print(f"{args.docs} documents, {mb:.1f} MB of DyGIE++ JSONL")
        for run in range(1, args.runs + 1):
            _, lw, lc = timed(lambda: [orjson.loads(x) for x in out.read_bytes().splitlines()])
            fresh = work / f"new-{run}.annotator"
            with Project(fresh, annotator="bench") as p:
                r, w, c = timed(lambda: import_format(p, "dygiepp", [out]))
            print(
                f"run {run} new project:  {w:6.2f} s, {c:6.2f} s CPU ({len(r.imported)} imported); {c / lc:5.1f}x limit"
            )
            same = work / f"same-{run}.annotator"
            shutil.copy(cached, same)
            with Project(same, annotator="bench") as p:
                r, w, c = timed(lambda: import_format(p, "dygiepp", [out]))
            print(
                f"run {run} onto its own: {w:6.2f} s, {c:6.2f} s CPU ({len(r.imported)} imported, {len(r.annotated)} "
                f"onto stored, {len(r.duplicates)} duplicates); {c / lc:5.1f}x limit"
            )
            print(f"run {run} limit (orjson.loads of every line): {lw:.2f} s, {lc:.2f} s CPU")
    finally:
        shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
