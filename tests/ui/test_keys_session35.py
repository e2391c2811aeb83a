"""Session 35 (helper s35-keys, docs/keyboard.md round 29): N passes a trigger word that names the kind of the noun
after it ("the deputy transport minister", "payment channels": ``annotator.noun_modifiers``, read from the noun heads
pre-annotation with events stores), and stops at one that makes a trigger with it ("phone call"). The test presses
keys through the real window and reads the project file; it fails on main (N stopped at "transport")."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from text_support import argument_words

SHIFT = Qt.KeyboardModifier.ShiftModifier
TEXT = "The deputy transport minister said payment channels were cut before the trial, and told a phone call."


def _project_with_heads(path):  # type: ignore[no-untyped-def]
    """TEXT as one document, no span nor event, its words stored as tokens with the parse's noun heads."""
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from ui_helpers import find
    from ui_support import store_word_tokens

    with Project(path, annotator="setup") as p:
        import_documents(p, [IncomingDocument(TEXT, "a.txt")])
    heads = [find(TEXT, w) for w in ("minister", "channels", "trial", "call")]
    store_word_tokens(path, TEXT, [list(h) for h in heads])
    return path


def _events_in_file(path) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    from annotator.store import Project

    with Project(path, create=False) as p:
        doc = p.document_ids()[0]
        return sorted((v.type, TEXT[v.trigger_start : v.trigger_end]) for v in p.events(doc))


@pytest.mark.slow  # about 2 s: the window, an event written
def test_n_passes_a_word_naming_the_kind_of_the_noun_after_it(qtbot, tmp_path):
    from ui_support import close_window, open_window

    path = _project_with_heads(tmp_path / "kinds.annotator")
    w = open_window(qtbot, path)
    try:
        v = w.view
        v.setFocus()
        selected = lambda: TEXT[slice(*v.selection_cp())] if v.selection_cp() else None  # noqa: E731
        qtbot.keyClick(v, Qt.Key.Key_N)  # "transport" (of "transport minister") and "payment" passed
        assert selected() == "trial", selected()
        assert "“trial”: E makes a Justice:Trial-Hearing event" in w.message.text(), w.message.text()
        qtbot.keyClick(v, Qt.Key.Key_N)  # "phone" of "phone call", a trigger of two words: N stops there
        assert selected() == "phone", selected()
        qtbot.keyClick(v, Qt.Key.Key_N, SHIFT)  # back: "trial", not "payment"
        assert selected() == "trial", selected()
        qtbot.keyClick(v, Qt.Key.Key_E)
        assert _events_in_file(path) == [("Justice:Trial-Hearing", "trial")]
    finally:
        close_window(w)


def test_shift_e_after_a_click_onto_its_trigger_retypes_the_selected_event_as_its_tooltip_says(qtbot, window, db):
    """E and Shift+E ask one test of which event they change (``e_key.retyped_by_e``): the selected one, no span and
    no words selected, the caret on its trigger (session 38: on a plain word E and Shift+E make a new event there).
    New event…'s tooltip names both keys (on main it named E alone); Shift+E gives the event its suggestion's other
    type, the file holds it."""
    from annotator.suggest.types import EventSuggestion
    from annotator.suggest.writer import WriteCounts, write_events
    from ui_helpers import find
    from ui_support import DOC_A, read_as_the_poll_reads

    w, c, v = window, window.controller, window.view
    d = db.document_ids()[0]
    with db.transaction():
        attack = EventSuggestion("Conflict:Attack", *find(DOC_A, "attacked"), 0.6, (), alternatives=("Life:Die",))
        write_events(db, d, [attack], "rules:test@1", WriteCounts())
    read_as_the_poll_reads(c)
    (ev,) = [e for e in c.events.values() if e.type == "Conflict:Attack"]
    v.setFocus()
    w.edit_actions.select_event(ev)
    cursor = v.textCursor()
    cursor.setPosition(DOC_A.index("attacked") + 2)  # DOC_A has no astral character: code points are UTF-16 units
    qtbot.mouseClick(v.viewport(), Qt.MouseButton.LeftButton, pos=v.cursorRect(cursor).center())
    assert c.current_event == ev.id
    tip = w.actions_by_name["new_event"].toolTip()
    assert "“attacked” (E: the picker; Shift+E: its next type)" in tip, tip
    qtbot.keyClick(v, Qt.Key.Key_E, SHIFT)
    made = {(DOC_A[e.trigger_start : e.trigger_end], e.type) for e in db.events(d)}
    assert ("attacked", "Life:Die") in made and ("fired", "Conflict:Attack") not in made, made


