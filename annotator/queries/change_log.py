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
