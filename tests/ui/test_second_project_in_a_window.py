"""A window that closed one project and opened another reads the second one's document, never what it kept of the
first's: caches kept by the document's id and the schema's ``id()`` (the same numbers in another project: every
project's first document is 1, and the parsed schema is shared or its memory given again) gave the first document's
trigger words to N in the second (found by giving a kept window to ``open_window``'s tests, session 38)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ui_helpers import find
from ui_support import window_settled


def test_n_in_a_second_project_goes_to_its_own_trigger_words(qtbot, window, tmp_path):
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project

    v = window.view
    v.setFocus()
    qtbot.keyClick(v, Qt.Key.Key_N)  # the first project's trigger words found, and kept
    assert v.textCursor().hasSelection()
    text = "He would appeal to the court. Police arrested him on Monday."
    path = tmp_path / "second.annotator"
    with Project(path, annotator="setup") as p:
        import_documents(p, [IncomingDocument(text, "second.txt")])
    window.actions_by_name["close_project"].trigger()
    window_settled(qtbot, window)
    assert window.open_project(path)
    window_settled(qtbot, window)
    assert window.controller.doc.id == 1  # the same id as the first project's document
    v.setFocus()
    qtbot.keyClick(v, Qt.Key.Key_N)
    cur = v.textCursor()
    assert (cur.selectionStart(), cur.selectionEnd()) == find(text, "appeal")
    qtbot.keyClick(v, Qt.Key.Key_N)
    cur = v.textCursor()
    assert (cur.selectionStart(), cur.selectionEnd()) == find(text, "arrested")
