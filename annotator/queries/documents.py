"""Reads of the documents' metadata (JSON text as stored): what merge records there about each annotator's file."""

from __future__ import annotations

import sqlite3


class DocumentReads:
    conn: sqlite3.Connection

    def document_metas(self, containing: str | None = None) -> list[tuple[int, str | None]]:
        """(document id, its metadata as stored) of every document, in order; with ``containing``, only those whose
        metadata holds that text (a key looked for: a cheap filter before the JSON is read)."""
        if containing is None:
            return self.conn.execute("SELECT id, meta FROM documents ORDER BY id").fetchall()
        return self.conn.execute(
            "SELECT id, meta FROM documents WHERE meta LIKE ? ORDER BY id", (f"%{containing}%",)
        ).fetchall()

    def document_meta(self, doc_id: int) -> str | None:
        """A document's metadata as stored (JSON text, or None), None too when there is no such document."""
        r = self.conn.execute("SELECT meta FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return r[0] if r is not None else None
