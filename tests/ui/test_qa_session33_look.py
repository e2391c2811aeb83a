"""Session 33's look at the event display (docs/keyboard.md, "The event display looked at, session 33"): what a
person deciding suggested events by keys saw under Xvfb, each test reading the widgets' state (the labels drawn,
their kinds), and each failed on main before its fix."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_the_selected_events_labels_say_whether_it_and_its_arguments_are_decided(qtbot, tmp_path):
    """A suggested event selected had its type drawn filled, as a decided one's, and its arguments' roles too: the
    dashes that tell a suggestion in the text went as soon as the caret reached it, and a person read "Meet" filled
    as accepted (seed 000's "discussions", reached by Tab: its State row said undecided, the text did not). The
    selected event's type and roles keep the dashes while undecided; Enter fills them."""
    from ui_support import LEND, LEND_FILLERS, close_window, window_on_suggested_event

    w, ev = window_on_suggested_event(
        qtbot, tmp_path / "lend.annotator", LEND, "Transaction:Transfer-Money", "lend", 0.7, LEND_FILLERS
    )
    try:
        v = w.view
        v.viewport().repaint()
        fillers = {a.entity_id for a in ev.arguments}
        kinds = v.labels.kinds
        assert kinds[-ev.id] == "selected-trigger-suggested", kinds
        assert {kinds[k] for k in fillers} == {"argument-suggested"}, kinds
        qtbot.keyClick(v, Qt.Key.Key_Return)  # accepted, with its three fillers
        assert w.controller.events[ev.id].state == "accepted"
        w.controller.select_event(ev.id)
        v.viewport().repaint()
        kinds = v.labels.kinds
        assert kinds[-ev.id] == "selected-trigger", kinds
        assert {kinds[k] for k in fillers} == {"argument"}, kinds
    finally:
        close_window(w)
