"""Benchmark of the documents list's fill: a project opened, its list's rows painted, another document opened, the
project closed, in the real main window (offscreen, 1366x768), in CPU time (user+sys of this process), with the share
of the list's fill (``DocumentPanel.set_rows``) and of its columns' widths (``fit_columns``). Prints figures, asserts
nothing.

Projects: the seeds (seeds/*.txt) and one of ``--many`` generated documents (bench/gui.py's ``build_many``).
Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/doclist.py [--many 10000] [--rounds N] [--other TREE]
With ``--other TREE`` (another checkout, main say) each round runs this script in TREE then in this tree,
alternating, so both are measured in the same conditions (the projects are built once, copied for each run).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
TREE = Path(os.environ.get("ANNOTATOR_TREE", HERE))
sys.path.insert(0, str(TREE))
sys.path.insert(1, str(HERE / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


PAINTS = 20  # repaints of the list's rows timed after an open (one's mean printed)


def build_seeds(path: Path) -> None:
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project

    with Project(path, annotator="bench") as p:
        docs = [IncomingDocument(f.read_text(encoding="utf-8"), f.name) for f in sorted((HERE / "seeds").glob("*.txt"))]
        import_documents(p, docs)


def timed(spent: dict[str, float], name: str, owner: object, attr: str) -> None:
    """``owner.attr`` wrapped so that its CPU time adds to ``spent[name]``."""
    real = getattr(owner, attr)

    def wrapper(*a, **k):  # type: ignore[no-untyped-def]
        t = time.process_time()
        try:
            return real(*a, **k)
        finally:
            spent[name] += time.process_time() - t

    setattr(owner, attr, wrapper)


def settled(app, w) -> None:  # type: ignore[no-untyped-def]
    """Events processed until the work queued after the view's paint and the list's fill are done."""
    deadline = time.perf_counter() + 30
    app.processEvents()
    while (w.after_view_paint.pending or w._docs_timer.isActive()) and time.perf_counter() < deadline:
        app.processEvents()


def one_run(projects: list[Path], rounds: int) -> None:
    import annotator  # noqa: F401 - from TREE before bench/gui.py puts this checkout first on the path
    import ui  # noqa: F401
    from ui.panels.documents import DocumentPanel

    from gui import shown_window  # bench/gui.py

    app, w = shown_window((1366, 768))
    spent = {"set_rows": 0.0, "fit_columns": 0.0}
    timed(spent, "set_rows", DocumentPanel, "set_rows")
    timed(spent, "fit_columns", DocumentPanel, "fit_columns")
    for project in projects:
        phases = {"open": 0.0, "paint": 0.0, "switch": 0.0, "close": 0.0}
        before = dict(spent)
        for _ in range(rounds):
            t = time.process_time()
            w.open_project(project)
            settled(app, w)
            phases["open"] += time.process_time() - t
            ids = w.documents.shown_ids()
            t = time.process_time()
            for _ in range(PAINTS):  # the list's cells drawn (data() asked ~7 roles a cell)
                w.documents.table.viewport().repaint()
            phases["paint"] += (time.process_time() - t) / PAINTS
            t = time.process_time()
            w.open_document(ids[len(ids) // 2])
            settled(app, w)
            phases["switch"] += time.process_time() - t
            t = time.process_time()
            w.controller.close_project()
            settled(app, w)
            phases["close"] += time.process_time() - t
        per = {k: v / rounds * 1000 for k, v in phases.items()}
        fill = {k: (spent[k] - before[k]) / rounds * 1000 for k in spent}
        print(
            f"  {project.stem} ({len(ids):,} documents), CPU ms a round (mean of {rounds}): "
            + ", ".join(f"{k} {v:.1f}" for k, v in per.items())
            + f"; of which the list's set_rows {fill['set_rows']:.1f} (fit_columns {fill['fit_columns']:.1f})",
            flush=True,
        )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--many", type=int, default=10_000, help="documents of the generated project")
    ap.add_argument("--rounds", type=int, default=3, help="open/switch/close rounds per project in a run")
    ap.add_argument("--runs", type=int, default=1, help="runs per tree with --other (alternated)")
    ap.add_argument("--other", type=Path, help="another checkout measured alternately with this one")
    ap.add_argument("--projects", type=Path, nargs="*", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.projects:
        print(f"{TREE}:", flush=True)
        import ui  # noqa: F401 - checked: the tree measured is the one named

        one_run(a.projects, a.rounds)
        return
    from gui import build_many

    with tempfile.TemporaryDirectory() as tmp:
        seeds, many = Path(tmp) / "seeds.annotator", Path(tmp) / "many.annotator"
        build_seeds(seeds)
        build_many(many, a.many)
        trees = [a.other.resolve(), HERE] if a.other else [HERE]
        for r in range(a.runs):
            for tree in trees:
                with tempfile.TemporaryDirectory() as run_dir:  # a copy per run: what one writes never reaches another
                    copies = [Path(run_dir) / p.name for p in (seeds, many)]
                    for p, c in zip((seeds, many), copies):
                        c.write_bytes(p.read_bytes())
                    env = dict(os.environ, ANNOTATOR_TREE=str(tree))
                    cmd = [sys.executable, __file__, "--rounds", str(a.rounds), "--projects", *map(str, copies)]
                    print(f"run {r + 1}", end=" ", flush=True)
                    subprocess.run(cmd, env=env, check=True)


if __name__ == "__main__":
    main()
