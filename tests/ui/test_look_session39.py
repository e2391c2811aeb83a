"""Session 39 (helper s39-look, docs/keyboard.md "Session 39 (helper s39-look)"): the event display as a first-time
annotator met it under Xvfb at 1366x768 and 1920x1080, seeds 000, 002 and 004 pre-annotated; each test fails on main."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

TRIAL = "The trial of the former minister opened at the Warsaw Regional Court of Appeal in Krakow on Monday."


def _trial_project(tmp_path):  # type: ignore[no-untyped-def]
    """TRIAL's project: Krakow a GPE suggestion, "trial" a suggested Justice:Trial-Hearing."""
    from annotator.suggest.types import EventSuggestion
    from ui_helpers import find, project_with_suggestions

    path = tmp_path / "trial.annotator"
    project_with_suggestions(
        path,
        TRIAL,
        [(*find(TRIAL, "Krakow"), "GPE")],
        [EventSuggestion("Justice:Trial-Hearing", *find(TRIAL, "trial"), 0.6, ())],
    )
    return path


@pytest.mark.slow  # about 2 s: the window at 1366x768
def test_a_role_row_cut_at_1366_keeps_the_selected_words_not_the_key(qtbot, tmp_path):
    """Seed 004 at 1366: Enter accepted the Trial-Hearing "trial" and went on to the DATE "almost two years"; every
    empty role read "— Alt+1: selected: alm…", the key the row's first column shows already kept, the words its key
    puts cut. Where neither the whole nor the keyless text fits, the keyless one is cut: "— selected: the Wars…"."""
    from annotator.suggest.types import EventSuggestion
    from ui_helpers import find, project_with_suggestions
    from ui_support import close_window, open_window

    path = tmp_path / "trial.annotator"
    court = "the Warsaw Regional Court of Appeal"
    spans = [(*find(TRIAL, court), "ORG")]
    events = [EventSuggestion("Justice:Trial-Hearing", *find(TRIAL, "trial"), 0.6, ())]
    project_with_suggestions(path, TRIAL, spans, events)
    w = open_window(qtbot, path, size=(1366, 768))
    try:
        w.view.setFocus()
        qtbot.keyClick(w.view, Qt.Key.Key_BracketRight)  # the Trial-Hearing on "trial"
        ed = w.event_editor
        i = list(ed.role_rows).index("Defendant")
        qtbot.keyClick(w.view, Qt.Key.Key_Return)  # accepted, on to the court; the editor stays on the trial
        assert w.controller.current_entity is not None
        cell = ed._group._cells[i].itemAt(0).widget()
        qtbot.waitUntil(lambda: "selected" in cell.full_text and 0 < cell.width() < ed.width())  # laid out
        assert cell.full_text == f"— Alt+1: selected: {court}", cell.full_text
        shown = cell.text()
        assert shown.startswith("— selected: the W") and shown.endswith("…"), shown  # was "— Alt+1: selected: th…"
        assert court in cell.toolTip(), cell.toolTip()
    finally:
        close_window(w)


TRAVEL = (
    "The minister's visit to Warsaw was planned for May.\n"
    "The two ministers met in Berlin on Monday and discussed trade with Germany's envoy at the embassy.\n"
)


