"""Session 16's first-hour pass (docs/keyboard.md, round 9): a person new to the app, the seeds under Xvfb. Each test
goes through the real window and failed on main before its fix."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ui_helpers import click_char, find
from ui_support import DOC_A


def test_a_selected_suggestion_says_which_keys_decide_it(qtbot, window, db):
    """Tab selected "Maria Lopez" and the status line said "PERSON (suggested): Maria Lopez · ... (Tab: the next;
    Ctrl+Enter: done)": how to accept or reject it was found only in the context menu or Help > Shortcuts. A
    suggestion (span or event) names Enter and X beside it; a decided one does not."""
    from test_panel_updates import _suggest_events

    w, c, v = window, window.controller, window.view
    s, _ = find(DOC_A, "Paris")
    click_char(qtbot, v, s + 2)
    assert w.message.text().startswith("GPE (suggested): Paris (Enter: accept; X: reject)")
    qtbot.keyClick(v, Qt.Key.Key_Return)  # accepted, and on to the next suggestion, which says the keys too
    qtbot.waitUntil(lambda: w.message.text().startswith("DATE (suggested): Monday (Enter: accept; X: reject)"))
    click_char(qtbot, v, s + 2)
    assert w.message.text().startswith("GPE (accepted): Paris")
    assert "Enter: accept" not in w.message.text()  # decided: nothing left to decide
    _suggest_events(db, ("attacked",))
    c.reload()
    qtbot.waitUntil(lambda: w.panels_built and len(w.events.ids) == 1)
    w.edit_actions.select_event(c.events[w.events.ids[0]])
    qtbot.waitUntil(lambda: w.message.text().startswith("event Conflict:Attack (suggested): attacked (Enter: accept"))


def test_escape_in_the_text_closes_the_find_bar_once_nothing_is_selected(qtbot, window):
    """Ctrl+F, "Paris", Enter: the match selected and the keys back in the text, the bar left open to show the words.
    Escape let go of the match, but no key closed the bar from there (a second Escape did nothing): a person reached
    for its Close button. Escape with nothing selected closes it. (Session 19: the first Escape on the match closes
    the bar and keeps the match selected, so that a label key takes the words found; the second lets go of it; with
    something else selected, Escape lets go of it and the next closes the bar.)"""
    w, v = window, window.view
    v.setFocus()
    qtbot.keyClick(v, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = w.find_bar
    qtbot.waitUntil(bar.isVisible)
    qtbot.keyClicks(bar.edit, "Paris")
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: v.hasFocus() and v.selection_cp() == find(DOC_A, "Paris"))
    qtbot.keyClick(v, Qt.Key.Key_Escape)
    assert not bar.isVisible() and v.hasFocus() and v.selection_cp() == find(DOC_A, "Paris")  # the bar, the match kept
    qtbot.keyClick(v, Qt.Key.Key_Escape)
    assert v.selection_cp() is None  # the match let go
    qtbot.keyClick(v, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(bar.isVisible)
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: v.hasFocus() and v.selection_cp() == find(DOC_A, "Paris"))
    v.select_cp(*find(DOC_A, "Monday"))  # something else selected (a Shift+arrow from the match, a click)
    qtbot.keyClick(v, Qt.Key.Key_Escape)
    assert v.selection_cp() is None and bar.isVisible()  # let go; the bar still shows the words
    qtbot.keyClick(v, Qt.Key.Key_Escape)
    assert not bar.isVisible() and v.hasFocus()


def test_review_adjudicate_again_takes_the_keys_to_its_window(qtbot, window):
    """Review > Adjudicate differences (Ctrl+Shift+J) with its window already open behind the main one (a click back
    in the text, to read the document it follows) raised it but left the keys in the main window: Escape did not close
    it (it went to the text), and its A / B / E / G keys would have labelled words there. The window is raised and
    takes the keys, so Escape leaves it."""
    from PySide6.QtWidgets import QApplication

    w = window
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dlg = w._adjudication_window
    try:
        qtbot.waitUntil(dlg.isVisible)
        w.activateWindow()  # back in the main window, the adjudication window open behind it
        w.view.setFocus()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
        qtbot.keyClick(w.view, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dlg)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # where a person's key goes
        qtbot.waitUntil(lambda: not dlg.isVisible())
    finally:
        dlg.close()


def test_a_role_key_on_a_selected_span_names_the_role_it_filled(qtbot, window):
    """E on "met" made a Contact:Meet, a click on "Paris", Alt+3: the status line said "GPE (accepted): Paris", the
    span's own line, and which role took it was seen only in the editor (Alt+3 with nothing selected says "Place:
    …"). It says the role and the filler, as the key with nothing selected does."""
    from ui_helpers import drag_select

    w, c, v = window, window.controller, window.view
    drag_select(qtbot, v, *find(DOC_A, "met"))
    qtbot.keyClick(v, "e")  # Contact:Meet: Entity, Time, Place
    qtbot.waitUntil(lambda: c.current_event is not None and c.events[c.current_event].type == "Contact:Meet")
    ev = c.current_event
    s, _ = find(DOC_A, "Paris")
    click_char(qtbot, v, s + 2)
    qtbot.keyClick(v, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: any(a.role == "Place" for a in c.events[ev].arguments))
    assert w.message.text().startswith("Place: Paris"), w.message.text()


