"""File > Close project (Ctrl+W): the project file closed, the window left with no project open, as at a start, to
open another in it; refused with a line while closing would lose edits or stop work that writes."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ui_support import RunningImport, file_rows, let_go_and_land, locked, window_settled

CTRL = Qt.KeyboardModifier.ControlModifier
NEEDS_A_PROJECT = (
    "close_project",
    "import_files",
    "import_folder",
    "import_format",
    "export",
    "preannotate",
    "accept_all",
    "new_event",
    "annotated",
    "reviewed",
    "categories",
    "next_document",
    "find",
    "train",
    "adjudicate",
    "agreement",
)
ALWAYS = ("new", "open", "settings", "quit", "shortcuts", "zoom_in", "side_panels")


def test_ctrl_w_closes_the_project_and_the_window_stays_with_none_open(qtbot, window, project_path):
    w, c = window, window.controller
    assert w.windowTitle() == "gui.annotator — Annotator"
    assert w.actions_by_name["close_project"].isEnabled()
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_W, CTRL)
    window_settled(qtbot, w)
    assert c.project is None and c.doc is None
    assert w.isVisible()
    assert w.windowTitle() == "Annotator"
    assert w.view.toPlainText() == ""
    assert w.title.full_text == ""
    assert w.message.text().startswith("No project open: File > New project… (Ctrl+N)")
    assert w.documents.model.rowCount() == 0
    assert w.reviewed_label.text() == ""
    assert [n for n in NEEDS_A_PROJECT if w.actions_by_name[n].isEnabled()] == []
    assert [n for n in ALWAYS if not w.actions_by_name[n].isEnabled()] == []
    assert not w.actions_by_name["undo"].isEnabled()
    assert file_rows(project_path, "SELECT count(*) FROM documents") == [(3,)]  # the file as it was


def test_a_project_closed_opens_again_in_the_same_window_at_the_document_left(qtbot, window, project_path):
    w, c = window, window.controller
    second = c.project.document_ids()[1]
    w.open_document(second)
    w.actions_by_name["close_project"].trigger()
    assert c.project is None
    assert w.open_project(project_path)
    window_settled(qtbot, w)
    assert c.doc is not None and c.doc.id == second
    assert w.windowTitle() == "gui.annotator — Annotator"
    assert [n for n in NEEDS_A_PROJECT if not w.actions_by_name[n].isEnabled()] == []
    assert w.documents.model.rowCount() == 3


def test_a_window_started_with_no_project_has_what_needs_one_off(qtbot):
    from ui_support import shown_window

    w = shown_window(qtbot)
    assert [n for n in NEEDS_A_PROJECT if w.actions_by_name[n].isEnabled()] == []
    assert [n for n in ALWAYS if not w.actions_by_name[n].isEnabled()] == []


def test_close_project_is_refused_while_an_edit_waits_for_another_programs_write(qtbot, window, project_path):
    w, c = window, window.controller
    (span,) = [e for e in c.entities.values() if c.doc.text[e.start : e.end] == "Paris"]
    other = locked(project_path)
    try:
        c.select_entity(span.id)
        w.view.setFocus()
        qtbot.keyClick(w.view, Qt.Key.Key_X)  # rejected: kept, the file locked
        assert c.edits_waiting() == 1
        w.actions_by_name["close_project"].trigger()
        said = w.message.text()
        still_open = c.project is not None
    finally:
        let_go_and_land(qtbot, c, other)
    assert still_open
    assert said.startswith("Not closed: 1 edit waiting for another program to finish writing is not saved yet")
    w.actions_by_name["close_project"].trigger()  # saved now: it closes
    assert c.project is None
    assert file_rows(project_path, f"SELECT state FROM entities WHERE id = {span.id}") == [("rejected",)]


def test_close_project_is_refused_while_an_import_runs(qtbot, window):
    w, c = window, window.controller
    w.workers.append(RunningImport())
    try:
        w.actions_by_name["close_project"].trigger()
    finally:
        w.workers.clear()
    assert c.project is not None
    assert w.message.text() == (
        "Not closed: Importing is still running; Alt+C cancels it (what it finished is kept), then close the project"
    )


def test_a_work_s_summary_of_the_project_closed_gives_way_to_how_to_open_one(qtbot, window):
    """The line kept the last export's summary (a work's message, which the selection's line never writes over) in
    the window with no project: it says how to open one."""
    w = window
    w.message.set_text_and_detail("Exported 3 documents to gui.json", "")
    w.actions_by_name["close_project"].trigger()
    assert w.message.text().startswith("No project open: File > New project… (Ctrl+N)")
