"""Session 34 as a user (helper s34-qa, docs/reliability.md "Session 34: as a user"): keys pressed through the real
window under Xvfb, then what the line says and the project file holds; each test failed on main before its fix."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

MET = "Maria Lopez met John Smith in Paris on Monday."
FIRED = "Acme Corp fired 200 workers."


def _two_plain_documents(path) -> None:  # type: ignore[no-untyped-def]
    """``MET`` and ``FIRED`` as two documents, nothing suggested."""
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project

    with Project(path, annotator="setup") as p:
        import_documents(p, [IncomingDocument(MET, "a.txt"), IncomingDocument(FIRED, "b.txt")])


@pytest.mark.slow  # a window of its own: ~2 s
def test_a_key_s_refusal_in_one_document_is_not_said_on_the_next(qtbot, tmp_path):
    """Seeds under Xvfb: Alt+1 with no event selected on seed 002 said "Select an event first (its trigger, or [ and ]
    to move between events)." in red; Ctrl+PgDown opened seed 004 (the documents list filtered by "arrest") and the
    line went on saying it, black after 8 s, over a document where nothing had been pressed, in place of the work left
    there ("52 suggestions undecided in this document …", which the line says of a document just opened). A key's
    refusal ends with its document, as a key's note does (``show_note``): the next document's line is said."""
    from ui_support import open_window

    path = tmp_path / "two.annotator"
    _two_plain_documents(path)
    w = open_window(qtbot, path)
    c, v = w.controller, w.view
    v.setFocus()
    opened = w.message.text()
    assert opened and c.doc.name == "a.txt"
    qtbot.keyClick(v, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)  # no event selected: refused, said in red
    refusal = w.message.text()
    assert refusal.startswith("Select an event first") and w.message.error_shown() == refusal
    qtbot.keyClick(v, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert c.doc.name == "b.txt"
    qtbot.waitUntil(lambda: w.message.text() != refusal)  # on main: the refusal stayed
    assert w.message.text() == opened  # the same words as a.txt's at its open: nothing suggested there either
    assert not w.message.error_shown()
    qtbot.keyClick(v, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)  # refused in this document: said, and kept
    assert w.message.text() == refusal
