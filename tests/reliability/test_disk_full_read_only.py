"""A full disk and a read-only project file: the edit fails clearly, the file stays as it was, work goes on."""

from __future__ import annotations

import os
import sqlite3
import stat

import pytest

from annotator import edits
from annotator.errors import AnnotatorError
from annotator.importing import IncomingDocument, IncomingEntity, import_documents
from annotator.formats.loading import import_paths
from annotator.recorder import undo
from annotator.store import Project
from annotator.fileid import sqlite_uri
from reliability_support import dump, file_digest, table_counts

TEXT = "Anna Berg met Reuters editors in Paris on Monday. " * 20


@pytest.fixture
def filled(tmp_path):
    path = tmp_path / "p.annotator"
    p = Project(path, annotator="tester")
    import_documents(p, [IncomingDocument(text=TEXT, name="d1", entities=[IncomingEntity(1, 0, 9, "PERSON")])])
    yield p
    p.close()


def _fill_disk(p: Project) -> None:
    """No page may be added to the file any more (what a full disk looks like to SQLite)."""
    pages = p.db.conn.execute("PRAGMA page_count").fetchone()[0]
    p.db.conn.execute(f"PRAGMA max_page_count = {pages}")


def _free_disk(p: Project) -> None:
    p.db.conn.execute("PRAGMA max_page_count = 4294967294")


BIG = "x" * 300_000


def test_edit_on_a_full_disk_fails_clearly_and_changes_nothing(filled, figures):
    p = filled
    doc = p.document_ids()[0]
    before = dump(p.path)
    _fill_disk(p)
    cases = 0
    for attempt in (
        lambda: edits.add_comment(p, doc, BIG),
        lambda: edits.add_comment(p, doc, BIG + "y"),  # the failed attempt left no half-used pages behind
    ):
        with pytest.raises(AnnotatorError) as info:
            attempt()
        assert "full" in str(info.value) and "nothing was changed" in str(info.value), str(info.value)
        assert not p.db.conn.in_transaction
        assert dump(p.path) == before
        cases += 1
    # reads still work, and once there is room again the same Project saves
    assert p.entities(doc)[0].label == "PERSON"
    _free_disk(p)
    change = edits.add_comment(p, doc, BIG)
    assert p.comments(doc)[-1].id == change.result_id
    figures.update(cases=cases + 1, message=str(info.value).split(": ", 1)[1])


def test_undo_on_a_full_disk_fails_and_can_be_retried(filled):
    p = filled
    doc = p.document_ids()[0]
    edits.add_comment(p, doc, BIG)
    change = edits.delete_comment(p, p.comments(doc)[0].id)
    before = dump(p.path)
    _fill_disk(p)
    with pytest.raises(AnnotatorError, match="full"):
        undo(p, change)  # the comment and a change-log row holding it again: no room for both
    assert dump(p.path) == before
    _free_disk(p)
    undo(p, change)  # the same Change undoes once there is room: the app's undo stack stays valid
    assert [c.text for c in p.comments(doc)] == [BIG]


def test_import_on_a_full_disk_stores_nothing(filled, tmp_path):
    p = filled
    folder = tmp_path / "in"
    folder.mkdir()
    for k in range(5):
        (folder / f"{k}.txt").write_text(f"document {k} " + BIG)
    counts = table_counts(p.path)
    before = dump(p.path)
    _fill_disk(p)
    with pytest.raises(AnnotatorError, match="full"):
        import_paths(p, [folder])
    assert table_counts(p.path) == counts and dump(p.path) == before
    _free_disk(p)
    assert len(import_paths(p, [folder]).imported) == 5


def test_read_only_open_says_so_and_refuses_edits(filled, figures):
    path = filled.path
    filled.close()
    digest = file_digest(path)
    with Project(path, read_only=True) as p:
        assert p.read_only
        doc = p.document_ids()[0]
        refusals = 0
        for attempt in (
            lambda: edits.add_entity(p, doc, 14, 21, "ORG"),
            lambda: edits.set_status(p, doc, "annotated"),
            lambda: edits.delete_entity(p, p.entities(doc)[0].id),
            lambda: import_documents(p, [IncomingDocument(text="new", name="n")]),
        ):
            with pytest.raises(AnnotatorError, match="read-only; nothing was changed"):
                attempt()
            refusals += 1
        assert p.entities(doc)[0].label == "PERSON"  # still readable after each refusal
    assert file_digest(path) == digest
    figures.update(refused_edits=refusals)


def test_file_without_write_permission_opens_read_only(filled):
    path = filled.path
    filled.close()
    digest = file_digest(path)
    os.chmod(path, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)  # chmod 444 (root could still write; we must not)
    try:
        with Project(path) as p:
            assert p.read_only, "a chmod 444 project must open read-only, even for root"
            with pytest.raises(AnnotatorError, match="read-only"):
                edits.set_status(p, p.document_ids()[0], "reviewed")
            assert p.document(p.document_ids()[0]).text == TEXT
    finally:
        os.chmod(path, 0o644)
    assert file_digest(path) == digest


def test_connection_that_cannot_write_reports_clearly(filled):
    """The file turns read-only under an open project (another mount, permissions): a clear error, no change."""
    p = filled
    doc = p.document_ids()[0]
    before = dump(p.path)
    rw = p.db.conn
    p.db.conn = sqlite3.connect(sqlite_uri(p.path, mode="ro"), uri=True, isolation_level=None, check_same_thread=False)
    try:
        with pytest.raises(AnnotatorError) as info:
            edits.add_entity(p, doc, 14, 21, "ORG")
        assert "readonly" in str(info.value) or "read-only" in str(info.value), str(info.value)
        assert not p.db.conn.in_transaction
    finally:
        p.db.conn.close()
        p.db.conn = rw
    assert dump(p.path) == before
    edits.add_entity(p, doc, 14, 21, "ORG")
