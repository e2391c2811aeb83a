"""Issue 9, point 3: ids are never reused, and an edit aimed at a span changed elsewhere is refused."""

from __future__ import annotations

import sqlite3

import pytest

from annotator import edits, migrations
from annotator.errors import DeletedElsewhereError, StaleChangeError
from annotator.importing import IncomingDocument, import_documents
from annotator.store import Project

TEXT = "Maria Lopez met officials in Paris on Monday."
ID_TABLES = ("schemas", "documents", "entities", "events", "arguments", "comments", "change_log", "pipeline_runs")


def table_facts(conn: sqlite3.Connection, table: str) -> tuple:
    rows = conn.execute(f'SELECT * FROM "{table}" ORDER BY id').fetchall()
    fks = conn.execute(f'PRAGMA foreign_key_list("{table}")').fetchall()
    idx = sorted((r[1], r[2]) for r in conn.execute(f'PRAGMA index_list("{table}")'))
    cols = [r[1:] for r in conn.execute(f'PRAGMA table_info("{table}")')]
    return rows, fks, idx, cols


def test_a_new_project_never_gives_a_deleted_id_again(tmp_path):
    with Project(tmp_path / "p.annotator", annotator="t") as p:
        import_documents(p, [IncomingDocument(TEXT, "a.txt")])
        first = edits.add_entity(p, 1, 0, 11, "PERSON").result_id
        last = edits.add_entity(p, 1, 29, 34, "GPE").result_id
        edits.delete_entity(p, last)
        again = edits.add_entity(p, 1, 29, 34, "GPE").result_id
        assert again not in (first, last)
        ev = edits.add_event(p, 1, "Contact:Meet", 12, 15).result_id
        edits.delete_event(p, ev)
        assert edits.add_event(p, 1, "Contact:Meet", 12, 15).result_id != ev
        c = edits.add_comment(p, 1, "x").result_id
        edits.delete_comment(p, c)
        assert edits.add_comment(p, 1, "y").result_id != c
        for table in ID_TABLES:
            sql = p.db.conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
            assert "AUTOINCREMENT" in sql, table


def test_the_migration_keeps_ids_keys_indexes_and_starts_above_every_logged_id(tmp_path, at_format):
    path = tmp_path / "old.annotator"
    number = migrations.MIGRATIONS.index(migrations._m3_ids_never_reused)
    with at_format(number):  # a file as the version before this migration wrote it
        with Project(path, annotator="t") as p:
            # the column today's edits write that migration 7 adds: this migration copies it like any other
            p.db.conn.execute("ALTER TABLE entities ADD COLUMN score REAL")
            import_documents(p, [IncomingDocument(TEXT, "a.txt"), IncomingDocument("Another text here.", "b.txt")])
            a = edits.add_entity(p, 1, 0, 11, "PERSON").result_id
            b = edits.add_entity(p, 1, 29, 34, "GPE").result_id
            ev = edits.add_event(p, 1, "Contact:Meet", 12, 15).result_id
            edits.add_argument(p, ev, "Entity", a)
            gone = edits.add_entity(p, 1, 16, 25, "ORG").result_id
            edits.delete_entity(p, gone)  # the highest id, deleted: the old format would give it again
            assert migrations.user_version(p.db.conn) == number
            before = {t: table_facts(p.db.conn, t) for t in ID_TABLES}
    # this migration alone (later ones may add columns, e.g. 5 adds schemas.parsed)
    with at_format(number + 1), Project(path, annotator="t") as p:
        conn = p.db.conn
        assert migrations.user_version(conn) == migrations.LATEST
        for t in ID_TABLES:
            assert table_facts(conn, t) == before[t], t
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        new = edits.add_entity(p, 1, 16, 25, "ORG").result_id
        assert new > gone and new not in (a, b)
        with pytest.raises(sqlite3.IntegrityError):  # foreign keys still hold after the rebuild
            conn.execute("DELETE FROM entities WHERE id = ?", (a,))
    assert list(tmp_path.glob("old.annotator.v*.bak"))


