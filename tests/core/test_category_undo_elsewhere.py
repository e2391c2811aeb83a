"""Ctrl+Z of a category tick after another window changed the project's list of categories (session 16). A tick that
adds a category new to the project records the list's row; until session 16 its undo compared the whole row, so once
another window ticked a new category of its own (or an import, a merge brought some) the undo was refused as "changed
elsewhere" and the app dropped the step: the document's tick could not be taken back by Ctrl+Z. What a person
expects: her tick is taken back, and only the category it added goes off the list; the other window's stays."""

from __future__ import annotations

import orjson

from annotator import edits, recorder
from annotator.categories import CATEGORIES, document_categories, project_categories, remember_categories
from annotator.history import Step
from annotator.importing import IncomingDocument, import_documents
from annotator.store import Project


def _project(tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "p.annotator"
    with Project(path, annotator="vera") as p:
        import_documents(
            p,
            [
                IncomingDocument("Rates rose again.", "a.txt", meta={CATEGORIES: ["ECONOMY"]}),
                IncomingDocument("Rain.", "b.txt"),
            ],
        )
    return path


def _replayed_list(p: Project) -> list[str]:
    """The list as the change log's rows leave it, replayed in order (what the crash tests replay)."""
    value = None
    for (rows,) in p.db.conn.execute("SELECT rows FROM change_log ORDER BY id"):
        for r in orjson.loads(rows) if rows and rows.startswith("[") else []:
            if isinstance(r, dict) and r.get("table") == "project":
                value = (r.get("after") or {}).get("value")
    return orjson.loads(value) if value else []


def test_undo_of_a_tick_takes_back_only_its_own_category_after_another_window_ticked_another(tmp_path):
    path = _project(tmp_path)
    vera, olga = Project(path, annotator="vera"), Project(path, annotator="olga")
    try:
        a, b = vera.document_ids()
        tick = Step(edits.set_categories, b, ["Floods"])  # new to the project: the list grows
        tick.do(vera)
        edits.set_categories(olga, a, ["ECONOMY", "Trade"])  # the other window: a category of its own
        assert project_categories(vera) == ["ECONOMY", "Floods", "Trade"]
        undone = tick.undo(vera)
        assert undone.error is None, undone.error
        assert document_categories(vera.document(b).meta) == []
        assert project_categories(vera) == ["ECONOMY", "Trade"]  # hers taken off, the other window's kept
        assert tick.redo(vera).error is None
        assert document_categories(vera.document(b).meta) == ["Floods"]
        assert project_categories(olga) == ["ECONOMY", "Trade", "Floods"]
        assert _replayed_list(vera) == ["ECONOMY", "Trade", "Floods"]  # the log says what was written
    finally:
        vera.close()
        olga.close()


def test_undo_of_a_removal_after_an_import_brought_categories_puts_back_only_the_removed_one(tmp_path):
    path = _project(tmp_path)
    with Project(path, annotator="vera") as p:
        b = p.document_ids()[1]
        edits.set_categories(p, b, ["Floods"])
        edits.set_categories(p, b, [])
        removed = edits.remove_category(p, "Floods")
        import_documents(p, [IncomingDocument("Hail.", "d.txt", meta={CATEGORIES: ["Hail"]})])
        with p.transaction():
            remember_categories(p, ["Hail"])
        recorder.undo(p, removed)
        assert project_categories(p) == ["ECONOMY", "Hail", "Floods"]
        recorder.redo(p, removed)
        assert project_categories(p) == ["ECONOMY", "Hail"]


def test_a_redo_after_the_list_s_row_id_went_to_another_value_still_applies(tmp_path):
    """The first tick of a project makes its list's row; its undo deleted the row, and the next project value written
    (a kept edit's landing mark, here) took its rowid: the redo met that value, was refused as changed elsewhere and
    dropped from the history (the project table's rowids are reused: it has no AUTOINCREMENT)."""
    path = tmp_path / "p.annotator"
    with Project(path, annotator="vera") as p:
        import_documents(p, [IncomingDocument("Rain.", "a.txt")])
        doc = p.document_ids()[0]
        tick = Step(edits.set_categories, doc, ["Floods"])
        tick.do(p)
        assert tick.undo(p).error is None
        assert project_categories(p) == []
        with p.transaction():
            p.db.set_project_value("kept:p.annotator-kept", "0123 4")
        redone = tick.redo(p)
        assert redone.error is None, redone.error
        assert document_categories(p.document(doc).meta) == ["Floods"] and project_categories(p) == ["Floods"]
        assert p.db.project_value("kept:p.annotator-kept") == "0123 4"  # the other value untouched
        assert tick.undo(p).error is None and tick.redo(p).error is None  # and again
        assert _replayed_list(p) == ["Floods"]
