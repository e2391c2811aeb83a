"""Session 25's qa pass as a user (Xvfb at 1366x768 and 1920x1080, driven by keys and the menus): what broke, each
checked to fail on main before its fix."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication, QFileDialog

OTHER_PROGRAM = (  # a read by another program (`annotator stats`, sqlite3 in a terminal), closed
    "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('SELECT count(*) FROM documents'); c.close()"
)


def _closed_once_listed(seen: list[int]) -> None:
    """Close the file dialog the app opens once it has listed the project's folder and drawn its views."""
    tries = [0]

    def close() -> None:
        dlg = QApplication.activeModalWidget()
        if not isinstance(dlg, QFileDialog):
            QTimer.singleShot(20, close)
            return
        views = [v for v in dlg.findChildren(QAbstractItemView) if v.isVisible()]
        listed = any(v.model() is not None and v.model().rowCount(v.rootIndex()) for v in views)
        tries[0] += 1
        if not listed and tries[0] < 100:  # a folder's listing comes from a thread; a folder dialog may list none
            QTimer.singleShot(20, close)
            return
        for view in views:
            view.grab()  # drawn: each row's icon and kind asked for
        seen.append(tries[0])
        dlg.reject()

    QTimer.singleShot(20, close)


@pytest.mark.parametrize("dialog", ["import_files_dialog", "open_project_dialog", "import_folder_dialog"])
def test_a_file_dialog_on_the_project_s_folder_leaves_the_open_project_s_locks(qtbot, window, project_path, dialog):
    """File > Import files… (Ctrl+I), Open project… and Import folder… listed the project's folder and read each file
    in it to tell its kind (Type "SQLite database"): the open project and its -shm too. POSIX drops a process's locks
    on a file when any descriptor of it is closed, so the app's connection lost SQLite's locks, and the next other
    program to close the file took itself for its last user: it deleted the -wal and -shm under the app (seen under
    Xvfb: after `annotator stats`, the next `annotator status` made the app say "the project file was overwritten by
    another file while open (copied over it); editing has stopped ...", which nobody had done)."""
    from annotator import edits

    c = window.controller
    edits.set_status(c.project, c.doc.id, "in_progress")  # the app's connection has written: its -wal is there
    assert Path(f"{project_path}-wal").exists()
    seen: list[int] = []
    _closed_once_listed(seen)
    run: Callable[[], None] = getattr(window, dialog)
    run()
    assert len(seen) == 1
    subprocess.run([sys.executable, "-c", OTHER_PROGRAM, str(project_path)], check=True)
    assert Path(f"{project_path}-wal").exists()  # the other program was not the last user: the log stays
    assert Path(f"{project_path}-shm").exists()


def test_every_file_dialog_of_the_app_is_the_one_that_reads_no_file():
    """The static QFileDialog functions read each listed file (above): the app's dialogs all go through
    ``ui.file_dialogs``, whose icon provider tells a file's kind by its name."""
    ui = Path(__file__).resolve().parents[2] / "ui"
    calls = ("QFileDialog.getOpen", "QFileDialog.getSave", "QFileDialog.getExisting")
    found = [
        str(p.relative_to(ui)) for p in sorted(ui.rglob("*.py")) if any(call in p.read_text("utf-8") for call in calls)
    ]
    assert found == []


def test_open_recent_on_a_project_no_longer_there_makes_no_empty_one(qtbot, window, project_path, tmp_path):
    """File > Open recent on a project moved away since (`mv w7.annotator sub2/`, its entry still in the list) made
    a new, empty project at the old name and showed it: "w7.annotator has no documents yet: File > Import files…
    (Ctrl+I) brings them in", as if the work were gone, an empty file left where the project had been. Nothing is made
    now; the open project stays, and the person is told where to look."""
    gone = tmp_path / "elsewhere" / "moved.annotator"
    gone.parent.mkdir()
    window.settings.add_recent(str(gone))
    window.fill_recent_menu()
    entry = next(a for a in window.recent_menu.actions() if a.data() == str(gone))
    entry.trigger()
    assert not gone.exists() and list(gone.parent.iterdir()) == []
    assert window.controller.project is not None and window.controller.project.path == project_path
    box = window._alert_box
    assert box.isVisible() and str(gone) in box.text() and "nothing was opened" in box.text()
    box.close()


