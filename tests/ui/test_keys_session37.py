"""Session 37 (helper s37-keys, docs/keyboard.md "By keyboard, round 31, session 37"): through the real window with
keys, each test failing on main."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from text_support import argument_words

SHOT = "The army flew police officers and a doctor to Kabul on Monday."
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _attack_project(tmp_path):  # type: ignore[no-untyped-def]
    """A suggested Transport on "flew" whose Artifact the rules made wider than meant ("police officers": the gold
    marks the head, "officers"), a second Artifact "doctor", its Destination "Kabul" the pipeline's GPE."""
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from annotator.suggest.types import ArgumentSuggestion, EventSuggestion
    from annotator.suggest.writer import WriteCounts, write_entities, write_events
    from ui_helpers import find

    path = tmp_path / "shot.annotator"
    args = (
        ArgumentSuggestion("Artifact", *find(SHOT, "police officers"), "PERSON"),
        ArgumentSuggestion("Artifact", *find(SHOT, "doctor"), "PERSON"),
        ArgumentSuggestion("Destination", *find(SHOT, "Kabul"), "GPE"),
    )
    with Project(path, annotator="setup") as p:
        doc = import_documents(p, [IncomingDocument(SHOT, "s.txt")]).imported[0][1]
        with p.transaction():
            write_entities(p, doc, [(*find(SHOT, "Kabul"), "GPE")], "spacy:test@1", WriteCounts())
            write_events(
                p, doc, [EventSuggestion("Movement:Transport", *find(SHOT, "flew"), 0.6, args)], "r@1", WriteCounts()
            )
    return path


