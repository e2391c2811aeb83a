"""Session 34's keys pass (helper s34-keys, docs/keyboard.md "By keyboard, round 28, session 34"): what a person
deciding suggested events by keys still met; each test failed on main before its fix."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt


@pytest.mark.slow
def test_a_long_suggested_events_line_keeps_its_keys_and_the_caret_note_at_1366(qtbot, tmp_path):
    """At 1366x768 a suggested event with three long fillers and other possible types filled the status line, and
    the caret note ("the caret is on …; Space selects it") was left out where the caret stood on another span: Enter
    then accepted the event the line named, far from the caret. The line keeps what decides first (Enter, X), then
    the caret note, the fillers' and the types' words shortened before either; the whole in its tooltip."""
    from annotator.suggest.types import ArgumentSuggestion, EventSuggestion
    from ui_helpers import find
    from ui_support import LEND, LEND_FILLERS, close_window, one_suggested_event, open_window

    path = tmp_path / "lend.annotator"
    parts = tuple(ArgumentSuggestion(role, *find(LEND, words), label) for role, words, label in LEND_FILLERS)
    alternatives = ("Transaction:Transfer-Ownership", "Movement:Transport")
    event = EventSuggestion("Transaction:Transfer-Money", *find(LEND, "lend"), 0.7, parts, alternatives=alternatives)
    one_suggested_event(path, LEND, [(*find(LEND, "Nairobi Commuter Rail"), "FAC")], event)
    w = open_window(qtbot, path, size=(1366, 740))
    try:
        c, v = w.controller, w.view
        qtbot.waitUntil(lambda: w.panels_built)
        v.setFocus()
        (ev,) = c.events.values()
        c.select_event(ev.id)
        nairobi = find(LEND, "Nairobi")[0] + 2
        v.select_cp(nairobi, nairobi)  # the caret moved onto the FAC, as Ctrl+Right puts it
        line = w.message.text()
        assert w.message.shown_text() == line, line  # drawn whole: nothing cut at the window's edge
        assert "Enter: accept" in line and "X: reject" in line, line
        assert "the caret is on FAC “Nairobi Commuter Rail” (suggested; Space selects it)" in line, line
        tip = w.message.toolTip()
        for _role, words, _label in LEND_FILLERS:  # the fillers Enter accepts with it, named whole in the tooltip
            assert words in tip, tip
        assert "Transaction:Transfer-Ownership" in tip, tip
    finally:
        close_window(w)


MET_THEN_ARREST = "Maria Lopez met John Smith in Paris on Monday. Police arrested Smith in Lyon on Friday."


def _met_then_arrest(path) -> None:  # type: ignore[no-untyped-def]
    """``MET_THEN_ARREST`` with its names as suggestions and two suggested events, one a sentence, none filled."""
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from annotator.suggest.types import EventSuggestion
    from annotator.suggest.writer import WriteCounts, write_entities, write_events
    from ui_helpers import find

    text = MET_THEN_ARREST
    names = [("Maria Lopez", "PERSON"), ("John Smith", "PERSON"), ("Paris", "GPE"), ("Monday", "DATE")]
    names += [("Police", "ORG"), ("Lyon", "GPE"), ("Friday", "DATE")]
    spans = [(*find(text, words), label) for words, label in names]
    events = [EventSuggestion("Contact:Meet", *find(text, "met"), 0.6)]
    events.append(EventSuggestion("Justice:Arrest-Jail", *find(text, "arrested"), 0.6))
    with Project(path, annotator="setup") as p:
        doc = import_documents(p, [IncomingDocument(text, "two.txt")]).imported[0][1]
        with p.transaction():
            write_entities(p, doc, spans, "spacy:test@1", WriteCounts())
            write_events(p, doc, events, "rules:test@1", WriteCounts())


@pytest.mark.slow
def test_an_empty_role_says_the_selected_span_goes_to_its_own_sentences_event(qtbot, tmp_path):
    """The Meet of the first sentence shown, "Lyon" of the second selected (whose sentence has its own event, the
    Arrest-Jail): the Meet's empty Place read "— Alt+3: Paris" (its candidate with nothing selected), and Alt+3 put
    Lyon in the Arrest-Jail's third role, its Crime (a key fills the event of the span's sentence). Each empty row
    now names the span and the event and role its key puts it in; the key does what the row says."""
    from PySide6.QtCore import Qt

    from annotator.store import Project
    from ui_support import close_window, open_window

    path = tmp_path / "two.annotator"
    _met_then_arrest(path)
    text = MET_THEN_ARREST
    w = open_window(qtbot, path)
    try:
        c, v, ed = w.controller, w.view, w.event_editor
        v.setFocus()
        met = next(e for e in c.events.values() if e.type == "Contact:Meet")
        c.select_event(met.id)
        qtbot.waitUntil(lambda: _said(ed, "Place")[0] == "— Alt+3: Paris")  # nothing selected: its candidate
        lyon = next(e for e in c.entities.values() if text[e.start : e.end] == "Lyon")
        c.select_entity(lyon.id)
        assert ed.event_id == met.id  # the editor still on the Meet
        qtbot.waitUntil(lambda: _said(ed, "Place")[0].startswith("— Alt+3: → arrested"))
        full, tip = _said(ed, "Place")
        assert full == "— Alt+3: → arrested: Crime", full
        assert "puts the selected “Lyon” (GPE)" in tip, tip
        assert "in Crime (Crime takes LAW, EVENT)" in tip and "Justice:Arrest-Jail “arrested”" in tip, tip
        assert _said(ed, "Entity")[0] == "— Alt+1: → arrested: Person"
        qtbot.keyClick(v, Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)  # the Arrest-Jail's Place
        arrest = next(e for e in c.events.values() if e.type == "Justice:Arrest-Jail")
        assert [(a.role, a.entity_id) for a in arrest.arguments] == [("Place", lyon.id)]
        assert c.events[met.id].arguments == ()
        assert ed.event_id == arrest.id  # the editor shows the event the key filled
    finally:
        close_window(w)
    with Project(path, create=False) as p:
        doc = p.document_ids()[0]
        ents = {e.id: text[e.start : e.end] for e in p.entities(doc)}
        held = {e.type: [(a.role, ents[a.entity_id]) for a in e.arguments] for e in p.events(doc)}
    assert held == {"Contact:Meet": [], "Justice:Arrest-Jail": [("Place", "Lyon")]}, held


def _said(ed, role: str) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """What the event editor shows in an empty role's cell (its text, its tooltip)."""
    from ui.elided import ElidedLabel

    said = ed._group._cells[list(ed.role_rows).index(role)].itemAt(0).widget()
    return (said.full_text, said.toolTip()) if isinstance(said, ElidedLabel) else ("", "")


