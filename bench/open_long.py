"""Benchmark: how long the main window is blocked when a long document with many suggestions opens.

Opens PROJECT in the real main window (offscreen), a short document first, then each long one (the largest
documents), and prints the wall time from the switch until the side panels are filled (the window is blocked all
that time), with its parts: the held document's read (the entities' rows, the events' rows, the tallies) and the
side panels' fill. Prints figures, asserts nothing.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/open_long.py PROJECT [--rounds N] [--other TREE]
With ``--other TREE`` (another checkout, main say) each round runs this script in TREE then in this tree,
alternating, so both are measured in the same conditions.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
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


def timed(parts: dict[str, float], name: str, owner: object, attr: str) -> None:
    """Wrap ``owner.attr`` so that its wall time adds up in ``parts[name]``."""
    inner = getattr(owner, attr)

    def wrapper(*a, **k):  # type: ignore[no-untyped-def]
        t = time.perf_counter()
        try:
            return inner(*a, **k)
        finally:
            parts[name] = parts.get(name, 0.0) + time.perf_counter() - t

    setattr(owner, attr, wrapper)


def one_run(project: Path, docs: int) -> None:
    from gui import settle, shown_window

    sys.path.insert(0, str(TREE))  # (gui puts this tree first)
    from annotator import held, offsets, store
    from ui import document_view, highlighter
    from ui.main_window import MainWindow
    from ui.panels import entities, events

    parts: dict[str, float] = {}
    timed(parts, "load_annotations", held.HeldDocument, "load_annotations")
    timed(parts, "  entity rows", store.Project, "entities")
    timed(parts, "  event rows", store.Project, "events")
    timed(parts, "  tallies", held.HeldDocument, "_tally")
    timed(parts, "  utf16 map", offsets.Utf16Map, "__init__")
    timed(parts, "view load", document_view.DocumentView, "load")
    timed(parts, "highlights", highlighter.SpanHighlighter, "_highlight_some")
    timed(parts, "panels", MainWindow, "_fill_panels")
    timed(parts, "  entity list", entities.EntityPanel, "set_entities")
    timed(parts, "  event list", events.EventPanel, "set_events")

    con = sqlite3.connect(project)
    rows = con.execute("SELECT id, name, length(text) FROM documents ORDER BY length(text) DESC").fetchall()
    con.close()
    longs, short = rows[:docs], rows[len(rows) // 2]
    os.environ["ANNOTATOR_CONFIG_DIR"] = tempfile.mkdtemp(prefix="open-long-")
    app, w = shown_window((1366, 768))
    w.open_project(project)
    settle(app, w)
    for doc_id, name, n in longs:
        w.open_document(short[0])
        settle(app, w)
        parts.clear()
        t = time.perf_counter()
        w.open_document(doc_id)
        settle(app, w)
        blocked = time.perf_counter() - t
        c = w.controller
        shown = f"{len(c.held.entities):,} spans, {len(c.held.events):,} events"
        said = ", ".join(f"{k.strip()} {v:.3f}" for k, v in parts.items())
        print(f"  {name} ({n:,} chars, {shown}): blocked {blocked:.2f} s [{said}]", flush=True)
    w.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("project", type=Path)
    ap.add_argument("--docs", type=int, default=2, help="how many of the longest documents to open")
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--other", type=Path, help="another checkout measured alternately with this one")
    ap.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.one or a.other is None:
        print(f"{TREE}:", flush=True)
        one_run(a.project, a.docs)
        return
    for r in range(a.rounds):
        for tree in (a.other.resolve(), HERE):
            # a copy per run: what one run writes (its place, its settings) never reaches the other's
            with tempfile.TemporaryDirectory() as tmp:
                copy = Path(tmp) / a.project.name
                copy.write_bytes(a.project.read_bytes())
                env = dict(os.environ, ANNOTATOR_TREE=str(tree))
                cmd = [sys.executable, __file__, str(copy), "--docs", str(a.docs), "--one"]
                print(f"round {r + 1}", end=" ", flush=True)
                subprocess.run(cmd, env=env, check=True)


if __name__ == "__main__":
    main()
