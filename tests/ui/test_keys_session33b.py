"""Session 33 (helper s33-seedkeys): Alt+E in Find's bar goes to the next word that could be a new event's trigger."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

# "s" matches "state", "said" (no trigger words), "Sudan" and "Sunday" (spans), "strike" (a suggested event's
# trigger), "school", "Soldiers" before "shot", the trigger word no event has yet
TEXT = "The state of Sudan said the strike on Sunday hit a school. Soldiers shot at the crowd."


def test_alt_e_in_finds_bar_passes_over_words_that_are_no_new_trigger(qtbot, tmp_path):
    """A trigger the suggester missed, reached by Find: `Ctrl+F s t r Alt+E` for seed 002's "strike", as "s" and "st"
    matched "state" and "Sudan's" first. Alt+E in the bar now goes to the words' next match that is a trigger word of
    the schema, in no span and no event's trigger, passing over the others: `Ctrl+F s Alt+E` makes the Attack on
    "shot" here. On main it went to "state" (the picker opened: nothing the word names) and no event was made on
    "shot". Enter in the bar still goes to the next match, "state"."""
    from annotator.store import Project
    from annotator.suggest.types import EventSuggestion
    from ui_helpers import find
    from ui_support import close_window, one_suggested_event, open_window

    path = tmp_path / "shot.annotator"
    spans = [(*find(TEXT, "Sudan"), "GPE"), (*find(TEXT, "Sunday"), "DATE")]
    one_suggested_event(path, TEXT, spans, EventSuggestion("Conflict:Attack", *find(TEXT, "strike"), 0.6))
    w = open_window(qtbot, path)

    def shut_picker() -> None:  # main: the picker opened on "state"; closed with nothing chosen
        box = QApplication.activeModalWidget()
        if box is not None:
            box.reject()

    try:
        v = w.view
        v.setFocus()
        qtbot.keyClick(v, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(w.find_bar.edit, "s")
        qtbot.keyClick(w.find_bar.edit, Qt.Key.Key_Return)
        assert v.selection_cp() == find(TEXT, "s")  # Enter: the next match, "state"
        v.select_cp(0, 0)
        qtbot.keyClick(v, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        QTimer.singleShot(300, shut_picker)
        qtbot.keyClick(w.find_bar.edit, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    finally:
        close_window(w)
    with Project(path, create=False) as p:
        got = sorted((TEXT[x.trigger_start : x.trigger_end], x.type, x.state) for x in p.events(p.document_ids()[0]))
    assert got == [("shot", "Conflict:Attack", "added"), ("strike", "Conflict:Attack", "suggested")], got
