"""The app's edits, kept while another program holds the write lock, in a process the test SIGKILLs.

``python kept_worker.py PROJECT LOG N [TAKE_BACK [PREFIX]] [--stop-at-all]``: the app's controller (``ui.controller.Controller``, its
commands and write queue; no window) opens PROJECT and makes N edits (comments, and every third a new ORG span on
word ``w<i>``); after each returns it writes one fsynced line to LOG (``{"kept": i}``: a claim the person saw it
made); at edit TAKE_BACK it takes the newest kept edit back (Ctrl+Z: ``{"taken_back": i}``). With PREFIX (a run
after another's kill) the comments are ``<PREFIX><i>`` and no span is added. Then it runs the event
loop: the retry timer writes the kept edits once the lock is free, until the test kills it. With ``--stop-at-all`` it
stops itself (SIGSTOP) after the ``all`` line instead, its event loop never run: no poll writes its log into the file
(the first poll after a pause in editing, 1.5-3 s on), however long the test takes to act on the line (session 42).
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import orjson

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def word(i: int) -> tuple[int, int]:
    """Where ``w<i>`` is in the text the test makes (``kept_text``)."""
    return i * 4, i * 4 + 3


def kept_text(n: int) -> str:
    return " ".join(f"w{i:02d}" for i in range(n)) + "."


def main(argv: list[str]) -> int:
    from PySide6.QtGui import QGuiApplication

    from ui import commands
    from ui.controller import Controller

    stop_at_all = "--stop-at-all" in argv
    argv = [a for a in argv if a != "--stop-at-all"]
    project, log_path, n = Path(argv[0]), Path(argv[1]), int(argv[2])
    take_back = int(argv[3]) if len(argv) > 3 else -1
    prefix = argv[4] if len(argv) > 4 else ""
    app = QGuiApplication([])
    c = Controller()
    c.open_project(project, "ann")
    assert c.doc is not None
    doc = c.doc.id
    log = open(log_path, "ab")

    def say(line: dict) -> None:
        log.write(orjson.dumps(line) + b"\n")
        log.flush()
        os.fsync(log.fileno())

    for i in range(n):
        if i % 3 == 2 and not prefix:
            c.run(commands.AddEntity, doc, *word(i), "ORG")
        else:
            c.run(commands.AddComment, doc, f"{prefix or 'k'}{i}")
        say({"kept": i, "waiting": c.edits_waiting()})
        if i == take_back:
            c.take_back_kept()
            say({"taken_back": i})
    say({"all": n})
    if stop_at_all:
        os.kill(os.getpid(), signal.SIGSTOP)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
