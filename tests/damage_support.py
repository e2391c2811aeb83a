"""A project whose stored text is damaged on disk, shared by the reliability and GUI tests (imported by name)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

MARK = "Quentin Zylberstein"


def project_with_damaged_text(path: Path, texts: list[str]) -> Path:
    """A project at ``path`` holding ``texts`` (one document each), the first text holding ``MARK`` with two of its
    bytes overwritten by ones that are not UTF-8: the record's lengths and the pages as they were, so the file's
    structure is whole (``PRAGMA quick_check`` passes) and only reading that text finds the damage."""
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project

    with Project(path, annotator="t") as p:
        import_documents(p, [IncomingDocument(t, f"{k}.txt") for k, t in enumerate(texts)])
    with Project(path, create=False) as p:
        p.write_log_into_file()
    data = bytearray(path.read_bytes())
    at = data.index(MARK.encode())
    data[at : at + 2] = b"\xff\xfe"
    path.write_bytes(bytes(data))
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"  # the structure is whole
    conn.close()
    return path
