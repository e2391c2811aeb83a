"""Session 32's keys pass (docs/keyboard.md, round 26): a role key typed in Find's bar fills the role with what the
person means by the match, the span it lies in or the name around it. Each test presses keys through the real window,
then reads what the project file holds, and failed on main before its fix."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier
TEXT = (
    "Officers of the Central Anti-Corruption Bureau arrested Marek Zielinski at the Mokotow Detention Centre in "
    "Warsaw on Friday, his lawyer said."
)


@pytest.mark.slow  # 2.3 s: the window, an event's arguments written twice
def test_a_role_key_in_finds_bar_fills_with_the_span_or_the_name_the_match_lies_in(qtbot, tmp_path):
    """`Ctrl+F`, letters and a role key in the bar filled the role with the match's word alone, a new span of its own
    inside the name the person meant ("Central" of "the Central Anti-Corruption Bureau", "Detention" of the span "the
    Mokotow Detention Centre"): Alt+Enter first (the name) or Enter and Space (the span) were a key more (session 31's
    Court of Appeal). Now the key takes the span the match lies in (s32-qa's ``take_span_around_match``), else, in the bar,
    the name around it (a word in no name stays the word: tests/core/test_name_span.py, the replays' "team")."""
    from annotator.store import Project
    from annotator.suggest.types import ArgumentSuggestion, EventSuggestion
    from ui_helpers import find
    from ui_support import close_window, event_fillers, one_suggested_event, open_window

    path = tmp_path / "fill.annotator"
    person = ArgumentSuggestion("Person", *find(TEXT, "Marek Zielinski"), "PERSON")
    arrest = EventSuggestion("Justice:Arrest-Jail", *find(TEXT, "arrested"), 0.6, (person,))
    one_suggested_event(path, TEXT, [(*find(TEXT, "the Mokotow Detention Centre"), "FAC")], arrest)
    w = open_window(qtbot, path)
    try:
        v, bar = w.view, w.find_bar
        v.setFocus()
        (ev,) = w.controller.events.values()
        w.controller.select_event(ev.id)
        for words, key in (("cen", Qt.Key.Key_2), ("det", Qt.Key.Key_5)):  # Agent, Place
            qtbot.keyClick(v, Qt.Key.Key_F, CTRL)
            bar.edit.selectAll()
            qtbot.keyClicks(bar.edit, words)
            qtbot.keyClick(bar.edit, key, ALT)
            assert v.hasFocus(), words
        assert w.message.text().startswith("Place: the Mokotow Detention Centre"), w.message.text()
    finally:
        close_window(w)
    assert event_fillers(path, TEXT) == [  # main: ("Agent", "Central") (b16372b0: ("Place", "Detention") too)
        ("Agent", "Central Anti-Corruption Bureau"),
        ("Person", "Marek Zielinski"),
        ("Place", "the Mokotow Detention Centre"),
    ]
    with Project(path, create=False) as p:
        words = sorted(TEXT[e.start : e.end] for e in p.entities(p.document_ids()[0]))
    assert words == ["Central Anti-Corruption Bureau", "Marek Zielinski", "the Mokotow Detention Centre"], words
