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
