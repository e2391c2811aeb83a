"""Benchmark of a document's open in the real main window (offscreen, 1366x768): the CPU (user+sys of this process)
from ``open_document`` until the side panels, the legend, the event editor and the documents list are filled and
painted, by phase. Prints figures, asserts nothing.

The project: the seeds (seeds/*.txt) pre-annotated (spaCy's en_core_web_sm and the rule suggester: spans and events
as a person gets them), and ``big.txt``, the seeds' texts one after another to about 1 MB with their spans and events
(~20,000 spans). Opened: a short seed first, then each of the two largest seeds and big.txt, ``--rounds`` times.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/panels_open.py [--rounds N] [--runs N] [--other TREE]
With ``--other TREE`` (another checkout, main say) each run is made in TREE then in this tree, alternating, so both
are measured in the same conditions (the project is built once, copied for each run).
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

BIG_CHARS = 1_000_000


def build(path: Path) -> None:
    """The seeds pre-annotated, and big.txt: their texts, spans and events repeated to ``BIG_CHARS``."""
    from annotator.importing import IncomingDocument, IncomingEntity, IncomingEvent, import_documents
    from annotator.preannotate import preannotate
    from annotator.store import Project

    with Project(path, annotator="bench") as p:
        docs = [IncomingDocument(f.read_text(encoding="utf-8"), f.name) for f in sorted((HERE / "seeds").glob("*.txt"))]
        import_documents(p, docs)
        preannotate(p)
        seeds = [(d, p.entities(d.id), p.events(d.id)) for d in map(p.document, p.document_ids())]
        parts: list[str] = []
        ents: list[IncomingEntity] = []
        evs: list[IncomingEvent] = []
        at, copy = 0, 0
        while at < BIG_CHARS:
            for d, d_ents, d_evs in seeds:
                for e in d_ents:
                    ents.append(IncomingEntity((copy, e.id), at + e.start, at + e.end, e.label, e.state, e.source))
                for v in d_evs:
                    evs.append(
                        IncomingEvent(
                            v.type,
                            at + v.trigger_start,
                            at + v.trigger_end,
                            arguments=[(a.role, (copy, a.entity_id)) for a in v.arguments],
                            state=v.state,
                            source=v.source,
                        )
                    )
                parts.append(d.text + "\n\n")
                at += len(d.text) + 2
                copy += 1
        import_documents(p, [IncomingDocument("".join(parts), "big.txt", entities=ents, events=evs)])


def timed(spent: dict[str, float], name: str, owner: object, attr: str) -> None:
    """``owner.attr`` wrapped so that its CPU time adds to ``spent[name]`` (an inner call of the same name is not
    counted twice)."""
    real = getattr(owner, attr)
    depth = [0]

    def wrapper(*a, **k):  # type: ignore[no-untyped-def]
        depth[0] += 1
        t = time.process_time()
        try:
            return real(*a, **k)
        finally:
            depth[0] -= 1
            if not depth[0]:
                spent[name] = spent.get(name, 0.0) + time.process_time() - t

    setattr(owner, attr, wrapper)


def settled(app, w) -> None:  # type: ignore[no-untyped-def]
    """Events processed until nothing the open queued is left: the panels after the text's paint, the documents
    list, the event panel's height, and the paints they asked for."""
    deadline = time.perf_counter() + 60
    app.processEvents()
    arrival = getattr(w, "rows_arrival", None)  # a long document's rows read after the text's paint (session 35)
    while time.perf_counter() < deadline and (
        w.after_view_paint.pending
        or (arrival is not None and (arrival.reading or w.controller.held.coming is not None))
        or w._docs_timer.isActive()
        or w._panel_timer.isActive()
        or w._height_timer.isActive()
    ):
        app.processEvents()
    app.processEvents()  # the paints the last fill asked for


def paints_of_open(app, w, before: int, doc_id: int) -> str:  # type: ignore[no-untyped-def]
    """One open of ``doc_id`` after ``before`` with every Paint event the window's widgets receive counted: the
    whole, the main window's own (a relayout of the window paints it again) and the Annotations dock's table's
    viewport (drawn again whole at a second paint). Counted apart from the timed opens (a Python filter on every
    event would be in their CPU)."""
    from PySide6.QtCore import QEvent, QObject

    counts: dict[str, int] = {}
    table = w.entities.table.viewport()

    class Counter(QObject):
        def eventFilter(self, obj, event):  # type: ignore[no-untyped-def]  # noqa: N802 (Qt name)
            if event.type() == QEvent.Type.Paint:
                counts["all"] = counts.get("all", 0) + 1
                if obj is w:
                    counts["window"] = counts.get("window", 0) + 1
                elif obj is table:
                    counts["entity table"] = counts.get("entity table", 0) + 1
            return False

    w.open_document(before)
    settled(app, w)
    counter = Counter()
    app.installEventFilter(counter)
    try:
        w.open_document(doc_id)
        settled(app, w)
    finally:
        app.removeEventFilter(counter)
    return ", ".join(f"{k} {counts.get(k, 0)}" for k in ("all", "window", "entity table"))


