"""The change log's rows: what an edit, an import or a merge did, one row a step."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable


class ChangeLogRows:
    conn: sqlite3.Connection

    def log_changes(self, rows: Iterable[tuple[str, str | None, int | None, str, str]]) -> None:
        """Add rows to the change log in the open transaction, each (at, annotator, document id, action, rows as
        JSON text)."""
        self.conn.executemany(
            "INSERT INTO change_log (at, annotator, document_id, action, rows) VALUES (?, ?, ?, ?, ?)", rows
        )

    def change_log_keys(self) -> list[tuple[int, str, str | None, int | None, str]]:
        """(id, at, annotator, document id, action) of every change-log row, in order: what a file's history sums up."""
        return self.conn.execute("SELECT id, at, annotator, document_id, action FROM change_log ORDER BY id").fetchall()

    def logged_rows(self, doc_id: int) -> list[str]:
        """The ``rows`` (JSON text) of a document's change-log rows, in order."""
        return [
            r[0] for r in self.conn.execute("SELECT rows FROM change_log WHERE document_id = ? ORDER BY id", (doc_id,))
        ]

    def last_change_id(self) -> int:
        """The id of the change log's last row (0 when it has none): where a reader of later rows starts."""
        return self.conn.execute("SELECT coalesce(max(id), 0) FROM change_log").fetchone()[0]

    def merge_rows_after(self, change_id: int) -> list[tuple[int, int | None, str | None, str]]:
        """(id, document id, annotator, rows as JSON text) of each merge's row after ``change_id``, in order
        (``merge_copy`` logs one a document it brings)."""
        return self.conn.execute(
            "SELECT id, document_id, annotator, rows FROM change_log WHERE id > ? AND action = 'merge' ORDER BY id",
            (change_id,),
        ).fetchall()
