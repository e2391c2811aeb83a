"""What the export's check for a label written two ways costs (``records.spelling_mix``, session 16: the command line's
note when one export of the formats that write each document's own spellings holds, say, ``PER`` and ``PERSON``).

A project of ``--docs`` documents (half from a CoNLL file with ``B-PER``, half from training lines with the schema's
``PERSON``; ``2.5`` entities each) is built in a temporary folder; then, ``--runs`` times each, in the same run:

- the check (``spelling_mix``), CPU and wall time;
- the limit: every document's meta and every entity's label fetched (the rows the check reads at most), no parsing.

Prints the median of each; asserts nothing.
Run: nice .venv/bin/python bench/spelling_mix.py [--docs N] [--runs N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

from annotator.cli import main
from annotator.formats.records import spelling_mix
from annotator.store import Project


def _build(folder: Path, docs: int) -> Path:
    half = docs // 2
    conll, lines = folder / "a.conll", folder / "b.jsonl"
    with conll.open("w", encoding="utf-8") as f:
        for i in range(half):
            f.write(f"-DOCSTART- -X- O O\n\nObama -X- _ B-PER\nmet -X- _ O\nMerkel{i} -X- _ B-PER\nin -X- _ O\n")
            f.write("Kabul -X- _ B-GPE\n. -X- _ O\n\n")
    with lines.open("w", encoding="utf-8") as f:
        for i in range(docs - half):
            spans = [{"start": 0, "end": 6, "label": "PERSON"}, {"start": 11, "end": 16, "label": "PERSON"}]
            f.write(json.dumps({"text": f"Merkel met Obama number {i} in Kabul.", "spans": spans}) + "\n")
    project = folder / "p.annotator"
    with open(os.devnull, "w") as quiet:
        import contextlib

        with contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):
            assert main(["import", str(project), str(conll), str(lines)]) == 0
    return project


def _timed(call) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    c, w = time.process_time(), time.perf_counter()
    call()
    return time.process_time() - c, time.perf_counter() - w


def main_bench() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        with Project(_build(Path(tmp), args.docs), create=False) as project:
            conn = project.db.conn
            check = [_timed(lambda: spelling_mix(project)) for _ in range(args.runs)]
            limit = [
                _timed(
                    lambda: (
                        conn.execute("SELECT id, meta FROM documents").fetchall(),
                        conn.execute("SELECT document_id, label FROM entities").fetchall(),
                    )
                )
                for _ in range(args.runs)
            ]
            found = dict(spelling_mix(project))
    for name, got in (("check (spelling_mix)", check), ("limit (rows fetched)", limit)):
        cpu = statistics.median(c for c, _ in got) * 1000
        wall = statistics.median(w for _, w in got) * 1000
        print(f"{name}: {cpu:.1f} ms CPU, {wall:.1f} ms wall (median of {args.runs})")
    print(f"{args.docs} documents; load average {os.getloadavg()[0]:.1f}; found: {found}")


if __name__ == "__main__":
    main_bench()