def test_an_edit_aimed_at_a_span_changed_elsewhere_is_refused(tmp_path):
    path = tmp_path / "p.annotator"
    with Project(path, annotator="app") as app, Project(path, annotator="other") as other:
        import_documents(app, [IncomingDocument(TEXT, "a.txt")])
        sid = edits.add_entity(app, 1, 29, 34, "GPE", state="suggested", source="model").result_id
        shown = app.entity(sid)  # what the view shows: "Paris", a GPE suggestion
        # another process re-runs pre-annotation: the suggestion is replaced by a different span
        edits.delete_entity(other, sid)
        new = edits.add_entity(other, 1, 0, 11, "PERSON", state="suggested", source="model").result_id
        assert new != sid
        with pytest.raises(DeletedElsewhereError):
            edits.accept_entity(app, sid, expected=shown)
        assert other.entity(new).state == "suggested"
        # relabelled elsewhere: accept, reject, relabel, resize and delete from the old view are all refused
        shown = app.entity(new)
        edits.relabel_entity(other, new, "ORG")
        for edit in (
            lambda: edits.accept_entity(app, new, expected=shown),
            lambda: edits.reject_entity(app, new, expected=shown),
            lambda: edits.relabel_entity(app, new, "GPE", expected=shown),
            lambda: edits.resize_entity(app, new, 0, 5, expected=shown),
            lambda: edits.delete_entity(app, new, expected=shown),
            lambda: edits.set_entity_state(app, new, "rejected", expected=shown),
        ):
            with pytest.raises(StaleChangeError, match="changed elsewhere"):
                edit()
        row = other.entity(new)
        assert (row.label, row.start, row.end, row.state) == ("ORG", 0, 11, "accepted")
        # as it is now, the edit goes through
        edits.accept_entity(app, new, expected=app.entity(new))


def test_an_event_edit_aimed_at_an_event_changed_elsewhere_is_refused(tmp_path):
    path = tmp_path / "p.annotator"
    with Project(path, annotator="app") as app, Project(path, annotator="other") as other:
        import_documents(app, [IncomingDocument(TEXT, "a.txt")])
        ev = edits.add_event(app, 1, "Contact:Meet", 12, 15).result_id
        shown = app.event(ev)
        edits.set_event_type(other, ev, "Movement:Transport")
        for edit in (
            lambda: edits.set_event_type(app, ev, "Conflict:Attack", expected=shown),
            lambda: edits.move_trigger(app, ev, 12, 20, expected=shown),
            lambda: edits.set_event_attribute(app, ev, "polarity", "Negative", expected=shown),
            lambda: edits.delete_event(app, ev, expected=shown),
        ):
            with pytest.raises(StaleChangeError, match="changed elsewhere"):
                edit()
        assert other.event(ev).type == "Movement:Transport" and (
            other.event(ev).trigger_start,
            other.event(ev).trigger_end,
        ) == (12, 15)
        shown = app.event(ev)
        edits.set_event_attribute(other, ev, "polarity", "Negative")  # an attribute changed elsewhere counts too
        with pytest.raises(StaleChangeError):
            edits.set_event_type(app, ev, "Conflict:Attack", expected=shown)
        edits.delete_event(other, ev)
        with pytest.raises(DeletedElsewhereError):
            edits.delete_event(app, ev, expected=shown)
        edits.set_event_type(
            app, edits.add_event(app, 1, "Contact:Meet", 12, 15).result_id, "Conflict:Attack", expected=None
        )


def test_a_type_change_read_before_another_process_deleted_the_event_is_refused_in_words(tmp_path, monkeypatch):
    """set_event_type reads the event before its transaction; another window or process deleting the event in between
    made the type change's argument carry fail on a missing row (a TypeError, seen in CI's two editing processes),
    not the refusal every other event edit gives. Nothing is written."""
    path = tmp_path / "p.annotator"
    with Project(path, annotator="app") as app, Project(path, annotator="other") as other:
        import_documents(app, [IncomingDocument(TEXT, "a.txt")])
        ev = edits.add_event(app, 1, "Contact:Meet", 12, 15).result_id
        read = edits.event_of

        def read_then_deleted_elsewhere(project, event_id):  # type: ignore[no-untyped-def]
            row = read(project, event_id)
            if project is app:  # the other process's delete reads the event too
                edits.delete_event(other, event_id)
            return row

        monkeypatch.setattr(edits, "event_of", read_then_deleted_elsewhere)
        with pytest.raises(DeletedElsewhereError):
            edits.set_event_type(app, ev, "Life:Die")
        assert app.row("events", ev) is None
