"""The documents' rows and what hangs on them alone (tokens, comments): look-ups by name and digest, metadata (JSON
text as stored: what merge records there about each annotator's file), texts, and the inserts an import, a
merge and pre-annotation make."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any


class DocumentRows:
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

    def set_document_meta(self, doc_id: int, meta: str) -> None:
        """Set a document's metadata (JSON text) in the open transaction."""
        self.conn.execute("UPDATE documents SET meta = ? WHERE id = ?", (meta, doc_id))

    def mark_bom(self, doc_id: int) -> bool:
        """Record, in the open transaction, that the file a stored document came from began with a byte order mark
        (an import of its text that says so); True when it had none recorded."""
        return self.conn.execute("UPDATE documents SET bom = 1 WHERE id = ? AND bom = 0", (doc_id,)).rowcount == 1

    def texts_of(self, doc_ids: Sequence[int]) -> dict[int, str]:
        """Document id -> its stored text, for ``doc_ids`` (at most a few hundred: one read)."""
        return dict(
            self.conn.execute(
                f"SELECT id, text FROM documents WHERE id IN ({','.join('?' * len(doc_ids))})", list(doc_ids)
            ).fetchall()
        )

    def longest_names(self, most: int) -> list[str]:
        """The ``most`` longest document names (in characters), longest first: what a list sized to its names
        measures (one pass over the names, none of the counts the list's rows add)."""
        return [
            r[0] for r in self.conn.execute("SELECT name FROM documents ORDER BY length(name) DESC LIMIT ?", (most,))
        ]

    def has_document_named(self, name: str) -> bool:
        return self.conn.execute("SELECT 1 FROM documents WHERE name = ? LIMIT 1", (name,)).fetchone() is not None

    def ids_of_digests(self, digests: Iterable[str]) -> dict[str, int]:
        """sha256 -> id of the stored documents whose text has one of ``digests``."""
        return self._documents_where("sha256", "id", digests)

    def names_taken(self, names: Iterable[str]) -> set[str]:
        """Those of ``names`` that a stored document has."""
        return set(self._documents_where("name", "name", names))

    def _documents_where(self, column: str, value: str, keys: Iterable[str]) -> dict[str, Any]:
        """``column`` -> ``value`` of the stored documents whose ``column`` (an indexed one) is one of ``keys``,
        looked up 500 at a time."""
        out: dict[str, Any] = {}
        unique = list(dict.fromkeys(keys))
        for k in range(0, len(unique), 500):
            part = unique[k : k + 500]
            marks = ", ".join("?" * len(part))
            out.update(self.conn.execute(f"SELECT {column}, {value} FROM documents WHERE {column} IN ({marks})", part))
        return out

    # -- writes, in the open transaction ---------------------------------------------------------------
    def insert_document(
        self,
        name: str,
        text: str,
        sha256: str,
        status: str,
        meta: str | None,
        bom: int,
        source_path: str | None,
        at: str,
    ) -> int:
        """A new document (``meta`` as JSON text), imported and updated ``at``; its id."""
        cur = self.conn.execute(
            "INSERT INTO documents (name, text, sha256, status, meta, bom, source_path, imported_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (name, text, sha256, status, meta, bom, source_path, at, at),
        )
        return int(cur.lastrowid)

    def has_tokens(self, doc_id: int) -> bool:
        return self.conn.execute("SELECT 1 FROM tokens WHERE document_id = ?", (doc_id,)).fetchone() is not None

    def insert_tokens(
        self,
        doc_id: int,
        pipeline: str,
        starts: str,
        ends: str,
        sentence_starts: str,
        *,
        replace: bool = False,
        noun_heads: str | None = None,
        heads_version: int | None = None,
    ) -> None:
        """Store a document's tokens (offsets as JSON lists) as ``pipeline`` cut them, with the parse's noun heads
        (JSON [[start, end], ...], None: not parsed) and the version of the rules that found them (None: not known);
        ``replace``: over those it has."""
        self.conn.execute(
            f"INSERT {'OR REPLACE ' if replace else ''}INTO tokens (document_id, pipeline, starts, ends, "
            "sentence_starts, noun_heads, heads_version) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (doc_id, pipeline, starts, ends, sentence_starts, noun_heads, heads_version if noun_heads else None),
        )

    def older_heads(self, version: int, finished: tuple[str, ...]) -> int:
        """How many documents not ``finished`` keep noun heads stored by rules older than ``version`` (or unknown)."""
        placeholders = ", ".join("?" * len(finished))
        return int(
            self.conn.execute(
                "SELECT count(*) FROM tokens t JOIN documents d ON d.id = t.document_id WHERE t.noun_heads IS NOT NULL "
                f"AND coalesce(t.heads_version, 0) < ? AND d.status NOT IN ({placeholders})",
                (version, *finished),
            ).fetchone()[0]
        )

    def comment_texts(self, doc_id: int) -> list[tuple[str | None, str, str | None]]:
        """(author, text, created at) of a document's comments, in order."""
        return self.conn.execute(
            "SELECT author, text, created_at FROM comments WHERE document_id = ? ORDER BY id", (doc_id,)
        ).fetchall()

    def insert_comments(self, rows: Iterable[tuple[int, str | None, str, str | None]]) -> None:
        """Store comments, each (document id, author, text, created at)."""
        self.conn.executemany("INSERT INTO comments (document_id, author, text, created_at) VALUES (?, ?, ?, ?)", rows)
