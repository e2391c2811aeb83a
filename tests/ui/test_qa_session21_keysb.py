"""Session 21, round 14b (docs/keyboard.md): the window at 1366x768 says all a person deciding suggestions reads."""

from __future__ import annotations

from ui_helpers import find
from ui_support import close_window, one_suggested_event, open_window

ARREST = (
    "Zielinski, 58, was arrested by officers of the Central Anti-Corruption Bureau at his home in Krakow in "
    "February 2023, along with businessman Piotr Nowicki."
)


def test_the_work_left_stays_in_view_beside_a_four_filler_event_at_1366(qtbot, tmp_path):
    """At 1366x768 "event Justice:Arrest-Jail (suggested): arrested (Enter: accept, with Person “Zielinski”, Agent
    “officers”, Time “February 2023” and 1 more; X: reject) · 6 suggestions undecided in this document, one of them an
    event (Tab: …" was cut at its end: the count of the work left went out of view. The count has its own widget in the
    status bar, beside the line, the whole sentence in its tooltip; the line says the event whole."""
    from annotator.suggest.types import ArgumentSuggestion, EventSuggestion

    path = tmp_path / "arrest.annotator"
    words = {"Zielinski": "PERSON", "officers": "PERSON", "home": "FAC", "February 2023": "DATE", "Krakow": "GPE"}
    spans = [(*find(ARREST, w), label) for w, label in words.items()]
    args = tuple(
        ArgumentSuggestion(role, *find(ARREST, w), words[w])
        for role, w in (("Person", "Zielinski"), ("Agent", "officers"), ("Time", "February 2023"), ("Place", "home"))
    )
    one_suggested_event(
        path, ARREST, spans, EventSuggestion("Justice:Arrest-Jail", *find(ARREST, "arrested"), 0.6, args)
    )
    w = open_window(qtbot, path, size=(1366, 740))
    try:
        w.view.setFocus()
        (ev,) = w.controller.events.values()
        w.controller.select_event(ev.id)
        qtbot.waitUntil(lambda: w.message.text().startswith("event Justice:Arrest-Jail"))
        said = w.message.text()
        assert not w.message.is_cut(), (said, w.message.shown_text())
        assert said.endswith("and 1 more; X: reject)"), said  # the line is the event's alone
        left = w.work_label
        assert left.isVisible() and left.text() == "Left: 6 undecided, one of them an event", left.text()
        assert "6 suggestions undecided in this document, one of them an event (Tab: the next" in left.toolTip()
        w.controller.select_event(None)  # nothing selected: the line says the work left whole, the widget hides
        qtbot.waitUntil(lambda: w.message.text().startswith("6 suggestions undecided in this document"))
        assert not left.isVisible()
        w.message.setText("Version 1 is now the default")  # another message: the count comes back beside it
        assert left.isVisible()
    finally:
        close_window(w)
