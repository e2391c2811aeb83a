"""Session 22's keys pass c (docs/keyboard.md, round 15b): a suggested trigger that is a phrase's first word, widened
in one key. The test presses keys through the real window, reads what it shows and the project file holds, and
failed on main before the change."""

from __future__ import annotations

from PySide6.QtCore import Qt

from test_qa_session22_keys import SENTENCE
from text_support import argument_words

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


def test_a_name_inside_the_widened_phrase_is_its_object_for_the_role_keys(qtbot, tmp_path):
    """After Shift+Enter the trigger "found Marek Zielinski guilty" holds the Defendant: a name inside it was at distance
    0 and neither before nor after it, so the Adjudicator's first candidate (a role filled from the subject: names
    before the trigger first) was Marek Zielinski, not the judge told before. It counts as told after the phrase's first
    word now (its object): Alt+2 first fills the Adjudicator with Anna Kowalczyk, Alt+1 the Defendant with him."""
    from annotator.suggest.types import EventSuggestion
    from ui_helpers import find
    from ui_support import close_window, one_suggested_event, open_window

    text = "Judge Anna Kowalczyk found Marek Zielinski guilty of fraud on Tuesday."
    spans = [(*find(text, "Anna Kowalczyk"), "PERSON"), (*find(text, "Marek Zielinski"), "PERSON")]
    path = tmp_path / "judge.annotator"
    one_suggested_event(path, text, spans, EventSuggestion("Justice:Convict", *find(text, "found"), 0.6, ()))
    w = open_window(qtbot, path)
    try:
        c, v = w.controller, w.view
        v.setFocus()
        c.select_event(next(iter(c.events)))
        qtbot.keyClick(v, Qt.Key.Key_Return, SHIFT)
        alt = Qt.KeyboardModifier.AltModifier
        qtbot.keyClick(v, Qt.Key.Key_2, alt)
        qtbot.keyClick(v, Qt.Key.Key_1, alt)
        ev = c.events[c.current_event]
        filled = dict(argument_words(text, ev.arguments, c.entities))
        assert text[ev.trigger_start : ev.trigger_end] == "found Marek Zielinski guilty"
        assert filled == {"Adjudicator": "Anna Kowalczyk", "Defendant": "Marek Zielinski"}
    finally:
        close_window(w)