def test_open_recent_marks_the_projects_no_longer_there_and_takes_them_off_when_asked(qtbot, window, project_path):
    """File > Open recent listed a project moved or deleted since as it listed the others, and kept it there for
    ever (s25-qa). As the menu opens, one no longer there is marked "(not found: …)", and an entry at its end takes
    those off the list; the open project's own entry is looked at without opening its file (its SQLite locks kept:
    the next other program's close leaves its -wal)."""
    from annotator import edits

    c = window.controller
    edits.set_status(c.project, c.doc.id, "in_progress")  # the app's connection has written: its -wal is there
    gone = project_path.parent / "gone.annotator"
    window.settings.add_recent(str(gone))
    window.settings.add_recent(str(project_path))
    window.recent_menu.aboutToShow.emit()  # as the menu opens
    texts = {a.data(): a.text() for a in window.recent_menu.actions() if a.data()}
    assert texts[str(project_path)] == str(project_path)
    assert texts[str(gone)] == f"{gone} (not found: moved, renamed or deleted)"
    forget = next(a for a in window.recent_menu.actions() if a.text() == "Remove the one not found")
    forget.trigger()
    assert str(gone) not in window.settings.recent_projects()
    assert window.settings.recent_projects()[0] == str(project_path)
    window.recent_menu.aboutToShow.emit()
    assert not [a for a in window.recent_menu.actions() if "not found" in a.text()]
    subprocess.run([sys.executable, "-c", OTHER_PROGRAM, str(project_path)], check=True)
    assert Path(f"{project_path}-wal").exists()


@pytest.mark.parametrize("fmt", ["brat", "webanno"])
def test_a_folder_export_onto_the_project_s_folder_is_refused_in_the_dialog_before_any_question(
    qtbot, tmp_path, monkeypatch, fmt
):
    """Export, brat, onto the open project's own folder: "The folder …/sub2 already exists. Replace it with this
    export?", and only after Yes, the dialog gone, the status line's "…: holds the project file sub2/w7.annotator; a
    brat export replaces its whole folder; choose another folder; nothing was written". Replacing a folder that holds
    the project was never going to be done: it is said under the fields, the dialog open, nothing asked."""
    from PySide6.QtWidgets import QDialog
    from ui_support import show_widget

    from annotator.store import Project
    from ui.dialogs import export

    folder = tmp_path / "work"
    folder.mkdir()
    Project(folder / "p.annotator", annotator="a").close()
    asked: list[str] = []
    monkeypatch.setattr(export, "ask_replace", lambda parent, path: asked.append(path) or True)
    dlg = show_widget(qtbot, export.ExportDialog(str(tmp_path / "p.json"), None))
    dlg.set_format(fmt)
    dlg.path.setText(str(folder))
    dlg.accept()
    assert asked == [] and dlg.result() != QDialog.DialogCode.Accepted and dlg.isVisible()
    assert (
        dlg.error.text().startswith(f"{folder}: holds the project file ") and "nothing was written" in dlg.error.text()
    )


SEED_007 = "Ōtani invited her Swiss counterpart to visit Tokyo (東京) in the autumn. They will meet on June 24 in Bern."


@pytest.mark.parametrize("size", [(1366, 740), (1920, 1050)])
def test_a_short_filler_of_a_seven_role_event_shows_its_words_whole(qtbot, tmp_path, size):
    """Seed 007 at 1366x768 (s25-qa): "counterpart" as the Artifact of "visit" (Movement:Transport, seven roles)
    read "counterp…" beside its ×, its fill list beside it half empty ("fill…" in a box sized for six characters and
    an icon no entry has). The fill lists take the width their "fill…" needs; the filler's words show whole."""
    from ui.wrapped import WrappedButton
    from ui_helpers import find
    from ui_support import close_window, open_window

    from annotator import edits
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project

    path = tmp_path / "visit.annotator"
    with Project(path, annotator="setup") as p:
        doc = import_documents(p, [IncomingDocument(SEED_007, "007.txt")]).imported[0][1]
        ent = edits.add_entity(p, doc, *find(SEED_007, "counterpart"), "PERSON").result_id
        for words, label in (("Ōtani", "PERSON"), ("Tokyo", "GPE"), ("June 24", "DATE"), ("Bern", "GPE")):
            edits.add_entity(p, doc, *find(SEED_007, words), label)
        ev = edits.add_event(p, doc, "Movement:Transport", *find(SEED_007, "visit")).result_id
        edits.add_argument(p, ev, "Artifact", ent)
    w = open_window(qtbot, path, size=size)
    try:
        w.controller.select_event(ev)
        qtbot.waitUntil(lambda: any(b.full_text == "counterpart" for b in w.event_editor.findChildren(WrappedButton)))
        (button,) = [b for b in w.event_editor.findChildren(WrappedButton) if b.full_text == "counterpart"]
        qtbot.waitUntil(lambda: button.isVisible() and button.width() > 0)
        assert button.shown_lines(button.width()) == ["counterpart"], (button.width(), w.event_editor.width())
    finally:
        close_window(w)


