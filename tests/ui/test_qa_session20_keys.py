"""Session 20's keys pass (docs/keyboard.md, round 13): the leftovers a person at the keys hits. Each test presses keys
through the real window, then reads what the window shows or the project file holds, and failed on main before its
fix."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui_support import ARRESTED

ALT = Qt.KeyboardModifier.AltModifier


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


FINED = (
    "Judge Anna Kowalczyk found Marek Zielinski guilty of accepting 3.4 million zlotys (about $850,000) from two "
    "construction firms. The court also fined him 500,000 zlotys and barred him from holding public office."
)


def test_a_money_role_offers_the_sentences_amount_the_pipeline_labelled_quantity(qtbot, tmp_path):
    """Seed 004's "The court also fined him 500,000 zlotys": spaCy suggests the amount as QUANTITY, and Money takes
    MONEY alone, so Alt+3 put "about $850,000" (the sentence before's) and the fine's amount took `Alt+3 Ctrl+F 5
    Return Space Alt+3`. A role of one amount's label takes the sentence's undecided suggestions of another amount's
    label after its own (``keyflow.kin_fits``); the key relabels it MONEY as it fills, one step (Ctrl+Z undoes it):
    Alt+3, one key."""
    from annotator.store import Project
    from annotator.suggest.types import ArgumentSuggestion, EventSuggestion
    from ui.elided import ElidedLabel
    from ui_helpers import find
    from ui_support import close_window, one_suggested_event, open_window

    path = tmp_path / "fined.annotator"
    labels = (("3.4 million zlotys", "QUANTITY"), ("about $850,000", "MONEY"), ("500,000 zlotys", "QUANTITY"))
    spans = [(*find(FINED, words), label) for words, label in labels] + [(*find(FINED, "court"), "ORG")]
    judge = ArgumentSuggestion("Adjudicator", *find(FINED, "court"), "ORG")
    one_suggested_event(path, FINED, spans, EventSuggestion("Justice:Fine", *find(FINED, "fined"), 0.6, (judge,)))
    w = open_window(qtbot, path)
    try:
        c, v = w.controller, w.view
        v.setFocus()
        (ev,) = c.events.values()
        c.select_event(ev.id)
        key = [r.name for r in c.schema.event_type(ev.type).roles].index("Money") + 1
        hints = [lab.full_text for lab in w.findChildren(ElidedLabel) if f"Alt+{key}:" in lab.full_text]
        assert hints == [f"— Alt+{key}: 500,000 zlotys"], hints
        qtbot.keyClick(v, getattr(Qt.Key, f"Key_{key}"), ALT)
        said = w.message.text()
        assert said.startswith("Money: 500,000 zlotys as MONEY, suggested as QUANTITY"), said
    finally:
        close_window(w)
    with Project(path, create=False) as p:
        doc = p.document_ids()[0]
        ents = {e.id: e for e in p.entities(doc)}
        (event,) = p.events(doc)
        money = [ents[a.entity_id] for a in event.arguments if a.role == "Money"]
        assert [(FINED[e.start : e.end], e.label, e.state) for e in money] == [("500,000 zlotys", "MONEY", "accepted")]
        assert (
            ents[next(i for i, e in ents.items() if FINED[e.start : e.end] == "3.4 million zlotys")].label == "QUANTITY"
        )


BOUGHT = (
    "Nowicki testified against his former partner. 'The verdict is based on the words of a man who bought his own "
    "freedom,' Grabowski said."
)


def _two_suggested_events(path) -> None:  # type: ignore[no-untyped-def]
    """``BOUGHT`` as one document with two suggested events: "testified" (Trial-Hearing), "bought" (Transfer-Ownership)."""
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from annotator.suggest.types import EventSuggestion
    from annotator.suggest.writer import WriteCounts, write_events
    from ui_helpers import find

    with Project(path, annotator="setup") as p:
        doc = import_documents(p, [IncomingDocument(BOUGHT, "b.txt")]).imported[0][1]
        events = [
            EventSuggestion("Justice:Trial-Hearing", *find(BOUGHT, "testified"), 0.6),
            EventSuggestion("Transaction:Transfer-Ownership", *find(BOUGHT, "bought"), 0.6),
        ]
        with p.transaction():
            write_events(p, doc, events, "rules:test@1", WriteCounts())


def _window_on_testified(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    """A window on ``_two_suggested_events`` (bought.annotator in ``tmp_path``), the text focused and the suggested
    "testified" selected: (the project's path, the window, that event)."""
    from ui_support import open_window

    path = tmp_path / "bought.annotator"
    _two_suggested_events(path)
    w = open_window(qtbot, path)
    w.view.setFocus()
    testified = next(e for e in w.controller.events.values() if e.type == "Justice:Trial-Hearing")
    w.controller.select_event(testified.id)
    return path, w, testified


def test_x_on_finds_match_rejects_the_suggestion_the_words_found_lie_in(qtbot, tmp_path):
    """Seed 004's "a man who bought his own freedom", a suggested Transfer-Ownership that is none: the replay reached
    it by `]` six times past right suggestions, then X. Find's first letters reach it in fewer keys, but X after the
    match rejected the event selected before the Find ("testified", out of view): Space had to come between. X on
    Find's match (the bar open) rejects the one undecided suggestion it lies in; in none, it says so and rejects
    nothing."""
    from annotator.store import Project
    from ui_helpers import find
    from ui_support import close_window

    path, w, testified = _window_on_testified(qtbot, tmp_path)
    try:
        c, v = w.controller, w.view
        for words in ("gra", "bou"):  # "Grabowski": no suggestion there; then "bought"
            qtbot.keyClick(v, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
            w.find_bar.edit.selectAll()
            qtbot.keyClicks(w.find_bar.edit, words)
            qtbot.keyClick(w.find_bar.edit, Qt.Key.Key_Return)
            assert v.selection_cp() == find(BOUGHT, words.capitalize() if words == "gra" else words)
            qtbot.keyClick(v, Qt.Key.Key_X)
            if words == "gra":
                assert "nothing was rejected" in w.message.text(), w.message.text()
                assert c.events[testified.id].state == "suggested"
    finally:
        close_window(w)
    with Project(path, create=False) as p:
        states = {BOUGHT[e.trigger_start : e.trigger_end]: e.state for e in p.events(p.document_ids()[0])}
    assert states == {"testified": "suggested", "bought": "rejected"}
