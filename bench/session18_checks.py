"""What session 18's checks cost (docs/reliability.md, round 10), each beside its limit in the same run:

- ``shown.aimed_at`` on every decision from the view (Enter, X, a label key, a resize, Delete on a span): the span
  still there (one row read, the usual case) and gone with the same suggestion in its place (one query more); the
  limits: a bare ``project.row`` of the span, and the whole decision (``edits.accept_entity`` with ``expected``, then
  its undo) it is part of;
- ``kept_models.kept_for`` (Settings' look for a model kept aside): none kept, and one named by the per-user index;
  the limit: a bare listing of the project's folder;
- ``opencheck.read_only_uris`` of a project with a log beside it (the look whether this user can read the log); the
  limit: a bare ``os.stat`` of the project file.

Prints the median and 90th percentile of ``--runs`` tries (wall and CPU) for each; asserts nothing.
Run: nice .venv/bin/python bench/session18_checks.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator import edits, opencheck, recorder, shown, whereabouts  # noqa: E402
from annotator.importing import IncomingDocument, import_documents  # noqa: E402
from annotator.learn import kept_models, versions  # noqa: E402
from annotator.nlp import blank_pipeline_with_patterns  # noqa: E402
from annotator.preannotate import preannotate  # noqa: E402
from annotator.store import Project  # noqa: E402

PATTERNS = [{"label": "PERSON", "pattern": "Maria Lopez"}, {"label": "GPE", "pattern": "Paris"}]


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float, float, float]:
    """(median wall, p90 wall, median CPU, p90 CPU) in microseconds."""
    wall, cpu = [], []
    for _ in range(runs):
        w, c = time.perf_counter(), time.process_time()
        fn()
        cpu.append((time.process_time() - c) * 1e6)
        wall.append((time.perf_counter() - w) * 1e6)

    def p90(xs: list[float]) -> float:
        return sorted(xs)[int(0.9 * (len(xs) - 1))]

    return statistics.median(wall), p90(wall), statistics.median(cpu), p90(cpu)


def say(name: str, t: tuple[float, float, float, float]) -> None:
    print(f"{name:<58} wall {t[0]:9.1f} / {t[1]:9.1f} us   CPU {t[2]:9.1f} / {t[3]:9.1f} us")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=2000)
    args = ap.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} {os.getloadavg()[1]:.1f}; {args.runs} tries each (median / p90)")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ANNOTATOR_STATE_DIR"] = str(Path(tmp) / "state")
        path = Path(tmp) / "p.annotator"
        with Project(path, annotator="bench") as p:
            import_documents(
                p, [IncomingDocument(f"Maria Lopez met Ann in Paris on day {k}.", f"{k}.txt") for k in range(200)]
            )
            preannotate(p, blank_pipeline_with_patterns(PATTERNS))
            doc = p.document_ids()[0]
            span = next(e for e in p.entities(doc) if e.label == "PERSON")
            say("aimed_at, the span still there", timed(lambda: shown.aimed_at(p, span.id, span), args.runs))
            say("  limit: a bare project.row of the span", timed(lambda: p.row("entities", span.id), args.runs))

            def decide() -> None:
                recorder.undo(p, edits.accept_entity(p, span.id, expected=span))

            say("  limit: the decision it is part of (accept + undo)", timed(decide, max(50, args.runs // 20)))
            with Project(path, create=False, annotator="other") as other:  # the same suggestion, a new id
                preannotate(other, blank_pipeline_with_patterns(PATTERNS), doc_ids=[doc])
            say("aimed_at, replaced by the same suggestion", timed(lambda: shown.aimed_at(p, span.id, span), args.runs))
            say("kept_for, none kept", timed(lambda: kept_models.kept_for(p), args.runs))
            kept = Path(f"{path}.models") / "kept-1"
            (kept / "pipeline").mkdir(parents=True)
            (kept / versions.MANIFEST).write_text('{"born": "%s"}' % p.db.birth(), encoding="utf-8")
            elsewhere = Path(tmp) / "old.annotator.models" / "kept-2"
            (elsewhere / "pipeline").mkdir(parents=True)
            (elsewhere / versions.MANIFEST).write_text('{"born": "%s"}' % p.db.birth(), encoding="utf-8")
            whereabouts.note_kept_model(p.identity, elsewhere)
            assert len(kept_models.kept_for(p)) == 2
            say("kept_for, one beside it and one named by the index", timed(lambda: kept_models.kept_for(p), args.runs))
            say("  limit: a bare listing of the project's folder", timed(lambda: list(os.scandir(tmp)), args.runs))
            edits.add_comment(p, doc, "a log beside the file")
            assert opencheck.has_log(path)
            say("read_only_uris, a log beside the file", timed(lambda: opencheck.read_only_uris(path), args.runs))
            say("  limit: a bare os.stat of the file", timed(lambda: os.stat(path), args.runs))


if __name__ == "__main__":
    main()
