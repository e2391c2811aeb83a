"""Status flow, review with validation problems, comments, find, zoom, export through the dialog."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_support import DOC_A, DOC_B, when_modal
from ui_helpers import click_char, find

from ui import file_dialogs

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_first_edit_in_progress_ctrl_enter_annotated_and_next(qtbot, window, db):
    a, b, c = db.document_ids()
    assert db.document(a).status == "new"
    click_char(qtbot, window.view, find(DOC_A, "Paris")[0])
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert db.document(a).status == "in_progress"
    undecided = [e.id for e in db.entities(a) if e.state == "suggested"]
    assert undecided

    def answer() -> None:  # suggestions are left: asked, the default answer is to accept them
        box = QApplication.activeModalWidget()
        assert box is not None and box.defaultButton().text() == "&Accept the rest and mark annotated"
        qtbot.keyClick(box, Qt.Key.Key_Return)

    when_modal(answer)
    qtbot.keyClick(window.view, Qt.Key.Key_Return, CTRL)
    assert db.document(a).status == "annotated"
    assert {e.state for e in db.entities(a) if e.id in undecided} == {"accepted"}
    assert window.controller.doc.id == b  # the next one not done
    assert window.view.toPlainText().startswith("<b>x</b>")
    qtbot.waitUntil(lambda: window.documents.model.rows[0]["status"] == "annotated")
    # undo goes back to the document it changed
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert db.document(a).status == "in_progress"
    assert window.controller.doc.id == a


def test_reviewed_needs_problems_confirmed(qtbot, window, db, monkeypatch):
    import ui.dialogs.problems as problems  # loaded on first use: the window calls it through its module
    from ui import commands as cmd

    a = db.document_ids()[0]
    window.controller.run(cmd.AddEvent, a, "Personnel:End-Position", *find(DOC_A, "fired"))  # Person missing
    seen = []
    monkeypatch.setattr(problems, "confirm_problems", lambda parent, found, *_describe: seen.append(found) or False)
    qtbot.keyClick(window.view, Qt.Key.Key_R, CTRL | SHIFT)
    assert [p.kind for p in seen[0]] == ["missing_role"]
    assert db.document(a).status != "reviewed"
    monkeypatch.setattr(problems, "confirm_problems", lambda parent, found, *_describe: True)
    from ui.window_flow import LEAVE_REST

    monkeypatch.setattr(window, "ask_undecided", lambda n, status="annotated": LEAVE_REST)  # its suggestions asked of
    qtbot.keyClick(window.view, Qt.Key.Key_R, CTRL | SHIFT)
    assert db.document(a).status == "reviewed"
    qtbot.waitUntil(lambda: window.reviewed_label.text() == "reviewed 1/3")


def test_problems_dialog_lists_and_confirms(qtbot, window):
    from annotator.validation import Problem
    from ui.dialogs.problems import confirm_problems

    def press() -> None:
        dlg = QApplication.activeModalWidget()
        assert dlg.windowTitle() == "Validation problems"
        dlg.confirm.click()

    when_modal(press)
    assert confirm_problems(window, [Problem("missing_role", "X needs Person", 1, role="Person")])
    assert confirm_problems(window, [])


def test_comments_add_and_delete_with_undo(qtbot, window, db):
    a = db.document_ids()[0]
    window.tabs.setCurrentWidget(window.comments)
    qtbot.keyClicks(window.comments.edit, "check <b>Paris</b>")
    qtbot.keyClick(window.comments.edit, Qt.Key.Key_Return)
    assert [cm.text for cm in db.comments(a)] == ["check <b>Paris</b>"]
    assert window.comments.list.item(0).text().endswith("check <b>Paris</b>")
    window.comments.list.setCurrentRow(0)
    qtbot.mouseClick(window.comments.delete, Qt.MouseButton.LeftButton)
    assert db.comments(a) == []
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert [cm.text for cm in db.comments(a)] == ["check <b>Paris</b>"]


def test_find_and_zoom(qtbot, window):
    v = window.view
    v.setFocus()
    qtbot.keyClick(v, Qt.Key.Key_F, CTRL)
    assert window.find_bar.isVisible()
    qtbot.keyClicks(window.find_bar.edit, "Friday")
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return)
    assert v.textCursor().selectedText() == "Friday"
    size = v.font().pointSize()
    qtbot.keyClick(v, Qt.Key.Key_Equal, CTRL)
    assert v.font().pointSize() == size + 1
    qtbot.keyClick(v, Qt.Key.Key_Minus, CTRL)
    qtbot.keyClick(v, Qt.Key.Key_Minus, CTRL)
    assert v.font().pointSize() == size - 1
    assert window.settings.font_size == size - 1


def test_document_list_filters(qtbot, window):
    panel = window.documents
    qtbot.keyClicks(panel.search, "b.t")
    assert panel.proxy.rowCount() == 1
    panel.search.clear()
    panel.status.setCurrentIndex(panel.status.findData("annotated"))
    assert panel.proxy.rowCount() == 0
    panel.status.setCurrentIndex(0)
    assert panel.proxy.rowCount() == 3
    idx = panel.proxy.index(2, 0)
    panel.table.clicked.emit(idx)
    assert window.controller.doc.name == "c.txt"


@pytest.mark.parametrize("split", [False, True], ids=["one process", "two processes"])
@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_export_through_dialog(qtbot, window, tmp_path, monkeypatch, fmt, split):
    from annotator.formats import json_split

    # the app's worker thread starts the second process too (a spawned interpreter, never a fork of the app)
    monkeypatch.setattr(json_split, "MIN_DOCUMENTS", 0 if split else 10**9)
    started = []
    real = json_split.subprocess.Popen
    monkeypatch.setattr(json_split.subprocess, "Popen", lambda *a, **k: started.append(real(*a, **k)) or started[-1])
    out = tmp_path / f"out.{fmt}"
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *a, **k: (str(out), ""))

    def fill() -> None:
        dlg = QApplication.activeModalWidget()
        assert dlg.windowTitle() == "Export annotations"
        dlg.set_format(fmt)
        qtbot.mouseClick(dlg.browse_button, Qt.MouseButton.LeftButton)
        dlg.states["suggested"].setChecked(True)
        dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()

    when_modal(fill)
    window.actions_by_name["export"].trigger()
    qtbot.waitUntil(lambda: out.exists() and not window.workers)
    raw = out.read_text(encoding="utf-8")
    docs = json.loads(raw)["documents"] if fmt == "json" else [json.loads(x) for x in raw.splitlines()]
    texts = [d["text"] for d in docs]
    assert DOC_A in texts and DOC_B in texts
    assert "Exported" in window.message.text()
    assert len(started) == split and all(p.poll() is not None for p in started)


def test_review_problems_name_the_words_not_the_database_ids(qtbot, window, monkeypatch):
    """Marking a document reviewed listed 'event 2 (Contact:Meet): Contact:Meet needs Entity': the id means
    nothing on screen; the trigger's words say which event it is."""
    from PySide6.QtWidgets import QApplication, QListWidget
    from ui_helpers import drag_select

    from ui.dialogs.problems import ProblemsDialog

    drag_select(qtbot, window.view, *find(DOC_A, "met"))
    qtbot.keyClick(window.view, "e")  # Contact:Meet, its required Entity empty
    ev = window.controller.current_event
    seen = []

    def look() -> None:
        dlg = QApplication.activeModalWidget()
        assert isinstance(dlg, ProblemsDialog)
        seen.extend(dlg.findChild(QListWidget).item(i).text() for i in range(dlg.findChild(QListWidget).count()))
        dlg.reject()

    when_modal(look)
    window.mark_reviewed()
    assert seen and all(f"event {ev}" not in line for line in seen)
    assert any(line.startswith("“met”") and "needs Entity" in line for line in seen), seen
