"""Session 28 as a user (helper s28-qa, docs/reliability.md "Session 28: as a user"): keys pressed through the real
window under Xvfb, then what the project file holds; each test failed on main before its fix."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from ui_helpers import click_char, find
from ui_support import DOC_A


def test_a_project_deleted_while_open_is_said_deleted_in_its_box(qtbot, window, project_path):
    """`rm` of the open project under Xvfb: the box "Project file moved" said "…renamed, moved or deleted while open;
    … everything saved before is in the file; reopen it from where it is now …" and "Save a copy of what is open, or
    open the file where it is now with File > Open": there was no file anywhere to open. Now it says deleted, and that
    what is open is the only copy, with Save a copy… its one way."""
    c = window.controller
    click_char(qtbot, window.view, find(DOC_A, "Paris")[0])
    qtbot.keyClick(window.view, Qt.Key.Key_Return)  # accepted: saved
    os.remove(project_path)
    c.check_outside_changes()  # the poll notices
    qtbot.waitUntil(lambda: window.moved_bar.isVisible())
    box = window.moved_bar
    try:
        said = box.text()
        assert "was deleted while open" in said and "only copy" in said, said
        assert "File > Open" not in said and "reopen it from where it is now" not in said, said
        assert box.title() == "Project file deleted"
        assert any("copy" in b.text().lower() for b in box.buttons())
    finally:
        box.hide()


def test_the_line_after_an_error_is_in_its_own_colour_once_it_says_something_else(qtbot, window):
    """A full disk (a 600 KB tmpfs) refused an Enter: the box and the red line "…: the change could not be saved
    (database or disk is full); nothing was changed". Space freed, the next Enter accepted the span and the line said
    the next selection, "ORG (suggested): Indian External Affairs (Enter: accept; X: reject)", still in red for the
    rest of the error's 8 s, as if that Enter had failed too. The red is the error's: another text ends it."""
    window.show_error("a.annotator: the change could not be saved (database or disk is full); nothing was changed")
    assert "color" in window.message.styleSheet()
    window.show_error("a.annotator: the change could not be saved (database or disk is full); nothing was changed")
    assert "color" in window.message.styleSheet()  # the same error said again stays red
    click_char(qtbot, window.view, find(DOC_A, "Paris")[0])  # the selection described: another text
    assert "Paris" in window.message.text()
    assert "color" not in window.message.styleSheet(), window.message.styleSheet()


def test_a_legend_label_clicked_with_nothing_selected_and_the_caret_not_shown_labels_nothing(qtbot, window):
    """Under Xvfb at 1920x1080: 006 opened by a click in the document list, then a click on the legend's "[8] TIME"
    (to see what it does): "Adebayo Ogunleye", the document's first words, became an accepted TIME and left the Entity
    role of "defeating". Nothing was selected and the caret (at 0, where the open put it) was not drawn: the list had
    the keys. With the text's caret not shown, a label clicked labels nothing and says what to select; a word clicked
    in the text, then a label clicked, is labelled as before."""
    c = window.controller
    first = min(c.entities.values(), key=lambda e: e.start)
    assert (first.start, first.label, first.state) == (0, "PERSON", "suggested")
    window.documents.table.setFocus()
    qtbot.waitUntil(lambda: window.documents.table.hasFocus())
    window.legend.buttons["GPE"].click()
    now = c.entities[first.id]
    assert (now.label, now.state) == ("PERSON", "suggested"), now
    assert "Nothing selected" in window.message.text(), window.message.text()
    click_char(qtbot, window.view, find(DOC_A, "met")[0] + 1)  # a word of no span, clicked: the caret shown there
    window.legend.buttons["ORG"].click()
    assert any((e.start, e.end, e.label) == (12, 15, "ORG") for e in c.entities.values())


def test_n_from_the_last_trigger_word_says_it_went_round_to_the_first(qtbot, window):
    """N on the document's last trigger word went on to its first, above, unsaid (the line read as for any next word):
    the person took it for a word further on. Now the line says it went round, as Find's "1 of 5" after "5 of 5"
    says it; Shift+N from the first says it went round to the last; a step inside the document says nothing of it."""
    moves, v = window.edit_actions.moves, window.view
    stops = moves.n_stops()
    assert len(stops) >= 2, stops
    v.setFocus()
    v.select_cp(*stops[0])
    qtbot.keyClick(v, Qt.Key.Key_N)
    assert v.selection_cp() == stops[1] and "Round to" not in window.message.text(), window.message.text()
    v.select_cp(*stops[-1])
    qtbot.keyClick(v, Qt.Key.Key_N)
    assert v.selection_cp() == stops[0] and window.message.text().startswith("Round to the first: "), (
        window.message.text()
    )
    qtbot.keyClicks(v, "N")  # Shift+N, by its text
    assert v.selection_cp() == stops[-1] and window.message.text().startswith("Round to the last: "), (
        window.message.text()
    )


def test_keys_typed_as_a_training_s_box_comes_up_do_not_answer_it(qtbot, window, monkeypatch):
    """A training ends while the person types: its box ("Training finished", a version kept but not made the default;
    "Model kept aside" when the project moved meanwhile) comes up unasked, and a key meant for the text answered it:
    M (the letter of "&Make it the default") made the version that scored worse the default, A opened the file
    dialog of "&Attach to a project…". Now both boxes hold the keys as the moved project's box does
    (``unasked_box.open_unasked``); a click still answers them at once."""
    from PySide6.QtWidgets import QApplication

    from annotator.errors import ModelKeptAsideError
    from annotator.learn import versions
    from annotator.learn.train import TrainReport
    from ui import file_dialogs, unasked_box
    from ui.dialogs.kept_model import offer_attach
    from ui.dialogs.training import show_training_result

    p = window.controller.project
    before = versions.default_version(p)
    v = versions.publish(p, versions.new_temp_folder(p), {"created": "now", "documents": 2}, make_default=False)
    show_training_result(window, "", TrainReport(version=v, documents=2, held_out=2, made_default=False))
    box = window.training_result
    picked: list[str] = []
    aside = None
    monkeypatch.setattr(file_dialogs, "open_file_name", lambda *a, **k: picked.append("asked") or ("", ""))
    try:
        qtbot.waitUntil(box.isVisible)
        pressed: list[str] = []  # a letter's button is pressed at once, clicked after its animation (100 ms)
        for b in box.buttons():
            b.pressed.connect(lambda b=b: pressed.append(b.text()))
        for key in (Qt.Key.Key_M, Qt.Key.Key_Return, Qt.Key.Key_Space):
            qtbot.keyClick(QApplication.focusWidget() or box, key)
            qtbot.keyClick(box, key)
        assert box.isVisible() and pressed == [] and versions.default_version(p) == before
        kept = ModelKeptAsideError("the trained model is kept in /k/1", kept="/k/1", project_now=None)
        aside = offer_attach(window, kept)
        qtbot.waitUntil(aside.isVisible)
        for b in aside.buttons():
            b.pressed.connect(lambda b=b: pressed.append(b.text()))
        for key in (Qt.Key.Key_A, Qt.Key.Key_Return, Qt.Key.Key_Escape):
            qtbot.keyClick(aside, key)
        assert aside.isVisible() and pressed == [] and picked == []
        assert aside.findChild(unasked_box.KeysHeld) is not None and box.findChild(unasked_box.KeysHeld) is not None
        (make,) = [b for b in box.buttons() if b.text() == "&Make it the default"]
        make.click()  # a click is aimed: answered at once
        assert versions.default_version(p) == v
    finally:
        box.hide()
        if aside is not None:
            aside.close()
