"""A team's reviewer sees each annotator's categories of a document: ``annotator merge`` keeps them with her set (the
document keeps its own where they differ, and the merge's note sends the reviewer to Document > Categories…). Until
session 15 neither Categories… nor the Adjudication window showed them: the reviewer settled every item and marked the
document reviewed without seeing that bob had chosen other categories than alice."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget

from ui_support import close_window, open_window, settled

TEXT = "Maria Lopez met officials in Kabul."


def _team(tmp_path: Path) -> Path:
    from annotator import edits
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from team_copies import merged_copies

    team = tmp_path / "team.annotator"
    with Project(team, annotator="lead") as p:
        import_documents(p, [IncomingDocument(TEXT, "one.txt")])

    def works(cats: list[str]):  # type: ignore[no-untyped-def]
        def work(p: Project) -> None:
            edits.add_entity(p, p.document_ids()[0], 0, 11, "PERSON")
            edits.set_categories(p, p.document_ids()[0], cats)

        return work

    return merged_copies(team, {"alice": works(["politics", "diplomacy"]), "bob": works(["politics"])})


def test_categories_and_the_adjudication_window_show_each_annotators_categories(qtbot, tmp_path):
    w = open_window(qtbot, _team(tmp_path), annotator="vera", pipeline=None)
    try:
        w.actions_by_name["adjudicate"].trigger()
        adj = w._adjudication_window
        settled(qtbot, lambda: adj.isVisible())
        assert adj.categories.isVisibleTo(adj)
        assert adj.categories.text() == (
            "Categories: alice — politics, diplomacy · bob — politics; the document's: politics, diplomacy "
            "(Document > Categories…, Ctrl+Shift+C, changes them)"
        )
        w.actions_by_name["categories"].trigger()
        dlg = w._categories_dialog
        settled(qtbot, lambda: dlg.isVisible())
        assert dlg.choices.isVisibleTo(dlg)
        assert dlg.choices.text() == "The annotators chose: alice — politics, diplomacy · bob — politics"
        qtbot.keyClick(dlg.list, Qt.Key.Key_Down)
        qtbot.keyClick(dlg.list, Qt.Key.Key_Space)  # the reviewer settles on bob's: diplomacy off
        qtbot.keyClick(dlg.list, Qt.Key.Key_Return)
        settled(qtbot, lambda: not dlg.isVisible())
        assert "the document's: politics (" in adj.categories.text()  # the window follows the choice
    finally:
        close_window(w)


def test_a_document_no_merge_gave_categories_shows_no_such_line(qtbot, tmp_path):
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project

    path = tmp_path / "solo.annotator"
    with Project(path, annotator="setup") as p:
        import_documents(p, [IncomingDocument(TEXT, "one.txt", meta={"doccano_categories": ["politics"]})])
    w = open_window(qtbot, path, annotator="vera", pipeline=None)
    try:
        w.actions_by_name["categories"].trigger()
        dlg = w._categories_dialog
        settled(qtbot, lambda: dlg.isVisible())
        assert not dlg.choices.isVisibleTo(dlg) and dlg.choices.text() == ""
        qtbot.keyClick(dlg.list, Qt.Key.Key_Escape)
    finally:
        close_window(w)


def test_the_categories_are_an_item_of_the_list_b_takes_bobs_and_e_opens_categories(qtbot, tmp_path):
    w = open_window(qtbot, _team(tmp_path), annotator="vera", pipeline=None)
    try:
        w.actions_by_name["adjudicate"].trigger()
        adj = w._adjudication_window
        settled(qtbot, lambda: adj.isVisible())
        first = adj.tree.topLevelItem(0)  # the document's categories come first, before the spans
        assert [first.text(k) for k in range(5)] == [
            "categories",
            "categories",
            "(the document)",
            "politics, diplomacy",
            "politics",
        ]
        adj.tree.setCurrentItem(first)
        qtbot.keyClick(adj.tree, Qt.Key.Key_B)  # bob's
        settled(qtbot, lambda: w.categories_shown.full_text == "—  categories: politics")
        assert w.controller.undo_stack.undoText() == "Take bob's categories"
        adj.tree.setCurrentItem(adj.tree.topLevelItem(0))
        qtbot.keyClick(adj.tree, Qt.Key.Key_E)  # settled as the reviewer's own: Categories… opens to make it
        settled(qtbot, lambda: getattr(w, "_categories_dialog", None) is not None and w._categories_dialog.isVisible())
        qtbot.keyClick(w._categories_dialog.list, Qt.Key.Key_Escape)
    finally:
        close_window(w)


def test_the_agreement_window_shows_the_categories_rows_and_says_their_kappa_is_over_documents(qtbot, tmp_path):
    w = open_window(qtbot, _team(tmp_path), annotator="vera", pipeline=None)
    try:
        w.actions_by_name["agreement"].trigger()
        dlg = w._agreement_window
        qtbot.waitUntil(lambda: dlg.result is not None, timeout=20000)
        table = dlg.tabs.widget(0).findChild(QTableWidget)
        rows = [[table.item(r, k).text() for k in range(8)] for r in range(table.rowCount())]
        cats = [r[1:] for r in rows if r[0] == "Document categories"]
        assert cats[-1] == [
            "overall",
            "2",
            "1",
            "1.000",
            "0.500",
            "0.667",
            "0.000",
        ]  # alice chose diplomacy too: p_o = p_e = 1/2
        assert "over documents for the document categories" in dlg.note.text()
        qtbot.waitUntil(lambda: not w.workers)
    finally:
        close_window(w)
