"""Session 11's QA pass (docs/keyboard.md): the app as an annotator meets it, suggestions decided by keys. Each test
failed on main before its fix."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def _selected_doc(window) -> int | None:  # type: ignore[no-untyped-def]
    """The document of the row the list shows selected (the one Enter there opens)."""
    rows = window.documents.table.selectionModel().selectedRows()
    return int(rows[0].data(Qt.ItemDataRole.UserRole)) if rows else None


def test_after_a_filter_the_list_selects_the_open_document_again(qtbot, window):
    """Typing a filter that hid the open document (a.txt) left the match selected, and when the filter was cleared
    that row stayed selected: the list showed b.txt chosen while a.txt was open, and F6, Enter opened b.txt."""
    c, docs = window.controller, window.documents
    qtbot.waitUntil(lambda: window.panels_built)
    opened = c.doc.id
    assert _selected_doc(window) == opened
    docs.search.setFocus()
    qtbot.keyClicks(docs.search, "b.t")  # only b.txt is shown
    assert docs.proxy.rowCount() == 1
    for _ in "b.t":
        qtbot.keyClick(docs.search, Qt.Key.Key_Backspace)  # every document shown again
    assert docs.proxy.rowCount() == 3
    assert _selected_doc(window) == opened
    docs.status.setCurrentIndex(docs.status.findData("in_progress"))  # none is in progress: the list is empty
    docs.status.setCurrentIndex(0)
    assert _selected_doc(window) == opened
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F6)  # the document list
    assert QApplication.focusWidget() is docs.table
    qtbot.keyClick(docs.table, Qt.Key.Key_Return)
    assert c.doc.id == opened  # Enter on the list's row: the document that was open, still open


def test_enter_in_the_filter_opens_the_document_it_found(qtbot, window):
    """Enter in the filter box did nothing: the keys stayed there. It opens the row the list shows selected (the one
    match, or the open document when it is among those shown) and gives the keys to its text."""
    c, docs = window.controller, window.documents
    qtbot.waitUntil(lambda: window.panels_built)
    names = {d["id"]: d["name"] for d in c.project.document_summaries()}
    docs.search.setFocus()
    qtbot.keyClicks(docs.search, "c.t")
    qtbot.keyClick(docs.search, Qt.Key.Key_Return)
    assert names[c.doc.id] == "c.txt"
    assert QApplication.focusWidget() is window.view


def test_find_stays_on_the_toolbar_under_a_larger_font_on_a_small_screen(qtbot, project_path, qapp):
    """Under a 14 pt font on a 1366 px screen the toolbar's last button, Find, went behind Qt's » (the button most
    used of them, on the narrowest screens): the toolbar gives up the buttons the File menu holds first (Open project,
    Import files, Export: each has its key there), and takes them back when there is room."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QToolBar

    from ui_support import close_window, open_window

    was = QFont(qapp.font())
    big = QFont(was)
    big.setPointSizeF(14)
    qapp.setFont(big)
    try:
        w = open_window(qtbot, project_path, size=(1366, 740))
        tb = w.findChild(QToolBar, "main_toolbar")
        find = w.actions_by_name["find"]

        def on_bar(action) -> bool:  # type: ignore[no-untyped-def]
            button = tb.widgetForAction(action)
            return button is not None and button.isVisible() and button.geometry().right() <= tb.width()

        qtbot.waitUntil(lambda: on_bar(find))
        for name in ("accept_all", "new_event", "annotated", "reviewed"):  # the annotator's buttons stay
            assert on_bar(w.actions_by_name[name]), name
        qtbot.mouseClick(tb.widgetForAction(find), Qt.MouseButton.LeftButton)
        assert w.find_bar.isVisible()
        assert w.actions_by_name["open"] not in tb.actions()  # in the File menu, with its key (Ctrl+O)
        w.resize(1900, 740)  # a wider window: every button back
        qtbot.waitUntil(lambda: all(on_bar(w.actions_by_name[k]) for k in ("open", "import_files", "export", "find")))
        close_window(w)
    finally:
        qapp.setFont(was)