def one_run(project: Path, rounds: int) -> None:
    import annotator  # noqa: F401 - from TREE before bench/gui.py puts this checkout first on the path
    import ui  # noqa: F401
    from annotator import held
    from ui import document_view, highlighter
    from ui.main_window import MainWindow
    from ui.panels import documents, entities, event_editor, events, legend

    from PySide6.QtCore import QEvent, QObject

    from gui import shown_window  # bench/gui.py

    spent: dict[str, float] = {}
    timed(spent, "load_annotations", held.HeldDocument, "load_annotations")
    if hasattr(held.HeldDocument, "read_more"):  # the rows read after the text's paint, a page a pass (session 35)
        timed(spent, "rows after the paint", held.HeldDocument, "read_more")
    timed(spent, "view load", document_view.DocumentView, "load")
    timed(spent, "highlights", highlighter.SpanHighlighter, "_highlight_some")
    timed(spent, "panels", MainWindow, "_fill_panels")
    timed(spent, "  entity list", entities.EntityPanel, "set_entities")
    timed(spent, "  event list", events.EventPanel, "set_events")
    timed(spent, "  legend", legend.Legend, "set_counts")
    timed(spent, "  event editor", event_editor.EventEditor, "refresh")
    timed(spent, "documents list", MainWindow, "refresh_documents")
    timed(spent, "  set_rows", documents.DocumentPanel, "set_rows")

    app, w = shown_window((1366, 768))
    w.open_project(project)
    settled(app, w)
    project_open = w.controller.project
    names = {d.id: (d.name, len(d.text)) for d in map(project_open.document, project_open.document_ids())}
    by_size = sorted(names, key=lambda i: names[i][1])
    short, targets = by_size[0], [by_size[-3], by_size[-2], by_size[-1]]
    first_paint: list[float] = []  # CPU from the open to the text's first paint (the window blocked until then)

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # type: ignore[no-untyped-def]  # noqa: N802 (Qt name)
            if event.type() == QEvent.Type.Paint and not first_paint:
                first_paint.append(time.process_time())
            return False

    watch = FirstPaint()
    w.view.viewport().installEventFilter(watch)
    for doc_id in targets:
        totals: dict[str, float] = {}
        whole = painted = 0.0
        for _ in range(rounds):
            w.open_document(short)
            settled(app, w)
            spent.clear()
            first_paint.clear()
            t = time.process_time()
            w.open_document(doc_id)
            settled(app, w)
            whole += time.process_time() - t
            painted += (first_paint[0] if first_paint else time.process_time()) - t
            for k, v in spent.items():
                totals[k] = totals.get(k, 0.0) + v
        name, n = names[doc_id]
        c = w.controller
        shown = f"{len(c.held.entities):,} spans, {len(c.held.events):,} events"
        known = sum(v for k, v in totals.items() if not k.startswith(" "))
        said = ", ".join(f"{k.strip()} {v / rounds * 1000:.1f}" for k, v in totals.items())
        print(
            f"  {name} ({n:,} chars, {shown}), CPU ms an open (mean of {rounds}): whole {whole / rounds * 1000:.1f}, "
            f"to the text's first paint {painted / rounds * 1000:.1f} "
            f"[{said}; the rest (Qt's paints and layouts, the open's own) {(whole - known) / rounds * 1000:.1f}]",
            flush=True,
        )
        print(f"    paints of one open: {paints_of_open(app, w, short, doc_id)}", flush=True)
    w.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5, help="opens of each document in a run")
    ap.add_argument("--runs", type=int, default=1, help="runs per tree with --other (alternated)")
    ap.add_argument("--other", type=Path, help="another checkout measured alternately with this one")
    ap.add_argument("--project", type=Path, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.project:
        print(f"{TREE}:", flush=True)
        os.environ["ANNOTATOR_CONFIG_DIR"] = tempfile.mkdtemp(prefix="panels-open-")
        one_run(a.project, a.rounds)
        return
    with tempfile.TemporaryDirectory() as tmp:
        built = Path(tmp) / "seeds.annotator"
        t = time.process_time()
        build(built)
        print(f"project built ({time.process_time() - t:.1f} s CPU)", flush=True)
        trees = [a.other.resolve(), HERE] if a.other else [HERE]
        for r in range(a.runs):
            for tree in trees:
                with tempfile.TemporaryDirectory() as run_dir:  # a copy per run: what one writes never reaches another
                    copy = Path(run_dir) / built.name
                    copy.write_bytes(built.read_bytes())
                    env = dict(os.environ, ANNOTATOR_TREE=str(tree))
                    cmd = [sys.executable, __file__, "--rounds", str(a.rounds), "--project", str(copy)]
                    print(f"run {r + 1}", end=" ", flush=True)
                    subprocess.run(cmd, env=env, check=True)


if __name__ == "__main__":
    main()
