"""Benchmark of the label legend's share of opening a document and of a decision: prints figures, asserts nothing.

A project of 12 news-sized documents (~600 words, 40 spans of the default schema's labels, half suggested). Each
document opened in turn (three rounds) and, on the last, every suggested span accepted (no label's count changes)
then every accepted one rejected (one count each): CPU per open and per decision, how often the legend set anything
and laid itself out again. The limit, in the same run: the same opens and decisions with the legend's ``set_counts``
a no-op (what the window costs without a legend: the most the legend can give back).
Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/legend.py
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from gui import settle, shown_window  # noqa: E402  (bench/gui.py: the window as a user's, its panels built)

DOCUMENTS = 12
WORDS = 600
SPANS = 40
ROUNDS = 3


def build_project(path: Path, labels: list[str]) -> None:
    from annotator.importing import import_documents
    from annotator.incoming import IncomingDocument, IncomingEntity
    from annotator.store import Project

    rnd = random.Random(21)
    vocab = "the of and to in said on for with officials city minister forces talks company police court".split()
    docs = []
    for d in range(DOCUMENTS):
        words = [rnd.choice(vocab).capitalize() if i % 4 == 0 else rnd.choice(vocab) for i in range(WORDS)]
        starts, pos = [], 0
        for w in words:
            starts.append((pos, pos + len(w)))
            pos += len(w) + 1
        used = labels[: 3 + d % (len(labels) - 3)]  # the documents use different labels (and so counts)
        ents = [
            IncomingEntity(k, *starts[k * (WORDS // SPANS)], used[k % len(used)], "suggested" if k % 2 else "accepted")
            for k in range(SPANS)
        ]
        docs.append(IncomingDocument(" ".join(words), f"doc{d:02}.txt", entities=ents))
    with Project(path, annotator="bench") as p:
        import_documents(p, docs)


def run(app, w, path: Path) -> tuple[float, float, int, int]:  # type: ignore[no-untyped-def]
    """CPU seconds per open and per decision; the legend's ``set_counts`` calls and its layouts asked."""
    from ui import commands as cmd

    c = w.controller
    w.open_project(path)
    settle(app, w)
    asked = [0]
    w.legend.entriesChanged.connect(lambda: asked.__setitem__(0, asked[0] + 1))
    ids = c.project.document_ids()
    opens = 0
    t0 = time.process_time()
    for _ in range(ROUNDS):
        for d in ids:
            c.open_document(d)
            settle(app, w)
            opens += 1
    per_open = (time.process_time() - t0) / opens
    decisions = 0
    t0 = time.process_time()
    for state, command in (("suggested", cmd.AcceptEntity), ("accepted", cmd.RejectEntity)):
        for e in sorted((e for e in c.entities.values() if e.state == state), key=lambda e: e.start):
            c.run(command, e.id)
            app.processEvents()
            while w._panel_timer.isActive():
                app.processEvents()
            decisions += 1
    per_decision = (time.process_time() - t0) / max(1, decisions)
    return per_open, per_decision, opens + decisions, asked[0]


def main() -> None:
    from annotator.schema import default_schema
    from ui.panels.legend import Legend

    labels = [lab.name for lab in default_schema().entities]
    tmp = Path(tempfile.mkdtemp(prefix="legend-bench-"))
    app, w = shown_window((1366, 768))
    counted = {"calls": 0}
    real = Legend.set_counts

    def counting(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        counted["calls"] += 1
        return real(self, *args, **kwargs)

    Legend.set_counts = counting  # type: ignore[method-assign]
    figures = {}
    for name, patch in (("legend", counting), ("limit", lambda self, *a, **k: None), ("legend again", counting)):
        Legend.set_counts = patch  # type: ignore[method-assign]
        path = tmp / f"{name.replace(' ', '_')}.annotator"
        build_project(path, labels)
        counted["calls"] = 0
        figures[name] = (*run(app, w, path), counted["calls"])
        w.controller.close_project()
        settle(app, w)
    Legend.set_counts = real  # type: ignore[method-assign]
    load = os.getloadavg()[0]
    for name, (per_open, per_decision, steps, asked, calls) in figures.items():
        extra = f", set_counts {calls} calls, {asked} layouts asked for {steps} opens and decisions" if calls else ""
        print(f"{name:>12}: open {per_open * 1000:.2f} ms CPU, decision {per_decision * 1000:.2f} ms CPU{extra}")
    print(f"load (1 min) {load:.1f}")
    w.close()


if __name__ == "__main__":
    main()
