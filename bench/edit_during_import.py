"""The app's edits while another program imports a large file: a key (an added comment) every 0.2 s through the app's
controller, while ``annotator import`` of a JSONL of 40,000 documents (about 11 MB) runs in another process on the
same project, and 5 keys more after it ended. Prints how many keys reached the file (in order), the longest call of
a key, the event loop's longest pause, the edits refused, and how many were kept at once and for how long.

Give it the code to measure (a checkout: compare one before session 12 with this one) and a work folder; prints
figures, asserts nothing. Run:
QT_QPA_PLATFORM=offscreen .venv/bin/python bench/edit_during_import.py CHECKOUT WORK_FOLDER
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from pathlib import Path

import orjson


def make_corpus(path: Path) -> None:
    rng = random.Random(1)
    words = "the minister said that troops attacked the city of Paris on Monday while talks went on".split()
    with path.open("w") as fh:
        for i in range(40000):
            text = f"Doc {i}. " + " ".join(rng.choice(words) for _ in range(40))
            fh.write(orjson.dumps({"name": f"d{i}", "text": text}).decode() + "\n")


def main() -> None:
    code, folder = sys.argv[1], Path(sys.argv[2])
    sys.path.insert(0, code)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from ui import commands as cmd
    from ui.controller import Controller

    folder.mkdir(exist_ok=True)
    proj = folder / "p.annotator"
    for f in folder.glob("p.annotator*"):
        f.unlink()
    with Project(proj, annotator="setup") as p:
        import_documents(p, [IncomingDocument("Maria Lopez met officials in Paris.", "a.txt")])
    corpus = folder / "big.jsonl"
    if not corpus.exists():
        make_corpus(corpus)
    app = QApplication([])
    c = Controller()
    c.open_project(proj, "app")
    refused: list[str] = []
    c.failed.connect(refused.append)
    env = {**os.environ, "PYTHONPATH": code}
    imp = subprocess.Popen(
        [sys.executable, "-m", "annotator", "import", str(proj), str(corpus)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    start = time.monotonic()
    s: dict = {"n": 0, "last": start, "stall": 0.0, "done_at": None, "call": 0.0, "max_kept": 0, "since": None}
    s.update(longest_kept=0.0, after=0)

    def waiting() -> int:
        return getattr(c, "edits_waiting", lambda: 0)()  # the code before session 12 kept none

    def tick() -> None:
        now = time.monotonic()
        s["stall"] = max(s["stall"], now - s["last"])
        s["last"] = now
        ended = imp.poll() is not None
        if ended and s["done_at"] is None:
            s["done_at"] = now
        kept = waiting()
        s["max_kept"] = max(s["max_kept"], kept)
        if kept and s["since"] is None:
            s["since"] = now
        if not kept and s["since"] is not None:
            s["longest_kept"] = max(s["longest_kept"], now - s["since"])
            s["since"] = None
        if not ended or s["after"] < 5:
            s["after"] += ended
            t0 = time.monotonic()
            c.run(cmd.AddComment, 1, f"key {s['n']}")
            s["call"] = max(s["call"], time.monotonic() - t0)
            s["n"] += 1
        elif not kept:
            app.quit()

    timer = QTimer()
    timer.setInterval(200)
    timer.timeout.connect(tick)
    timer.start()
    app.exec()
    out, err = imp.communicate()
    with Project(proj, create=False) as p:
        stored = [x.text for x in p.comments(1)]
    c.close_project()
    took = (s["done_at"] or time.monotonic()) - start
    print(
        f"{code}: import {(out + err).decode().strip().splitlines()[-1:]} in {took:.1f} s; {s['n']} keys, "
        f"{len(stored)} in the file, in order: {stored == [f'key {k}' for k in range(len(stored))]}; longest call of "
        f"a key {s['call']:.2f} s, the event loop's longest pause {s['stall']:.2f} s; refused {len(refused)} "
        f"{refused[:1]}; most kept at once {s['max_kept']}, longest kept {s['longest_kept']:.1f} s"
    )


if __name__ == "__main__":
    main()
