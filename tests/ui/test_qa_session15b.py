"""Session 15's second QA pass on the event editor (docs/keyboard.md, round 7, left): a seven-role event at
1366x768, and the candidate each empty role's key would put. Each test failed on main before its fix."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from text_support import argument_words

TRANSPORT = "Hezbollah deployed thousands of fighters from Lebanon to Syria by truck on Friday."


def _seen_whole(widget) -> bool:  # type: ignore[no-untyped-def]
    """``widget`` shown and not clipped by the scroll area it is in: all of it on screen."""
    return widget.isVisible() and widget.visibleRegion().boundingRect() == widget.rect()


def test_a_seven_role_event_shows_delete_event_at_1366x768(qtbot, tmp_path):
    """Movement:Transport's seven roles (and the State row) pushed "Delete event" below the panel's lower edge at
    1366x768: a person scrolled the editor to find it. It is on screen with the event, and so is every role's row."""
    from annotator import edits
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from ui_helpers import find
    from ui_support import close_window, open_window

    path = tmp_path / "seven.annotator"
    with Project(path, annotator="setup") as p:
        doc = import_documents(p, [IncomingDocument(TRANSPORT, "t.txt")]).imported[0][1]
        ev_id = edits.add_event(p, doc, "Movement:Transport", *find(TRANSPORT, "deployed")).result_id
    w = open_window(qtbot, path, size=(1366, 740))
    try:
        c, ed = w.controller, w.event_editor
        roles = c.schema.event_type("Movement:Transport").roles
        assert len(roles) == 7
        c.select_event(ev_id)
        qtbot.waitUntil(lambda: len(ed.fill_combos) == 7 and ed.role_rows["Time"].isVisible())
        QApplication.processEvents()  # laid out
        (delete,) = [b for b in ed.findChildren(QPushButton) if b.text() == "Delete event"]
        assert _seen_whole(delete), (delete.visibleRegion().boundingRect(), delete.rect())
        for role in roles:
            assert _seen_whole(ed.role_rows[role.name]), role.name
        qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)  # and it does what it says
        qtbot.waitUntil(lambda: ev_id not in c.events)
    finally:
        close_window(w)


def test_an_empty_role_names_the_entity_its_key_would_put(qtbot, tmp_path):
    """A role key was pressed once to see what it puts: an empty role showed a dash, the candidate was seen only
    by pressing Alt+N (a wrong one put, the next key replacing it). An empty role names the entity its key puts with
    nothing selected ("Officials from Moscow met Blinken in Geneva": Geneva for the Place, not Moscow), and the key
    puts that one; a role no entity can fill shows the dash alone."""
    from annotator.store import Project
    from test_qa_session14 import _suggested_project
    from ui.elided import ElidedLabel
    from ui_support import close_window, open_window

    text = "Officials from Moscow met Blinken in Geneva on Monday."
    patterns = [
        {"label": "GPE", "pattern": "Moscow"},
        {"label": "GPE", "pattern": "Geneva"},
        {"label": "PERSON", "pattern": "Blinken"},
    ]
    path = _suggested_project(tmp_path, text, patterns)
    w = open_window(qtbot, path)
    try:
        c, v, ed = w.controller, w.view, w.event_editor
        v.setFocus()
        v.select_cp(text.index("met"), text.index("met") + 3)
        qtbot.keyClick(v, Qt.Key.Key_E)  # Contact:Meet, no role filled
        (ev,) = c.events.values()
        roles = [r.name for r in c.schema.event_type(ev.type).roles]
        place, time = roles.index("Place"), roles.index("Time")
        qtbot.waitUntil(lambda: len(ed.fill_combos) == len(roles))

        def said() -> list[str]:
            return [lab.full_text for lab in ed.findChildren(ElidedLabel) if lab.full_text.startswith("—")]

        qtbot.waitUntil(lambda: any(s.startswith(f"— Alt+{place + 1}: ") for s in said()))
        (named,) = [s for s in said() if s.startswith(f"— Alt+{place + 1}: ")]
        assert named == f"— Alt+{place + 1}: Geneva", said()
        assert not any(s.startswith(f"— Alt+{time + 1}:") for s in said())  # no DATE in the text: no candidate
        qtbot.keyClick(v, getattr(Qt.Key, f"Key_{place + 1}"), Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: not any(s.startswith(f"— Alt+{place + 1}: ") for s in said()))  # filled: named no more
    finally:
        close_window(w)
    with Project(path, create=False) as p:
        doc = p.document_ids()[0]
        ents = {e.id: e for e in p.entities(doc)}
        (held,) = p.events(doc)
        filled = argument_words(text, held.arguments, ents)
    assert filled == [("Place", "Geneva")]  # the entity its row named


def test_an_empty_role_names_the_candidate_of_the_event_shown(qtbot, tmp_path):
    """From one event to another of the same type (the editor keeps its rows), an empty role names the new event's
    candidate: Paris for the meeting in Paris, Beijing for the one in Beijing."""
    from test_qa_session14 import _suggested_project
    from ui.elided import ElidedLabel
    from ui_support import close_window, open_window

    text = "Putin met Xi in Beijing on Monday. Later, Biden met Macron in Paris."
    patterns = [{"label": "GPE", "pattern": p} for p in ("Beijing", "Paris")]
    patterns += [{"label": "PERSON", "pattern": p} for p in ("Putin", "Xi", "Biden", "Macron")]
    path = _suggested_project(tmp_path, text, patterns)
    w = open_window(qtbot, path)
    try:
        c, v, ed = w.controller, w.view, w.event_editor
        v.setFocus()
        for at in (text.index("met"), text.rindex("met")):
            v.select_cp(at, at + 3)
            qtbot.keyClick(v, Qt.Key.Key_E)  # Contact:Meet on each "met"
        assert len(c.events) == 2
        roles = [r.name for r in c.schema.event_type("Contact:Meet").roles]
        key = f"Alt+{roles.index('Place') + 1}"

        def place_said() -> list[str]:
            return [lab.full_text for lab in ed.findChildren(ElidedLabel) if lab.full_text.startswith(f"— {key}: ")]

        for step, city in ((Qt.Key.Key_BracketLeft, "Beijing"), (Qt.Key.Key_BracketRight, "Paris")):
            qtbot.keyClick(v, step)
            qtbot.waitUntil(lambda city=city: place_said() == [f"— {key}: {city}"])
    finally:
        close_window(w)
