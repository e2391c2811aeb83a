"""Session 34 as a user (helper s34-qa, docs/reliability.md "Session 34: as a user"): keys pressed through the real
window under Xvfb, then what the line says and the project file holds; each test failed on main before its fix."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

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


def _four_documents_with_a_name_each(path) -> None:  # type: ignore[no-untyped-def]
    """Four documents, a.txt to d.txt, each with one suggested PERSON."""
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from annotator.suggest.writer import WriteCounts, write_entities

    with Project(path, annotator="setup") as p:
        made = import_documents(p, [IncomingDocument(f"{MET} ({n})", f"{n}.txt") for n in "abcd"]).imported
        with p.transaction():
            for _name, doc in made:
                write_entities(p, doc, [(0, 11, "PERSON")], "spacy:test@1", WriteCounts())


@pytest.mark.slow  # a window of its own: ~2 s
def test_ctrl_pgdown_from_a_document_the_filter_hides_goes_on_not_back_to_the_top(qtbot, tmp_path):
    """Seeds under Xvfb: the list filtered to "new", seed 003 opened from it, Tab and Enter (003 in progress, out of the
    list), Ctrl+PgDown: seed 002 opened, the one above, the person's work going backwards through the list; Ctrl+PgUp
    went to the bottom. From a document the filter hides, the keys go to the row after (before) where it would stand
    in the list as sorted, as from a row: 004, and 002 going up."""
    from ui_support import open_window

    path = tmp_path / "four.annotator"
    _four_documents_with_a_name_each(path)
    w = open_window(qtbot, path)
    c, v, docs = w.controller, w.view, w.document_list()
    ids = {c.project.document(i).name: i for i in c.project.document_ids()}
    docs.status.setCurrentIndex(docs.status.findData("new"))
    w.open_document_from_list(ids["b.txt"])
    v.setFocus()
    qtbot.keyClick(v, Qt.Key.Key_Tab)
    qtbot.keyClick(v, Qt.Key.Key_Return)  # accepted: b.txt in progress, out of the list of new ones
    qtbot.waitUntil(lambda: docs.shown_ids() == [ids["a.txt"], ids["c.txt"], ids["d.txt"]])
    qtbot.keyClick(v, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert c.doc.name == "c.txt"  # on main: a.txt, the top of the list
    w.open_document(ids["b.txt"])
    qtbot.keyClick(v, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert c.doc.name == "a.txt"  # on main: d.txt, the bottom
    docs.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # the names z to a: b.txt stands between c and a
    w.open_document(ids["b.txt"])
    qtbot.keyClick(v, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert c.doc.name == "a.txt"
    w.open_document(ids["b.txt"])
    qtbot.keyClick(v, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert c.doc.name == "c.txt"


DECOMPOSED = "Police met Zoe\u0308 Mu\u0308ller in Zu\u0308rich on Monday."  # as a macOS file or an NFD corpus holds it


@pytest.mark.slow  # a window of its own: ~2 s
def test_find_s_words_typed_composed_label_a_name_stored_decomposed(qtbot, tmp_path):
    """A document of accents and combining marks under Xvfb: "Zoë Müller" stored decomposed ("Zoe" and U+0308, as
    macOS file names and some corpora hold text) and drawn as "Zoë Müller"; Ctrl+F and "Zoë" typed (the keyboard's
    composed U+00EB): "not found". Found now, and Ctrl+1 in the bar makes the name a PERSON at the stored text's code
    points, its accents inside the span; "Zoe" typed finds no "Zoë", as in a composed text."""
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from ui_support import close_window, open_window

    path = tmp_path / "nfd.annotator"
    with Project(path, annotator="setup") as p:
        import_documents(p, [IncomingDocument(DECOMPOSED, "nfd.txt")])
    w = open_window(qtbot, path)
    try:
        v, bar = w.view, w.find_bar
        v.setFocus()
        qtbot.keyClick(v, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(bar.edit, "Zoe")
        qtbot.waitUntil(lambda: "not found" in bar.info.text())  # the "Zoe" of "Zoë" is no match
        bar.edit.clear()
        for ch in "Zoë Müller":  # composed, as a keyboard types it (QTest's keyClicks takes ASCII only)
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(bar.edit, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))
        qtbot.waitUntil(lambda: bar.info.text() not in ("", "not found"))  # on main: "not found"
        qtbot.keyClick(bar.edit, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
        (made,) = w.controller.entities.values()
        assert (made.label, made.state) == ("PERSON", "added")
        assert DECOMPOSED[made.start : made.end] == "Zoe\u0308 Mu\u0308ller"
    finally:
        close_window(w)
    with Project(path, create=False) as p:
        (stored,) = p.entities(p.document_ids()[0])
        assert (stored.start, stored.end) == (11, 23)


@pytest.mark.slow  # a window of its own: ~2 s
def test_the_documents_filter_finds_a_name_stored_decomposed(qtbot, tmp_path):
    """The documents list's "Filter by name" as Find (``find_words.words_pattern``): a file imported from a macOS folder
    keeps its name decomposed ("Mu" and U+0308 "ller_interview.txt"); "müller" typed (composed) left the list empty."""
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from ui_support import close_window, open_window

    path = tmp_path / "names.annotator"
    names = ["Mu\u0308ller_interview.txt", "Muller_notes.txt", "other.txt"]
    with Project(path, annotator="setup") as p:
        import_documents(p, [IncomingDocument(f"{MET} {n}", n) for n in names])
    w = open_window(qtbot, path)
    try:
        docs = w.document_list()
        qtbot.keyClicks(docs.search, "ller")
        qtbot.waitUntil(lambda: len(docs.shown_ids()) == 2)
        docs.search.clear()
        for ch in "müller":  # composed, as typed (QTest's keyClicks takes ASCII only)
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(docs.search, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))
        qtbot.waitUntil(lambda: docs.search.text() == "müller")
        shown = [w.controller.project.document(i).name for i in docs.shown_ids()]
        assert shown == ["Mu\u0308ller_interview.txt"]  # on main: none
    finally:
        close_window(w)
