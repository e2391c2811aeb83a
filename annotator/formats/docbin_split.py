"""The DocBin export on both cores: the documents after a cut are written by a child process while this one
writes those before it; the child's parts (compressed token table in a temporary file, the small columns
returned) are joined after this process's own (``DocBinWriter.absorb``), so the files are what one process
writes. Small exports, a project with an open transaction, or one core: all in this process."""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

from annotator.formats.records import ExportRequest
from annotator.store import Project

MIN_DOCUMENTS = 2000  # below this the child's start (spawn, spaCy's strings: ~1.2 s) costs more than it saves
CHILD_SHARE = 0.45  # of the documents: less than half, as the child starts ~1 s later


@contextmanager
def second_range(
    project: Project, request: ExportRequest, assignment: dict[int, str], parts: list[str], spill_dir: Path,
) -> Iterator[tuple[list[int] | None, Callable[[dict[str, Any], Any], None]]]:
    """Yields (the ids this process writes: None for all, a function ``joined(bins, report)`` that waits for
    the child and appends its documents to ``bins``). The child is stopped and its files removed on any error."""
    ids = project.document_ids(request.statuses_list)
    if len(ids) < MIN_DOCUMENTS or (os.cpu_count() or 1) < 2 or project.db.conn.in_transaction:
        yield None, lambda bins, report: None
        return
    import multiprocessing

    cut = len(ids) - int(len(ids) * CHILD_SHARE)
    mine, theirs = ids[:cut], ids[cut:]
    paths = {p: tempfile.mkstemp(dir=spill_dir, prefix=".docbin-", suffix=".tokens") for p in parts}
    for fd, _ in paths.values():
        os.close(fd)
    plain = {"states": request.states, "statuses": request.statuses, "annotation_set": request.annotation_set,
             "options": dict(request.options)}
    pool = multiprocessing.get_context("spawn").Pool(1)
    try:
        pending = pool.apply_async(write_range, (str(project.path), plain, theirs,
                                                 {i: assignment[i] for i in theirs},
                                                 {p: path for p, (_, path) in paths.items()}))

        def joined(bins: dict[str, Any], report: Any) -> None:
            segments, theirs_report = pending.get()
            for p, seg in segments.items():
                with open(paths[p][1], "rb") as tokens:
                    bins[p].absorb(seg, tokens)
            for key in ("documents", "entities", "events"):
                setattr(report, key, getattr(report, key) + getattr(theirs_report, key))
            for key in ("dropped_arguments", "tokenized", "problems"):
                getattr(report, key).extend(getattr(theirs_report, key))
            if request.progress:
                request.progress(report.documents)

        yield mine, joined
        pool.close()
    finally:
        pool.terminate()
        pool.join()
        for _, path in paths.values():
            Path(path).unlink(missing_ok=True)


def write_range(path: str, plain: dict[str, Any], ids: list[int], assignment: dict[int, str],
                spills: dict[str, str]) -> tuple[dict[str, dict[str, Any]], Any]:
    """In the child: write documents ``ids`` into one writer per part (token tables to ``spills``); returns
    each writer's ``segment()`` and the report."""
    from annotator.formats.common import FormatExportReport
    from annotator.formats.docbin_stream import DocBinWriter
    from annotator.formats.spacy_docbin import _msgpack_encoders_looked_up_once, add_records

    project = Project(Path(path), annotator="export", read_only=True)
    report = FormatExportReport(format="spacy")
    try:
        bins = {p: DocBinWriter(None, spill=open(spill, "w+b")) for p, spill in spills.items()}
        with _msgpack_encoders_looked_up_once():
            add_records(project, ExportRequest(**plain), report, bins, assignment, ids)
        return {p: b.segment() for p, b in bins.items()}, report
    finally:
        project.close()
