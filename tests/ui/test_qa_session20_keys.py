"""Session 20's keys pass (docs/keyboard.md, round 13): the leftovers a person at the keys hits. Each test presses keys
through the real window, then reads what the window shows or the project file holds, and failed on main before its
fix."""

from __future__ import annotations

from PySide6.QtCore import Qt

ALT = Qt.KeyboardModifier.AltModifier

ARRESTED = (
    "Zielinski, 58, was arrested by officers of the Central Anti-Corruption Bureau at his home in Krakow in February "
    "2023, along with businessman Piotr Nowicki, the owner of Nowicki Budownictwo."
)


def test_the_time_of_an_arrest_is_no_age_told_in_apposition(qtbot, tmp_path):
    """Seed 004's "Zielinski, 58, was arrested ... in February 2023": the Roles box's Time row offered "— Alt+4: 58"
    and Alt+4 put it, the age spaCy labelled DATE (the nearest DATE). An age set off by commas after a name is no
    time (``time_spans.is_apposed_age``): the hint and the key offer the month."""
    from ui.elided import ElidedLabel
    from ui_support import close_window, event_fillers, one_event, window_on_its_event

    path = tmp_path / "arrested.annotator"
    words_labels = (("Zielinski", "PERSON"), ("58", "DATE"), ("officers", "PERSON"), ("February 2023", "DATE"))
    one_event(path, ARRESTED, words_labels, "Justice:Arrest-Jail", "arrested")
    w, ev = window_on_its_event(qtbot, path)
    try:
        c, v = w.controller, w.view
        roles = [r.name for r in c.schema.event_type(ev.type).roles]
        key = roles.index("Time") + 1
        hints = [lab.full_text for lab in w.findChildren(ElidedLabel) if f"Alt+{key}:" in lab.full_text]
        assert hints and all("58" not in h and "February 2023" in h for h in hints), hints
        qtbot.keyClick(v, getattr(Qt.Key, f"Key_{key}"), ALT)
        assert w.message.text().startswith("Time: February 2023"), w.message.text()
        assert "58" not in w.message.text(), w.message.text()
    finally:
        close_window(w)
    assert event_fillers(path, ARRESTED) == [("Time", "February 2023")]
