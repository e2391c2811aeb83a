"""Issue 9 in the app: the export dialog refuses the open project as a target."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


def test_export_dialog_refuses_the_open_project_and_its_wal(qtbot, window, project_path):
    keep = project_path.stat().st_ino
    for target in (project_path, f"{project_path}-wal"):
        seen = {}

        def fill(target=target) -> None:
            dlg = QApplication.activeModalWidget()
            dlg.format.setCurrentText("jsonl")
            dlg.path.setText(str(target))
            dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()
            seen["error"] = dlg.error.text()
            seen["visible"] = dlg.isVisible()
            dlg.reject()

        QTimer.singleShot(50, fill)
        window.actions_by_name["export"].trigger()
        assert seen["visible"] and "open project" in seen["error"], seen
        assert not window.workers
    assert project_path.stat().st_ino == keep
