"""Benchmark: how long the main window is blocked when the open document's suggestions arrive from another program
(``annotator preannotate`` writing them while the document is open in the app: the poll that brings them).

Copies PROJECT, takes document DOC's entities, events and arguments out of the copy, opens DOC in the real main
window (offscreen), puts the rows back from PROJECT through another connection, and prints the wall and CPU time
of the poll until the window is idle again, then of a poll with nothing new. Prints figures, asserts nothing.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/suggestions_arrive.py PROJECT DOC
(``TREE=/path/to/other/checkout`` measures that checkout's app instead, in the same conditions.)
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
TREE = Path(os.environ.get("TREE", HERE))
sys.path.insert(0, str(TREE))
sys.path.insert(1, str(HERE / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    src, doc = Path(sys.argv[1]), int(sys.argv[2])
    os.environ["ANNOTATOR_CONFIG_DIR"] = tempfile.mkdtemp(prefix="arrive-")
    work = Path(tempfile.mkdtemp()) / "p.annotator"
    shutil.copyfile(src, work)
    con = sqlite3.connect(work)
    con.execute("DELETE FROM arguments WHERE event_id IN (SELECT id FROM events WHERE document_id = ?)", (doc,))
    con.execute("DELETE FROM events WHERE document_id = ?", (doc,))
    con.execute("DELETE FROM entities WHERE document_id = ?", (doc,))
    con.commit()
    con.close()
    from gui import settle, shown_window

    sys.path.insert(0, str(TREE))  # (gui puts this tree first)
    from ui import main_window

    assert Path(main_window.__file__).is_relative_to(TREE), main_window.__file__
    app, w = shown_window((1366, 768))
    w.open_project(work)
    settle(app, w)
    w.open_document(doc)
    settle(app, w)
    con = sqlite3.connect(work)
    con.execute("ATTACH ? AS a", (str(src),))
    con.execute("INSERT INTO entities SELECT * FROM a.entities WHERE document_id = ?", (doc,))
    con.execute("INSERT INTO events SELECT * FROM a.events WHERE document_id = ?", (doc,))
    con.execute(
        "INSERT INTO arguments SELECT * FROM a.arguments WHERE event_id IN "
        "(SELECT id FROM a.events WHERE document_id = ?)",
        (doc,),
    )
    con.commit()
    con.close()
    t, c0 = time.perf_counter(), time.process_time()
    w.controller.check_outside_changes()
    settle(app, w)
    held = w.controller.held
    print(
        f"{TREE.name}: the poll after {len(held.entities):,} spans and {len(held.events):,} events arrived: "
        f"{time.perf_counter() - t:.2f} s wall, {time.process_time() - c0:.2f} s CPU "
        f"(lists: {w.entities.model.rowCount():,} and {w.events.model.rowCount():,} rows)",
        flush=True,
    )
    t = time.perf_counter()
    w.controller.reload()
    settle(app, w)
    print(f"  a poll with nothing new: {time.perf_counter() - t:.2f} s wall", flush=True)
    w.close()


if __name__ == "__main__":
    main()
