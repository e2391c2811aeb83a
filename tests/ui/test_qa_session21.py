"""A first hour, session 21 (docs/reliability.md, round 13, session 21): the event flow by keys, the project renamed
while open and reopened, a second program on the same file."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from test_qa_session20 import DETAINEES, detainees_project, stored_spans
from ui_helpers import drag_select
from ui_support import close_window, open_window, window_settled

# another program's write: a process of its own (a connection of this process would share the app's lock file)
OTHER_PROGRAM = (
    "import sqlite3, sys; c = sqlite3.connect(sys.argv[1], timeout=10); "
    "c.execute(\"UPDATE documents SET status = 'annotated' WHERE name = 'c.txt'\"); c.commit(); c.close()"
)


def reopen_renamed(qtbot, window, project_path):  # type: ignore[no-untyped-def]
    """The file renamed while open, the app's 'Reopen it now?' answered Yes: the project open again at its new name."""
    c = window.controller
    window.edit_actions.accept_all()  # something saved under the old name first
    moved = project_path.with_name("renamed.annotator")
    os.rename(project_path, moved)
    c.check_outside_changes()  # the poll notices and offers to reopen
    window.moved_bar.reopen_button.click()
    qtbot.waitUntil(lambda: c.project is not None and c.project.path == moved)
    return moved


def test_after_the_reopen_of_a_renamed_file_another_program_s_write_is_kept(qtbot, window, project_path):
    moved = reopen_renamed(qtbot, window, project_path)
    # the reopened connection's lock file is the one at the new name, which every other program opens: on main the
    # reopen took over the old name's -shm (the same file, still open in this process) and its close then deleted it
    assert os.path.exists(f"{moved}-shm")
    subprocess.run([sys.executable, "-c", OTHER_PROGRAM, str(moved)], check=True, timeout=60)
    window.controller.check_outside_changes()
    window.edit_actions.accept_all()  # the app's next edit (document a.txt)
    conn = sqlite3.connect(moved)
    try:
        status = conn.execute("SELECT status FROM documents WHERE name = 'c.txt'").fetchone()[0]
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    assert status == "annotated"  # was: 'new', the other program's write overwritten by the app's next commit


def test_the_reopened_project_s_status_line_no_longer_says_editing_has_stopped(qtbot, window, project_path):
    reopen_renamed(qtbot, window, project_path)
    assert "editing has stopped" not in window.message.text()


def test_a_drag_over_the_word_of_dashes_kept_with_it_selects_the_word(qtbot, tmp_path):
    """Round 12's Left: spaCy keeps "--" with the word ("--Algerians" one token), and a drag over "Algerians" snapped
    to the whole token; a label key then made "--Algerians" an entity. Now the drag selects the word."""
    path = tmp_path / "p.annotator"
    detainees_project(path)
    w = open_window(qtbot, path)
    v = w.view
    start = DETAINEES.index("Algerians")
    drag_select(qtbot, v, start, start + len("Algerians"))
    assert v.selection_cp() == (start, start + len("Algerians"))  # was: "--Algerians"
    qtbot.keyClick(v, Qt.Key.Key_4)  # NORP: the selection equal to no span, so a new one
    window_settled(qtbot, w)
    assert ("Algerians", "NORP") in stored_spans(path)
    close_window(w)


def test_a_label_key_on_the_word_of_a_suggestion_with_dashes_makes_the_suggestion_that_word(qtbot, tmp_path):
    """A drag over "Yemenis" of the suggestion "Yemenis--" (one token of spaCy's) and a label key: the suggestion
    becomes "Yemenis", decided, in one step; it added a second span "Yemenis" beside the suggestion, which Tab and X
    then had to take away."""
    path = tmp_path / "p.annotator"
    detainees_project(path)
    w = open_window(qtbot, path)
    v = w.view
    start = DETAINEES.index("Yemenis")
    drag_select(qtbot, v, start, start + len("Yemenis"))
    qtbot.keyClick(v, Qt.Key.Key_4)  # NORP, the suggestion's label
    window_settled(qtbot, w)
    assert ("Yemenis", "NORP") in stored_spans(path) and ("Yemenis--", "NORP") not in stored_spans(path)
    states = {w.controller.entities[i].state for i in w.controller.entities}
    assert len(w.controller.entities) == 2 and states == {"suggested", "accepted"}  # "--Algerians" still to decide
    qtbot.keyClick(v, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # one step back: the suggestion as it came
    window_settled(qtbot, w)
    assert ("Yemenis--", "NORP") in stored_spans(path) and ("Yemenis", "NORP") not in stored_spans(path)
    close_window(w)


@pytest.mark.slow  # two windows opened: ~1.5 s
def test_the_open_says_when_another_program_has_the_file_open(qtbot, project_path, monkeypatch):
    """A second app on the file worked but said nothing of the first: the open names the other live open."""
    from annotator import fileid, whereabouts

    other = subprocess.Popen(
        [sys.executable, "-c", "import threading; threading.Event().wait()"]
    )  # lives until killed, however long the test takes
    try:
        with monkeypatch.context() as m:  # the other process's open, as its Project notes it
            m.setattr(os, "getpid", lambda: other.pid)
            assert whereabouts.note_open(fileid.identity(project_path), project_path)
        w = open_window(qtbot, project_path)
        assert f"Open in another program too (pid {other.pid})" in w.message.text()  # was: nothing said
        close_window(w)
    finally:
        other.kill()
        other.wait()
    w = open_window(qtbot, project_path)  # once it is gone, nothing is said
    assert "another program" not in w.message.text()
    close_window(w)


def test_shift_e_with_the_event_s_own_trigger_words_selected_gives_the_other_type(qtbot, window, db):
    """Find "visited", Escape, Space (seed 000): the event selected, its trigger words still selected as Find left
    them, and the status line "also possible: Contact:Meet (Shift+E)". Shift+E took the words for new ones: E on a
    suggested event's words accepts it as it is (Movement:Transport), not the type the line named."""
    from ui_support import suggest_meet

    w, c = window, window.controller
    ev_id = suggest_meet(db, w)
    ev = c.events[ev_id]
    w.view.setFocus()
    w.view.select_cp(ev.trigger_start, ev.trigger_end)  # the words Find found
    qtbot.keyClick(w.view, Qt.Key.Key_Space)  # the event under the caret
    assert c.current_event == ev_id and "(Shift+E)" in w.message.text()
    qtbot.keyClick(w.view, Qt.Key.Key_E, Qt.KeyboardModifier.ShiftModifier)
    assert (c.events[ev_id].type, db.event(ev_id).state) == ("Contact:Phone-Write", "accepted")  # was: Contact:Meet
