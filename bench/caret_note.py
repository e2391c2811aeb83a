"""What the status line's note of the span under the caret costs the GUI thread (ui/caret_note.py, session 30): prints
figures, asserts nothing.

On bench/gui.py's 100,000-word document with 8,000 entities, an event added a third into it and selected, the caret
moved by Right through the spans after it: the CPU of a caret key with the window's ``caret_moved`` listening and
without it, alternating (the same run, the same load); and of ``caret_span`` alone.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/caret_note.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="bench_caret_note_"))
    os.environ["ANNOTATOR_CONFIG_DIR"] = str(tmp)
    from cpu_timing import cpu_per_call
    from gui import build_project, settle, shown_window
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from annotator import edits
    from annotator.store import Project
    from ui.caret_note import caret_span

    path = tmp / "long.annotator"
    build_project(path)
    with Project(path, annotator="bench") as p:
        doc = p.document_ids()[0]
        text = p.document(doc).text
        at = text.index(" ", len(text) // 3) + 1
        end = text.index(" ", at)
        ev = edits.add_event(p, doc, "Conflict:Attack", at, end).result_id
    app, w = shown_window()
    w.open_project(path)
    settle(app, w)
    c, v = w.controller, w.view
    c.select_event(ev)
    v.show_cp(end + 1)
    app.processEvents()
    start = v.textCursor().position()

    def key() -> None:
        if v.textCursor().position() > start + 3000:  # back near the event, among the same spans
            cur = v.textCursor()
            cur.setPosition(start)
            v.setTextCursor(cur)
        QTest.keyClick(v, Qt.Key.Key_Right)
        app.processEvents()

    state = [True]

    def listening(on: bool) -> None:
        if on != state[0]:
            (v.cursorPositionChanged.connect if on else v.cursorPositionChanged.disconnect)(w.caret_moved)
            state[0] = on

    figures: dict[str, list[float]] = {}
    for rnd in range(4):  # alternating, so that a change of the machine's load falls on both
        for on in (False, True) if rnd % 2 == 0 else (True, False):
            listening(on)
            figures.setdefault(f"caret key {'with' if on else 'without'} the note", []).append(
                cpu_per_call(key, tries=200, repeats=3)
            )
    listening(True)
    assert c.current_event == ev
    for name, values in figures.items():
        print(f"{name:32} {min(values) * 1e6:8.1f} µs CPU (best of {len(values)} rounds x 3 x 200)")
    alone = cpu_per_call(lambda: caret_span(c, v), tries=500, repeats=5)
    print(f"caret_span alone ({len(c.entities):,} spans)  {alone * 1e6:8.1f} µs CPU")
    w.controller.close_project()


if __name__ == "__main__":
    main()