MSF = "Médecins Sans Frontières said it had sent a surgical team from El Fasher on Sunday."


def test_escape_after_a_role_key_in_the_find_bar_keeps_the_span_a_label_key_then_changes(qtbot, tmp_path):
    """Seed 002 by keys: Ctrl+F "Médecins Sans Frontières", Alt+1 (the Agent of "sent": a new PERSON, the line saying
    "a label key changes it"), then Escape to close the bar, still open over the text, and 2 (ORG): Escape let go of
    the span and the event, and 2 made "Frontières", the word at the caret, an ORG inside the PERSON. Escape closes
    the bar and keeps the span; 2 relabels it."""
    from ui_support import close_window, one_event, open_window

    path = tmp_path / "msf.annotator"
    one_event(path, MSF, (("El Fasher", "GPE"), ("Sunday", "DATE")), "Movement:Transport", "sent")
    w = open_window(qtbot, path)
    try:
        c, v, bar = w.controller, w.view, w.find_bar
        ev = next(iter(c.events))
        c.select_event(ev)
        v.setFocus()
        qtbot.keyClick(v, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        bar.edit.setText("Médecins Sans Frontières")  # (QTest types ASCII only)
        qtbot.keyClick(bar.edit, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
        made = c.current_entity
        assert made is not None and c.entities[made].label == "PERSON" and bar.isVisible()
        qtbot.keyClick(v, Qt.Key.Key_Escape)
        assert not bar.isVisible() and c.current_entity == made and c.current_event == ev
        qtbot.keyClick(v, Qt.Key.Key_2)  # ORG
        spans = sorted((e.start, e.end, e.label) for e in c.entities.values())
        assert spans == [(0, 24, "ORG"), (63, 72, "GPE"), (76, 82, "DATE")], spans
        qtbot.keyClick(v, Qt.Key.Key_Escape)  # the bar closed: Escape lets go of the span and the event, as before
        assert c.current_entity is None and c.current_event is None
    finally:
        close_window(w)


def test_the_agreement_window_says_why_a_pair_has_nothing_to_compare(qtbot, tmp_path):
    """Review > Agreement between annotators on a team project whose alice finished seeds 002 and 003 and bob worked on
    007: "0 documents both annotators covered" over tables of dashes. The tab says why now (``nothing_shared``)."""
    from PySide6.QtWidgets import QLabel, QTableWidget
    from ui_support import close_window, open_window

    from annotator import edits
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project
    from annotator.teams.merge import merge_projects

    texts = [IncomingDocument("Mary met John in Paris.", "a.txt"), IncomingDocument("Acme hired Mary.", "b.txt")]
    for name, doc in (("alice", 0), ("bob", 1)):
        with Project(tmp_path / f"{name}.annotator", annotator=name) as p:
            ids = [i for _, i in import_documents(p, texts).imported]
            edits.add_entity(p, ids[doc], 0, 4, "PERSON")
    with Project(tmp_path / "team.annotator", annotator="rita") as team:
        merge_projects(team, [tmp_path / "alice.annotator", tmp_path / "bob.annotator"])
    w = open_window(qtbot, tmp_path / "team.annotator", pipeline=None)
    try:
        w.actions_by_name["agreement"].trigger()
        dlg = w._agreement_window
        qtbot.waitUntil(lambda: dlg.result is not None)
        tab = dlg.tabs.widget(0)
        labels = [x.text() for x in tab.findChildren(QLabel)]
        assert any(t.startswith("No document both worked on (alice worked on 1 document, bob on 1;") for t in labels)
        assert tab.findChild(QTableWidget) is None, labels
        dlg.close()
    finally:
        close_window(w)