def test_the_edit_menu_decides_the_selected_suggestion(qtbot, window, db):
    """A person looking for how to accept a suggestion opens Edit and found "Accept all suggestions" only: Enter and X
    were in the context menu and Help > Shortcuts. Edit lists "Next undecided suggestion  Tab", "Accept the selected
    suggestion  Enter" and "Reject the selected suggestion  X", and each does what its key does."""
    from ui_helpers import entity_rows

    w, v = window, window.view
    (edit,) = [a.menu() for a in w.menuBar().actions() if a.text() == "&Edit"]
    items = [a.text() for a in edit.actions()]
    for text in (
        "&Next undecided suggestion\tTab",
        "A&ccept the selected suggestion\tEnter",
        "Re&ject the selected suggestion\tX",
    ):
        assert text in items, items
    s, e = find(DOC_A, "Paris")
    click_char(qtbot, v, s + 2)
    w.actions_by_name["accept_one"].trigger()
    d = db.document_ids()[0]
    assert entity_rows(db, d)[(s, e)].state == "accepted"
    qtbot.waitUntil(lambda: w.message.text().startswith("DATE (suggested): Monday"))  # and on to the next one
    w.actions_by_name["reject_one"].trigger()
    assert entity_rows(db, d)[find(DOC_A, "Monday")].state == "rejected"
    before = w.controller.current_entity
    w.actions_by_name["next_suggestion"].trigger()
    assert w.controller.current_entity not in (None, before)


def test_ctrl_enter_says_before_accepting_which_suggested_events_lack_a_required_role(qtbot, window, db):
    """Ctrl+Enter's "Accept the rest and mark annotated" accepted suggested events without their required role and
    said so only after, on the next document ("…has 1 problem left"); Mark reviewed checks first. The question names
    them before anything is accepted, as the problems list does, and the person still chooses."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from annotator.suggest.types import EventSuggestion
    from annotator.suggest.writer import WriteCounts, write_events

    w, c, v = window, window.controller, window.view
    first = c.doc.id
    with db.transaction():  # "met" without its required Entity; "attacked" (every role optional) is not named
        found = [EventSuggestion("Contact:Meet", *find(DOC_A, "met"), 0.5)]
        found.append(EventSuggestion("Conflict:Attack", *find(DOC_A, "attacked"), 0.5))
        write_events(db, first, found, "rules:test@1", WriteCounts())
    c.reload()
    qtbot.waitUntil(lambda: w.panels_built and len(w.events.ids) == 2)
    asked: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert box is not None
        asked.append(box.text())
        assert db.events(first)[0].state == "suggested"  # nothing accepted yet
        qtbot.keyClick(box, Qt.Key.Key_Return)  # accepted all the same: the person chose

    w.activateWindow()
    v.setFocus()
    QTimer.singleShot(0, answer)
    qtbot.keyClick(v, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: c.doc.id != first)
    assert len(asked) == 1 and asked[0].endswith(
        "\n\nAccepting them accepts an event without a required role: “met”: Contact:Meet needs Entity."
    ), asked
    assert {e.state for e in db.events(first)} == {"accepted"} and db.document(first).status == "annotated"
