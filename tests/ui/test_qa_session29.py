"""Session 29 as a user (helper s29-qa, docs/reliability.md "Session 29: as a user"): keys pressed through the real
window under Xvfb, then what the project file holds; each test failed on main before its fix."""

from __future__ import annotations

import os

from PySide6.QtWidgets import QMessageBox


def test_the_moved_project_opened_by_file_open_shows_the_document_left_and_no_stale_refusal(
    qtbot, window, project_path
):
    """Under Xvfb: seed 001 open, `mv w.annotator moved/w2.annotator`; the box "Reopen it now?" answered No (a Tab and
    an Enter), then File > Open of moved/w2.annotator, as the line and the box say to. The project opened at its first
    document, 000, not at 001 where the person was (its places are kept by the file's name, carried to the new name by
    the box's Yes only), and the red line went on saying "…: the project file was renamed or moved to …; editing has
    stopped …" over the reopened project, which took edits. A File > Open of the file the window holds, under its new
    name, is the box's Yes: the places carried, the old refusal gone."""
    c = window.controller
    b = next(d for d in c.project.document_ids() if d != c.doc.id)
    window.open_document(b)
    assert c.doc.id == b
    moved = project_path.parent / "moved"
    moved.mkdir()
    new_path = moved / "w2.annotator"
    os.rename(project_path, new_path)
    c.check_outside_changes()  # the poll notices
    qtbot.waitUntil(lambda: getattr(window, "_moved_box", None) is not None and window._moved_box.isVisible())
    window._moved_box.button(QMessageBox.StandardButton.No).click()
    assert "editing has stopped" in window.message.text(), window.message.text()
    assert window.open_project(new_path)  # File > Open's own call
    assert c.project is not None and not c.project.read_only
    assert c.doc.id == b, (c.doc.id, b)
    assert "editing has stopped" not in window.message.text(), window.message.text()
    assert "color" not in window.message.styleSheet(), window.message.styleSheet()
