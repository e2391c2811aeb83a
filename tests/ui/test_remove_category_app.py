"""Document > Categories… takes a category off the project's list (Delete on it, or Remove from project…): until
session 15 nothing could, so a category typed by mistake ("Politcs") was offered for good. One step on the undo
stack (``edits.remove_category``); when documents carry it the dialog says which and asks (Enter: No), and takes it off
them too in the same step; Ctrl+Z puts it back on each."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ui_support import close_window, open_window, settled


def _project(tmp_path):  # type: ignore[no-untyped-def]
    from annotator.categories import CATEGORIES
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project

    path = tmp_path / "typo.annotator"
    with Project(path, annotator="setup") as p:
        import_documents(
            p,
            [
                IncomingDocument("Rates rose again.", "a.txt", meta={CATEGORIES: ["ECONOMY", "Politcs"]}),
                IncomingDocument("Paris won the cup.", "b.txt", meta={CATEGORIES: ["Politcs"]}),
                IncomingDocument("Rain all week.", "c.txt"),
            ],
        )
    return path


def _offered(dlg) -> list[str]:  # type: ignore[no-untyped-def]
    return [dlg.list.item(k).text() for k in range(dlg.list.count())]


def _open(qtbot, w):  # type: ignore[no-untyped-def]
    w.actions_by_name["categories"].trigger()
    dlg = w._categories_dialog
    settled(qtbot, lambda: dlg.isVisible())
    settled(qtbot, lambda: QApplication.focusWidget() is dlg.list)
    return dlg


def _categories(path) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    from annotator.categories import document_categories, project_categories
    from annotator.store import Project

    with Project(path, create=False) as p:
        out = {p.document(i).name: document_categories(p.document(i).meta) for i in p.document_ids()}
        out["(offered)"] = project_categories(p)
        return out


def test_delete_takes_a_category_off_the_list_and_its_documents_after_asking_and_ctrl_z_puts_it_back(
    qtbot, tmp_path, monkeypatch
):
    from ui.dialogs.categories import CategoriesDialog

    path = _project(tmp_path)
    asked: list[tuple[str, list[str]]] = []
    answer = [False]
    monkeypatch.setattr(
        CategoriesDialog, "confirm_remove", lambda self, name, docs: asked.append((name, docs)) or answer[0]
    )
    w = open_window(qtbot, path, annotator="vera", pipeline=None)
    try:
        c = w.controller
        assert w.categories_shown.full_text == "—  categories: ECONOMY, Politcs"
        dlg = _open(qtbot, w)
        assert _offered(dlg) == ["ECONOMY", "Politcs"]
        qtbot.keyClick(dlg.list, Qt.Key.Key_Down)  # Politcs
        qtbot.keyClick(dlg.list, Qt.Key.Key_Delete)  # asked, answered No: nothing changes
        assert asked == [("Politcs", ["a.txt", "b.txt"])]
        assert _offered(dlg) == ["ECONOMY", "Politcs"] and not c.undo_stack.canUndo()
        answer[0] = True
        qtbot.keyClick(dlg.list, Qt.Key.Key_Delete)  # Yes: off the list and off both documents, one step
        assert _offered(dlg) == ["ECONOMY"]
        assert "“Politcs” was taken off the project's list. Ctrl+Z in the main window puts it back." in dlg.how.text()
        assert w.categories_shown.full_text == "—  categories: ECONOMY"  # the open document's line follows
        assert _categories(path) == {"a.txt": ["ECONOMY"], "b.txt": [], "c.txt": [], "(offered)": ["ECONOMY"]}
        qtbot.keyClick(dlg.list, Qt.Key.Key_Return)  # OK: the ticks are what the document has, no second step
        settled(qtbot, lambda: not dlg.isVisible())
        assert c.undo_stack.count() == 1
        assert c.undo_stack.undoText() == "Remove category Politcs from the project and its documents"
        assert c.doc.name == "a.txt" and c.doc.status == "new"  # nobody worked on the documents: statuses stay
        w.activateWindow()
        settled(qtbot, lambda: QApplication.activeWindow() is w)
        qtbot.keyClick(w.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert c.doc.name == "a.txt"  # the undo of a project's step stays on the document shown
        assert w.categories_shown.full_text == "—  categories: ECONOMY, Politcs"
        assert _categories(path) == {
            "a.txt": ["ECONOMY", "Politcs"],
            "b.txt": ["Politcs"],
            "c.txt": [],
            "(offered)": ["ECONOMY", "Politcs"],
        }
    finally:
        close_window(w)


def test_one_no_document_carries_goes_without_a_question(qtbot, tmp_path, monkeypatch):
    from ui.dialogs.categories import CategoriesDialog

    path = _project(tmp_path)
    monkeypatch.setattr(CategoriesDialog, "confirm_remove", lambda *a: (_ for _ in ()).throw(AssertionError("asked")))
    w = open_window(qtbot, path, annotator="vera", pipeline=None)
    try:
        w.controller.open_document(w.controller.project.document_ids()[2])  # c.txt
        dlg = _open(qtbot, w)
        qtbot.keyClicks(dlg.new, "Wether")  # a typo, added with Enter, ticked on c.txt, then OK
        qtbot.keyClick(dlg.new, Qt.Key.Key_Return)
        qtbot.keyClick(dlg.new, Qt.Key.Key_Return)
        settled(qtbot, lambda: not dlg.isVisible())
        dlg = _open(qtbot, w)
        qtbot.keyClick(dlg.list, Qt.Key.Key_End)
        qtbot.keyClick(dlg.list, Qt.Key.Key_Space)  # untick it: no document has it now...
        qtbot.keyClick(dlg.list, Qt.Key.Key_Return)
        settled(qtbot, lambda: not dlg.isVisible())
        dlg = _open(qtbot, w)
        assert _offered(dlg) == ["ECONOMY", "Politcs", "Wether"]  # ...but the list keeps it
        qtbot.keyClick(dlg.list, Qt.Key.Key_End)
        dlg.remove_button.click()  # the button does what Delete does
        assert _offered(dlg) == ["ECONOMY", "Politcs"]
        qtbot.keyClick(dlg.list, Qt.Key.Key_Escape)
        settled(qtbot, lambda: not dlg.isVisible())
        assert _categories(path)["(offered)"] == ["ECONOMY", "Politcs"]
    finally:
        close_window(w)
