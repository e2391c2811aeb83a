"""Session 33 as a user (helper s33-qa, docs/reliability.md "Session 33: as a user"): keys pressed through the real
window under Xvfb, then what the project file holds and the line says; each test failed on main before its fix."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from ui_helpers import find

MERGER = (
    "Halvorsen Energi and Northbridge Power will merge, creating one of Europe's largest renewable electricity groups. "
    "The new company will be headquartered in London."
)


def _creating_with_a_made_org(path) -> None:  # type: ignore[no-untyped-def]
    """``MERGER`` as one document with spaCy's names as suggestions and the rules' suggested "creating"
    (Business:Start-Org) whose Org "electricity groups" the rules made for that role alone, as seed 005 had it."""
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from annotator.suggest.types import ArgumentSuggestion, EventSuggestion
    from annotator.suggest.writer import WriteCounts, write_entities, write_events

    with Project(path, annotator="setup") as p:
        doc = import_documents(p, [IncomingDocument(MERGER, "m.txt")]).imported[0][1]
        with p.transaction():
            names = [(*find(MERGER, words), label) for words, label in (("Europe", "LOC"), ("London", "GPE"))]
            write_entities(p, doc, names, "spacy:test@1", WriteCounts())
            org = ArgumentSuggestion("Org", *find(MERGER, "electricity groups"), "ORG")
            event = EventSuggestion("Business:Start-Org", *find(MERGER, "creating"), 0.6, (org,))
            write_events(p, doc, [event], "rules:test@1", WriteCounts())


@pytest.mark.slow  # a window of its own: ~2 s
def test_x_on_a_suggested_event_says_the_span_made_for_its_role_went_with_it(qtbot, tmp_path):
    """Seed 005 under Xvfb: Enter on "about $14.2 billion" moved on to the suggested "creating" (Start-Org, with Org
    "electricity groups", a span the rules made for that role alone), X rejected it and the line said only the next
    suggestion, "LOC (suggested): Europe": "electricity groups", seen suggested a moment before, had gone with the event
    unsaid (it always has: a candidate for a role, never a name of its own). The person, counting the suggestions on
    screen, pressed X for it, and X rejected the next one, "Halbridge Renewables", a real name; 2 then relabelled
    London. The line says what went with the event, then the next suggestion and its keys; Ctrl+Z brings both back."""
    from ui_support import open_window

    path = tmp_path / "m.annotator"
    _creating_with_a_made_org(path)
    w = open_window(qtbot, path)
    c, v = w.controller, w.view
    v.setFocus()
    creating = next(e for e in c.events.values() if e.type == "Business:Start-Org")
    c.select_event(creating.id)
    qtbot.keyClick(v, Qt.Key.Key_X)
    assert c.events[creating.id].state == "rejected"
    assert all(MERGER[e.start : e.end] != "electricity groups" for e in c.entities.values())
    europe = next(e for e in c.entities.values() if MERGER[e.start : e.end] == "Europe")
    assert c.current_entity == europe.id  # on to the next suggestion, as before
    qtbot.waitUntil(lambda: "electricity groups" in w.message.text())  # on main: "LOC (suggested): Europe (…)"
    line = w.message.text()
    assert line.startswith("“creating” rejected, and with it “electricity groups” (ORG), made for its Org only (Ctrl+Z")
    assert "LOC (suggested): Europe (Enter: accept; X: reject)" in line
    qtbot.keyClick(v, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert c.events[creating.id].state == "suggested"
    assert any(MERGER[e.start : e.end] == "electricity groups" for e in c.entities.values())
