"""Session 22's keys pass c (docs/keyboard.md, round 15b): a suggested trigger that is a phrase's first word, widened
in one key. The test presses keys through the real window, reads what it shows and the project file holds, and
failed on main before the change."""

from __future__ import annotations

from PySide6.QtCore import Qt

from test_qa_session22_keys import SENTENCE

SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_shift_enter_takes_the_trigger_phrase_a_suggested_word_starts(qtbot, tmp_path):
    """Seed 004's suggested Justice:Convict on "found" of "found Marek Zielinski guilty" (the schema's "found guilty"
    with its object between): the status line offers the phrase, Shift+Enter makes it the trigger and accepts the
    event, which stays selected for its roles. On main Shift+Enter did nothing (the replays' player rejected "found"
    and made the event again: 13 keys). On an event whose word starts no phrase, it says so and changes nothing."""
    from annotator.store import Project
    from ui_helpers import find
    from ui_support import close_window, open_window, seed004_suggestions

    path = tmp_path / "sentence.annotator"
    seed004_suggestions(path, SENTENCE)
    w = open_window(qtbot, path)
    try:
        c, v = w.controller, w.view
        by_word = {SENTENCE[x.trigger_start : x.trigger_end]: x.id for x in c.events.values()}
        v.setFocus()
        c.select_event(by_word["found"])
        said = w.message.text()
        assert "Enter: accept; Shift+Enter: accept as “found Marek Zielinski guilty”; X: reject" in said, said
        qtbot.keyClick(v, Qt.Key.Key_Return, SHIFT)
        ev = c.events[by_word["found"]]
        assert (ev.trigger_start, ev.trigger_end) == find(SENTENCE, "found Marek Zielinski guilty")
        assert ev.state == "accepted" and c.current_event == ev.id
        assert w.message.text().startswith("Justice:Convict accepted on “found Marek Zielinski guilty” (Ctrl+Z")
        c.select_event(by_word["fined"])
        assert "Shift+Enter" not in w.message.text()
        qtbot.keyClick(v, Qt.Key.Key_Return, SHIFT)
        assert w.message.text().startswith("“fined” starts no trigger phrase of Justice:Fine")
        assert c.events[by_word["fined"]].state == "suggested" and c.current_event == by_word["fined"]
        qtbot.keyClick(v, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # one step: the widening undone whole
    finally:
        close_window(w)
    with Project(path, create=False) as p:
        found = next(x for x in p.events(p.document_ids()[0]) if x.type == "Justice:Convict")
    assert (SENTENCE[found.trigger_start : found.trigger_end], found.state) == ("found", "suggested")
