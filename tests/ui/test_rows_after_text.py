"""A long document's text shown first, its spans and events read after the text's paint, a page at a time
(``HeldDocument.read_more``, ``ui.rows_arrival``): what a person can do meanwhile (read, scroll, select, copy, open
another document, close the project), what is refused and said (an edit: nothing changed), and the document as a
whole read shows it once they are all read (session 35: 1 MB's 32,760 rows took 170-230 ms before the first paint).
Here any document counts as long (``ROWS_LATER`` 0) and a page is two rows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator import held
from ui.rows_arrival import RowsArrival
from ui_helpers import drag_select, find
from ui_support import DOC_A, settled, window_settled

SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def rows_later(monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(held, "ROWS_LATER", 0)
    monkeypatch.setattr(held, "ROWS_PAGE", 2)


def _doc(window, name: str) -> int:  # type: ignore[no-untyped-def]
    p = window.controller.project
    return next(i for i in p.document_ids() if p.document(i).name == name)


def _arrived(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    settled(qtbot, lambda: window.controller.held.coming is None and not window.rows_arrival.reading)
    window_settled(qtbot, window)


def test_the_text_comes_first_and_the_rows_then_as_a_whole_read_shows_them(qtbot, window, db, rows_later):
    c = window.controller
    b = _doc(window, "a.txt")  # its spans and event: more than a page
    window.open_document(_doc(window, "c.txt"))
    _arrived(qtbot, window)
    window.open_document(b)
    assert c.held.coming is not None and c.held.coming.total == len(db.entities(b)) + len(db.events(b)) > 2
    assert window.view.toPlainText().startswith("Maria Lopez met")  # the text is shown
    assert not c.entities and window.view.highlighter.buckets == {}  # nothing drawn of rows not read yet
    assert window.entities.empty_note.text() == window.entities.coming_text  # "Listing…", never "No entities"
    assert "PERSON" in window.legend.item_texts()[0] and not any(t[-1].isdigit() for t in window.legend.item_texts())
    assert window.message.text().startswith("Reading this document's annotations")  # not "No suggestions here yet"
    _arrived(qtbot, window)
    whole = held.HeldDocument()
    whole.open(db, b)
    assert list(c.entities.items()) == list(whole.entities.items())  # in the text's order, as a whole read holds
    assert list(c.events.items()) == list(whole.events.items())
    assert c.current_summary() == whole.summary()  # the list's row and the legend's counts come from these tallies
    assert c.entity_tally.kinds == whole.entity_tally.kinds
    assert {r.id for r in window.entities.model.rows} == set(c.entities)
    assert {r.id for r in window.events.model.rows} == set(c.events)
    assert window.view.highlighter.buckets  # highlighted
    assert window.entities.empty_note.isHidden()
    persons = whole.entity_tally.kinds["PERSON"]
    assert persons and f"PERSON {persons}" in " ".join(window.legend.item_texts())


def test_while_the_rows_come_the_text_is_read_selected_and_copied_and_an_edit_is_refused(qtbot, window, db, rows_later):
    c, v = window.controller, window.view
    a = _doc(window, "a.txt")
    window.open_document(_doc(window, "c.txt"))
    _arrived(qtbot, window)
    before = [(e.id, e.label, e.state) for e in db.entities(a)]
    window.open_document(a)
    assert c.held.coming is not None
    drag_select(qtbot, v, *find(DOC_A, "Paris"))
    qtbot.keyClick(v, Qt.Key.Key_Right, SHIFT)  # the view's own keys: the selection grows by a character
    assert v.textCursor().selectedText() == "Paris "
    qtbot.keyClick(v, Qt.Key.Key_C, CTRL)
    assert QApplication.clipboard().text() == "Paris "
    qtbot.keyClick(v, "1")  # a label key: refused, said, nothing written
    assert c.held.coming is not None
    assert "still being read" in window.message.text() and "nothing was changed" in window.message.text()
    qtbot.keyClick(v, Qt.Key.Key_Tab)  # Tab, X: the same
    qtbot.keyClick(v, "x")
    assert [(e.id, e.label, e.state) for e in db.entities(a)] == before
    assert c.undo_stack.count() == 0
    _arrived(qtbot, window)
    assert list(c.entities) == [e[0] for e in before]
    drag_select(qtbot, v, *find(DOC_A, "Paris"))
    qtbot.keyClick(v, "x")  # once read, the keys work again: X rejects the suggestion there
    assert [e.state for e in db.entities(a) if DOC_A[e.start : e.end] == "Paris"] == ["rejected"]


def test_another_document_opened_while_the_rows_come_is_shown_whole(qtbot, window, db, rows_later):
    c = window.controller
    a, b = _doc(window, "a.txt"), _doc(window, "b.txt")
    window.open_document(b)
    QApplication.processEvents()  # the text drawn, the first page read
    window.open_document(a)  # b's read stops; a's starts after its paint
    _arrived(qtbot, window)
    assert c.doc.id == a and list(c.entities) == [e.id for e in db.entities(a)]
    assert {r.id for r in window.entities.model.rows} == {e.id for e in db.entities(a)}


def test_the_project_closed_while_the_rows_come(qtbot, window, rows_later):
    c = window.controller
    window.open_document(_doc(window, "b.txt"))
    assert c.held.coming is not None
    window.actions_by_name["close_project"].trigger()
    window_settled(qtbot, window)
    assert c.project is None and c.doc is None and c.held.coming is None and not window.rows_arrival.reading


@pytest.mark.parametrize("pages_read", [0, 1])
def test_a_reload_while_the_rows_come_shows_the_document_whole(qtbot, window, db, rows_later, pages_read):
    """Another program's commit read back (``Controller.reload``) reads the rows whole: the lists, which waited for
    them, are filled through the reload's changes; the read of pages stops."""
    c = window.controller
    a = _doc(window, "a.txt")
    window.open_document(_doc(window, "c.txt"))
    _arrived(qtbot, window)
    window.open_document(a)
    if pages_read:
        settled(qtbot, lambda: c.held.coming is None or c.held.coming.read > 0)
    c.reload()
    assert c.held.coming is None
    _arrived(qtbot, window)
    assert {r.id for r in window.entities.model.rows} == {e.id for e in db.entities(a)}
    assert window.entities.empty_note.isHidden() and window.view.highlighter.buckets


