"""The DocBin export on both cores: the documents after a cut are written by a child interpreter while this one
writes those before it; the child's compressed parts (in temporary files) and small columns (returned) are joined
after this process's own (``DocBinWriter.absorb``), so the files are what one process writes. The child does not
import spaCy (``docbin_stream.spacy_layout`` is made here and passed on; ``string_ids``). Small exports, a
project with an open transaction, or one core: all in this process."""

from __future__ import annotations

import gc
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

from annotator.child_process import module_command
from annotator.errors import AnnotatorError, DamagedTextError, second_process_failed
from annotator.formats.writing import FormatExportReport
from annotator.formats.docbin_records import add_records, msgpack_encoders_looked_up_once
from annotator.formats.docbin_stream import STREAMS, DocBinWriter, spacy_layout
from annotator.formats.records import ExportRequest
from annotator.store import Project

MIN_DOCUMENTS = 2000  # below this the child's start (an interpreter, numpy, sqlite: ~0.3 s) costs more than it saves
CHILD_SHARE = 0.45  # of the documents: less than half, as the child starts later and this process joins at the end


@contextmanager
def second_range(
    project: Project,
    request: ExportRequest,
    assignment: dict[int, str],
    parts: list[str],
    spill_dir: Path,
    layout: dict[str, Any] | None = None,
) -> Iterator[tuple[list[int] | None, Callable[[dict[str, Any], Any], None]]]:
    """Yields (the ids this process writes: None for all, a function ``joined(bins, report)`` that waits for
    the child and appends its documents to ``bins``; ``layout``: the parent writers', ``spacy_layout()`` when not
    given). The child is stopped and its files removed on any error."""
    ids = request.document_ids(project)
    if len(ids) < MIN_DOCUMENTS or (os.cpu_count() or 1) < 2 or project.db.in_transaction():
        yield None, lambda bins, report: None
        return
    cut = len(ids) - int(len(ids) * CHILD_SHARE)
    mine, theirs = ids[:cut], ids[cut:]
    work = Path(tempfile.mkdtemp(dir=spill_dir, prefix=".docbin-"))
    spills = {p: {s: str(work / f"{k}.{s}") for s in STREAMS} for k, p in enumerate(parts)}
    plain = {
        "states": request.states,
        "statuses": request.statuses,
        "annotation_set": request.annotation_set,
        "options": dict(request.options),
        "documents": request.documents,
    }
    layout = layout or spacy_layout()  # what the child's writers would ask spaCy for: it need not import spaCy
    (work / "args").write_bytes(
        pickle.dumps((str(project.path), plain, theirs, {i: assignment[i] for i in theirs}, spills, layout))
    )
    proc = None
    try:
        argv, env = module_command(__name__, str(work))  # a plain interpreter on this module
        with open(work / "stderr", "wb") as err:
            proc = subprocess.Popen(
                argv,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=err,
            )

        def joined(bins: dict[str, Any], report: Any) -> None:
            proc.wait()
            result = work / "result"
            if proc.returncode != 0 or not result.exists():
                lines = (work / "stderr").read_text(errors="replace").strip().splitlines()
                raise second_process_failed(lines[-1] if lines else str(proc.returncode), proc.returncode, project.path)
            status, value = pickle.loads(result.read_bytes())
            if status == "error":
                raise value
            segments, theirs_report = value
            for p, seg in segments.items():
                with ExitStack() as stack:
                    files = {s: stack.enter_context(open(path, "rb")) for s, path in spills[p].items()}
                    bins[p].absorb(seg, files)
            for key in ("documents", "entities", "events"):
                setattr(report, key, getattr(report, key) + getattr(theirs_report, key))
            for key in ("dropped_arguments", "tokenized", "problems"):
                getattr(report, key).extend(getattr(theirs_report, key))
            if request.progress:
                request.progress(report.documents)

        yield mine, joined
    finally:
        if proc is not None and proc.poll() is None:
            proc.kill()
            proc.wait()
        shutil.rmtree(work, ignore_errors=True)


def write_range(
    path: str,
    plain: dict[str, Any],
    ids: list[int],
    assignment: dict[int, str],
    spills: dict[str, dict[str, str]],
    layout: dict[str, Any],
) -> tuple[dict[str, dict[str, Any]], Any]:
    """In the child: write documents ``ids`` into one writer per part (its compressed parts to the files
    ``spills``, the DocBin's ``layout`` as the parent's); returns each writer's ``segment()`` and the report."""
    project = Project(Path(path), annotator="export", read_only=True)
    report = FormatExportReport(format="spacy")
    try:
        bins = {
            p: DocBinWriter(None, spills={s: open(f, "w+b") for s, f in files.items()}, layout=layout)
            for p, files in spills.items()
        }
        with msgpack_encoders_looked_up_once():
            add_records(project, ExportRequest(**plain), report, bins, assignment, ids)
        return {p: b.segment() for p, b in bins.items()}, report
    finally:
        project.close()


def _child(work: Path) -> None:
    """``python -m annotator.formats.docbin_split WORK``: ``WORK/args`` in, ``WORK/result`` out (both pickles)."""
    gc.disable()  # a short-lived process that makes no cycles: no collector passes over its many rows
    args = pickle.loads((work / "args").read_bytes())
    try:
        out: tuple[str, Any] = ("ok", write_range(*args))
    except DamagedTextError:  # the first process says it, told by the status (pickled, its words would come twice)
        sys.exit(DamagedTextError.EXIT_STATUS)
    except AnnotatorError as exc:
        out = ("error", exc)
    (work / "result").write_bytes(pickle.dumps(out))


if __name__ == "__main__":
    _child(Path(sys.argv[1]))
