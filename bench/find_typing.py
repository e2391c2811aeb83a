"""Find's bar on a long document, a letter typed at a time: prints figures, asserts nothing.

bench/gui.py's document (100,000 words, 8,000 entities; ``--words`` for more) opened in the main window, Ctrl+F, then
words typed into the bar one key at a time; each key timed until its events are processed (the count the bar says, its
paint), the median and the slowest key of each word, over ``--runs`` runs, and Enter's (the match selected, "k of n").
``--root DIR`` runs DIR's code (another worktree's: main's for the figures before a change, in the same run).

    QT_QPA_PLATFORM=offscreen python bench/find_typing.py [--words N] [--runs N] [--root DIR]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORDS_TYPED = ("government", "minister", "zzz")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--root", default=str(HERE.parent))
    args = ap.parse_args()
    sys.path.insert(0, str(HERE))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import gui  # bench/gui.py: the document, the window (it puts this tree first on the path: --root goes before it)

    sys.path.insert(0, args.root)

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    gui.WORDS = args.words
    tmp = Path(tempfile.mkdtemp(prefix="find-typing-"))
    os.environ["ANNOTATOR_CONFIG_DIR"] = str(tmp)
    path = tmp / "long.annotator"
    gui.build_project(path)
    app, w = gui.shown_window((1366, 768))
    w.open_project(path)
    gui.settle(app, w)
    import ui.panels.find_bar as code

    print(f"code: {Path(code.__file__).parents[2]}; document: {len(w.controller.doc.text):,} characters")
    bar = w.find_bar
    keys: dict[str, list[float]] = {words: [] for words in WORDS_TYPED}
    enter: dict[str, list[float]] = {words: [] for words in WORDS_TYPED}
    said: dict[str, str] = {}
    for _ in range(args.runs):
        for words in WORDS_TYPED:
            w.view.setFocus()
            QTest.keyClick(w.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
            bar.edit.clear()
            app.processEvents()
            for ch in words:
                t = time.perf_counter()
                QTest.keyClick(bar.edit, ch)
                app.processEvents()
                keys[words].append(time.perf_counter() - t)
            said[words] = bar.info.text()
            t = time.perf_counter()
            QTest.keyClick(bar.edit, Qt.Key.Key_Return)
            app.processEvents()
            enter[words].append(time.perf_counter() - t)
    for words in WORDS_TYPED:
        k = keys[words]
        print(
            f"{words!r}: a key {statistics.median(k) * 1000:.1f} ms median, {max(k) * 1000:.1f} ms slowest "
            f"({len(k)} keys; the bar said {said[words]!r} before Enter); Enter "
            f"{statistics.median(enter[words]) * 1000:.1f} ms median"
        )


if __name__ == "__main__":
    main()
