"""A merge reads each source file's rows before it takes the target's write lock: the lock (one transaction a
source, so a source lands whole or not at all) covers the writes only. A source of 20,000 documents held it 20 s
while it was read document by document, every other program's edit waiting (docs/reliability.md, session 12)."""

from __future__ import annotations

import sqlite3

import pytest

from annotator import project_file
from annotator.store import Project
from annotator.teams.merge import merge_projects
from teams_data import make_alice, make_bob


@pytest.mark.slow
def test_no_source_row_is_read_while_the_target_is_locked(tmp_path, monkeypatch):
    sources = [make_alice(tmp_path / "alice.annotator"), make_bob(tmp_path / "bob.annotator")]
    target = Project(tmp_path / "team.annotator", annotator="rita")
    first = merge_projects(Project(tmp_path / "first.annotator", annotator="rita"), sources)  # as before
    seen: list[str] = []
    real = project_file.Connection.execute

    def execute(self, sql, *args):  # type: ignore[no-untyped-def]
        if self is not target.db.conn and target.db.conn.in_transaction:
            seen.append(sql.split()[0] + " " + " ".join(sql.split()[1:4]))
        return real(self, sql, *args)

    monkeypatch.setattr(project_file.Connection, "execute", execute)
    report = merge_projects(target, sources)
    monkeypatch.undo()
    assert seen == []
    # the same merge as without the watch: every set, document and annotation
    assert [s.summary() for s in report.sources] == [s.summary() for s in first.sources]
    for table in ("documents", "entities", "events", "arguments", "comments", "merged_suggestions"):
        one = sqlite3.connect(tmp_path / "first.annotator").execute(f"SELECT count(*) FROM {table}").fetchone()
        two = target.db.conn.execute(f"SELECT count(*) FROM {table}").fetchone()
        assert one == two, table
    again = merge_projects(target, sources)  # merged again: replaced, not doubled
    assert all(s.replaced_documents for s in again.sources)
    assert (
        target.db.conn.execute("SELECT count(*) FROM entities").fetchone()
        == sqlite3.connect(tmp_path / "first.annotator").execute("SELECT count(*) FROM entities").fetchone()
    )
    target.close()
