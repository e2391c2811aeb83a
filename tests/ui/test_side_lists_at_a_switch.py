"""A switch of document: the side lists are drawn once, with the new document's rows; "No entities listed for this
document" only when the document has none (they were emptied at the switch, drawn with that untrue note, then filled
and drawn again after the text's paint: session 34, s34-loop's measure)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from ui import window_panels
from ui_support import window_settled


class ListPaints(QObject):
    """At each paint of a list's viewport: its row count, its rows' ids and the note's text if the note is shown."""

    def __init__(self, panel) -> None:  # type: ignore[no-untyped-def]
        super().__init__(panel)
        self.panel = panel
        self.seen: list[tuple[int, frozenset[int], str]] = []
        panel.table.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # type: ignore[no-untyped-def]  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            note = self.panel.empty_note
            rows = frozenset(r.id for r in self.panel.model.rows)
            self.seen.append((len(rows), rows, "" if note.isHidden() else note.text()))
        return False


def _switch(qtbot, window, name: str) -> tuple[ListPaints, ListPaints]:  # type: ignore[no-untyped-def]
    c = window.controller
    window_settled(qtbot, window)
    to = next(i for i in c.project.document_ids() if c.project.document(i).name == name)
    logs = ListPaints(window.entities), ListPaints(window.events)
    window.open_document(to)
    window_settled(qtbot, window)
    QApplication.processEvents()  # the paints the fill asked for
    return logs


def test_a_document_with_spans_never_shows_the_no_entities_note_nor_another_s_rows(qtbot, window):
    c = window.controller
    before = frozenset(e.id for e in window.entities.model.rows)
    assert before and c.doc.name == "a.txt"
    entities, _ = _switch(qtbot, window, "b.txt")
    now = frozenset(e.id for e in window.entities.model.rows)
    assert now and not (now & before) and c.doc.name == "b.txt"
    assert entities.seen, "the entity list was not drawn after the switch"
    assert all(note == "" for _, _, note in entities.seen), entities.seen  # never "No entities listed" for b.txt
    assert all(rows == now for _, rows, _ in entities.seen), entities.seen  # neither empty nor a.txt's rows
    assert not window.entities.empty_note.isVisible()


def test_a_document_with_no_spans_says_so(qtbot, window):
    entities, events = _switch(qtbot, window, "c.txt")
    assert window.entities.model.rowCount() == 0 and window.events.model.rowCount() == 0
    assert window.entities.empty_note.isVisible()
    assert window.entities.empty_note.text() == window.entities.empty_text
    assert window.events.empty_note.text() == window.events.empty_text
    assert entities.seen and all(note == window.entities.empty_text for _, _, note in entities.seen)


def test_a_long_document_lists_its_rows_after_the_text_and_says_they_come(qtbot, window, monkeypatch):
    """Past ``PANELS_AT_ONCE_ROWS`` rows the lists fill after the text is drawn (the text first); in between they say
    the rows are being listed, not that there are none, and never show the document before's rows."""
    monkeypatch.setattr(window_panels, "PANELS_AT_ONCE_ROWS", 0)
    before = frozenset(e.id for e in window.entities.model.rows)
    entities, _ = _switch(qtbot, window, "b.txt")
    now = frozenset(e.id for e in window.entities.model.rows)
    assert now and not (now & before)
    waiting = [note for count, _, note in entities.seen if count == 0]
    assert all(note == window.entities.coming_text for note in waiting), entities.seen
    assert all(rows in (frozenset(), now) for _, rows, _ in entities.seen), entities.seen
    assert entities.seen[-1][1] == now and entities.seen[-1][2] == ""
