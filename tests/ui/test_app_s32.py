"""Session 32 (helper s32-app): what a user of a serious annotation tool expects of the app that it lacked.

- Project > Annotation sets…: the sets ``annotator sets`` lists, renames and drops (session 31) had no window: a
  reviewer who merged bob's copy as ``root`` had to leave the app for the command line.
- The moved-file bar answered "Keep working here" could not be brought back, and F6 never reached it.
- Help > About showed the project file as given (a relative name).
Each test failed on main (no such action; no way back to the bar; the relative path)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ui_helpers import click_char, find
from ui_support import DOC_A, close_window, open_window, settled

TEXTS = [("one.txt", "Maria Lopez met officials in Kabul."), ("two.txt", "Rain fell on Tuesday.")]


def _team(tmp_path: Path) -> Path:
    """team.annotator with alice's file merged as set 'alice' and bob's copy as 'root' (the engineer's name, the
    wrong one): each worked on one.txt."""
    from annotator import edits
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from annotator.teams.merge import merge_projects

    team = tmp_path / "team.annotator"
    with Project(team, annotator="lead") as p:
        import_documents(p, [IncomingDocument(t, n) for n, t in TEXTS])
    for name, who in (("alice", "alice"), ("bob", "root")):
        shutil.copy(team, tmp_path / f"{name}.annotator")
        with Project(tmp_path / f"{name}.annotator", create=False, annotator=who) as p:
            edits.add_entity(p, p.document_ids()[0], 0, 11, "PERSON")
            if name == "bob":
                edits.add_entity(p, p.document_ids()[0], 29, 34, "GPE")
    with Project(team, create=False, annotator="rita") as p:
        merge_projects(p, [tmp_path / "alice.annotator", tmp_path / "bob.annotator"])
        assert sorted(p.annotation_sets()) == ["alice", "root"]
    return team


def _rows(dlg) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    t = dlg.table
    return {t.item(r, 0).text(): [t.item(r, c).text() for c in range(1, t.columnCount())] for r in range(t.rowCount())}


def _select(dlg, name: str) -> None:  # type: ignore[no-untyped-def]
    dlg.table.selectRow(list(_rows(dlg)).index(name))


def _sets_window(qtbot, team: Path):  # type: ignore[no-untyped-def]
    """The window on ``team``, Project > Annotation sets… open and its list read: (window, dialog)."""
    from ui.dialogs.annotation_sets import AnnotationSetsDialog

    w = open_window(qtbot, team, annotator="vera", pipeline=None)
    settled(qtbot, lambda: w.documents.proxy.rowCount() == 2)
    w.actions_by_name["annotation_sets"].trigger()  # on main: no such action (a KeyError)
    dlg = w._sets_dialog
    assert isinstance(dlg, AnnotationSetsDialog) and dlg.isVisible()
    qtbot.waitUntil(lambda: dlg.worker is None)  # read in a worker (0.3 s for 1,000 documents of two annotators)
    return w, dlg


def test_project_annotation_sets_lists_the_sets_and_renames_one_with_the_command_line_s_refusals(qtbot, tmp_path):
    from annotator.store import Project
    from ui.panels.documents import ADJ_COLUMN

    team = _team(tmp_path)
    w, dlg = _sets_window(qtbot, team)
    try:
        rows = _rows(dlg)
        assert list(rows) == ["main", "alice", "root"]
        # session 33: main's documents are every document (its rows: 0), and the column Worked on came
        # documents, worked on, finished (session 35), entities, events; the file merged from
        assert rows["main"][:5] == ["2", "0", "0", "0", "0"]
        assert rows["alice"][:5] == ["2", "1", "0", "1", "0"] and rows["alice"][5] == str(tmp_path / "alice.annotator")
        assert rows["root"][:5] == ["2", "1", "0", "2", "0"] and rows["root"][5] == str(tmp_path / "bob.annotator")
        _select(dlg, "main")
        assert not dlg.drop_button.isEnabled() and "neither renamed nor dropped" in dlg.drop_button.toolTip()
        dlg.drop_selected()  # Delete on main: refused, said
        assert "'main' is the project's own, final set" in dlg.said.text()

        _select(dlg, "root")
        qtbot.keyClick(dlg.table, Qt.Key.Key_F2)  # its name in the box, to be typed over
        assert dlg.new_name.text() == "root" and dlg.focusWidget() is dlg.new_name
        qtbot.keyClicks(dlg.new_name, "alice")
        qtbot.keyClick(dlg.new_name, Qt.Key.Key_Return)  # a name taken: the core's refusal, nothing changed
        qtbot.waitUntil(lambda: dlg.worker is None and "already" in dlg.said.text())
        assert "the project has a set 'alice' already" in dlg.said.text(), dlg.said.text()
        assert list(_rows(dlg)) == ["main", "alice", "root"] and dlg.selected() == "root"

        dlg.new_name.setText("bob")
        dlg.rename_button.click()
        qtbot.waitUntil(lambda: dlg.worker is None and "renamed" in dlg.said.text())
        assert dlg.said.text().startswith("Set 'root' renamed 'bob': 2 entities, 0 events"), dlg.said.text()
        assert list(_rows(dlg)) == ["main", "alice", "bob"] and dlg.selected() == "bob"
        with Project(team, create=False, annotator="check") as p:
            assert sorted(p.annotation_sets()) == ["alice", "bob"]
        adj = w.documents.proxy.index(0, ADJ_COLUMN)  # the document list names the sets' work by their names now
        settled(
            qtbot, lambda: adj.data(Qt.ItemDataRole.ToolTipRole) == "Waiting for adjudication: the work of alice, bob"
        )
        assert dlg.undo_button.isVisible()
        qtbot.keyClick(dlg.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # taken back: named as it was
        # one step of the main window's history since session 33, said as its undo
        qtbot.waitUntil(lambda: not w.workers and "Undone" in dlg.said.text())
        assert dlg.said.text().startswith("Undone: Rename set 'root' to 'bob' (set 'bob' renamed 'root': 2 entities")
        assert list(_rows(dlg)) == ["main", "alice", "root"] and not dlg.undo_button.isVisible()
        with Project(team, create=False, annotator="check") as p:
            assert sorted(p.annotation_sets()) == ["alice", "root"]
        dlg.undo_rename()  # once: nothing more to take back
        assert "Nothing to undo here" in dlg.said.text()
        dlg.reject()
    finally:
        close_window(w)


def test_project_annotation_sets_drops_a_set_after_asking(qtbot, tmp_path, monkeypatch):
    from annotator.store import Project

    team = _team(tmp_path)
    w, dlg = _sets_window(qtbot, team)
    try:
        asked: list[str] = []
        monkeypatch.setattr(dlg, "confirm_drop", lambda info: asked.append(info.name) or False)
        _select(dlg, "alice")
        qtbot.keyClick(dlg.table, Qt.Key.Key_Delete)  # asked; No: kept
        assert asked == ["alice"] and dlg.said.text() == "Set 'alice' kept"
        with Project(team, create=False, annotator="check") as p:
            assert sorted(p.annotation_sets()) == ["alice", "root"]
        monkeypatch.setattr(dlg, "confirm_drop", lambda info: asked.append(info.name) or True)
        dlg.drop_button.click()
        qtbot.waitUntil(lambda: dlg.worker is None and "dropped" in dlg.said.text())
        assert dlg.said.text().startswith("Set 'alice' dropped: 1 entity, 0 events deleted"), dlg.said.text()
        assert list(_rows(dlg)) == ["main", "root"]
        with Project(team, create=False, annotator="check") as p:
            assert sorted(p.annotation_sets()) == ["root"]
        dlg.reject()
    finally:
        close_window(w)


def test_a_set_settled_with_in_an_adjudication_is_not_dropped_from_the_window(qtbot, tmp_path, monkeypatch):
    from annotator.store import Project
    from annotator.teams import adjudication as adj
    from annotator.teams.differences import differences

    team = _team(tmp_path)
    with Project(team, create=False, annotator="vera") as p:
        doc = p.document_ids()[0]
        kabul = next(d for d in differences(p, doc) if d.start == 29)
        adj.take(p, kabul, "root", reviewer="vera")
    w, dlg = _sets_window(qtbot, team)
    try:
        monkeypatch.setattr(dlg, "confirm_drop", lambda info: True)
        _select(dlg, "root")
        dlg.drop_selected()
        qtbot.waitUntil(lambda: dlg.worker is None and "adjudication" in dlg.said.text())
        assert "set 'root' took part in the adjudication of 1 document (one.txt)" in dlg.said.text()
        assert "nothing was changed" in dlg.said.text() and "color" in dlg.said.styleSheet()
        assert list(_rows(dlg)) == ["main", "alice", "root"]
        dlg.reject()
    finally:
        close_window(w)


def _renamed(qtbot, window, project_path):  # type: ignore[no-untyped-def]
    click_char(qtbot, window.view, find(DOC_A, "Paris")[0])
    qtbot.keyClick(window.view, Qt.Key.Key_Return)  # accepted: saved
    moved = project_path.with_name("renamed.annotator")
    os.rename(project_path, moved)
    window.controller.check_outside_changes()  # the poll notices while the person types
    qtbot.waitUntil(lambda: window.moved_bar.isVisible())
    return moved


def test_the_moved_file_s_choices_come_back_after_keep_working_and_f6_reaches_them(qtbot, window, project_path):
    bar = window.moved_bar
    moved = _renamed(qtbot, window, project_path)
    again = window.actions_by_name["moved_file"]  # on main: no such action
    assert not again.isEnabled()  # shown: nothing to bring back
    qtbot.keyClick(window.view, Qt.Key.Key_F6)  # F6 goes round the panes: the bar's choices are one of them
    assert bar.isAncestorOf(QApplication.focusWidget()), QApplication.focusWidget()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # back to the text, the bar left as it is
    assert QApplication.focusWidget() is window.view and bar.isVisible()
    qtbot.keyClick(window.view, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)  # Keep working here
    qtbot.waitUntil(lambda: not bar.isVisible() and QApplication.focusWidget() is window.view)
    assert again.isEnabled() and window.moved_recall.isVisible()
    assert "File > Moved project file" in window.moved_recall.toolTip()
    window.moved_recall.click()  # the status bar's note: the choices again, the keys left in the text
    assert bar.isVisible() and str(moved) in bar.text() and QApplication.focusWidget() is window.view
    assert not window.moved_recall.isVisible() and not again.isEnabled()
    qtbot.keyClick(window.view, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not bar.isVisible())
    again.trigger()  # File > Moved project file…
    assert bar.isVisible() and QApplication.focusWidget() is window.view
    qtbot.keyClick(window.view, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)  # changed her mind: open it there
    qtbot.waitUntil(lambda: window.controller.project is not None and window.controller.project.path == moved)
    assert not bar.isVisible() and not again.isEnabled() and not window.moved_recall.isVisible()


def test_help_about_names_a_project_opened_by_a_relative_name_by_its_absolute_path(
    qtbot, window, project_path, monkeypatch
):
    from ui.dialogs.about import AboutDialog

    monkeypatch.chdir(project_path.parent)
    window.controller.close_project()
    assert window.open_project(project_path.name)  # as `annotator gui gui.annotator` gives it
    dlg = AboutDialog(window.controller.project, "", window)
    assert dlg.values["Project file"].text() == str(project_path.absolute())
    assert f"Project file: {project_path.absolute()}\n" in dlg.text
    dlg.deleteLater()
