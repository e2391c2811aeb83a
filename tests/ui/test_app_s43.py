"""Session 43 (helper s43-app): the app's loose ends of session 42. Each test failed on main before its fix (written
and run first)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ui.elided import elide_apart, first_word, told_leads
from ui.panels.documents import DocumentPanel
from ui_support import show_widget

# events-dev's names (a date and a number), five of them imported again with "new-" before their names
OLD = [
    "VOA_EN_NW_2014.08.20.2422182.txt",
    "VOA_EN_NW_2014.09.10.2444962.txt",
    "VOA_EN_NW_2014.10.09.2478154.txt",
    "VOA_EN_NW_2014.11.09.2508360.txt",
    "VOA_EN_NW_2014.12.13.2556485.txt",
]
NEW = [
    "new-VOA_EN_NW_2014.12.16.2560677.txt",
    "new-VOA_EN_NW_2014.12.17.2562583.txt",
    "new-VOA_EN_NW_2014.12.25.2573211.txt",
]


def _shown(panel: DocumentPanel) -> list[str]:
    """The names as the list's delegate hands them to Qt (elided to the cell's room)."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    table, out = panel.table, []
    for row in range(table.model().rowCount()):
        index = table.model().index(row, 0)
        option = QStyleOptionViewItem()
        option.rect = table.visualRect(index)
        option.widget = table
        option.font = table.font()
        table.itemDelegateForIndex(index).initStyleOption(option, index)
        out.append(option.text)
    return out


def test_a_first_word_a_few_names_start_with_is_kept_when_the_list_shows_their_ends(qtbot):
    """At 1366x768 the events-dev articles imported again as "new-VOA_EN_NW_….txt" read "…6.2560677.txt" beside their
    originals' "…3.2556485.txt" (the end, which tells a name from its neighbours): which ones were new was not seen.
    A first word fewer than half the names start with is kept before "…"; the others read as before."""
    from ui.panels.document_widths import least_width

    panel = DocumentPanel()
    panel.resize(least_width(panel), 400)  # the list's least width, as at 1366x768
    show_widget(qtbot, panel)
    rows = [
        {"id": i, "name": n, "status": "new", "entities": 0, "events": 0, "suggestions": 0}
        for i, n in enumerate(OLD + NEW)
    ]
    panel.set_rows(rows, 0)
    shown = _shown(panel)
    assert all("…" in s for s in shown), shown  # the room of 1366x768's list: every name cut
    assert [s for s in shown if s.startswith("new-")] == shown[len(OLD) :], shown
    assert len(set(shown)) == len(shown), shown
    assert all(s[-5:-4].isdigit() for s in shown), shown  # the number's end kept, ".txt" after it


def test_the_first_word_kept_is_a_short_one_few_names_start_with():
    assert first_word("new-VOA_EN_NW_2014.12.16.2560677.txt") == 4
    assert first_word("VOA_EN_NW_2014.12.16.2560677.txt") == 4
    assert first_word("interviews-2014.txt") == 0  # longer than a mark: no first word kept
    assert first_word("-draft.txt") == 0
    assert told_leads(OLD + NEW) == {"new-"}
    assert told_leads(OLD) == frozenset()  # every name's: tells nothing apart
    assert told_leads(NEW + OLD[:2]) == {"VOA_"}
    name = NEW[0]
    assert elide_apart(name, 25, 15, len, 4, 4) == "new-…560677.txt"
    assert elide_apart(name, 25, 15, len, 4) == "…16.2560677.txt"
    assert elide_apart(name, 25, len(name), len, 4, 4) == name  # fits whole: whole


@pytest.mark.slow  # a window opened and a training started: ~4 s
def test_a_training_says_it_loads_the_pipeline_and_after_a_cancel_says_cancelling_till_it_stops(
    qtbot, project_path, monkeypatch
):
    """Project > Train suggestions…: for the seconds spaCy's pipeline loads (no look at Cancel inside it) the line read
    "parsing the finished documents" with nothing parsed; a Cancel pressed then read "cancelling…" until the work's
    next step wrote over it ("parsing the finished documents" once loaded). The load is said, and from the click on
    the line says "cancelling…" until "Training: cancelled"."""
    import threading

    from PySide6.QtCore import Qt

    from annotator import edits, edits_flow
    from annotator.learn import train
    from annotator.store import Project
    from ui.dialogs.training import start_training
    from ui_support import close_window, open_window

    with Project(project_path, create=False, annotator="tester") as project:
        for doc_id in project.document_ids()[:3]:  # training's finished documents
            edits_flow.accept_rest(project, doc_id)
            edits.set_status(project, doc_id, "annotated")
    w = open_window(qtbot, project_path, pipeline=None, size=(1366, 768))
    loading, released = threading.Event(), threading.Event()

    def load_parser(_base, _events):  # type: ignore[no-untyped-def]
        loading.set()
        released.wait(60)  # the load's seconds: until the test has pressed Cancel (a guard, not a timing)
        return None  # never used: the run looks at Cancel right after the load

    monkeypatch.setattr(train, "_load_parser", load_parser)
    start_training(w, train.TrainOptions().quick())
    qtbot.waitUntil(lambda: loading.is_set() and w.progress_label.text() == train.LOADING)  # main: "parsing the…"
    shown: list[str] = []
    set_text = w.progress_label.setText
    monkeypatch.setattr(w.progress_label, "setText", lambda text: shown.append(text) or set_text(text))
    qtbot.mouseClick(w.cancel_button, Qt.MouseButton.LeftButton)
    released.set()
    qtbot.waitUntil(lambda: not w.workers, timeout=120_000)
    said = w.message.text()
    close_window(w)
    assert said.startswith("Training: cancelled"), said
    assert shown and set(shown) == {"cancelling…"}, shown


