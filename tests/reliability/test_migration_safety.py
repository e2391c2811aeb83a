"""Migrations copy the file first and never leave a half-migrated file."""

from __future__ import annotations

import sqlite3

import pytest

from annotator import edits, migrations
from annotator.errors import ProjectFileError
from annotator.importing import IncomingDocument, IncomingEntity, import_documents
from annotator.store import Project
from reliability_support import dump


OLD = migrations.LATEST  # the fixture file is at the current format; each test adds one more migration
NEW = OLD + 1


@pytest.fixture
def v1_file(tmp_path):
    path = tmp_path / "old.annotator"
    with Project(path, annotator="a") as p:
        report = import_documents(
            p,
            [
                IncomingDocument(
                    text="Anna Berg visited Paris.", name="d1", entities=[IncomingEntity(1, 0, 9, "PERSON")]
                )
            ],
        )
        edits.add_comment(p, report.imported[0][1], "before the upgrade")
    return path


def _m2_adds_then_fails(db):
    db["reviews"].create({"id": int, "note": str}, pk="id")
    db["reviews"].insert({"id": 1, "note": "half"})
    db.conn.execute("UPDATE documents SET status = 'reviewed'")
    db.conn.execute("ALTER TABLE entities ADD COLUMN confidence REAL")
    raise RuntimeError("disk went away half-way")


def _m2_commits_half_then_fails(db):
    db["reviews"].create({"id": int, "note": str}, pk="id")
    db.conn.execute("UPDATE documents SET status = 'reviewed'")
    db.conn.execute("COMMIT")  # a careless migration that commits part of its work
    db.conn.execute("BEGIN")
    db.conn.execute("DELETE FROM comments")
    raise ValueError("bad data in row 7")


def _m2_ok(db):
    db["reviews"].create({"id": int, "note": str}, pk="id")


@pytest.mark.parametrize("bad", [_m2_adds_then_fails, _m2_commits_half_then_fails])
def test_failed_migration_leaves_the_old_version_intact_with_a_backup(v1_file, monkeypatch, bad, figures):
    before = dump(v1_file)
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, bad])
    monkeypatch.setattr(migrations, "LATEST", NEW)
    with pytest.raises(ProjectFileError) as info:
        Project(v1_file)
    msg = str(info.value)
    assert f"format {NEW} failed" in msg and f"left at format {OLD}" in msg and f".v{OLD}.bak" in msg
    assert dump(v1_file) == before
    conn = sqlite3.connect(v1_file)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == OLD
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    backups = list(v1_file.parent.glob(f"old.annotator.v{OLD}.bak*"))
    assert len(backups) == 1 and dump(backups[0]) == before
    # the file still opens with the version of annotator that wrote it
    monkeypatch.undo()
    with Project(v1_file) as p:
        assert p.document_summaries()[0]["status"] == "new"  # the migration had set "reviewed"
        assert len(p.comments(p.document_ids()[0])) == 1
    figures.update(case=bad.__name__, message=msg.split(": ", 1)[1][:90])


def test_successful_migration_keeps_a_copy_of_the_old_file(v1_file, monkeypatch):
    before = dump(v1_file)
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, _m2_ok])
    monkeypatch.setattr(migrations, "LATEST", NEW)
    with Project(v1_file) as p:
        assert migrations.user_version(p.db.conn) == NEW
        assert "reviews" in p.db.table_names()
    (backup,) = v1_file.parent.glob(f"old.annotator.v{OLD}.bak*")
    assert dump(backup) == before


def test_read_only_file_that_needs_an_upgrade_is_read_from_an_upgraded_copy_unchanged(v1_file, monkeypatch):
    """It was refused ("needs an upgrade ... but is read-only"); now read from a copy upgraded in a temporary folder
    (tests/reliability/test_read_only_older.py), the file itself unchanged."""
    before = dump(v1_file)
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, _m2_ok])
    monkeypatch.setattr(migrations, "LATEST", NEW)
    with Project(v1_file, read_only=True) as p:
        assert p.read_from is not None and p.db.conn.execute("SELECT count(*) FROM reviews").fetchone() == (0,)
        assert migrations.user_version(p.db.conn) == NEW
    assert dump(v1_file) == before
    assert not list(v1_file.parent.glob("*.bak*"))


def test_restored_file_is_still_a_wal_project(v1_file, monkeypatch):
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, _m2_commits_half_then_fails])
    monkeypatch.setattr(migrations, "LATEST", NEW)
    with pytest.raises(ProjectFileError):
        Project(v1_file)
    monkeypatch.undo()
    with Project(v1_file) as p:
        assert p.db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        edits.add_comment(p, p.document_ids()[0], "after a failed upgrade, work goes on")


def test_a_failed_upgrade_is_a_typed_error_and_an_upgraded_copy_s_failure_names_the_original_alone(
    v1_file, monkeypatch
):
    """The failure of a migration is ``UpgradeFailedError`` (its ``why`` apart from the file's name); the upgraded copy
    of a read-only older file says the original's name and that ``why``, not the copy's: it took the words by cutting
    "project: " off the message (until session 36), a wording change away from saying "project: upgrading ..."."""
    from annotator.errors import UpgradeFailedError

    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, _m2_adds_then_fails])
    monkeypatch.setattr(migrations, "LATEST", NEW)
    with pytest.raises(UpgradeFailedError) as failed:
        Project(v1_file)
    assert failed.value.path == v1_file and failed.value.why.startswith(f"upgrading the file to format {NEW} failed")
    assert str(failed.value) == f"{v1_file}: {failed.value.why}"
    before = dump(v1_file)
    with pytest.raises(ProjectFileError) as info:
        Project(v1_file, read_only=True)
    said = str(info.value)
    assert said.startswith(f"{v1_file}: is of file format {OLD} and read-only here; an upgraded copy to read it")
    why = f"upgrading the file to format {NEW} failed (RuntimeError: disk went away half-way); the file was left at"
    assert f"({why} format {OLD}); nothing was changed" in said and "project:" not in said
    assert dump(v1_file) == before
