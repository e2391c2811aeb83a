"""SQLite's locks on an open project survive another open of the same file in the process (a worker's).

POSIX record locks belong to the process and are all dropped when ANY descriptor of the file is closed. Opening a
project read its first bytes with a plain ``open()``: every import, export or pre-annotation worker of the app did,
and the app's own connection lost its lock. Another process closing the file then took itself for its last user
(``sqlite3`` in a terminal, ``annotator stats``), checkpointed and deleted the ``-wal`` and ``-shm`` under the app:
its next read said "disk I/O error" or "file is not a database" (session-5 qa pass, seen after a Label Studio
import)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from annotator.importing import IncomingDocument, import_documents
from annotator.store import Project

OTHER_PROCESS = (
    "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('SELECT count(*) FROM documents'); c.close()"
)


def test_a_second_open_in_the_process_leaves_the_first_ones_locks(tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    app = Project(path, annotator="app")
    import_documents(app, [IncomingDocument("Maria met John in Paris.", "a.txt")])
    worker = Project(path, annotator="worker", create=False)  # as an import worker opens it, in the same process
    import_documents(worker, [IncomingDocument("Acme fired 200 workers.", "b.txt")])
    worker.close()
    subprocess.run([sys.executable, "-c", OTHER_PROCESS, str(path)], check=True)  # another program reads, closes
    assert Path(f"{path}-wal").exists()  # not taken for the last user: the log stays
    assert len(app.document_ids()) == 2  # and the app's connection reads on
    import_documents(app, [IncomingDocument("A third text.", "c.txt")])
    app.close()
    again = Project(path, create=False)
    assert len(again.document_ids()) == 3
    again.close()
