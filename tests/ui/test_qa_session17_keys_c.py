"""Session 17's keys pass c (docs/keyboard.md, round 10c): round 10 and 10b's Left lists, the first ones a person
meets. Each test presses keys through the real window, then reads what the window shows or what the file holds, and
failed on main before its fix."""

from __future__ import annotations

from PySide6.QtCore import Qt
from text_support import argument_words

CTRL = Qt.KeyboardModifier.ControlModifier


def test_the_find_bar_closes_at_the_next_document_and_ctrl_f_brings_its_words_back(qtbot, window):
    """Round 10b: Find on one document, then the next one opened, and the bar stayed over the new text with the last
    document's words and "not found". It closes at the change (the keys in the text); Ctrl+F there shows the words
    again, counted in the document open."""
    import re

    from ui_support import DOC_B

    c, v, bar = window.controller, window.view, window.find_bar
    qtbot.waitUntil(lambda: window.panels_built)
    v.setFocus()
    qtbot.keyClick(v, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(bar.edit, "e")
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.isVisible() and v.hasFocus()
    qtbot.keyClick(v, Qt.Key.Key_PageDown, CTRL)
    assert c.doc.name == "b.txt"
    assert not bar.isVisible()
    assert v.hasFocus()
    qtbot.keyClick(v, Qt.Key.Key_F, CTRL)
    assert bar.isVisible() and bar.edit.text() == "e"
    assert bar.info.text() == f"{len(re.findall('e', DOC_B, re.IGNORECASE))} matches"
    qtbot.keyClick(bar.edit, Qt.Key.Key_PageDown, CTRL)  # the next document from the bar itself: the keys to the text
    assert not bar.isVisible()
    assert v.hasFocus()


LONG = "Warsaw opened the talks on Monday.\n" + "".join(f"Line {i} of the report says little.\n" for i in range(80))
LONG += "Krakow closed them on Friday.\nGdansk said nothing.\n"


def _long_project(tmp_path):  # type: ignore[no-untyped-def]
    """A document longer than the window, three suggested GPEs: one at its top, two at its end."""
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from annotator.suggest.writer import WriteCounts, write_entities
    from ui_helpers import find

    path = tmp_path / "long.annotator"
    with Project(path, annotator="setup") as p:
        doc = import_documents(p, [IncomingDocument(LONG, "long.txt")]).imported[0][1]
        with p.transaction():
            spans = [(*find(LONG, w), "GPE") for w in ("Warsaw", "Krakow", "Gdansk")]
            write_entities(p, doc, spans, "spacy:test@1", WriteCounts())
    return path


def test_enter_on_the_last_suggestion_stays_where_the_user_is(qtbot, tmp_path):
    """Round 10b: Enter past the last undecided suggestion went round to the document's first span (decided), the
    text scrolled to the top. The last one decided stays selected where it is, and the status line says every
    suggestion is decided; X on the last one leaves nothing selected and the view where it was."""
    from ui_helpers import find
    from ui_support import close_window, open_window

    def said(c) -> str:  # type: ignore[no-untyped-def]
        e = c.entities[c.current_entity]
        return LONG[e.start : e.end]

    w = open_window(qtbot, _long_project(tmp_path), size=(1366, 740))
    try:
        c, v = w.controller, w.view
        bar = v.verticalScrollBar()
        v.setFocus()
        qtbot.keyClick(v, Qt.Key.Key_Tab)
        assert said(c) == "Warsaw"
        qtbot.keyClick(v, Qt.Key.Key_Return)  # Warsaw accepted: on to Krakow, at the end
        assert said(c) == "Krakow"
        qtbot.keyClick(v, Qt.Key.Key_Return)  # Krakow accepted: on to Gdansk
        assert said(c) == "Gdansk"
        qtbot.keyClick(v, Qt.Key.Key_Return)  # Gdansk, the last: accepted, and the view stays
        shown = bar.value()
        assert shown > 0
        gdansk = c.entities[c.current_entity]
        assert (gdansk.start, gdansk.end, gdansk.state) == (*find(LONG, "Gdansk"), "accepted")
        qtbot.waitUntil(
            lambda: "all decided" in w.work_label.text().lower()
        )  # beside Gdansk: the work left's own widget
        qtbot.keyClick(v, Qt.Key.Key_Z, CTRL)  # Gdansk suggested again; X on it, the last
        qtbot.waitUntil(lambda: c.entities[gdansk.id].state == "suggested")
        c.select_entity(gdansk.id)
        qtbot.keyClick(v, Qt.Key.Key_X)
        assert c.entities[gdansk.id].state == "rejected"
        assert c.current_entity is None
        assert bar.value() == shown
        qtbot.waitUntil(lambda: w.message.text().startswith("Every suggestion in this document is decided"))
    finally:
        close_window(w)


PLACES = "The leaders met in New York on Monday, with Ukraine and West Asia watching. New York was calm."


def test_the_role_key_names_a_second_span_of_the_same_words_apart(qtbot, tmp_path):
    """Round 10b: "Place: New York (Alt+3 again: “Ukraine”, then “West Asia”, “New York”)": the last was the next
    sentence's "New York", another span of the same words, read as the one just put. It is named as another, with
    where it is."""
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from annotator.suggest.types import EventSuggestion
    from annotator.suggest.writer import WriteCounts, write_entities, write_events
    from ui_helpers import find
    from ui_support import close_window, window_on_its_event

    path = tmp_path / "places.annotator"
    second = PLACES.rindex("New York")
    with Project(path, annotator="setup") as p:
        doc = import_documents(p, [IncomingDocument(PLACES, "p.txt")]).imported[0][1]
        with p.transaction():
            spans = [(*find(PLACES, w), "GPE") for w in ("New York", "Ukraine", "West Asia")]
            write_entities(p, doc, [*spans, (second, second + 8, "GPE")], "spacy:test@1", WriteCounts())
            write_events(
                p, doc, [EventSuggestion("Contact:Meet", *find(PLACES, "met"), 0.45)], "rules:t@1", WriteCounts()
            )
    w, ev = window_on_its_event(qtbot, path)
    try:
        c, v = w.controller, w.view
        place = 1 + [r.name for r in c.schema.event_type("Contact:Meet").roles].index("Place")
        qtbot.keyClick(v, getattr(Qt.Key, f"Key_{place}"), Qt.KeyboardModifier.AltModifier)
        said = w.message.text()
        assert said.startswith("Place: New York"), said
        assert "another “New York” (a later sentence)" in said, said
    finally:
        close_window(w)


COURT = "The court, after a long hearing, found Nowak guilty of taking bribes."


def test_the_adjudicator_key_puts_the_court_told_before_the_verdict(qtbot, tmp_path):
    """Round 10b: Alt+N on seed 004's verdicts offered the wrong name first. A role filled from the subject only
    (Adjudicator) takes its sentence's names told before the trigger first: Alt+2 on "found" puts the court, not
    Nowak (nearer, after it: the Defendant)."""
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from annotator.suggest.types import EventSuggestion
    from annotator.suggest.writer import WriteCounts, write_entities, write_events
    from ui_helpers import find
    from ui_support import close_window, window_on_its_event

    path = tmp_path / "court.annotator"
    with Project(path, annotator="setup") as p:
        doc = import_documents(p, [IncomingDocument(COURT, "c.txt")]).imported[0][1]
        with p.transaction():
            spans = [(*find(COURT, "court"), "ORG"), (*find(COURT, "Nowak"), "PERSON")]
            write_entities(p, doc, spans, "spacy:test@1", WriteCounts())
            write_events(
                p, doc, [EventSuggestion("Justice:Convict", *find(COURT, "found"), 0.5)], "rules:t@1", WriteCounts()
            )
    w, ev = window_on_its_event(qtbot, path)
    try:
        c, v = w.controller, w.view
        key = 1 + [r.name for r in c.schema.event_type("Justice:Convict").roles].index("Adjudicator")
        qtbot.keyClick(v, getattr(Qt.Key, f"Key_{key}"), Qt.KeyboardModifier.AltModifier)
        close_window(w)
        with Project(path, create=False) as p:
            (held,) = p.events(p.document_ids()[0])
            ents = {e.id: e for e in p.entities(held.document_id)}
            got = argument_words(COURT, held.arguments, ents)
        assert got == [("Adjudicator", "court")]
    finally:
        if w.controller.project is not None:
            close_window(w)
