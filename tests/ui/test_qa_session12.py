"""Session 12's QA pass (docs/keyboard.md): the app as an annotator meets it, round 4. Each test failed on main
before its fix."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

CTRL = Qt.KeyboardModifier.ControlModifier


def answer_with_enter() -> None:
    """The question Ctrl+Enter asks about undecided suggestions, answered by its default (Enter), once it is open."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if box is None:  # not open yet
            QTimer.singleShot(20, press)
            return
        QTest.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(0, press)


def test_ctrl_enter_keeps_to_the_documents_the_filtered_list_shows(qtbot, project_path):
    """With the list filtered to the new documents (a.txt and c.txt; b.txt in progress), Ctrl+Enter on a.txt opened
    b.txt, the next not done by id, which the list had no row for. It opens the next the list shows, and on the last
    one shown it stays and says that the filter hides the one left."""
    from annotator.edits import set_status
    from annotator.store import Project

    from ui_support import close_window, open_window

    with Project(project_path, annotator="setup") as p:
        ids = {d["name"]: d["id"] for d in p.document_summaries()}
        with p.transaction():
            set_status(p, ids["b.txt"], "in_progress")
    w = open_window(qtbot, project_path, size=(1400, 900))
    c, v, docs = w.controller, w.view, w.documents
    qtbot.waitUntil(lambda: w.panels_built and docs.proxy.rowCount() == 3)
    assert c.doc.id == ids["a.txt"]
    docs.status.setCurrentIndex(docs.status.findData("new"))  # a.txt and c.txt
    assert docs.proxy.rowCount() == 2
    v.setFocus()
    answer_with_enter()
    qtbot.keyClick(v, Qt.Key.Key_Return, CTRL)
    assert c.doc.id == ids["c.txt"]
    w.activateWindow()  # offscreen, the window is not made active again after the question by itself
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    qtbot.keyClick(v, Qt.Key.Key_Return, CTRL)  # c.txt has no suggestion: no question
    assert c.doc.id == ids["c.txt"]  # b.txt is not done, but the filter hides it: the document stays
    said = w.message.text()
    assert "1 document not done hidden by its filter" in said, said
    close_window(w)
    with Project(project_path, create=False) as p:
        statuses = {d["name"]: d["status"] for d in p.document_summaries()}
    assert statuses == {"a.txt": "annotated", "b.txt": "in_progress", "c.txt": "annotated"}