@pytest.mark.slow  # about 2 s: a window of its own
def test_ctrl_shift_digit_selects_a_filler_whose_edges_then_move(qtbot, tmp_path):
    """`]` to the suggested Transport, Ctrl+Shift+2 (Artifact, its second role) selects its first filler "police
    officers", the event kept; Shift+Right takes "police" off (one key, where Find "po", Enter, Space came first);
    Ctrl+Shift+2 again selects the next Artifact, "doctor"; Ctrl+Shift+1 on the empty Agent says Alt+1 fills it;
    Escape goes back to the event (the filler let go of) and Enter accepts it. The file holds Artifact "officers" and "doctor". On main
    Ctrl+Shift+2 did nothing."""
    from annotator.store import Project
    from ui_support import close_window, open_window

    path = _attack_project(tmp_path)
    w = open_window(qtbot, path, size=(1366, 768))
    try:
        c, v = w.controller, w.view
        v.setFocus()
        qtbot.keyClick(v, Qt.Key.Key_BracketRight)  # the Transport on "flew"
        (ev_id,) = c.events
        assert c.current_event == ev_id
        ed = w.event_editor  # the editor's filler and its × name the keys (main: "(click: show it in the text)")
        qtbot.waitUntil(lambda: ed._group._cells[list(ed.role_rows).index("Artifact")].count() == 2)
        line = ed._group._cells[list(ed.role_rows).index("Artifact")].itemAt(0).layout()
        tip = line.itemAt(0).widget().toolTip()
        assert "(click: show it in the text; Ctrl+Shift+2 in the text selects it)" in tip, tip
        assert (
            line.itemAt(1).widget().toolTip() == "Remove this Artifact (by keys: Ctrl+Shift+2 to it, then Ctrl+Alt+2)"
        )
        qtbot.keyClick(v, Qt.Key.Key_2, CTRL_SHIFT)
        sel = c.entities.get(c.current_entity) if c.current_entity is not None else None
        assert sel is not None and SHOT[sel.start : sel.end] == "police officers", sel  # main: nothing selected
        assert c.current_event == ev_id
        said = w.message.text()
        assert said.startswith(
            "Artifact “police officers” selected: Shift+Left/Right its start, Ctrl+Shift+Left/Right its end"
        ), said
        assert "Ctrl+Alt+2 out of Artifact; Escape: back to the event; Ctrl+Shift+2 again: the next" in said, said
        qtbot.keyClick(v, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
        qtbot.waitUntil(lambda: SHOT[c.entities[sel.id].start : c.entities[sel.id].end] == "officers")
        qtbot.keyClick(v, Qt.Key.Key_2, CTRL_SHIFT)
        nxt = c.entities[c.current_entity]
        assert SHOT[nxt.start : nxt.end] == "doctor"
        qtbot.keyClick(v, Qt.Key.Key_1, CTRL_SHIFT)  # the Agent: empty
        assert w.message.text() == "Agent of “flew” is empty: Alt+1 fills it", w.message.text()
        qtbot.keyClick(v, Qt.Key.Key_Escape)  # back to the event, the filler let go of (main: both)
        assert c.current_event == ev_id and c.current_entity is None
        said = w.message.text()  # the event's own line (session 38: "Movement:Transport “flew” selected (Escape: …)")
        assert said.startswith("event Movement:Transport (suggested): flew (Enter: accept"), said
        qtbot.keyClick(v, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: c.events[ev_id].state == "accepted")
    finally:
        close_window(w)
    with Project(path, annotator="check") as p:
        (doc_id,) = p.document_ids()
        (held,) = p.events(doc_id)
        ents = {e.id: e for e in p.entities(doc_id)}
        filled = sorted(argument_words(SHOT, held.arguments, ents))
        assert filled == [("Artifact", "doctor"), ("Artifact", "officers"), ("Destination", "Kabul")], filled
        assert held.state == "accepted"


@pytest.mark.slow  # about 2 s: a window of its own
def test_ctrl_shift_digit_with_no_event_selected_says_so(qtbot, tmp_path):
    """Nothing selected: Ctrl+Shift+2 says what it needs (main: nothing said)."""
    from ui_support import close_window, open_window

    path = _attack_project(tmp_path)
    w = open_window(qtbot, path, size=(1366, 768))
    try:
        w.view.setFocus()
        qtbot.keyClick(w.view, Qt.Key.Key_2, CTRL_SHIFT)
        assert w.message.text() == (
            "Ctrl+Shift+1…9 selects a filler of the selected event: select an event first ([ or ])"
        ), w.message.text()
        assert w.controller.current_entity is None
    finally:
        close_window(w)


MET = "Donald Trump met Malcolm Turnbull and an aide in Sydney."


@pytest.mark.slow  # about 2 s: a window of its own
def test_ctrl_alt_digit_on_the_filler_ctrl_shift_digit_selected_takes_that_one_out(qtbot, tmp_path):
    """A suggested Meet whose Entity holds "Malcolm Turnbull" and one filler too many, "aide": `]`, Ctrl+Shift+1
    twice ("Malcolm Turnbull", then "aide"), Ctrl+Alt+1 takes "aide" alone out of the role (it emptied the role, and
    the role key put Turnbull back: bench/suggestion_keys.py counts 5 keys), the event selected again; Enter accepts
    it. The file holds the Meet with Entity "Malcolm Turnbull" alone ("aide", a span the rules made for the role,
    gone with it, as the editor's × drops it). On main
    Ctrl+Shift+1 selected nothing and Ctrl+Alt+1 emptied the role."""
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from annotator.suggest.types import ArgumentSuggestion, EventSuggestion
    from annotator.suggest.writer import WriteCounts, write_entities, write_events
    from ui_helpers import find
    from ui_support import close_window, open_window

    path = tmp_path / "met.annotator"
    args = (
        ArgumentSuggestion("Entity", *find(MET, "Malcolm Turnbull"), "PERSON"),
        ArgumentSuggestion("Entity", *find(MET, "aide"), "PERSON"),
    )
    spans = [(*find(MET, "Donald Trump"), "PERSON"), (*find(MET, "Malcolm Turnbull"), "PERSON")]
    with Project(path, annotator="setup") as p:
        doc = import_documents(p, [IncomingDocument(MET, "m.txt")]).imported[0][1]
        with p.transaction():
            write_entities(p, doc, [*spans, (*find(MET, "Sydney"), "GPE")], "spacy:test@1", WriteCounts())
            write_events(p, doc, [EventSuggestion("Contact:Meet", *find(MET, "met"), 0.6, args)], "r@1", WriteCounts())
    w = open_window(qtbot, path, size=(1366, 768))
    try:
        c, v = w.controller, w.view
        v.setFocus()
        qtbot.keyClick(v, Qt.Key.Key_BracketRight)
        (ev_id,) = c.events
        qtbot.keyClick(v, Qt.Key.Key_1, CTRL_SHIFT)
        qtbot.keyClick(v, Qt.Key.Key_1, CTRL_SHIFT)
        aide = c.entities.get(c.current_entity) if c.current_entity is not None else None
        assert aide is not None and MET[aide.start : aide.end] == "aide", aide
        qtbot.keyClick(v, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: len(c.events[ev_id].arguments) == 1)
        assert w.message.text() == "Entity: “aide” taken out (Ctrl+Z puts it back)", w.message.text()
        assert c.current_event == ev_id and c.current_entity is None
        qtbot.keyClick(v, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: c.events[ev_id].state == "accepted")
    finally:
        close_window(w)
    with Project(path, annotator="check") as p:
        (doc_id,) = p.document_ids()
        (held,) = p.events(doc_id)
        ents = {e.id: e for e in p.entities(doc_id)}
        assert argument_words(MET, held.arguments, ents) == [("Entity", "Malcolm Turnbull")]
        assert held.state == "accepted"
        assert not any(MET[e.start : e.end] == "aide" for e in ents.values())  # made for the role: gone with it, as ×
