"""A new project's tables: what every migration leaves in an empty file, the migrations run once a process
(annotator/new_tables.py)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from annotator import migrations, schema_cache
from annotator.schema import default_schema
from annotator.store import Project


def _file(path: Path) -> dict[str, object]:
    """What a project file holds but its schema's stored time: its objects in the order they were made, every
    table's rows, its version, application id and soundness."""
    conn = sqlite3.connect(path)
    try:
        held: dict[str, object] = {
            "objects": conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid").fetchall(),
            "version": conn.execute("PRAGMA user_version").fetchone(),
            "application id": conn.execute("PRAGMA application_id").fetchone(),
            "check": conn.execute("PRAGMA integrity_check").fetchall(),
            "foreign keys": conn.execute("PRAGMA foreign_key_check").fetchall(),
        }
        for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
            held[table] = conn.execute(f'SELECT * FROM "{table}"').fetchall()
        held["schemas"] = [row[:3] for row in held["schemas"]]  # type: ignore[attr-defined]  # not added_at
    finally:
        conn.close()
    return held


def _by_each_migration(path: Path) -> None:
    """A new project made as before: every migration run on its empty file and the schema stored, in one
    transaction."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("BEGIN IMMEDIATE")
    migrations.migrate(conn, None)
    schema_cache.store_schema(conn, default_schema(), "now")
    conn.execute("COMMIT")
    conn.close()


def test_new_projects_hold_what_the_migrations_make_and_the_migrations_run_once(tmp_path, monkeypatch):
    ran: list[int] = []

    def counted(number, step):  # type: ignore[no-untyped-def]
        def run(db):  # type: ignore[no-untyped-def]
            ran.append(number)
            step(db)

        return run

    monkeypatch.setattr(migrations, "MIGRATIONS", [counted(n, m) for n, m in enumerate(migrations.MIGRATIONS, 1)])
    for name in ("a.annotator", "b.annotator"):
        Project(tmp_path / name, annotator="tester").close()
    assert ran == list(range(1, migrations.LATEST + 1))  # once for both files, each migration in its turn
    made = tmp_path / "by_each_migration.annotator"
    _by_each_migration(made)
    assert _file(tmp_path / "a.annotator") == _file(tmp_path / "b.annotator") == _file(made)


def test_a_project_made_at_an_older_format_has_that_format_s_tables(tmp_path, at_format):
    with at_format(4):
        Project(tmp_path / "old.annotator").close()
    Project(tmp_path / "new.annotator").close()
    conn = sqlite3.connect(tmp_path / "old.annotator")
    try:
        assert conn.execute("PRAGMA user_version").fetchone() == (4,)
        tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()
    assert "merge_sources" in tables and "preannotation_lease" not in tables  # format 4's, not 9's
    with Project(tmp_path / "old.annotator") as p:  # upgraded at its open as any older file
        assert p.upgraded is not None and p.upgraded.before == 4