MERGER = "The deal for the merger of the two firms was signed and Regulators approved it in March."


@pytest.mark.slow
def test_a_role_key_offers_nouns_of_a_kind_its_role_takes_and_unknown_ones_last(qtbot, tmp_path):
    """Merge-Org's Org (ORG alone) was offered the sentence's nouns nearest first, whatever they named: the editor read
    "— Alt+1: deal (noun)" and Alt+1 made "deal" an ORG filling Org, "firms" after it (session 33). s34-args' first
    form offered only the nouns of a kind the role takes ("firms"), and those of no kind known ("deal", "Regulators")
    never. They come after it now, nearest first, and the line says so; the file holds the key's choice."""
    from annotator.store import Project
    from annotator.suggest.types import EventSuggestion
    from ui_helpers import find
    from ui_support import close_window, one_suggested_event, open_window, store_word_tokens

    text = MERGER
    path = tmp_path / "merger.annotator"
    one_suggested_event(
        path, text, [(*find(text, "March"), "DATE")], EventSuggestion("Business:Merge-Org", *find(text, "merger"), 0.6)
    )
    heads = [find(text, w) for w in ("Regulators", "deal", "firms", "signed")]  # "signed": a head of no class known
    store_word_tokens(path, text, heads)
    w = open_window(qtbot, path)
    try:
        c, v, ed = w.controller, w.view, w.event_editor
        v.setFocus()
        (ev,) = c.events.values()
        c.select_event(ev.id)
        qtbot.waitUntil(lambda: ed.event_id == ev.id and _said(ed, "Org")[0] != "")
        assert _said(ed, "Org")[0] == "— Alt+1: firms (noun)", _said(ed, "Org")  # main 8316931d: "deal (noun)"
        qtbot.keyClick(v, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
        line = w.message.text()
        assert line.startswith("Org: firms as ORG, a noun of the sentence (a label key changes it)"), line
        assert "(Alt+1 again: “deal”, then “signed”, “Regulators”)" in line, line  # main: none of them offered
        qtbot.keyClick(v, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)  # on: the nearest of no kind known, said so
        line = w.message.text()
        assert line.startswith("Org: deal as ORG, a noun of the sentence, its kind unknown"), line
        qtbot.keyClick(v, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # back to "firms"
    finally:
        close_window(w)
    with Project(path, create=False) as p:
        doc = p.document_ids()[0]
        ents = {e.id: (text[e.start : e.end], e.label) for e in p.entities(doc)}
        held = [(a.role, ents[a.entity_id]) for e in p.events(doc) for a in e.arguments]
    assert held == [("Org", ("firms", "ORG"))], held
    assert sorted(ents.values()) == [("March", "DATE"), ("firms", "ORG")], ents
