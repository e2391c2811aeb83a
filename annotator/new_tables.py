"""A new project's tables at the latest file format, as every migration leaves them in an empty file.

Running each migration on each new file cost ~10 of a new project's ~12.6 ms of CPU (~330 statements: every table
made, rebuilt and renamed, sqlite-utils' look-ups, two foreign key checks a migration; docs/performance.md, session
27). The migrations stay the only place the tables are said: they run once a process, on an empty database in
memory, and what they leave there (each table's, index's and trigger's statement in the order they were made, and
the rows they wrote) is written into the new file in its caller's one transaction.
"""

from __future__ import annotations

import sqlite3
from typing import Any, Callable

from annotator import migrations

# (statements in the order they were made, (table, rows) of the tables the migrations wrote rows in)
Made = tuple[tuple[str, ...], tuple[tuple[str, tuple[tuple[Any, ...], ...]], ...]]
_made: dict[tuple[Callable[..., None], ...], Made] = {}  # by the migrations that made it (a test may list others)


def make_latest(conn: sqlite3.Connection) -> None:
    """Write the latest format's tables, their rows and the file's version and application id into the empty file of
    ``conn``, inside the transaction its caller holds."""
    key = tuple(migrations.MIGRATIONS[: migrations.LATEST])
    made = _made.get(key)
    if made is None:
        made = _made[key] = _made_in_memory()
    statements, rows = made
    for sql in statements:
        conn.execute(sql)
    for table, values in rows:
        marks = ", ".join("?" * len(values[0]))
        conn.executemany(f'INSERT INTO "{table}" VALUES ({marks})', values)
    conn.execute(f"PRAGMA user_version = {migrations.LATEST}")
    conn.execute(f"PRAGMA application_id = {migrations.APPLICATION_ID}")


def _made_in_memory() -> Made:
    """What the migrations leave in an empty database, run as a new project runs them (one transaction, foreign keys
    on)."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("BEGIN IMMEDIATE")
        migrations.migrate(conn, None)
        conn.execute("COMMIT")
        statements = tuple(
            sql
            for (sql,) in conn.execute(
                "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid"
            )
        )
        tables = [
            name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")
        ]
        rows = tuple(
            (name, values) for name in tables if (values := tuple(conn.execute(f'SELECT * FROM "{name}"').fetchall()))
        )
    finally:
        conn.close()
    return statements, rows