MEETING = "On November 17 the ministers arrived in town.\nThe planned meeting highlights the cooperation."


@pytest.mark.slow  # about 2 s: the window at 1366x768
def test_an_empty_role_that_refuses_the_span_selected_says_what_it_takes(qtbot, tmp_path):
    """Enter accepted an event and went on to the next suggestion, an entity; the event panel kept the event, its empty
    rows saying what their keys put: "— selected: First Lieute…" in Crime, Time and Place alike, whose keys refuse an
    ORG ("Time takes DATE (7), TIME (8): that label's key relabels it, then Alt+4"). A row whose key refuses the span
    says what the role takes; a row whose key puts it says so, as before."""
    from annotator.suggest.types import EventSuggestion
    from ui_helpers import find
    from ui_support import close_window, one_suggested_event, open_window

    path = tmp_path / "meeting.annotator"
    meet = EventSuggestion("Contact:Meet", *find(MEETING, "meeting"), 0.6, ())
    one_suggested_event(path, MEETING, [(*find(MEETING, "November 17"), "DATE")], meet)
    w = open_window(qtbot, path, size=(1366, 768))
    try:
        w.view.setFocus()
        qtbot.keyClick(w.view, Qt.Key.Key_BracketRight)
        ed = w.event_editor
        cells = {role: ed._group._cells[i].itemAt(0).widget() for i, role in enumerate(ed.role_rows)}
        qtbot.keyClick(w.view, Qt.Key.Key_Return)  # the Meet accepted, on to the DATE "November 17"
        assert w.controller.current_entity is not None
        qtbot.waitUntil(lambda: cells["Time"].full_text == "— Alt+2: selected: November 17")
        entity, place = cells["Entity"], cells["Place"]
        assert entity.full_text.startswith("— Alt+1: takes PERSON (1), ORG (2), GPE (3)"), entity.full_text  # main:
        assert place.full_text.startswith("— Alt+3: takes GPE (3), LOC (5), FAC (6)"), place.full_text  # "selected: …"
        assert "does not put the selected “November 17” (DATE)" in entity.toolTip(), entity.toolTip()
        qtbot.keyClick(w.view, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)  # what the row said: refused
        assert "Entity takes PERSON (1)" in w.message.text(), w.message.text()
    finally:
        close_window(w)


RAID = "Rebels raided Kabul with rockets on Monday."


@pytest.mark.slow  # about 2 s: the window at 1366x768
def test_an_empty_role_whose_key_relabels_the_span_selected_says_as_what(qtbot, tmp_path):
    """A role of one label takes an undecided suggestion of another relabelled (``span_label.label_to_fill``): Alt+3
    put the GPE "Kabul" in an Attack's Instrument as a PRODUCT while its row said "— Alt+3: selected: Kabul"."""
    from annotator.suggest.types import EventSuggestion
    from ui_helpers import find
    from ui_support import close_window, one_suggested_event, open_window

    path = tmp_path / "raid.annotator"
    attack = EventSuggestion("Conflict:Attack", *find(RAID, "raided"), 0.6, ())
    one_suggested_event(path, RAID, [(*find(RAID, "Kabul"), "GPE")], attack)
    w = open_window(qtbot, path, size=(1920, 1080))
    try:
        w.view.setFocus()
        qtbot.keyClick(w.view, Qt.Key.Key_BracketRight)
        ed = w.event_editor
        cells = {role: ed._group._cells[i].itemAt(0).widget() for i, role in enumerate(ed.role_rows)}
        qtbot.keyClick(w.view, Qt.Key.Key_Return)  # the Attack accepted, on to the GPE "Kabul"
        qtbot.waitUntil(lambda: "Kabul" in cells["Place"].full_text)
        assert cells["Place"].full_text == "— Alt+5: selected: Kabul", cells["Place"].full_text
        assert cells["Instrument"].full_text == "— Alt+3: selected: Kabul as PRODUCT"  # main: "… Kabul"
        assert cells["Time"].full_text.startswith("— Alt+4: takes DATE (7), TIME (8)"), cells["Time"].full_text
        qtbot.keyClick(w.view, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)  # what the row said
        kabul = [e for e in w.controller.entities.values() if RAID[e.start : e.end] == "Kabul"]
        assert [e.label for e in kabul] == ["PRODUCT"], kabul
    finally:
        close_window(w)
