"""Session 20's second keys pass (docs/keyboard.md, round 13b): times that are not times, amounts that are money. Each
test presses keys through the real window, then reads what the window shows or the project file holds, and failed on
main before its fix."""

from __future__ import annotations

from PySide6.QtCore import Qt

ALT = Qt.KeyboardModifier.AltModifier

FINED = (
    "Judge Anna Kowalczyk found Marek Zielinski guilty of taking bribes between 2017 and 2020. The court also fined "
    "him 500,000 zlotys and barred him from holding public office for ten years."
)


def test_the_time_of_a_fine_is_no_length_of_time(qtbot, tmp_path):
    """Seed 004's "The court also fined him ... and barred him from holding public office for ten years": the Roles
    box's Time row read "— Alt+5: ten years", the length spaCy labels DATE, and Alt+5 put it. A length of time is no
    time an event happened at (``time_spans.is_length_of_time``, text alone: the role keys read no parse): the hint
    and the key offer the years of the sentence before."""
    from ui.elided import ElidedLabel
    from ui_support import close_window, event_fillers, one_event, window_on_its_event

    path = tmp_path / "fined.annotator"
    words_labels = (("2017 and 2020", "DATE"), ("court", "ORG"), ("ten years", "DATE"))
    one_event(path, FINED, words_labels, "Justice:Fine", "fined")
    w, ev = window_on_its_event(qtbot, path)
    try:
        c, v = w.controller, w.view
        key = [r.name for r in c.schema.event_type(ev.type).roles].index("Time") + 1
        hints = [lab.full_text for lab in w.findChildren(ElidedLabel) if f"Alt+{key}:" in lab.full_text]
        assert hints and all("ten years" not in h and "2017 and 2020" in h for h in hints), hints
        qtbot.keyClick(v, getattr(Qt.Key, f"Key_{key}"), ALT)
        assert w.message.text().startswith("Time: 2017 and 2020"), w.message.text()
    finally:
        close_window(w)
    assert event_fillers(path, FINED) == [("Time", "2017 and 2020")]
