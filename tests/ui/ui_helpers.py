"""Driving the document view like a person: click on a word, select text, press keys."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from text_support import word_span as find  # noqa: F401 (the app tests take it from here)


def project_with_suggestions(path, text: str, spans, events, name: str = "t.txt") -> None:  # type: ignore[no-untyped-def]
    """A project at ``path`` of one document ``text`` holding the entity suggestions ``spans`` ((start, end, label))
    and the event suggestions ``events`` (EventSuggestion), as pre-annotation stores them."""
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from annotator.suggest.writer import WriteCounts, write_entities, write_events

    with Project(path, annotator="setup") as p:
        doc = import_documents(p, [IncomingDocument(text, name)]).imported[0][1]
        with p.transaction():
            write_entities(p, doc, spans, "spacy:test@1", WriteCounts())
            write_events(p, doc, events, "rules:test@1", WriteCounts())


def point_of(view, cp: int) -> QPoint:  # type: ignore[no-untyped-def]
    """The viewport point in the middle of the character at code point ``cp``."""
    cur = QTextCursor(view.document())
    cur.setPosition(view.to16(cp))
    left = view.cursorRect(cur)
    cur.setPosition(view.to16(cp + 1))
    right = view.cursorRect(cur)
    x = (left.left() + right.left()) // 2 if right.top() == left.top() else left.left() + 2
    return QPoint(x, left.center().y())


def click_char(qtbot, view, cp: int) -> None:  # type: ignore[no-untyped-def]
    view.ensureCursorVisible()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point_of(view, cp))


def drag_select(qtbot, view, start: int, end: int) -> None:  # type: ignore[no-untyped-def]
    """Select [start, end) with a mouse drag from the first to the last character."""
    a, b = point_of(view, start), point_of(view, end - 1)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=a)
    qtbot.mouseMove(view.viewport(), pos=b)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=b)


def entity_rows(db, doc_id: int):  # type: ignore[no-untyped-def]
    return {(e.start, e.end): e for e in db.entities(doc_id)}


def select_suggested_meet(qtbot, window, db) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """A suggested Contact:Meet on DOC_A's "met" (Entity John Smith, Place Paris, both suggested spans), written into
    the first document as the rules write it, shown and selected; the document's and the event's ids."""
    from annotator.suggest.types import ArgumentSuggestion, EventSuggestion
    from annotator.suggest.writer import WriteCounts, write_events
    from ui_support import DOC_A, read_as_the_poll_reads

    c = window.controller
    d = db.document_ids()[0]
    meet = EventSuggestion(
        "Contact:Meet",
        *find(DOC_A, "met"),
        0.8,
        arguments=(
            ArgumentSuggestion("Entity", *find(DOC_A, "John Smith"), "PERSON"),
            ArgumentSuggestion("Place", *find(DOC_A, "Paris"), "GPE"),
        ),
    )
    with db.transaction():
        write_events(db, d, [meet], "rules:test@1", WriteCounts())
    read_as_the_poll_reads(c)
    qtbot.waitUntil(lambda: len(c.events) == 1)
    ev = next(iter(c.events))
    window.edit_actions.select_event(c.events[ev])
    return d, ev
