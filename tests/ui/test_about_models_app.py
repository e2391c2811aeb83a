"""Help > About annotator and Project > Models… (session 31): the app had neither. About shows the versions an
engineer pastes into a bug report (with Copy); Models lists the project's trained versions as `annotator models` does,
says which one pre-annotation uses, and switches to another (or back to the original pipeline) through
versions.set_default, as the command line's --default and Settings do. Each test failed on main (no such action)."""

from __future__ import annotations

import shutil
from typing import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from annotator.learn import versions
from annotator.migrations import LATEST
from annotator.nlp import DEFAULT_PIPELINE
from training_support import version_without_model as add_version


def _when_open(look: Callable[[QDialog], None]) -> list[str]:
    """``look`` at the modal dialog as soon as it is up, then close it; what went wrong, for the test to assert."""
    problems: list[str] = []

    def at_it() -> None:
        modal = QApplication.activeModalWidget()
        if not isinstance(modal, QDialog):
            QTimer.singleShot(5, at_it)
            return
        try:
            look(modal)
        except AssertionError as exc:
            problems.append(str(exc) or repr(exc))
        finally:
            modal.reject()

    QTimer.singleShot(0, at_it)
    return problems


def test_help_about_shows_the_versions_and_copies_them(qtbot, window):
    project = window.controller.project
    add_version(project)
    seen: dict[str, str] = {}

    def look(dlg: QDialog) -> None:
        seen.update({name: label.text() for name, label in dlg.values.items()})  # type: ignore[attr-defined]
        dlg.copy.click()  # type: ignore[attr-defined]
        seen["clipboard"] = QApplication.clipboard().text()
        assert dlg.windowTitle() == "About annotator"

    problems = _when_open(look)
    window.actions_by_name["about"].trigger()
    assert problems == []
    assert seen["Project file"] == str(project.path)
    assert seen["Schema version"].startswith(f"{LATEST} ")
    assert seen["Pre-annotation"].startswith(f"trained:{project.path.stem}@1 (version 1, the project's default")
    assert seen["Pipeline path"] == str(versions.models_dir(project) / "1")
    assert seen["Qt"].split()[0].count(".") == 2 and "PySide6" in seen["Qt"]
    assert {"Python", "spaCy", "Platform", "annotator"} <= set(seen)
    clip = seen["clipboard"].splitlines()
    assert f"Project file: {project.path}" in clip and any(line.startswith("Qt: ") for line in clip)
    assert f"Pre-annotation: {seen['Pre-annotation']}" in clip


def _models(window):  # type: ignore[no-untyped-def]
    from ui.dialogs.models import ModelsDialog

    return ModelsDialog(window)


def _column(dlg, col: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [dlg.table.item(r, col).text() for r in range(dlg.table.rowCount())]


def test_models_lists_the_versions_and_switches_the_default(qtbot, window):
    project = window.controller.project
    add_version(project, documents=8, default=False)
    add_version(project, documents=12, default=True)
    assert "models" in window.actions_by_name and window.actions_by_name["models"] in window.project_menu.actions()
    dlg = _models(window)
    qtbot.addWidget(dlg)
    assert _column(dlg, 0) == [f"The original pipeline ({DEFAULT_PIPELINE} 3.8.0)", "Version 1", "Version 2"]
    assert _column(dlg, 2) == ["–", "8", "12"] and _column(dlg, 4) == ["–", "0.962", "0.962"]
    assert _column(dlg, 1)[1] == "2026-12-06 14:02"
    assert _column(dlg, 8) == ["", "", "default"]
    assert dlg.in_use.text().startswith(f"Pre-annotation uses: trained:{project.path.stem}@2 (version 2")
    assert dlg.selected_version() == (True, 2) and not dlg.use.isEnabled()  # the default, already in use

    dlg.table.selectRow(0)  # back to the original pipeline, in one action
    assert dlg.use.isEnabled()
    dlg.use.click()
    assert versions.default_version(project) is None
    assert _column(dlg, 8) == ["default", "", ""]
    assert "(the original pipeline; no trained version is the project's default)" in dlg.in_use.text()
    assert dlg.said.text().startswith("The original pipeline is now the default for pre-annotation")
    assert window.message.text() == dlg.said.text()

    dlg.table.selectRow(1)
    dlg.use.click()
    assert versions.default_version(project) == 1
    assert _column(dlg, 8) == ["", "default", ""]
    assert dlg.in_use.text().startswith(f"Pre-annotation uses: trained:{project.path.stem}@1 (version 1")


def test_models_says_when_the_models_were_left_behind(qtbot, window):
    """A project copied without its models folder: said at the top, its versions listed and not choosable, the
    original pipeline named as the one pre-annotation uses."""
    project = window.controller.project
    add_version(project)
    shutil.rmtree(versions.models_dir(project))
    dlg = _models(window)
    qtbot.addWidget(dlg)
    assert not dlg.left_behind.isHidden()
    assert dlg.left_behind.text() == versions.left_behind_message(project)
    assert "left behind" in dlg.left_behind.text()
    assert _column(dlg, 8) == ["used: the default is left behind", "default, left behind: folder missing"]
    assert "the project's default trained version was left behind" in dlg.in_use.text()
    dlg.table.selectRow(1)
    assert dlg.selected_version() == (False, 1)
    assert not dlg.use.isEnabled()
    dlg.use_selected()  # nothing it can do
    assert versions.default_version(project) == 1
    dlg.table.selectRow(0)  # the original pipeline: the default no longer points at what is not there
    dlg.use.click()
    assert versions.default_version(project) is None
    assert _column(dlg, 8) == ["default", "left behind: folder missing"]
    assert "(the original pipeline; no trained version is the project's default)" in dlg.in_use.text()
    assert not dlg.left_behind.isHidden()  # still listed, still not beside the file


def test_models_without_versions_says_how_to_make_one(qtbot, window):
    dlg = _models(window)
    qtbot.addWidget(dlg)
    assert dlg.table.rowCount() == 1 and _column(dlg, 8) == ["default"]
    assert dlg.said.text().startswith("No trained versions yet: Project > Train suggestions…")
    assert dlg.left_behind.isHidden() and dlg.overridden.isHidden()


def test_models_says_when_settings_pipeline_is_used_instead(qtbot, window):
    project = window.controller.project
    add_version(project)
    window.settings.set("pipeline", "original")
    try:
        dlg = _models(window)
        qtbot.addWidget(dlg)
        assert not dlg.overridden.isHidden()
        assert dlg.overridden.text().startswith("Settings' spaCy pipeline is 'original': pre-annotation uses it")
        assert "(the original pipeline, as Settings' spaCy pipeline says)" in dlg.in_use.text()
    finally:
        window.settings.set("pipeline", DEFAULT_PIPELINE)


def test_project_models_opens_the_window_and_enter_uses_the_row(qtbot, window):
    """The menu item opens the window on the open project; Enter on a row makes it the default (Escape closes)."""
    from PySide6.QtCore import Qt

    project = window.controller.project
    add_version(project, default=False)
    seen: list[str] = []

    def look(dlg: QDialog) -> None:
        seen.append(dlg.windowTitle())
        dlg.table.setFocus()  # type: ignore[attr-defined]
        dlg.table.selectRow(1)  # type: ignore[attr-defined]
        qtbot.keyClick(dlg.table, Qt.Key.Key_Return)  # type: ignore[attr-defined]

    problems = _when_open(look)
    window.actions_by_name["models"].trigger()
    assert problems == [] and seen == [f"Models of {project.path.name}"]
    assert versions.default_version(project) == 1