@pytest.mark.slow  # two windows: ~4 s
@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_a_first_start_splits_the_right_docks_to_the_schemas_largest_event(qtbot, tmp_path, size):
    """Seeds 000 and 004 at 1920x1080 on a first start: Qt's split left the event panel 610 px, a Justice:Sentence's
    six roles or a Meet's three over 250-330 px of nothing, beside an Annotations list of 13 rows (42 entities, 12
    events). The panel is as tall as the schema's event of the most roles (a Movement:Transport's seven) needs, the
    list has the rest: the Transport shown whole with no blank of more than two rows below it, at 1366 as at 1920."""
    from annotator.suggest.types import EventSuggestion
    from ui_helpers import find, project_with_suggestions
    from ui_support import close_window, open_window, window_settled

    path = tmp_path / "travel.annotator"
    spans = [(*find(TRAVEL, name), label) for name, label in (("Warsaw", "GPE"), ("May", "DATE"), ("Berlin", "GPE"))]
    events = [
        EventSuggestion("Movement:Transport", *find(TRAVEL, "visit"), 0.6, ()),
        EventSuggestion("Contact:Meet", *find(TRAVEL, "met"), 0.6, ()),
    ]
    project_with_suggestions(path, TRAVEL, spans, events)
    w = open_window(qtbot, path, size=size)
    try:
        window_settled(qtbot, w)
        dock, above = w.docks["event"], w.docks["annotations"]
        before = above.height()
        w.view.setFocus()
        qtbot.keyClick(w.view, Qt.Key.Key_BracketRight)  # the Transport on "visit": seven roles
        ed = w.event_editor
        qtbot.waitUntil(
            lambda: ed.event_id is not None and ed._group is not None and ed._group.event_type.endswith("Transport")
        )
        qtbot.waitUntil(lambda: not w._height_timer.isActive())  # the panel's height fit for it (a zero-time timer)
        window_settled(qtbot, w)
        body, view = ed.scroll.widget(), ed.scroll.viewport()
        need = body.heightForWidth(view.width()) if body.hasHeightForWidth() else body.sizeHint().height()
        row = w.entities.table.verticalHeader().defaultSectionSize()
        assert need <= view.height(), (need, view.height())  # every role in sight
        assert view.height() - need <= 2 * row, (view.height(), need, dock.height(), above.height())
        assert above.height() >= before - row, (above.height(), before)  # the list kept its rows at the Transport
    finally:
        close_window(w)


@pytest.mark.slow  # a window of its own: ~2 s
def test_the_line_says_what_the_keys_do_in_the_panel_that_holds_them(qtbot, tmp_path):
    """Seed 004 at 1366: F6 took the keys to the Events list (its frame drawn) while the line still said "PERSON
    (suggested): Anna Kowalczyk (Enter: accept; X: reject)"; Enter there selected the row's event, accepting nothing
    (in the document list it opened another document). The line says the panel's keys while it holds them, and the
    selection's again once Escape brings the keys back to the text."""
    from PySide6.QtWidgets import QApplication

    from ui_support import close_window, open_window, window_settled

    path = _trial_project(tmp_path)
    w = open_window(qtbot, path, size=(1366, 768))
    try:
        w.view.setFocus()
        qtbot.keyClick(w.view, Qt.Key.Key_Tab)  # the first suggestion
        window_settled(qtbot, w)
        assert "(Enter: accept" in w.message.text(), w.message.text()
        said = {}
        for _ in range(6):  # F6 through the panels: documents, entities, events, comments, the event editor
            w.focus_pane(1)
            window_settled(qtbot, w)
            focus = QApplication.focusWidget()
            for name, table in (
                ("documents", w.documents.table),
                ("entities", w.entities.table),
                ("events", w.events.table),
                ("comments", w.comments.edit),  # its box, where Enter adds the words typed as a comment
            ):
                if focus is table:
                    said[name] = w.message.text()
        assert said["documents"].startswith("Document list: ↑/↓ a document, Enter opens it"), said
        assert said["entities"].startswith("Entity list: ↑/↓ a span, Enter selects it in the text"), said
        assert said["events"].startswith("Event list: ↑/↓ an event, Enter selects it in the text"), said
        assert said["comments"].startswith("Comments: type one in the box, Enter adds it"), said
        assert all("Escape: back to the text" in line and "X: reject" not in line for line in said.values()), said
        w.back_to_text()  # Escape
        window_settled(qtbot, w)
        assert "(Enter: accept" in w.message.text(), w.message.text()
    finally:
        close_window(w)


