"""The pre-annotation lease's row (migration 9): who runs a pre-annotation of the project now, if anyone."""

from __future__ import annotations

import sqlite3


class LeaseRows:
    conn: sqlite3.Connection

    def lease_row(self) -> tuple[int, str, str, str, str] | None:
        """(pid, host, started_at, heartbeat_at, token) of the run holding the lease, or None."""
        row = self.conn.execute(
            "SELECT pid, host, started_at, heartbeat_at, token FROM preannotation_lease WHERE id = 1"
        ).fetchone()
        return None if row is None else (int(row[0]), str(row[1]), str(row[2]), str(row[3]), str(row[4]))

    def put_lease(self, pid: int, host: str, at: str, token: str) -> None:
        """Hold the lease as ``token`` (inside the open transaction), over any row there (a stale one)."""
        self.conn.execute(
            "INSERT OR REPLACE INTO preannotation_lease (id, pid, host, started_at, heartbeat_at, token) "
            "VALUES (1, ?, ?, ?, ?, ?)",
            (pid, host, at, at, token),
        )

    def renew_lease(self, token: str, at: str) -> bool:
        """The heartbeat of ``token``'s lease set to ``at``; False when the lease is no longer ``token``'s."""
        return (
            self.conn.execute(
                "UPDATE preannotation_lease SET heartbeat_at = ? WHERE id = 1 AND token = ?", (at, token)
            ).rowcount
            > 0
        )

    def drop_lease(self, token: str) -> None:
        """Let ``token``'s lease go (another run's, which took over a stale one, stays)."""
        self.conn.execute("DELETE FROM preannotation_lease WHERE id = 1 AND token = ?", (token,))
