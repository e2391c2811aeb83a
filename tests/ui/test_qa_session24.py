"""Session 24 (docs/reliability.md, round 16): the file never loses a keystroke, session 23's Left first. Each test
fails on the code before its fix."""

from __future__ import annotations

import shutil

from ui_support import close_window, open_window


def test_the_app_s_open_removes_the_model_folder_a_killed_training_left(qtbot, project_path):
    """Project > Train suggestions… killed while it wrote its model: its ``.tmp-PID-…`` folder stayed beside the
    project until the next training. The app's open removes it (its process gone)."""
    from training_support import killed_training_folder

    tmp = killed_training_folder(project_path)
    w = open_window(qtbot, project_path)
    try:
        assert not tmp.exists()  # was there until the next training
        assert not tmp.parent.exists()  # nothing else was in the models folder
    finally:
        close_window(w)
        shutil.rmtree(tmp.parent, ignore_errors=True)
