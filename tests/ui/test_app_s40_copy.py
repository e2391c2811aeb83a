"""Session 40 (helper s40-app2): File > Save a copy… takes the project's trained models with it, or its line says
where they were left. Each test failed on main before the fix (written and run first)."""

from __future__ import annotations

from ui_support import save_copy_as, train_versions


def test_save_a_copy_takes_the_trained_models_and_the_copy_uses_them(qtbot, window, tmp_path, monkeypatch):
    from annotator.learn import versions

    c = window.controller
    train_versions(c.project, 2)
    said: list[str] = []
    c.info.connect(said.append)
    copy = tmp_path / "away" / "copy.annotator"
    copy.parent.mkdir()
    save_copy_as(window, monkeypatch, copy)
    qtbot.waitUntil(lambda: c.project is not None and c.project.path == copy)
    assert versions.left_behind(c.project) == []
    assert (versions.version_folder(c.project, 2) / "pipeline" / "weights.bin").stat().st_size == 2000
    assert any(
        line.startswith("A copy of the project, with its trained model versions 1, 2, is saved as") for line in said
    ), said


def test_save_a_copy_over_a_models_folder_already_there_leaves_it_and_says_where_the_models_are(
    qtbot, window, tmp_path, monkeypatch
):
    from annotator.learn import versions

    c = window.controller
    train_versions(c.project, 1)
    source = versions.models_dir(c.project)
    copy = tmp_path / "copy.annotator"
    theirs = tmp_path / "copy.annotator.models"
    theirs.mkdir()
    save_copy_as(window, monkeypatch, copy)
    qtbot.waitUntil(lambda: c.project is not None and c.project.path == copy)
    assert list(theirs.iterdir()) == []
    box = window._alert_box
    assert box.isVisible() and box.windowTitle() == "Trained models not copied"
    assert box.text() == (
        f"copy.annotator is saved and open, but its trained models were left in {source}: {theirs} is there already "
        "(not replaced); copy them into it to use them"
    )
    box.close()
