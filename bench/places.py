"""What keeping the place of each document costs the GUI thread (ui/places.py): prints figures, asserts nothing.

On bench/gui.py's 100,000-word document with 8,000 entities, in one window, alternating with and without the memory
listening (the same run, the same load): the CPU of a caret key (Right: the view's move and every listener of it),
and of a page scrolled by the bar; the CPU of one write (the place noted, the value set, the preferences file synced)
with the file holding PROJECTS other projects' places of KEPT documents each; the CPU of showing a kept place at the
open (show_place, two thirds into the text) and of a resize that keeps the first line's words.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/places.py
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

PROJECTS = 200  # other projects in the preferences file, each with KEPT places


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="bench_places_"))
    os.environ["ANNOTATOR_CONFIG_DIR"] = str(tmp)
    from cpu_timing import cpu_per_call
    from gui import build_project, settle, shown_window
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from ui.places import KEPT, Place, write_places

    path = tmp / "long.annotator"
    build_project(path)
    app, w = shown_window()
    w.open_project(path)
    settle(app, w)
    v, places = w.view, w.places
    n = len(w.controller.doc.text)
    v.show_cp(n // 3)
    bar = v.verticalScrollBar()

    def key() -> None:
        QTest.keyClick(v, Qt.Key.Key_Right)
        app.processEvents()

    def page() -> None:
        bar.setValue(bar.value() + 1 if bar.value() < bar.maximum() - 40 else 0)
        app.processEvents()

    state = [True]

    def listening(on: bool) -> None:
        if on != state[0]:
            for signal in (v.cursorPositionChanged, bar.valueChanged):
                (signal.connect if on else signal.disconnect)(places._moved)
            state[0] = on

    figures: dict[str, list[float]] = {}
    for rnd in range(4):  # alternating, so that a change of the machine's load falls on both
        for on in (False, True) if rnd % 2 == 0 else (True, False):
            listening(on)
            for name, fn in (("caret key", key), ("bar scrolled a line", page)):
                figures.setdefault(f"{name} {'with' if on else 'without'}", []).append(
                    cpu_per_call(fn, tries=200, repeats=3)
                )
            places.timer.stop()
    listening(True)
    for name, values in figures.items():
        print(f"{name:32} {min(values) * 1e6:8.1f} µs CPU (best of {len(values)} rounds x 3 x 200)")

    moved = cpu_per_call(places._moved, tries=2000, repeats=5)
    print(f"the listener alone (timer restart) {moved * 1e6:8.2f} µs CPU a move")
    alone = cpu_per_call(places.write, tries=20, repeats=5)
    print(f"one write, this project alone    {alone * 1e3:8.3f} ms CPU")
    for k in range(PROJECTS):
        w.settings.q.setValue(f"places/{tmp}/other{k}.annotator", write_places({d: Place(d, d) for d in range(KEPT)}))
    w.settings.q.sync()
    write = cpu_per_call(places.write, tries=20, repeats=5)
    size = (tmp / "annotator-gui.ini").stat().st_size
    print(f"one write, {PROJECTS} projects' places  {write * 1e3:8.3f} ms CPU (preferences file {size / 1024:.0f} KB)")

    kept = Place(2 * n // 3, 2 * n // 3)
    shown = cpu_per_call(lambda: (v.show_place(kept), app.processEvents()), tries=5, repeats=3)
    jumped = cpu_per_call(lambda: (v.show_cp(kept.caret), app.processEvents()), tries=5, repeats=3)
    print(
        f"show_place at 2/3 of the text    {shown * 1e3:8.3f} ms CPU (show_cp there, as main's open: {jumped * 1e3:.3f})"
    )

    from PySide6.QtWidgets import QPlainTextEdit

    from ui.document_view import DocumentView

    widths = [w.width() - 200, w.width()]

    def resize() -> None:
        w.resize(widths[0], w.height())
        widths.reverse()
        app.processEvents()

    own = DocumentView.resizeEvent
    for rnd in range(2):
        for mine in (False, True) if rnd == 0 else (True, False):
            DocumentView.resizeEvent = own if mine else QPlainTextEdit.resizeEvent  # type: ignore[method-assign]
            took = cpu_per_call(resize, tries=4, repeats=3)
            print(
                f"window resized by 200 px, {'the first line kept' if mine else 'Qt alone':20} {took * 1e3:8.3f} ms CPU"
            )
    DocumentView.resizeEvent = own  # type: ignore[method-assign]
    w.controller.close_project()


if __name__ == "__main__":
    main()
