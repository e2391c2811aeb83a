"""The open project renamed or moved (a file manager, ``mv``), another project then given its old name (a backup
copied back, a colleague's file saved there), and the person exports, trains, imports or pre-annotates from the app
before anything else: every worker opened the project by its name, so the export wrote the other file's documents
under "Exported to ...", and an import or a pre-annotation wrote into that other file (session 17 probe). Each worker
now starts only on the file the window has open; otherwise the window says where it went and offers to reopen it."""

from __future__ import annotations

import os
import shutil

from PySide6.QtWidgets import QApplication

from annotator.importing import IncomingDocument, import_documents
from annotator.store import Project
from ui_support import when_modal


def _another_project_at(path) -> None:  # type: ignore[no-untyped-def]
    with Project(path, annotator="setup") as p:
        import_documents(p, [IncomingDocument("Somebody else's document.", "other.txt")])


def _moved_and_replaced(window, project_path):  # type: ignore[no-untyped-def]
    window.controller.poll.stop()  # the person acts before the app's next poll notices (within 1.5 s)
    moved = project_path.with_name("renamed.annotator")
    os.rename(project_path, moved)
    _another_project_at(project_path)
    return moved


def test_an_export_after_the_project_was_moved_and_replaced_exports_nothing_of_the_other_file(
    qtbot, window, project_path, tmp_path
):
    moved = _moved_and_replaced(window, project_path)
    out = tmp_path / "out.jsonl"

    def fill() -> None:
        dlg = QApplication.activeModalWidget()
        dlg.set_format("jsonl")
        dlg.path.setText(str(out))
        dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()

    when_modal(fill)
    window.actions_by_name["export"].trigger()
    qtbot.waitUntil(lambda: not window.workers, timeout=60000)
    assert not out.exists()  # it held other.txt, said "Exported to ..."
    assert "renamed or moved" in window.message.text() and str(moved) in window.message.text()
    assert window.moved_bar.isVisible() and str(moved) in window.moved_bar.text()


def test_an_import_after_the_project_was_replaced_writes_nothing_into_the_other_file(
    qtbot, window, project_path, tmp_path
):
    from ui.workers import ImportWorker

    _moved_and_replaced(window, project_path)
    before = project_path.read_bytes()
    text = tmp_path / "new.txt"
    text.write_text("A new document.", encoding="utf-8")
    window.start_worker(ImportWorker(window.controller.project.path, [str(text)]))
    qtbot.waitUntil(lambda: not window.workers, timeout=60000)
    with Project(project_path, create=False, read_only=True) as p:
        assert [d["name"] for d in p.document_summaries()] == ["other.txt"]
    assert project_path.read_bytes() == before


def test_a_worker_started_as_the_file_is_replaced_does_nothing_to_the_other_file(qtbot, window, project_path, tmp_path):
    """The window's check passed, the file replaced before the worker opened it: the worker's own check."""
    from ui.workers import ExportWorker

    c = window.controller
    c.poll.stop()
    worker = ExportWorker(c.project.path, "jsonl", str(tmp_path / "out.jsonl"), ["accepted", "added", "suggested"])
    worker.opened = c.project.identity  # as the window gives it
    shutil.move(project_path, project_path.with_name("renamed.annotator"))
    _another_project_at(project_path)
    failed: list[str] = []
    worker.failed.connect(failed.append)
    worker.run()  # in this thread: the window's start is past
    assert not (tmp_path / "out.jsonl").exists()
    assert failed and failed[0].startswith(f"{project_path}: the project file at this name is not the one open"), failed
