"""Session 7's qa pass in the app: what a user met training suggestions and switching between model versions."""

from __future__ import annotations

from annotator.learn import versions


def _version(project, documents: int, entity_f1: float, default: bool) -> int:  # type: ignore[no-untyped-def]
    """A trained version as Project > Train suggestions… leaves it (its folder and manifest; no pipeline needed to
    list it or to make it the default)."""
    tmp = versions.new_temp_folder(project)
    scores = {"new": {"entities": {"all": {"p": 1.0, "r": 1.0, "f1": entity_f1}}}}
    manifest = {"created": "2026-12-02T15:02:07.767+00:00", "documents": documents, "scores": scores}
    return versions.publish(project, tmp, manifest, default)


def test_settings_switch_the_projects_model_version(qtbot, window, monkeypatch):
    """The only way back from a trained version to the original pipeline (or to an older version) was the command
    line (`annotator models --default`): Settings had a free-text 'spaCy pipeline' box whose tooltip named neither
    'original' nor 'version N'. Settings now lists the open project's versions and sets its default as the command
    line does (one owner: versions.set_default)."""
    from ui.dialogs.settings import SettingsDialog

    project = window.controller.project
    plain = SettingsDialog(window.settings, window, project)
    assert plain.model is None  # no trained version yet: no such row
    plain.deleteLater()

    _version(project, 8, 0.962, default=False)
    _version(project, 12, 0.971, default=True)
    dlg = SettingsDialog(window.settings, window, project)
    qtbot.addWidget(dlg)
    items = [dlg.model.itemText(k) for k in range(dlg.model.count())]
    assert items[0] == "The original pipeline"
    assert items[1] == "Version 1 (2026-12-02 15:02 UTC, 8 documents; F1 entities 0.962)"
    assert items[2].startswith("Version 2 (") and dlg.model.currentData() == 2  # the project's default shown

    def choose_original(self) -> int:  # type: ignore[no-untyped-def]
        self.model.setCurrentIndex(0)
        return 1

    monkeypatch.setattr(SettingsDialog, "exec", choose_original)
    window.settings_dialog()
    assert versions.default_version(project) is None
    assert window.message.text().startswith("The original pipeline is now the default for pre-annotation")

    def choose_first(self) -> int:  # type: ignore[no-untyped-def]
        self.model.setCurrentIndex(self.model.findData(1))
        return 1

    monkeypatch.setattr(SettingsDialog, "exec", choose_first)
    window.settings_dialog()
    assert versions.default_version(project) == 1
    assert "Version 1 is now the default" in window.message.text()


def test_train_suggestions_again_while_training_runs_starts_no_second_run(qtbot, window, monkeypatch):
    """Project > Train suggestions… a second time while the first ran (its bar looks the same as any other work)
    started a second training beside it: both at half speed under one progress bar."""
    from ui.dialogs import training
    from ui.workers import TrainWorker

    started: list = []
    monkeypatch.setattr(window, "start_worker", lambda worker, *a, **k: started.append(worker))
    training.start_training(window)
    assert len(started) == 1 and isinstance(started[0], TrainWorker)
    window.workers.append(started[0])  # running: start_worker keeps it in window.workers until it finishes
    training.start_training(window)
    assert len(started) == 1
    assert window.message.text() == "Training is already running (the bar below; Cancel there stops it)"
    window.workers.remove(started[0])
