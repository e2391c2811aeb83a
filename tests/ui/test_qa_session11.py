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
