"""Session 33's look at the event display (docs/keyboard.md, "The event display looked at, session 33"): what a
person deciding suggested events by keys saw under Xvfb, each test reading the widgets' state (the labels drawn,
their kinds), and each failed on main before its fix."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_the_selected_events_labels_say_whether_it_and_its_arguments_are_decided(qtbot, tmp_path):
    """A suggested event selected had its type drawn filled, as a decided one's, and its arguments' roles too: the
    dashes that tell a suggestion in the text went as soon as the caret reached it, and a person read "Meet" filled
    as accepted (seed 000's "discussions", reached by Tab: its State row said undecided, the text did not). The
    selected event's type and roles keep the dashes while undecided; Enter fills them."""
    from ui_support import LEND, LEND_FILLERS, close_window, window_on_suggested_event

    w, ev = window_on_suggested_event(
        qtbot, tmp_path / "lend.annotator", LEND, "Transaction:Transfer-Money", "lend", 0.7, LEND_FILLERS
    )
    try:
        v = w.view
        v.viewport().repaint()
        fillers = {a.entity_id for a in ev.arguments}
        kinds = v.labels.kinds
        assert kinds[-ev.id] == "selected-trigger-suggested", kinds
        assert {kinds[k] for k in fillers} == {"argument-suggested"}, kinds
        qtbot.keyClick(v, Qt.Key.Key_Return)  # accepted, with its three fillers
        assert w.controller.events[ev.id].state == "accepted"
        w.controller.select_event(ev.id)
        v.viewport().repaint()
        kinds = v.labels.kinds
        assert kinds[-ev.id] == "selected-trigger", kinds
        assert {kinds[k] for k in fillers} == {"argument"}, kinds
    finally:
        close_window(w)


def test_the_line_names_another_events_trigger_the_caret_is_on_and_space_selects_it(qtbot, tmp_path):
    """With one event selected, the caret moved by keys onto another suggested event's trigger (seed 004: "sentenced"
    selected, Ctrl+Left onto "fined") left the line, the editor and the Events list on the first: the line said
    "Enter: accept" of "sentenced", and Enter accepted it, far from the caret, where a person on "fined" meant that one.
    A span under the caret was named since session 30 ("the caret is on MONEY …; Space selects it"), a trigger was
    not. The line names the other event the caret is on, and Space selects it (as it did, unsaid)."""
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from annotator.suggest.types import EventSuggestion
    from annotator.suggest.writer import WriteCounts, write_entities, write_events
    from ui_helpers import find
    from ui_support import close_window, open_window

    text = "The court sentenced him on Tuesday, and it also fined him for the bribes."
    path = tmp_path / "two.annotator"
    with Project(path, annotator="setup") as p:
        doc = import_documents(p, [IncomingDocument(text, "m.txt")]).imported[0][1]
        two = [EventSuggestion("Justice:Sentence", *find(text, "sentenced"), 0.9)]
        two.append(EventSuggestion("Justice:Fine", *find(text, "fined"), 0.6))
        with p.transaction():
            write_entities(p, doc, [], "spacy:test@1", WriteCounts())
            write_events(p, doc, two, "rules:test@1", WriteCounts())
    w = open_window(qtbot, path, size=(1366, 740))
    try:
        c, v = w.controller, w.view
        v.setFocus()
        by_word = {text[x.trigger_start : x.trigger_end]: x.id for x in c.events.values()}
        c.select_event(by_word["sentenced"])
        v.select_cp(*find(text, "sentenced"))
        v.clear_selection()
        assert "the caret is on" not in w.message.text()  # on the selected event's own trigger: nothing more
        fined = find(text, "fined")[0]
        v.select_cp(fined, fined)  # the caret moved onto "fined", as Ctrl+Left puts it
        line = w.message.text()
        assert "Justice:Sentence (suggested): sentenced" in line, line
        assert "the caret is on event Justice:Fine “fined” (suggested; Space selects it)" in line, line
        qtbot.keyClick(v, Qt.Key.Key_Space)
        assert c.current_event == by_word["fined"]
        assert "event Justice:Fine (suggested): fined" in w.message.text(), w.message.text()
    finally:
        close_window(w)


def test_a_document_reopened_at_its_place_scrolls_to_its_last_paragraph(qtbot, tmp_path):
    """Seed 000 reopened where it was left (a restart of the app): its lines above the place were counted one a
    block, not laid out, and the scroll bar's range was not counted again once they were, so it stayed short. The
    place asked showed lines higher than asked, and a jump to the last paragraph ("November 17" by Tab) put the caret
    out of view, the text stopped at the line before ("shifting alliances."), PageDown and Ctrl+End no further."""
    from pathlib import Path

    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from ui_support import close_window, open_window

    text = (Path(__file__).parents[2] / "seeds" / "000_c5086996ec44ef81.txt").read_text(encoding="utf-8")
    path = tmp_path / "seed.annotator"
    with Project(path, annotator="setup") as p:
        import_documents(p, [IncomingDocument(text, "000.txt")])
    w = open_window(qtbot, path, size=(1366, 768))
    try:
        w.view.show_place((1914, 1310))  # (caret, first line) as the app kept them in the session at 1366x768
    finally:
        close_window(w)  # the place kept
    w = open_window(qtbot, path, size=(1366, 768))
    try:
        v = w.view
        v.show_place((2441, 1881))  # the place the session restarted at: "… sanctions-related obstacles." on top
        assert 1881 - v.top_cp() < 60  # its line or the one before (main: 1470, the scroll bar at its short end)
        last = text.index("The November 17 conversation") + 4
        v.show_cp(last, last + len("November 17"))  # as Tab goes there
        r = v.cursorRect()
        assert 0 <= r.top() and r.bottom() <= v.viewport().height(), (r, v.viewport().height())
    finally:
        close_window(w)
