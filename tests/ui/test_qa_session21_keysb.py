"""Session 21, round 14b (docs/keyboard.md): the window at 1366x768 says all a person deciding suggestions reads."""

from __future__ import annotations

from PySide6.QtCore import Qt

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
        # the line is the event's alone, its keys and then the caret's note kept before the fillers' names (session 34)
        assert said.endswith(
            "with 4 fillers; X: reject); the caret is on PERSON “Zielinski” (suggested, its Person; Space selects it)"
        ), said
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


SENTENCE = (
    "A former deputy transport minister of Poland was sentenced on Tuesday to eight years in prison, ending a trial "
    "that lasted almost two years. Judge Anna Kowalczyk of the Warsaw Regional Court found Marek Zielinski guilty. "
    "The court also fined him 500,000 zlotys. " + ARREST
)


def test_the_event_list_shows_each_type_whole_at_1366(qtbot, qapp, tmp_path):
    """Seed 004's suggestions at 1366x768: the list's Type column read "End-…", "Sent…", "Trial…", "Arres…" (Type
    gave up its room first for Arguments); what Enter accepts was read in the editor alone. Trigger and Missing give
    up room first (the trigger is selected in the text; their whole text in the tooltip): each type is whole, and
    Arguments keeps its least."""
    from test_qa_session12 import shown_text
    from ui_support import event_list_at_1366, seed004_suggestions

    path = tmp_path / "sentence.annotator"
    seed004_suggestions(path, SENTENCE)
    with event_list_at_1366(qtbot, qapp, path, 0, events=6) as (w, table):
        hh = table.horizontalHeader()

        def laid_out() -> bool:  # once the dock has its width (the tab is laid out after it is shown)
            return (
                sum(table.columnWidth(i) for i in range(table.model().columnCount())) <= table.viewport().width()
                and hh.sectionSize(2) > 0
            )

        qtbot.waitUntil(laid_out)
        types = {w.events.cell(r, 0): shown_text(table, r, 0) for r in range(6)}
        assert all(whole == shown for whole, shown in types.items()), types
        least = 18 * table.fontMetrics().averageCharWidth()  # Arguments keeps about 18 characters, as before
        assert table.columnWidth(2) >= least, (table.columnWidth(2), least)
        assert "missing Defendant" in table.model().index(2, 2).data(Qt.ItemDataRole.ToolTipRole)  # whole in its tip
