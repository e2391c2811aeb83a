"""The project file: creating, opening, refusing foreign or newer files, and keeping Qt/spaCy out of the core."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotator import migrations
from annotator.errors import AnnotatorError, DamagedProjectError, ProjectFileError
from annotator.schema import default_schema, parse_schema
from annotator.store import Project, open_project

ROOT = Path(__file__).resolve().parents[2]
PY = sys.executable

SMALL_SCHEMA = """
[schema]
name = "tiny"
[[entity]]
name = "PERSON"
color = "#aabbcc"
[[event]]
name = "Meet"
  [[event.role]]
  name = "Entity"
  labels = ["PERSON"]
  multiplicity = "one_or_more"
"""


def _snapshot(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def test_create_sets_wal_foreign_keys_and_ids(tmp_path):
    path = tmp_path / "p.annotator"
    with Project(path, annotator="ann") as p:
        conn = p.db.conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
        assert conn.execute("PRAGMA application_id").fetchone()[0] == migrations.APPLICATION_ID
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"documents", "entities", "events", "arguments", "comments", "change_log", "schemas", "tokens"} <= tables
    # the header bytes carry the marks too, so other tools can recognise the file
    head = path.read_bytes()[:100]
    assert head[:16] == b"SQLite format 3\x00"
    assert int.from_bytes(head[68:72], "big") == migrations.APPLICATION_ID


def test_reopen_keeps_schema_and_data(tmp_path):
    path = tmp_path / "p.annotator"
    with Project(path) as p:
        p.db.conn.execute("INSERT INTO documents (name, text, sha256, status) VALUES ('a', 'hello', 'x', 'new')")
        assert p.schema.name == "news"
    with Project(path, create=False) as p:
        assert p.document_ids() == [1]
        assert p.schema == default_schema()
        assert len(p.db.conn.execute("SELECT * FROM schemas").fetchall()) == 1


def test_foreign_keys_enforced(project):
    with pytest.raises(sqlite3.IntegrityError):
        project.db.conn.execute(
            "INSERT INTO entities (document_id, start, end, label, state, source) VALUES (99, 0, 1, 'PERSON', 'added', 'x')"
        )


def test_custom_schema_stored_in_file(tmp_path):
    path = tmp_path / "p.annotator"
    schema = parse_schema(SMALL_SCHEMA, "tiny.toml")
    with Project(path, schema=schema):
        pass
    with Project(path, create=False) as p:
        assert p.schema.name == "tiny"
        assert p.schema.label_names == ["PERSON"]
        source = p.db.conn.execute("SELECT source FROM schemas").fetchone()[0]
        assert source == SMALL_SCHEMA


def test_missing_file_without_create(tmp_path):
    path = tmp_path / "none.annotator"
    with pytest.raises(ProjectFileError, match="no such project file"):
        Project(path, create=False)
    assert not path.exists()


def test_newer_version_refused_and_untouched(tmp_path):
    path = tmp_path / "future.annotator"
    with Project(path):
        pass
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    conn.execute("PRAGMA journal_mode = DELETE")  # no -wal file to hide changes in
    conn.close()
    before = _snapshot(path)
    time.sleep(0.01)
    with pytest.raises(ProjectFileError, match="newer annotator") as info:
        Project(path)
    assert "not changed" in str(info.value)
    assert _snapshot(path) == before
    assert not Path(str(path) + "-wal").exists() or Path(str(path) + "-wal").stat().st_size == 0


def test_not_sqlite_refused(tmp_path):
    path = tmp_path / "notes.annotator"
    path.write_text("these are my notes, not a database\n" * 10)
    before = _snapshot(path)
    with pytest.raises(ProjectFileError, match="not an annotator project .*not an SQLite database"):
        Project(path)
    assert _snapshot(path) == before


def test_short_garbage_refused(tmp_path):
    path = tmp_path / "x.annotator"
    path.write_bytes(b"\x00\x01")
    with pytest.raises(ProjectFileError):
        Project(path)


def test_other_sqlite_app_refused(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT)")
    conn.commit()
    conn.close()
    before = _snapshot(path)
    with pytest.raises(ProjectFileError, match="an SQLite file, but not an annotator project"):
        Project(path)
    assert _snapshot(path) == before


def test_corrupt_sqlite_refused(tmp_path):
    path = tmp_path / "broken.annotator"
    with Project(path):
        pass
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(data))
    with pytest.raises(DamagedProjectError):
        Project(path)


def test_folder_as_project_path_is_clear(tmp_path):
    with pytest.raises(ProjectFileError):
        Project(tmp_path)


def test_missing_parent_folder_is_clear(tmp_path):
    with pytest.raises(ProjectFileError):
        Project(tmp_path / "no" / "such" / "folder" / "p.annotator")


def test_read_only_refuses_writes(tmp_path):
    path = tmp_path / "p.annotator"
    with Project(path):
        pass
    with Project(path, read_only=True) as p:
        assert p.read_only
        with pytest.raises(AnnotatorError, match="read-only"):
            with p.transaction():
                pass


def test_transaction_rolls_back_on_error(project):
    with pytest.raises(RuntimeError):
        with project.transaction() as conn:
            conn.execute("INSERT INTO documents (name, text, sha256, status) VALUES ('a', 'b', 'c', 'new')")
            raise RuntimeError("boom")
    assert project.document_ids() == []
    assert not project.db.conn.in_transaction


def test_document_ids_indexes_documented(project):
    """Every table that holds a document id has an index on it (the file is queried by document)."""
    conn = project.db.conn
    for table in ("entities", "events", "comments", "change_log"):
        indexed = {
            conn.execute(f"PRAGMA index_info([{r[1]}])").fetchone()[2]
            for r in conn.execute(f"PRAGMA index_list([{table}])")
        }
        assert "document_id" in indexed, table
    for column in ("event_id", "entity_id"):
        indexed = {
            conn.execute(f"PRAGMA index_info([{r[1]}])").fetchone()[2]
            for r in conn.execute("PRAGMA index_list(arguments)")
        }
        assert column in indexed


def test_open_project_helper(tmp_path):
    with open_project(tmp_path / "a.annotator", annotator="x") as p:
        assert p.annotator == "x"


def test_readers_return_records(project):
    from annotator import edits

    project.db.conn.execute(
        "INSERT INTO documents (name, text, sha256, status, meta) VALUES ('a', 'Anna met Bob.', 'x', 'new', '{\"k\": 1}')"
    )
    doc = project.document(1)
    assert doc.text == "Anna met Bob." and doc.meta == {"k": 1}
    e = edits.add_entity(project, 1, 0, 4, "PERSON").result_id
    v = edits.add_event(project, 1, "Contact:Meet", 5, 8).result_id
    edits.add_argument(project, v, "Entity", e)
    edits.add_comment(project, 1, "check Bob")
    assert project.entity(e).label == "PERSON"
    assert project.event(v).arguments[0].entity_id == e
    assert [c.text for c in project.comments(1)] == ["check Bob"]
    summary = project.document_summaries()
    assert summary[0]["entities"] == 1 and summary[0]["events"] == 1
    assert project.tokens(1) is None
    with pytest.raises(AnnotatorError):
        project.document(42)


IMPORT_CHECK = r"""
import importlib, pkgutil, sys
import annotator
names = [m.name for m in pkgutil.walk_packages(annotator.__path__, "annotator.") if m.name != "annotator.__main__"]
for name in names:
    importlib.import_module(name)
