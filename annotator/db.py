"""The project file's connection, and the sqlite-utils view of it for the writes that use that library.

sqlite-utils is imported only when a migration or a bulk write asks for it (``utils()``), never when a project
is opened for reading or the app starts: importing it costs about a quarter of a second.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from sqlite_utils import Database


class ProjectDb:
    """One open project file: ``conn`` is its connection (autocommit; ``Project.transaction`` opens writes)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def utils(self) -> "Database":
        """The same connection as a sqlite-utils Database (its writes nest inside our transactions)."""
        from sqlite_utils import Database

        return Database(self.conn)

    def table_names(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
