"""The app's Project > Train suggestions… runs in a worker; cancelling it puts no model in use."""

from __future__ import annotations

import pytest

from annotator.learn import versions
from annotator.learn.train import TrainOptions
from annotator.store import Project
from learn_support import tiny_project


@pytest.mark.slow
def test_train_worker_trains_and_a_cancelled_one_leaves_nothing(tmp_path, qtbot):
    from ui.workers import TrainWorker

    tiny_project(tmp_path / "tiny.annotator", 3).close()
    cancelled = TrainWorker(tmp_path / "tiny.annotator", options=TrainOptions(ner_epochs=1, event_epochs=1))
    cancelled.progress.connect(lambda done, total, text: cancelled.cancel())  # cancel at the first progress report
    with qtbot.waitSignal(cancelled.done, timeout=60_000) as blocker:
        cancelled.start()
    assert blocker.args == ["Training: cancelled"]
    cancelled.wait()
    with Project(tmp_path / "tiny.annotator", create=False) as project:
        assert versions.list_versions(project) == []
    worker = TrainWorker(tmp_path / "tiny.annotator", options=TrainOptions(ner_epochs=1, event_epochs=1))
    with qtbot.waitSignal(worker.done, timeout=120_000) as blocker:
        worker.start()
    worker.wait()
    assert "version 1 trained on 3 finished documents" in blocker.args[0]
    assert "entities (all)" in worker.detail  # the held-out table: behind the line (its tooltip), not in it
    with Project(tmp_path / "tiny.annotator", create=False) as project:
        assert [v.version for v in versions.list_versions(project)] == [1]


def test_project_menu_has_train_suggestions(qtbot):
    from ui.main_window import MainWindow
    from ui.settings import AppSettings

    window = MainWindow(AppSettings(), pipeline=lambda: None, auto_preannotate=False)
    qtbot.addWidget(window)
    assert window.project_menu.title() == "&Project"
    assert window.actions_by_name["train"].text() == "&Train suggestions…"
