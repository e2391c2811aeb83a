"""A model kept aside by a training whose project was moved or deleted while it ran (session 17, round 9b): attaching
it was possible only on the command line (``annotator models P --attach DIR``). The app now says there is one and
offers to attach it: in Settings for the project open, and in the box at the end of the training (session 18)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from ui_support import close_window, open_window

from annotator.errors import ModelKeptAsideError, ProjectMovedError
from annotator.learn import kept_models, versions
from annotator.store import Project
from ui import file_dialogs

MANIFEST = {"created": "2026-12-04T21:30:00.000+00:00", "documents": 3}


def _train_and_move(project: Project, moved_to: Path | None) -> Path:
    """What a training's save does when its project file went (renamed to ``moved_to`` out of its sight, or deleted
    when None) just before: the trained model (its folder) kept aside; returns that folder."""
    tmp = versions.new_temp_folder(project)
    (tmp / "pipeline").mkdir()
    if moved_to is None:
        os.unlink(project.path)
    else:
        os.rename(project.path, moved_to)
    with pytest.raises(ModelKeptAsideError) as kept:
        kept_models.publish_where_now(project, tmp, MANIFEST, False, ProjectMovedError("moved"))
    return Path(kept.value.kept)


def _settings_attach(qtbot, window) -> tuple[str, int]:  # type: ignore[no-untyped-def]
    from ui.dialogs.settings import SettingsDialog

    dlg = SettingsDialog(window.settings, window, window.controller.project)
    qtbot.addWidget(dlg)
    said = dlg.kept_note.text()
    assert dlg.attach_button.isEnabled()
    dlg.attach_button.click()
    return said, dlg.model.findData(1)


def test_settings_offers_a_model_kept_beside_a_project_put_back_from_a_backup(qtbot, tmp_path, project_path):
    backup = tmp_path / "backup.annotator"
    shutil.copyfile(project_path, backup)
    with Project(project_path, create=False) as p:
        kept = _train_and_move(p, None)  # deleted while it trained
    shutil.copyfile(backup, project_path)  # the backup put back under its name
    window = open_window(qtbot, project_path)
    try:
        said, listed = _settings_attach(qtbot, window)  # on main: no such row (AttributeError)
        assert "kept aside" in said and str(kept) in said and "2026-12-04 21:30" in said, said
        assert listed > 0  # the new version in the model list, to choose as the default
        (info,) = versions.list_versions(window.controller.project)
        assert info.version == 1 and info.present and not info.default
        assert not kept.exists()
    finally:
        close_window(window)


def test_settings_finds_the_model_kept_under_the_old_name_of_a_moved_project(qtbot, tmp_path, project_path):
    moved = tmp_path / "elsewhere" / "moved.annotator"
    moved.parent.mkdir()
    with Project(project_path, create=False) as p:
        kept = _train_and_move(p, moved)
    assert kept.parent == Path(f"{project_path}.models")  # beside the old name, another folder
    window = open_window(qtbot, moved)
    try:
        said, _listed = _settings_attach(qtbot, window)
        assert str(kept) in said, said
        assert [v.version for v in versions.list_versions(window.controller.project) if v.present] == [1]
        assert (Path(f"{moved}.models") / "1" / "pipeline").is_dir()
    finally:
        close_window(window)


def test_settings_shows_no_kept_model_of_another_project(qtbot, project_path):
    """A kept model beside the name whose manifest names another project is not offered (attach would refuse it)."""
    from ui.dialogs.settings import SettingsDialog

    folder = Path(f"{project_path}.models") / "kept-20261204-000000-1"
    (folder / "pipeline").mkdir(parents=True)
    (folder / versions.MANIFEST).write_text('{"born": "another", "created": "x"}', encoding="utf-8")
    window = open_window(qtbot, project_path)
    try:
        dlg = SettingsDialog(window.settings, window, window.controller.project)
        qtbot.addWidget(dlg)
        assert dlg.kept == [] and dlg.kept_row is None
    finally:
        close_window(window)


def test_the_training_s_end_offers_to_attach_the_model_kept_aside(qtbot, tmp_path, project_path, monkeypatch):
    from annotator.learn import train
    from ui.dialogs.training import start_training

    backup = tmp_path / "backup.annotator"
    shutil.copyfile(project_path, backup)

    def trained_then_deleted(project, options, progress=None, cancelled=None):  # type: ignore[no-untyped-def]
        """The run's save meeting its project deleted (the real save, without minutes of training)."""
        tmp = versions.new_temp_folder(project)
        (tmp / "pipeline").mkdir()
        os.unlink(project.path)
        kept_models.publish_where_now(project, tmp, MANIFEST, False, ProjectMovedError("moved"))

    monkeypatch.setattr(train, "train_project", trained_then_deleted)
    monkeypatch.setattr(file_dialogs, "open_file_name", lambda *a, **k: (str(backup), ""))
    window = open_window(qtbot, project_path)
    try:
        start_training(window)
        qtbot.waitUntil(lambda: getattr(window, "kept_model_box", None) is not None, timeout=60_000)
        box: QMessageBox = window.kept_model_box  # on main: a plain 'Training not done' alert, nothing to attach
        assert "the trained model is kept in" in box.text()
        (attach,) = [b for b in box.buttons() if b.text() == "&Attach to a project…"]
        attach.click()
        with Project(backup, create=False) as p:
            (info,) = versions.list_versions(p)
            assert info.version == 1 and info.present
        assert "attached to backup.annotator as version 1" in window.message.text()
    finally:
        # its project closed here, as the tests above close theirs: the window's own close (qtbot's, at the test's
        # end) asks "Quit and lose the work?" once the poll has seen the file deleted, and under load it had: the
        # question waited out the modal guard (120 s) and failed the tear-down
        close_window(window)


def test_models_window_says_a_model_is_kept_aside(qtbot, tmp_path, project_path):
    """Project > Models… (session 31) names a model kept aside for the open project and where Settings attaches it."""
    from ui.dialogs.models import ModelsDialog

    backup = tmp_path / "backup.annotator"
    shutil.copyfile(project_path, backup)
    with Project(project_path, create=False) as p:
        kept = _train_and_move(p, None)
    shutil.copyfile(backup, project_path)
    window = open_window(qtbot, project_path)
    try:
        dlg = ModelsDialog(window)
        qtbot.addWidget(dlg)
        assert not dlg.kept.isHidden()
        assert dlg.kept.text() == (
            f"A model trained while the project was moved or deleted is kept aside: {kept} (Settings > This "
            "project's model attaches it)"
        )
    finally:
        close_window(window)
