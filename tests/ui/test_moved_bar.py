"""The project file renamed while open is said in a bar over the text, not a modal box (session 31, helper s31-box):
the box (session 28 held its keys for a moment) still stopped the person's work while it was up. As an editor shows a
file changed on disk, the bar leaves the text its keys, its choices reached by Alt+O and Alt+K; answered once, the
same move is not offered again. Each test failed on main (the box, modal, had the keys; there was no bar)."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_helpers import click_char, find
from ui_support import DOC_A


def _renamed(qtbot, window, project_path):  # type: ignore[no-untyped-def]
    """An accept saved, the file renamed, the poll's check: the window told (the bar, or on main the box)."""
    click_char(qtbot, window.view, find(DOC_A, "Paris")[0])
    qtbot.keyClick(window.view, Qt.Key.Key_Return)  # accepted: saved
    moved = project_path.with_name("renamed.annotator")
    os.rename(project_path, moved)
    window.controller.check_outside_changes()  # the poll notices while the person types
    qtbot.waitUntil(lambda: window.controller.project.stopped is not None)
    return moved


def test_the_text_keeps_its_keys_while_the_moved_file_is_said(qtbot, window, project_path):
    moved = _renamed(qtbot, window, project_path)
    assert QApplication.activeModalWidget() is None  # on main: the box, modal over the text
    assert QApplication.focusWidget() is window.view  # told, the text kept the focus
    before = window.controller.current_entity
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)  # the text's: the next suggestion, to read on
    assert window.controller.current_entity not in (None, before)
    bar = window.moved_bar
    assert bar.isVisible() and str(moved) in bar.text() and bar.title() == "Project file moved"
    assert QApplication.focusWidget() is window.view  # a key for the text answers nothing


def test_alt_o_opens_the_project_where_it_is_now_and_gives_the_keys_back_to_the_text(qtbot, window, project_path):
    c = window.controller
    moved = _renamed(qtbot, window, project_path)
    qtbot.keyClick(window.view, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)  # where the keys are: the text
    qtbot.waitUntil(lambda: c.project is not None and c.project.path == moved, timeout=20_000)
    assert c.project.stopped is None and not window.moved_bar.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view)
    click_char(qtbot, window.view, find(DOC_A, "Paris")[0])
    qtbot.keyClick(window.view, Qt.Key.Key_X)  # an edit after the reopen: saved in the renamed file
    assert any(e.state == "rejected" for e in c.project.entities(c.doc.id))


def test_answered_once_the_moved_file_is_not_said_again_at_each_edit(qtbot, window, project_path):
    c = window.controller
    _renamed(qtbot, window, project_path)
    qtbot.keyClick(window.view, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)  # Keep working here
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=20_000)  # on main: the box, held
    bar = window.moved_bar
    qtbot.waitUntil(lambda: not bar.isVisible() and QApplication.focusWidget() is window.view)
    said: list[str] = []
    c.failed.connect(said.append)
    for _ in range(2):
        click_char(qtbot, window.view, find(DOC_A, "Paris")[0])
        qtbot.keyClick(window.view, Qt.Key.Key_X)  # an edit after the move: refused, said in the line
        c.check_outside_changes()  # and the poll meets the move again
    assert said and "editing has stopped" in said[-1], said
    assert not bar.isVisible() and QApplication.activeModalWidget() is None