@pytest.mark.slow  # a window of its own: ~2 s
def test_the_event_enter_chose_in_the_list_stays_selected_there(qtbot, tmp_path):
    """Seed 004 at 1366, a span selected: F6 to the Events list, Down, Enter: the row's event selected in the text
    and the editor, but no row of the list shown selected (the selection went through none, clearing the list's,
    and the row that was current already was not selected again)."""
    from PySide6.QtWidgets import QApplication

    from annotator.suggest.types import EventSuggestion
    from ui_helpers import find, project_with_suggestions
    from ui_support import close_window, open_window, window_settled

    path = tmp_path / "trial.annotator"
    events = [
        EventSuggestion("Justice:Trial-Hearing", *find(TRIAL, "trial"), 0.6, ()),
        EventSuggestion("Justice:Trial-Hearing", *find(TRIAL, "opened"), 0.6, ()),
    ]
    project_with_suggestions(path, TRIAL, [(*find(TRIAL, "Krakow"), "GPE")], events)
    w = open_window(qtbot, path, size=(1366, 768))
    try:
        w.view.setFocus()
        (krakow,) = w.controller.entities
        w.controller.select_entity(krakow)  # a span selected: no event, no row of the Events list
        window_settled(qtbot, w)
        table = w.events.table
        for _ in range(6):
            if QApplication.focusWidget() is table:
                break
            w.focus_pane(1)
            window_settled(qtbot, w)
        assert QApplication.focusWidget() is table
        qtbot.keyClick(table, Qt.Key.Key_Down)
        qtbot.keyClick(table, Qt.Key.Key_Return)
        window_settled(qtbot, w)
        chosen = w.controller.current_event
        assert chosen is not None and w.controller.current_entity is None
        rows = [i.row() for i in table.selectionModel().selectedRows()]
        assert rows == [w.events.model.row_of(chosen)], rows  # was []
    finally:
        close_window(w)


def test_the_work_left_beside_a_decided_selection_says_the_keys_left():
    """Seed 000 decided by Enter at 1366: the last Enter left "GPE (accepted): Russia" on the line and "Left: all
    decided; 8 trigger words no event yet" beside it; Ctrl+Enter, the key that marks the document, was in that
    widget's tooltip alone. A finished document's widget says its status, as before."""
    from ui.work_left import keys_left, work_left_short

    said = work_left_short(0, "in_progress", 0, 8) + keys_left(0, "in_progress", 8)
    assert said == "Left: all decided; 8 trigger words no event yet (N: the next; Ctrl+Enter: mark it annotated)"
    assert keys_left(0, "in_progress", 0) == " (Ctrl+Enter: mark it annotated)"
    assert keys_left(0, "reviewed", 0) == "" and keys_left(3, "in_progress", 0) == ""


@pytest.mark.slow  # a window of its own: ~2 s
def test_the_keys_left_are_in_sight_beside_an_accepted_events_line_at_1366(qtbot, tmp_path):
    """Every suggestion decided, an accepted event selected at 1366: its line and the work left with its keys both
    whole, side by side, neither over the other."""
    from ui_support import close_window, open_window, window_settled

    path = _trial_project(tmp_path)
    w = open_window(qtbot, path, size=(1366, 768))
    try:
        w.view.setFocus()
        qtbot.keyClick(w.view, Qt.Key.Key_Tab)  # "trial"
        qtbot.keyClick(w.view, Qt.Key.Key_Return)  # accepted, on to Krakow
        qtbot.keyClick(w.view, Qt.Key.Key_Return)  # every suggestion decided
        w.view.setFocus()
        qtbot.keyClick(w.view, Qt.Key.Key_BracketLeft)  # back to the accepted "trial"
        window_settled(qtbot, w)
        line, left = w.message, w.work_label
        assert w.controller.current_event is not None and "(accepted)" in line.text(), line.text()
        assert left.isVisible() and "Ctrl+Enter: mark it annotated" in left.text(), left.text()
        assert "…" not in line.text() and "…" not in left.text(), (line.text(), left.text())
        fm = left.fontMetrics()
        assert left.width() >= fm.horizontalAdvance(left.text()), (left.width(), left.text())
        at = left.mapTo(w, left.rect().topLeft()).x()
        assert line.mapTo(w, line.rect().topLeft()).x() + line.fontMetrics().horizontalAdvance(line.text()) <= at
    finally:
        close_window(w)