@pytest.mark.parametrize("pages", ["one", "all but the end"])
def test_a_reload_after_pages_were_read_shows_every_row_not_only_those_it_changed(
    qtbot, window, db, rows_later, pages, monkeypatch
):
    """A reload tells the views the rows that differ from those held; rows read in pages were held but never shown
    (the views wait for the last page): they are all shown after it, the lists filled and every span highlighted.
    The pages are read here by the test, after the text's paint, as ``RowsArrival`` reads them: when every row was
    held and only the end was still to be read, nothing differed, nothing was told, and the lists stayed empty (the
    test above failed so ~1 run in 100, as its event loop happened to read the pages); after one page, the spans
    of that page were listed and highlighted by no one."""
    c = window.controller
    a = _doc(window, "a.txt")
    window.open_document(_doc(window, "c.txt"))
    _arrived(qtbot, window)
    monkeypatch.setattr(RowsArrival, "start", lambda self: None)  # the pages read by the test alone
    window.open_document(a)
    settled(qtbot, lambda: not window.after_view_paint.pending)  # the text drawn
    total = c.held.coming.total
    for _ in range(1 if pages == "one" else total // held.ROWS_PAGE):
        assert not c.held.read_more(c.project)  # as ``RowsArrival`` reads them: held, not shown
    assert c.held.coming is not None and c.held.coming.read == (2 if pages == "one" else total)
    c.reload()
    _arrived(qtbot, window)
    assert {r.id for r in window.entities.model.rows} == {e.id for e in db.entities(a)}
    assert {r.id for r in window.events.model.rows} == {v.id for v in db.events(a)}
    assert set(window.view.highlighter.items) == {e.id for e in db.entities(a)} | {-v.id for v in db.events(a)}
    assert window.entities.empty_note.isHidden()
