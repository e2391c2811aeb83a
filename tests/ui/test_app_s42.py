"""Session 42 (helper s42-app): the app's loose ends of session 41. Each test failed on main before its fix (written
and run first)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from ui_support import RunningImport, train_versions


def _answer_save_dialog(monkeypatch, copy: Path) -> list[str]:  # type: ignore[no-untyped-def]
    """The save dialog answered with ``copy``; the list gets the name it proposed."""
    from ui import file_dialogs

    proposed: list[str] = []

    def answered(_parent, _title, start="", _filters=""):  # type: ignore[no-untyped-def]
        proposed.append(start)
        return str(copy), ""

    monkeypatch.setattr(file_dialogs, "save_file_name", answered)
    return proposed


def test_file_save_a_copy_ctrl_shift_s_copies_an_open_project_with_its_models(qtbot, window, tmp_path, monkeypatch):
    """Save a copy… was the moved-file bar's alone (a project deleted while open): a person who wants a copy of the
    project open, its trained models with it, had `cp -r` only. File > Save a copy… (Ctrl+Shift+S), after Open recent
    as a Save As is: the copy named beside the open file, its models copied by the worker, the copy opened at the
    document the person was at."""
    from annotator.learn import versions

    w, c = window, window.controller
    names = [a.text().split("\t")[0] for a in w.file_menu.actions() if not a.isSeparator()]
    assert names[:5] == ["&New project…", "&Open project…", "Open &recent", "Sa&ve a copy…", "&Close project"]
    train_versions(c.project, 2)
    here = c.project.path
    w.actions_by_name["next_document"].trigger()
    left_at = c.doc.name
    assert left_at != "a.txt"
    said: list[str] = []
    c.info.connect(said.append)
    copy = tmp_path / "away" / "copy.annotator"
    copy.parent.mkdir()
    proposed = _answer_save_dialog(monkeypatch, copy)
    qtbot.keyClick(w.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: c.project is not None and c.project.path == copy, timeout=30000)
    assert proposed == [str(here.with_name("gui copy.annotator"))]
    assert versions.left_behind(c.project) == []
    assert (versions.version_folder(c.project, 2) / "pipeline" / "weights.bin").stat().st_size == 2000
    assert c.doc is not None and c.doc.name == left_at
    assert any(
        line.startswith("A copy of the project, with its trained model versions 1, 2, is saved as") for line in said
    ), said
    assert here.exists() and (here.with_name(here.name + ".models") / "2").is_dir()  # the original as it was


def test_save_a_copy_onto_the_open_project_s_own_file_is_refused(qtbot, window, monkeypatch):
    w, c = window, window.controller
    here = c.project.path
    _answer_save_dialog(monkeypatch, here)
    w.actions_by_name["save_copy"].trigger()
    assert c.project is not None and c.project.path == here
    assert w.message.text() == "Not saved: gui.annotator is the project open here; a copy needs a name of its own"


def test_save_a_copy_is_refused_while_an_import_runs(qtbot, window, tmp_path, monkeypatch):
    """The copy would lack what the import writes after it, and the close for the copy would stop the import."""
    w, c = window, window.controller
    proposed = _answer_save_dialog(monkeypatch, tmp_path / "copy.annotator")
    w.workers.append(RunningImport())
    try:
        w.actions_by_name["save_copy"].trigger()
    finally:
        w.workers.clear()
    assert proposed == [] and not (tmp_path / "copy.annotator").exists()
    assert c.project is not None and c.project.path.name == "gui.annotator"
    assert w.message.text() == (
        "Not saved as a copy: Importing is still running; Alt+C cancels it (what it finished is kept), then save a copy"
    )


def test_opening_a_project_whose_new_documents_are_all_finished_starts_no_pre_annotation(
    qtbot, window, tmp_path, monkeypatch
):
    """A project whose documents came finished and were never pre-annotated (a gold corpus imported, a team's finished
    work): each open started the app's run of new documents, which loaded spaCy for seconds to leave them all as they
    were and said "Pre-annotation: 0 documents, 0 suggestions, 0 event suggestions; 1 finished document left as they
    were …" over the open's line (the copy's line of Save a copy…, seen at 1366)."""
    from ui_support import window_settled

    from annotator import edits
    from annotator.importing import IncomingDocument, import_documents
    from annotator.store import Project

    path = tmp_path / "gold.annotator"
    with Project(path, annotator="tester") as p:
        report = import_documents(p, [IncomingDocument(text="Maria Lopez met Ivan Petrov in Moscow.", name="g.txt")])
        edits.set_status(p, report.imported[0][1], "annotated")
    monkeypatch.setattr(window, "auto_preannotate", True)
    assert window.open_project(path)
    window_settled(qtbot, window)
    assert window.workers == []
    assert not window.message.text().startswith("Pre-annotation"), window.message.text()  # on main it did


def test_a_note_a_work_s_summary_wrote_over_does_not_come_back_when_the_next_work_starts(qtbot, window):
    """Seen at 1366: Save a copy…'s line ("A copy of the project … is the one open now", a note kept while the
    selection stays) was written over by the pre-annotation's summary; minutes later Project > Train suggestions…
    started and the line said the copy's words again (the start tells the selection again, which showed the note)."""
    from ui_support import window_settled
    from ui.workers import Worker

    class Quick(Worker):
        title = "Quick work"

        def work(self, project) -> str:  # type: ignore[no-untyped-def]
            return "Quick work: done"

    w, c = window, window.controller
    c.report_status("A copy of the project is saved as copy.annotator; it is the one open now")
    first = Quick(c.project.path)
    w.start_worker(first)
    qtbot.waitUntil(lambda: w.message.text() == "Quick work: done", timeout=30000)
    second = Quick(c.project.path)
    w.start_worker(second)
    shown = w.message.text()
    qtbot.waitUntil(lambda: not w.workers, timeout=30000)
    window_settled(qtbot, w)
    assert "A copy of the project" not in shown, shown  # on main: the copy's line again