bad = sorted(m for m in sys.modules if m.split(".")[0] in {"PySide6", "PyQt5", "PyQt6", "shiboken6", "spacy", "thinc", "torch"})
print(len(names), bad)
"""


@pytest.mark.slow
def test_core_imports_no_qt_and_no_spacy():
    out = subprocess.run([PY, "-c", IMPORT_CHECK], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    count, bad = out.split(" ", 1)
    assert int(count) >= 15
    assert bad.strip() == "[]"


def test_document_summaries_of_some_documents_match_all(project):
    from core_helpers import add_document

    from annotator import edits

    ids = [add_document(project, f"Anna met Bob {i}.", f"d{i}") for i in range(4)]
    edits.add_entity(project, ids[1], 0, 4, "PERSON")
    gone = edits.add_entity(project, ids[1], 9, 12, "PERSON").result_id
    project.db.conn.execute("UPDATE entities SET state = 'rejected' WHERE id = ?", (gone,))
    edits.add_entity(project, ids[2], 0, 4, "PERSON")
    project.db.conn.execute("UPDATE entities SET state = 'suggested' WHERE document_id = ?", (ids[2],))
    edits.add_event(project, ids[2], "Contact:Meet", 5, 8)
    every = project.document_summaries()
    assert [r["id"] for r in every] == ids
    assert (every[1]["entities"], every[2]["suggestions"], every[2]["events"]) == (1, 1, 1)
    assert project.document_summaries(ids=[ids[2], ids[1]]) == every[1:3]
    assert project.document_summaries(ids=[]) == []


def test_a_project_whose_schemas_were_emptied_opens_with_the_default_schema_stored(tmp_path):
    """A latest-format file whose tables are there but whose schemas table is empty (a tool that cleared it): the
    open stores the default schema, as the code meant; it crashed with AttributeError ('_mark') before."""
    import sqlite3

    from annotator.schema import default_schema
    from annotator.store import Project

    path = tmp_path / "p.annotator"
    Project(path, annotator="a").close()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("DELETE FROM schemas")
    conn.close()
    with Project(path, annotator="a") as p:
        assert p.schema.name == default_schema().name
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM schemas").fetchone() == (1,)
    conn.close()
