"""Session 39 (helper s39-keys, docs/keyboard.md "By keyboard, round 33, session 39"): the filler Ctrl+Shift+N
selected moved into another role of its event in one chord, through the real window with keys, each test failing on
main."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from test_keys_session38 import SHOT, _held, _project
from text_support import argument_words

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
CTRL_ALT_SHIFT = CTRL_SHIFT | Qt.KeyboardModifier.AltModifier
# the suggester's mistake: the people flown put in the Agent (the flier's role), the doctor in the Artifact
WRONG_ROLE = [("Agent", "police officers", "PERSON"), ("Artifact", "doctor", "PERSON"), ("Destination", "Kabul", "GPE")]


def _window_on_transport(qtbot, tmp_path, size):  # type: ignore[no-untyped-def]
    from ui_support import open_window

    path = _project(tmp_path, SHOT, [("army", "ORG"), ("Kabul", "GPE")], "Movement:Transport", "flew", WRONG_ROLE)
    w = open_window(qtbot, path, size=size)
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_BracketRight)  # the suggested Transport selected
    return w, path


@pytest.mark.slow  # about 2 s: a window of its own
@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_ctrl_alt_shift_digit_moves_the_picked_filler_into_that_role(qtbot, tmp_path, size):
    """Ctrl+Shift+1 selects the Agent "police officers" (the line names the chord that moves it), Ctrl+Alt+Shift+2
    moves it into the Artifact beside "doctor" (a role of several: nothing taken out), the filler and its event still
    selected; Alt+1 then fills the Agent with its candidate "army", Enter accepts. On main Ctrl+Alt+Shift+2 emptied
    the Artifact ("doctor" out) and the officers stayed the Agent."""
    from ui_support import close_window

    w, path = _window_on_transport(qtbot, tmp_path, size)
    try:
        c, v = w.controller, w.view
        (ev_id,) = c.events
        qtbot.keyClick(v, Qt.Key.Key_1, CTRL_SHIFT)
        picked = c.current_entity
        assert SHOT[c.entities[picked].start : c.entities[picked].end] == "police officers"
        said = w.message.text()
        assert said.endswith("; Escape: back to the event; Ctrl+Alt+Shift+1…9 moves it"), said
        qtbot.keyClick(v, Qt.Key.Key_2, CTRL_ALT_SHIFT)
        qtbot.waitUntil(lambda: any(a.role == "Artifact" and a.entity_id == picked for a in c.events[ev_id].arguments))
        said = w.message.text()
        assert said == "Artifact: police officers, moved from Agent (Ctrl+Z puts it back)", said
        assert (c.current_event, c.current_entity) == (ev_id, picked)  # still on it: its edges, or Escape
        roles = sorted(argument_words(SHOT, c.events[ev_id].arguments, c.entities))
        assert roles == [("Artifact", "doctor"), ("Artifact", "police officers"), ("Destination", "Kabul")]
        qtbot.keyClick(v, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)  # the emptied Agent: its own candidate
        qtbot.waitUntil(lambda: any(a.role == "Agent" for a in c.events[ev_id].arguments))
        qtbot.keyClick(v, Qt.Key.Key_Escape)
        qtbot.keyClick(v, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: c.events[ev_id].state == "accepted")
        c.undo_stack.undo()  # Enter
        c.undo_stack.undo()  # Alt+1
        c.undo_stack.undo()  # the move: one step, the officers the Agent again
        qtbot.waitUntil(lambda: any(a.role == "Agent" and a.entity_id == picked for a in c.events[ev_id].arguments))
        c.undo_stack.redo()
        c.undo_stack.redo()
        c.undo_stack.redo()
        qtbot.waitUntil(lambda: c.events[ev_id].state == "accepted")
    finally:
        close_window(w)
    state, filled, _ = _held(path, SHOT)
    assert state == "accepted"
    assert filled == [
        ("Agent", "army"),
        ("Artifact", "doctor"),
        ("Artifact", "police officers"),
        ("Destination", "Kabul"),
    ]


@pytest.mark.slow  # about 2 s: a window of its own
def test_ctrl_alt_shift_digit_into_a_role_of_one_and_its_own_role(qtbot, tmp_path):
    """Ctrl+Shift+2 selects the Artifact "doctor"; Ctrl+Alt+Shift+2 (its own role) changes nothing and says so;
    Ctrl+Alt+Shift+1 (the Agent, a role of one) puts it in place of "police officers", said; with no filler selected
    the chord says what it takes. On main the first emptied the Artifact and the second emptied the Agent."""
    from ui_support import close_window

    w, path = _window_on_transport(qtbot, tmp_path, (1366, 768))
    try:
        c, v = w.controller, w.view
        (ev_id,) = c.events
        qtbot.keyClick(v, Qt.Key.Key_2, CTRL_SHIFT)
        picked = c.current_entity
        qtbot.keyClick(v, Qt.Key.Key_2, CTRL_ALT_SHIFT)
        said = w.message.text()
        assert said == "“doctor” is in Artifact already: Ctrl+Alt+Shift+1…9 moves it into another role", said
        assert any(a.role == "Artifact" and a.entity_id == picked for a in c.events[ev_id].arguments)
        qtbot.keyClick(v, Qt.Key.Key_1, CTRL_ALT_SHIFT)
        qtbot.waitUntil(lambda: any(a.role == "Agent" and a.entity_id == picked for a in c.events[ev_id].arguments))
        said = w.message.text()
        assert said == "Agent: doctor, moved from Artifact, in place of “police officers” (Ctrl+Z puts it back)", said
        qtbot.keyClick(v, Qt.Key.Key_Escape)  # back to the event, no filler selected
        assert c.current_entity is None and c.current_event == ev_id
        qtbot.keyClick(v, Qt.Key.Key_2, CTRL_ALT_SHIFT)
        said = w.message.text()
        assert said.startswith("Ctrl+Alt+Shift+1…9 moves the filler selected into that role:"), said
    finally:
        close_window(w)
    _, filled, _ = _held(path, SHOT)
    assert filled == [("Agent", "doctor"), ("Destination", "Kabul")]


def test_help_shortcuts_says_the_move_chord():
    """Help > Shortcuts has the chord's row, Ctrl+Shift+1…9's row names it, Alt+1…9's says the noun beside the trigger
    comes first (on main: none of them)."""
    from ui.dialogs.shortcuts import shortcut_rows

    rows = dict(shortcut_rows(None))
    assert rows["Ctrl+Alt+Shift+1 … 9"].startswith("Move the filler selected (Ctrl+Shift+1…9, or a click)")
    assert "Ctrl+Alt+Shift+1…9 moves it into that role" in rows["Ctrl+Shift+1 … 9"]
    assert "a noun of a kind the role takes just beside the trigger first" in rows["Alt+1 … Alt+9"]


ARREST = "Police arrested Marek Zielinski in Warsaw, the Polish Interior Ministry said."


@pytest.mark.slow  # about 2 s: a window of its own
def test_the_role_key_offers_the_noun_beside_the_trigger_first(qtbot, tmp_path):
    """A suggested Arrest-Jail on "arrested" (Person "Marek Zielinski"), the sentence's ORG "the Polish Interior
    Ministry" and the stored noun head "Police" just before the trigger: Alt+2 (Agent) fills it with "Police" first, a
    span made; again, the Ministry, the made span taken back. On main the Ministry came first and "Police" second."""
    from annotator.suggest.types import ArgumentSuggestion, EventSuggestion
    from ui_helpers import find
    from ui_support import close_window, one_suggested_event, open_window, store_word_tokens

    path = tmp_path / "beside.annotator"
    person = ArgumentSuggestion("Person", *find(ARREST, "Marek Zielinski"), "PERSON")
    arrest = EventSuggestion("Justice:Arrest-Jail", *find(ARREST, "arrested"), 0.6, (person,))
    spans = [(*find(ARREST, "Warsaw"), "GPE"), (*find(ARREST, "the Polish Interior Ministry"), "ORG")]
    one_suggested_event(path, ARREST, spans, arrest)
    store_word_tokens(path, ARREST, [find(ARREST, "Police")])
    w = open_window(qtbot, path, size=(1366, 768))
    try:
        c, v = w.controller, w.view
        v.setFocus()
        (ev_id,) = c.events
        c.select_event(ev_id)

        def agent() -> list[str]:
            ev = c.events[ev_id]
            return [
                ARREST[c.entities[a.entity_id].start : c.entities[a.entity_id].end]
                for a in ev.arguments
                if a.role == "Agent"
            ]

        qtbot.keyClick(v, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: agent() == ["Police"])  # main: ["the Polish Interior Ministry"]
        said = w.message.text()
        assert said.startswith("Agent: Police as ORG, a noun of the sentence"), said
        assert "Alt+2 again: “the Polish Interior Ministry”" in said, said
        qtbot.keyClick(v, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: agent() == ["the Polish Interior Ministry"])
        assert not any(ARREST[e.start : e.end] == "Police" for e in c.entities.values())  # the made span taken back
    finally:
        close_window(w)
