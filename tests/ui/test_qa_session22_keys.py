"""Session 22's keys pass (docs/keyboard.md, round 15): fewer keys per event, and the event list readable at 1366.
Each test presses keys through the real window, then reads what the window shows or the project file holds, and
failed on main before its fix."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier

GUILTY = (
    "Judge Anna Kowalczyk found Marek Zielinski guilty of accepting bribes. "
    "The court also fined him and a gunman shot it down."
)


def test_e_on_a_phrase_with_its_object_between_its_words_makes_its_type(qtbot, tmp_path):
    """Seed 004's "found Marek Zielinski guilty": the schema's trigger phrase "found guilty" with the defendant between
    its words. E opened the picker (no type's words matched the whole selection) and the event took `c o n v Return`
    more; it makes Justice:Convict at once now, as it does on "found guilty" ("shot it down": Conflict:Attack)."""
    from annotator.store import Project
    from ui_helpers import find
    from ui_support import close_window, one_event, open_window

    path = tmp_path / "guilty.annotator"
    one_event(path, GUILTY, (("Marek Zielinski", "PERSON"),), "Justice:Fine", "fined")
    w = open_window(qtbot, path)
    try:
        c, v = w.controller, w.view
        picker: list[str] = []

        def close_picker() -> None:  # the picker that opened (it did before): shut, so the test fails and goes on
            dlg = QApplication.activeModalWidget()
            if dlg is not None:
                picker.append(dlg.windowTitle())
                dlg.reject()

        for words, type_ in (("found Marek Zielinski guilty", "Justice:Convict"), ("shot it down", "Conflict:Attack")):
            v.setFocus()
            v.select_cp(*find(GUILTY, words))
            QTimer.singleShot(100, close_picker)
            qtbot.keyClick(v, Qt.Key.Key_E)
            assert not picker, words
            ev = c.events[c.current_event]
            assert (ev.type, GUILTY[ev.trigger_start : ev.trigger_end]) == (type_, words)
    finally:
        close_window(w)
    with Project(path, create=False) as p:
        types = sorted(x.type for x in p.events(p.document_ids()[0]))
    assert types == ["Conflict:Attack", "Justice:Convict", "Justice:Fine"]