VISIT = "Ruto's visit to Paris on Monday showed the depth of the cooperation."


@pytest.mark.slow  # about 2 s: the window, a role filled and written
def test_the_line_of_a_suggested_event_names_its_empty_required_role_and_its_key(qtbot, tmp_path):
    """A suggested Transport on "visit" with its Destination and no Artifact: the line named the keys that decide it
    and nothing else ("visit (Enter: accept, with Destination “Paris”; X: reject)"), where the event list read
    "missing Artifact" in red; Enter accepted it a role short. The line now says "missing Artifact (Alt+2)" after the
    keys; Alt+2 fills it, the line no longer says it, and the file holds the Artifact."""
    from annotator.store import Project
    from annotator.suggest.types import ArgumentSuggestion, EventSuggestion
    from ui_helpers import find
    from ui_support import close_window, one_suggested_event, open_window

    path = tmp_path / "visit.annotator"
    paris = ArgumentSuggestion("Destination", *find(VISIT, "Paris"), "GPE")
    visit = EventSuggestion("Movement:Transport", *find(VISIT, "visit"), 0.6, (paris,))
    one_suggested_event(path, VISIT, [(*find(VISIT, "Ruto"), "PERSON"), (*find(VISIT, "Monday"), "DATE")], visit)
    w = open_window(qtbot, path)
    try:
        v = w.view
        v.setFocus()
        qtbot.keyClick(v, Qt.Key.Key_BracketRight)
        line = w.message.text()
        assert "visit (Enter: accept, with Destination “Paris”; X: reject); missing Artifact (Alt+2)" in line, line
        qtbot.keyClick(v, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
        qtbot.keyClick(v, Qt.Key.Key_BracketLeft)  # the event again: its line
        qtbot.keyClick(v, Qt.Key.Key_BracketRight)
        assert "missing" not in w.message.text(), w.message.text()
        with Project(path, create=False) as p:
            doc = p.document_ids()[0]
            ents = {e.id: e for e in p.entities(doc)}
            (ev,) = p.events(doc)
            held = sorted(argument_words(VISIT, ev.arguments, ents))
        assert held == [("Artifact", "Ruto"), ("Destination", "Paris")], held
    finally:
        close_window(w)


MEETING = "On November 17 the ministers arrived in town.\nThe planned meeting highlights the cooperation."


@pytest.mark.slow  # about 2 s: the window at 1366x768
def test_an_empty_roles_hint_keeps_where_its_candidate_lies_at_1366(qtbot, tmp_path):
    """At 1366x768 the event editor's empty Time row of a Meet read "— Alt+2: November 17 (earl…": the key its first
    column shows already, and where the candidate lies cut. Where the row is too narrow the key goes first:
    "— November 17 (earlier)", whole; the tooltip still says it all. So with a span selected: "— selected: November
    17" (it read "— Alt+2: selected: Nove…")."""
    from annotator.suggest.types import EventSuggestion
    from ui_helpers import find
    from ui_support import close_window, one_suggested_event, open_window

    path = tmp_path / "meeting.annotator"
    meet = EventSuggestion("Contact:Meet", *find(MEETING, "meeting"), 0.6, ())
    one_suggested_event(path, MEETING, [(*find(MEETING, "November 17"), "DATE")], meet)
    w = open_window(qtbot, path, size=(1366, 768))
    try:
        w.view.setFocus()
        qtbot.keyClick(w.view, Qt.Key.Key_BracketRight)
        ed = w.event_editor
        i = list(ed.role_rows).index("Time")
        cell = ed._group._cells[i].itemAt(0).widget()
        qtbot.waitUntil(lambda: "November 17" in cell.text() and 0 < cell.width() < ed.width())  # laid out
        assert cell.full_text == "— Alt+2: November 17 (earlier sentence)", cell.full_text
        assert "…" not in cell.text() and "(earlier" in cell.text(), cell.text()
        assert "an earlier sentence" in cell.toolTip(), cell.toolTip()
        qtbot.keyClick(w.view, Qt.Key.Key_Return)  # the Meet accepted, on to "November 17"; the editor stays on it
        assert w.controller.current_entity is not None
        qtbot.waitUntil(lambda: cell.full_text == "— Alt+2: selected: November 17")
        assert cell.text() == "— selected: November 17", cell.text()  # was "— Alt+2: selected: Nove…"
    finally:
        close_window(w)
